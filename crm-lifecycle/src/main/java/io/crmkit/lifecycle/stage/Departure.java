package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * A lost customer: who, when they were lost, why (a cause code from the exit interview or the
 * complaint history, e.g. {@code price}, {@code service}, {@code moved-away}, {@code unknown}) and
 * which class of customer they were (e.g. a value class or tier).
 *
 * @param customer the customer
 * @param lostAt when the customer was lost
 * @param cause the cause code, not blank
 * @param customerClass the customer's class, not blank
 */
public record Departure(CustomerId customer, Instant lostAt, String cause, String customerClass) {

    /**
     * Validates the departure.
     *
     * @param customer the customer
     * @param lostAt when lost
     * @param cause the cause code, not blank
     * @param customerClass the class, not blank
     * @throws IllegalArgumentException if the cause or class is blank
     */
    public Departure {
        requireNonNull(customer, "customer");
        requireNonNull(lostAt, "lostAt");
        requireNonNull(cause, "cause");
        requireNonNull(customerClass, "customerClass");
        checkArgument(!cause.isBlank(), "cause of departure of customer %s is blank: use 'unknown' if unknown",
                customer.masked());
        checkArgument(!customerClass.isBlank(), "customerClass of departure of customer %s is blank", customer.masked());
    }

    /**
     * Detects a departure with a churn policy: a customer the policy calls lost left at the end of
     * their inactivity window (or at the history's instant if the policy cannot date it).
     *
     * @param history the customer's purchases
     * @param policy the churn policy
     * @param cause the cause code
     * @param customerClass the customer's class
     * @return the departure, or empty if the customer is not lost
     */
    public static Optional<Departure> detect(PurchaseHistory history, ChurnPolicy policy, String cause,
            String customerClass) {
        ChurnDecision d = requireNonNull(policy, "policy").assess(requireNonNull(history, "history"));
        if (!d.churned()) {
            return Optional.empty();
        }
        return Optional.of(new Departure(history.customer(), d.churnedAt().orElse(history.asOf()), cause,
                customerClass));
    }
}
