package io.crmkit.store;

import static io.crmkit.store.Fixtures.WANG;

import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import java.time.Instant;

/**
 * A writer run in a separate JVM by {@link ConcurrencyTest}, {@link CrashTest} and {@link StoreLifecycleTest}. Modes:
 * {@code race URL ID NAME COUNT} appends COUNT commands to complaint ID, reloading and retrying
 * on every conflict, printing {@code won V} or {@code conflict V}; {@code crash URL ID COUNT}
 * appends up to COUNT commands and prints {@code ok V} after each append returned; {@code open URL
 * ID} opens the store, receives complaint ID and prints {@code opened 1}, or {@code refused} and
 * the store's message.
 */
public final class StreamWriterMain {

    private StreamWriterMain() {
    }

    /** The next command of the endless test stream: ask the customer, the customer answers. */
    static ComplaintCommand next(Complaint c, String note) {
        Instant at = c.lastEvent().at().plusSeconds(60);
        ComplaintTrigger t = c.state() == ComplaintState.AWAITING_CUSTOMER ? ComplaintTrigger.CUSTOMER_RESPONDED
                : ComplaintTrigger.REQUEST_INFORMATION;
        return ComplaintCommand.of(t, at, WANG).withNote(note);
    }

    /**
     * Runs one mode.
     *
     * @param args the mode and its arguments
     */
    public static void main(String[] args) {
        if (args[0].equals("open")) {
            try (CrmStore opened = Fixtures.open(CrmStore.dataSource(args[1]))) {
                System.out.println("opened " + opened.complaints().append(Fixtures.received(args[2]), 0, args[2])
                        .version());
            } catch (StoreException e) {
                System.out.println("refused " + e.getMessage());
            }
            System.out.flush();
            return;
        }
        CrmStore store = Fixtures.open(CrmStore.dataSource(args[1]));
        ComplaintStore complaints = store.complaints();
        String id = args[2];
        if (args[0].equals("race")) {
            String name = args[3];
            int count = Integer.parseInt(args[4]);
            int won = 0;
            while (won < count) {
                Complaint c = complaints.load(id).orElseThrow();
                Complaint next = c.apply(next(c, name + " " + won));
                try {
                    complaints.append(next, c.eventCount(), name + "-" + won);
                    System.out.println("won " + next.eventCount());
                    won++;
                } catch (VersionConflictException e) {
                    System.out.println("conflict " + e.currentVersion());
                }
            }
        } else {
            int count = Integer.parseInt(args[3]);
            Complaint c = complaints.load(id).orElseThrow();
            for (int i = 0; i < count; i++) {
                Complaint next = c.apply(next(c, "crash " + i));
                complaints.append(next, c.eventCount(), "crash-" + i);
                System.out.println("ok " + next.eventCount());
                c = next;
            }
        }
        System.out.flush();
    }
}
