package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;

/**
 * A customer's outcome (complaints, purchases or spend) in the window before and the equally long
 * window after a course.
 *
 * @param customer the customer
 * @param before the outcome before, finite, magnitude at most {@value #MAX_MAGNITUDE}
 * @param after the outcome after, finite, magnitude at most {@value #MAX_MAGNITUDE}
 */
public record CustomerOutcome(CustomerId customer, double before, double after) {

    /** The largest magnitude accepted, so that sums over any number of customers stay finite. */
    public static final double MAX_MAGNITUDE = 1e15;

    /**
     * Validates the outcome.
     *
     * @param customer the customer
     * @param before the outcome before
     * @param after the outcome after
     * @throws IllegalArgumentException if a value is not finite or beyond {@value #MAX_MAGNITUDE}
     */
    public CustomerOutcome {
        requireNonNull(customer, "customer");
        checkArgument(Math.abs(before) <= MAX_MAGNITUDE, "outcome before %s of customer %s is not a finite number "
                + "of magnitude at most 1e15", before, customer.masked());
        checkArgument(Math.abs(after) <= MAX_MAGNITUDE, "outcome after %s of customer %s is not a finite number "
                + "of magnitude at most 1e15", after, customer.masked());
    }

    /**
     * Returns an outcome.
     *
     * @param customer the customer
     * @param before the outcome before
     * @param after the outcome after
     * @return the outcome
     */
    public static CustomerOutcome of(CustomerId customer, double before, double after) {
        return new CustomerOutcome(customer, before, after);
    }

    /** @return {@code after − before} */
    public double change() {
        return after - before;
    }
}
