package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;

/**
 * One customer's place in a campaign selection and why.
 *
 * @param customer the customer
 * @param group treatment, control or excluded
 * @param cause the rule that decided, matching the group
 * @param reason the decision in words: which audience rule admitted the customer, or which
 *     exclusion removed them, with the values that decided
 */
public record Assignment(CustomerId customer, Group group, Cause cause, String reason) {

    /** The rule that placed the customer. */
    public enum Cause {
        /** In the audience, not suppressed, drawn for treatment: contacted. */
        ADMITTED(Group.TREATMENT),
        /** In the audience, not suppressed, held out at random as control. */
        HELD_OUT(Group.CONTROL),
        /** The audience rule did not admit the customer. */
        NOT_IN_AUDIENCE(Group.EXCLUDED),
        /** No marketing consent on the campaign's channel at the contact instant. */
        NO_CONSENT(Group.EXCLUDED),
        /** The customer has a complaint that is not closed. */
        OPEN_COMPLAINT(Group.EXCLUDED),
        /** The contact would exceed the contact cap of the rolling period. */
        CONTACT_FATIGUE(Group.EXCLUDED),
        /** Drawn for treatment, but the budget pays for no more contacts. */
        OVER_BUDGET(Group.EXCLUDED);

        private final Group group;

        Cause(Group group) {
            this.group = group;
        }

        /** @return the group this cause places a customer in */
        public Group group() {
            return group;
        }
    }

    /**
     * Validates the assignment.
     *
     * @param customer the customer
     * @param group the group
     * @param cause the cause, which must place the customer in {@code group}
     * @param reason the reason, non-blank
     * @throws IllegalArgumentException if cause and group disagree or the reason is blank
     */
    public Assignment {
        requireNonNull(customer, "customer");
        requireNonNull(group, "group");
        requireNonNull(cause, "cause");
        requireNonNull(reason, "reason");
        checkArgument(cause.group() == group, "cause %s places a customer in %s, not %s", cause, cause.group(), group);
        checkArgument(!reason.isBlank(), "reason for customer %s is blank", customer.masked());
    }

    /**
     * Returns an assignment whose group follows from the cause.
     *
     * @param customer the customer
     * @param cause the cause
     * @param reason the reason, non-blank
     * @return the assignment
     */
    public static Assignment of(CustomerId customer, Cause cause, String reason) {
        return new Assignment(customer, requireNonNull(cause, "cause").group(), cause, reason);
    }
}
