package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.LoyaltyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A loyalty-journal writer run in a separate JVM by {@link LoyaltyCrashTest}: {@code URL COUNT}
 * appends up to COUNT events for three members (every fourth append a batch of three) and prints
 * {@code ok ID} for each event once its append returned.
 */
public final class JournalWriterMain {

    private JournalWriterMain() {
    }

    /** The i-th event the writer appends. */
    static LoyaltyEvent event(int i) {
        CustomerId member = CustomerId.of("m" + (i % 3));
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        return i % 2 == 0 ? new LoyaltyEvent.Awarded("w-" + i, member, at, 10 + i, "crash test")
                : new LoyaltyEvent.Redeemed("w-" + i, member, at, 1);
    }

    /**
     * Runs the writer.
     *
     * @param args the JDBC URL and the number of events
     */
    public static void main(String[] args) {
        LoyaltyStore journal = Fixtures.open(CrmStore.dataSource(args[0])).loyalty();
        int count = Integer.parseInt(args[1]);
        int i = 0;
        for (int round = 0; i < count; round++) {
            List<LoyaltyEvent> batch = new ArrayList<>();
            for (int n = round % 4 == 3 ? 3 : 1; n > 0; n--) {
                batch.add(event(i++));
            }
            if (batch.size() == 1) {
                journal.appendIfAbsent(batch.get(0));
            } else {
                journal.appendAllIfAbsent(batch);
            }
            for (LoyaltyEvent e : batch) {
                System.out.println("ok " + e.id());
            }
        }
        System.out.flush();
    }
}
