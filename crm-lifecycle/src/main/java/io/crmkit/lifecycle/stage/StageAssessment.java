package io.crmkit.lifecycle.stage;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;

/**
 * A customer's life-cycle stage with the reason for it.
 *
 * @param customer the customer
 * @param stage the stage
 * @param reason why, in words, e.g. "5 visits, no purchase for 20 days, within 3.0 x the median gap of 30 days"
 */
public record StageAssessment(CustomerId customer, LifecycleStage stage, String reason) {

    /**
     * Validates the assessment.
     *
     * @param customer the customer
     * @param stage the stage
     * @param reason why
     */
    public StageAssessment {
        requireNonNull(customer, "customer");
        requireNonNull(stage, "stage");
        requireNonNull(reason, "reason");
    }
}
