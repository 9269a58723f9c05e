package io.crmkit.lifecycle.care;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.PersonalData;
import java.time.Instant;
import java.util.Optional;

/**
 * A dated care task: whom to contact, why, what to do, who does it, by when, and when it was done.
 *
 * @param customer the customer
 * @param moment the moment that caused it
 * @param action what to do
 * @param assignee who does it (the event's owner)
 * @param eventAt when the causing event happened
 * @param due the deadline
 * @param doneAt when it was done, if it was
 */
public record CareTask(CustomerId customer, CareMoment moment, String action, String assignee, Instant eventAt,
        Instant due, Optional<Instant> doneAt) {

    /**
     * Validates the task.
     *
     * @param customer the customer
     * @param moment the moment
     * @param action what to do
     * @param assignee who does it
     * @param eventAt when the event happened
     * @param due the deadline
     * @param doneAt when it was done
     */
    public CareTask {
        requireNonNull(customer, "customer");
        requireNonNull(moment, "moment");
        requireNonNull(action, "action");
        requireNonNull(assignee, "assignee");
        requireNonNull(eventAt, "eventAt");
        requireNonNull(due, "due");
        requireNonNull(doneAt, "doneAt");
    }

    /**
     * Marks the task done.
     *
     * @param at when it was done
     * @return the done task
     * @throws IllegalArgumentException if it is already done
     */
    public CareTask doneAt(Instant at) {
        requireNonNull(at, "at");
        checkArgument(doneAt.isEmpty(), "care task '%s' for customer %s is already done", action, customer.masked());
        return new CareTask(customer, moment, action, assignee, eventAt, due, Optional.of(at));
    }

    /**
     * Tells whether the task is overdue at an instant: not done by then and past its deadline.
     *
     * @param asOf the instant
     * @return true if overdue
     */
    public boolean isOverdue(Instant asOf) {
        boolean doneByThen = doneAt.isPresent() && !doneAt.get().isAfter(asOf);
        return !doneByThen && asOf.isAfter(due);
    }

    /** @return whether it was done after its deadline */
    public boolean wasLate() {
        return doneAt.isPresent() && doneAt.get().isAfter(due);
    }

    /**
     * Returns the task as a record prints it, with the customer id and the assignee masked by
     * {@link PersonalData#maskIdentifier} (an assignee that is a phone number or an e-mail address).
     *
     * @return the task, masked
     */
    @Override
    public String toString() {
        return "CareTask[customer=" + customer.masked() + ", moment=" + moment + ", action=" + action + ", assignee="
                + PersonalData.maskIdentifier(assignee) + ", eventAt=" + eventAt + ", due=" + due + ", doneAt=" + doneAt
                + "]";
    }
}
