package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a complaint from stored events, accepting only a history that commands on the
 * workflow could have recorded: the table, the time order, the hash chain, the role, owner and
 * customer checks and every guard are checked again on the complaint as the history has it so
 * far; external guards must be recorded as passed. See
 * {@link Complaint#replay(ComplaintWorkflow, Iterable, String)}.
 */
final class ComplaintReplay {

    private ComplaintReplay() {
    }

    static Complaint replay(ComplaintWorkflow workflow, Iterable<ComplaintEvent> events, @Nullable String expectedHead) {
        Complaint c = null;
        int n = 0;
        for (ComplaintEvent e : requireNonNull(events, "events")) {
            n++;
            checkArgument(e != null, "event %s is null: a history holds one event per recorded command", n);
            if (c == null) {
                checkArgument(e.trigger() == ComplaintTrigger.RECEIVE && e.from() == ComplaintState.NEW,
                        "event 1 is %s from %s: a history starts with receive from NEW", e.trigger().commandName(),
                        e.from());
                Transition row = row(workflow, e, n);
                checkLink(e, ComplaintEvent.GENESIS, n);
                recheck(workflow, Complaint.receiptContext(workflow, e.command()), e, row, n);
                c = checkDue(Complaint.first(workflow, e, row), e, row, n);
                continue;
            }
            // each check is tested before its message is built: checking an event allocates nothing
            if (e.from() != c.state()) {
                throw new IllegalArgumentException(String.format("event %s (%s) starts from %s but the complaint %s "
                        + "is in %s", n, e.trigger().commandName(), e.from(), c.id(), c.state()));
            }
            Transition row = row(workflow, e, n);
            if (e.at().isBefore(c.lastEvent().at())) {
                throw new IllegalArgumentException(String.format("event %s at %s is before event %s at %s", n, e.at(),
                        n - 1, c.lastEvent().at()));
            }
            checkLink(e, c.headHash(), n);
            recheck(workflow, c.context(), e, row, n);
            c = checkDue(c.next(e, row), e, row, n);
        }
        checkArgument(c != null, "history is empty: a complaint starts with a receive event");
        if (expectedHead != null) {
            checkArgument(c.headHash().equals(expectedHead),
                    "history of complaint %s ends at event %s with hash %s, but the expected head is %s: events "
                            + "were dropped, added or edited", c.id(), n, c.headHash(), expectedHead);
        }
        return c;
    }

    /** The check {@code apply} makes of the SLA clocks' due instants (see {@link Complaint#checkDue}). */
    private static Complaint checkDue(Complaint c, ComplaintEvent e, Transition row, int n) {
        try {
            return Complaint.checkDue(c, e, row);
        } catch (InstantOutOfRangeException late) {
            throw new IllegalArgumentException("event " + n + " (" + e.trigger().commandName() + ") could not have "
                    + "been recorded: " + late.getMessage(), late);
        }
    }

    private static Transition row(ComplaintWorkflow workflow, ComplaintEvent e, int n) {
        Transition row = workflow.row(e.from(), e.trigger());
        if (row == null || row.to() != e.to()) {
            throw new IllegalArgumentException(String.format("event %s: %s from %s to %s is not in the workflow's "
                    + "table", n, e.trigger().commandName(), e.from(), e.to()));
        }
        return row;
    }

    private static void checkLink(ComplaintEvent e, String expectedPrevious, int n) {
        if (!e.previousHash().equals(expectedPrevious)) {
            throw new IllegalArgumentException(String.format("event %s (%s) links to hash %s, but the event before it "
                    + "has hash %s: the history was edited, reordered or cut", n, e.trigger().commandName(),
                    e.previousHash(), expectedPrevious));
        }
    }

    /** Runs the checks of {@code apply} again; an external guard must be recorded in the event instead. */
    private static void recheck(ComplaintWorkflow workflow, GuardContext context, ComplaintEvent e, Transition row,
            int n) {
        try {
            workflow.checkGuards(context, e.command(), row, false);
        } catch (ComplaintRefusedException refused) {
            throw new IllegalArgumentException("event " + n + " (" + e.trigger().commandName() + " at " + e.at()
                    + ") could not have been recorded: " + refused.getMessage(), refused);
        }
        if (!recordsExternalGuards(e.externalGuards(), row.guards())) {
            List<String> external = row.guardList().stream().filter(Guard::isExternal).map(Guard::name).toList();
            throw new IllegalArgumentException(String.format("event %s (%s) records external guards %s, but its row "
                    + "has %s: the event was not recorded by this workflow", n, e.trigger().commandName(),
                    e.externalGuards(), external));
        }
    }

    /** @return whether {@code recorded} names exactly the external guards of {@code guards}, in order */
    private static boolean recordsExternalGuards(List<String> recorded, Guard[] guards) {
        int i = 0;
        for (Guard g : guards) {
            if (g.isExternal()) {
                if (i >= recorded.size() || !recorded.get(i).equals(g.name())) {
                    return false;
                }
                i++;
            }
        }
        return i == recorded.size();
    }
}
