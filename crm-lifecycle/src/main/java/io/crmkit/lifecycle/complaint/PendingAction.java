package io.crmkit.lifecycle.complaint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Something due on a complaint at an instant, computed from its history and SLA clocks, e.g.
 * "escalate: resolution SLA breached 2h ago".
 *
 * @param trigger the command that would act on it
 * @param reason why it is due, in words (no personal data)
 * @param dueAt when it falls due, if it has a deadline still ahead
 * @param overdue whether a deadline has already passed
 */
public record PendingAction(ComplaintTrigger trigger, String reason, Optional<Instant> dueAt, boolean overdue) {

    /**
     * Validates the action.
     *
     * @param trigger the command that would act on it
     * @param reason why it is due
     * @param dueAt when it falls due
     * @param overdue whether a deadline has already passed
     */
    public PendingAction {
        requireNonNull(trigger, "trigger");
        requireNonNull(reason, "reason");
        requireNonNull(dueAt, "dueAt");
    }

    /** @return e.g. "escalate: resolution SLA breached 2h ago" */
    @Override
    public String toString() {
        return trigger.commandName() + ": " + reason;
    }
}
