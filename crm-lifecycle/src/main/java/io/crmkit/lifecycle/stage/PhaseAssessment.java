package io.crmkit.lifecycle.stage;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer's product-style phase with the spend it was read from.
 *
 * @param customer the customer
 * @param phase the phase
 * @param spendPerPeriod the amount spent in each period, oldest first (in the purchases' currency)
 * @param trend the least-squares slope of spend per period divided by the mean spend per period:
 *        the relative change per period (0.1 = +10 % of the mean per period); 0 when nothing was
 *        spent
 * @param reason why, in words
 */
public record PhaseAssessment(CustomerId customer, LifecyclePhase phase, List<BigDecimal> spendPerPeriod, double trend,
        String reason) {

    /**
     * Validates the assessment.
     *
     * @param customer the customer
     * @param phase the phase
     * @param spendPerPeriod spend per period, oldest first
     * @param trend the relative slope, finite
     * @param reason why
     * @throws IllegalArgumentException if the trend is not finite
     */
    public PhaseAssessment {
        requireNonNull(customer, "customer");
        requireNonNull(phase, "phase");
        spendPerPeriod = List.copyOf(spendPerPeriod);
        requireNonNull(reason, "reason");
        if (!Double.isFinite(trend)) {
            throw new IllegalArgumentException("trend " + trend + " of customer " + customer.masked() + " is not finite");
        }
    }
}
