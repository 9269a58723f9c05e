package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.LoyaltyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A loyalty-journal writer run in a separate JVM. For {@link LoyaltyCrashTest}, {@code URL COUNT}
 * appends up to COUNT events for three members (every fourth append a batch of three) and prints
 * {@code ok ID} for each event once its append returned. For {@link LoyaltyConcurrencyTest},
 * {@code race URL COUNT} appends events 0 to COUNT - 1 one by one, printing {@code won ID} or
 * {@code lost ID}.
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
     * @param args the mode ({@code race}, or none for the crash writer), the JDBC URL and the number of events
     */
    public static void main(String[] args) {
        if (args[0].equals("race")) {
            LoyaltyStore journal = Fixtures.open(CrmStore.dataSource(args[1])).loyalty();
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                LoyaltyEvent e = event(i);
                System.out.println((journal.appendIfAbsent(e).isEmpty() ? "won " : "lost ") + e.id());
            }
            System.out.flush();
            return;
        }
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
