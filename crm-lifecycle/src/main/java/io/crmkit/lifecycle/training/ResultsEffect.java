package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The level-4 effect of a course estimated by {@link DifferenceInDifferences}: how much more (or
 * less) the trained customers' outcome changed than the comparison customers' over the same
 * windows, per customer per window, with a percentile bootstrap interval.
 *
 * @param effect the difference-in-differences, {@code trainedChange − untrainedChange}
 * @param low the interval's lower bound, at most {@code high}
 * @param high the interval's upper bound
 * @param confidence the interval's nominal coverage, e.g. 0.95
 * @param trainedChange the trained customers' mean change {@code after − before}
 * @param untrainedChange the comparison customers' mean change
 * @param trainedCustomers how many trained customers were compared, at least 2
 * @param untrainedCustomers how many comparison customers, at least 2
 * @param replicates bootstrap replicates drawn
 * @param seed the seed of the resampling
 */
public record ResultsEffect(double effect, double low, double high, double confidence, double trainedChange,
        double untrainedChange, int trainedCustomers, int untrainedCustomers, int replicates, long seed) {

    /**
     * Validates the effect.
     *
     * @param effect the effect
     * @param low the lower bound
     * @param high the upper bound
     * @param confidence the coverage
     * @param trainedChange the trained mean change
     * @param untrainedChange the comparison mean change
     * @param trainedCustomers trained customers
     * @param untrainedCustomers comparison customers
     * @param replicates replicates
     * @param seed the seed
     * @throws IllegalArgumentException if a number is not finite or the bounds are out of order
     */
    public ResultsEffect {
        checkArgument(Double.isFinite(effect) && Double.isFinite(low) && Double.isFinite(high)
                && Double.isFinite(trainedChange) && Double.isFinite(untrainedChange),
                "results effect %s [%s, %s] is not finite", effect, low, high);
        checkArgument(low <= high, "results interval [%s, %s] is out of order", low, high);
        checkArgument(confidence > 0 && confidence < 1, "confidence %s is outside (0, 1)", confidence);
        checkArgument(trainedCustomers >= 2 && untrainedCustomers >= 2,
                "groups of %s trained and %s comparison customers: each needs at least 2", trainedCustomers,
                untrainedCustomers);
        checkArgument(replicates >= 1, "replicates %s is below 1", replicates);
    }

    /**
     * Tells whether the interval contains a value.
     *
     * @param value the value, e.g. 0 for "no effect"
     * @return true if {@code low ≤ value ≤ high}
     */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
