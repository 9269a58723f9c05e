package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.util.OptionalDouble;

/**
 * A customer's learning on Kirkpatrick's level 2: test scores before and after, the gain
 * {@code post − pre} in score points, and the normalised gain
 * {@code g = (post − pre) / (max − pre)}, the share of the possible improvement achieved (R. R.
 * Hake, "Interactive-engagement versus traditional methods", American Journal of Physics 66(1),
 * 64–74, 1998, eq. 1, there on class averages; here per customer). A customer who already scored
 * the maximum before is <em>at the ceiling</em>: the normalised gain is undefined and reported as
 * empty, never divided by zero.
 *
 * @param customer the customer
 * @param pre the score before, 0 to {@code max}
 * @param post the score after, 0 to {@code max}
 * @param max the test's maximum score, positive
 */
public record LearningGain(CustomerId customer, double pre, double post, double max) {

    /**
     * Validates the scores.
     *
     * @param customer the customer
     * @param pre the score before
     * @param post the score after
     * @param max the maximum
     * @throws IllegalArgumentException if a score is outside [0, max] or max is not positive
     */
    public LearningGain {
        requireNonNull(customer, "customer");
        checkArgument(max > 0 && max <= 1e9, "test maximum %s is outside (0, 1e9]", max);
        checkArgument(pre >= 0 && pre <= max, "pre-test score %s of customer %s is outside [0, %s]", pre, customer.masked(), max);
        checkArgument(post >= 0 && post <= max, "post-test score %s of customer %s is outside [0, %s]", post, customer.masked(),
                max);
    }

    /**
     * Returns the scores of a customer.
     *
     * @param customer the customer
     * @param pre the score before
     * @param post the score after
     * @param max the maximum
     * @return the learning
     */
    public static LearningGain of(CustomerId customer, double pre, double post, double max) {
        return new LearningGain(customer, pre, post, max);
    }

    /** @return {@code post − pre}, in score points, from {@code −max} to {@code max} */
    public double gain() {
        return post - pre;
    }

    /** @return whether the pre-test score is already the maximum */
    public boolean atCeiling() {
        return pre == max;
    }

    /**
     * Returns the normalised gain {@code (post − pre) / (max − pre)}: 1 when the customer reached
     * the maximum, 0 without change, negative when the score fell (down to {@code −pre / (max − pre)}).
     *
     * @return the normalised gain, empty {@linkplain #atCeiling() at the ceiling}
     */
    public OptionalDouble normalisedGain() {
        return atCeiling() ? OptionalDouble.empty() : OptionalDouble.of((post - pre) / (max - pre));
    }
}
