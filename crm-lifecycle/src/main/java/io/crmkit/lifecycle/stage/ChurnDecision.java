package io.crmkit.lifecycle.stage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A churn policy's verdict on one customer, with its reason in words.
 *
 * @param policy the name of the policy that decided
 * @param churned whether the customer is considered lost
 * @param reason why, in words, e.g. "no purchase for 400 days, more than the 365-day window"
 * @param churnedAt when the customer became lost by this policy's rule, if it can say (the end of
 *        the inactivity window); empty if not churned or not datable
 */
public record ChurnDecision(String policy, boolean churned, String reason, Optional<Instant> churnedAt) {

    /**
     * Validates the decision.
     *
     * @param policy the policy's name
     * @param churned whether lost
     * @param reason why
     * @param churnedAt when the customer became lost
     */
    public ChurnDecision {
        requireNonNull(policy, "policy");
        requireNonNull(reason, "reason");
        requireNonNull(churnedAt, "churnedAt");
    }
}
