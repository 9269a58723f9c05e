package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * An estimate with its confidence interval, for example the uplift in response rate with its 95 %
 * limits. All values are finite and {@code low <= estimate <= high}.
 *
 * @param estimate the point estimate
 * @param low the lower limit
 * @param high the upper limit
 * @param level the confidence level in (0, 1), e.g. 0.95
 */
public record ConfidenceInterval(double estimate, double low, double high, double level) {

    /**
     * Validates the interval.
     *
     * @param estimate the estimate
     * @param low the lower limit
     * @param high the upper limit
     * @param level the level
     * @throws IllegalArgumentException if a value is not finite, the limits do not hold the
     *     estimate, or the level is outside (0, 1)
     */
    public ConfidenceInterval {
        checkArgument(Double.isFinite(estimate) && Double.isFinite(low) && Double.isFinite(high),
                "interval %s [%s, %s] is not finite", estimate, low, high);
        checkArgument(low <= estimate && estimate <= high, "interval [%s, %s] does not hold its estimate %s", low, high, estimate);
        checkArgument(level > 0 && level < 1, "confidence level %s is outside (0, 1)", level);
    }

    /**
     * Whether the interval holds a value.
     *
     * @param value the value
     * @return true if {@code low <= value <= high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** @return for example {@code 0.0400 (95% CI 0.0137 to 0.0664)} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f (%s%% CI %.4f to %.4f)", estimate,
                new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString(), low, high);
    }
}
