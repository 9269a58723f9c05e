package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Period;

/**
 * The stated scales of a course's evaluation: the reaction survey's scale (level 1), the test's
 * maximum score (level 2) and the delay after the last session before behaviour is observed
 * (level 3).
 *
 * @param reactionMin the lowest rating of the reaction scale
 * @param reactionMax the highest rating, above {@code reactionMin}
 * @param testMax the test's maximum score, positive (scores run from 0 to it)
 * @param followUpDelay how long after the last session behaviour may be observed, not negative
 */
public record EvaluationPlan(int reactionMin, int reactionMax, double testMax, Period followUpDelay) {

    /**
     * Validates the plan.
     *
     * @param reactionMin the lowest rating
     * @param reactionMax the highest rating
     * @param testMax the maximum score
     * @param followUpDelay the follow-up delay
     * @throws IllegalArgumentException if the scale is empty, the maximum score is not positive and
     *         finite (at most 1e9) or the delay is negative
     */
    public EvaluationPlan {
        requireNonNull(followUpDelay, "followUpDelay");
        checkArgument(reactionMin < reactionMax, "reaction scale %s-%s is empty: the maximum must exceed the minimum",
                reactionMin, reactionMax);
        checkArgument(testMax > 0 && testMax <= 1e9, "test maximum %s is outside (0, 1e9]", testMax);
        checkArgument(!followUpDelay.isNegative(), "follow-up delay %s is negative", followUpDelay);
    }

    /**
     * The defaults: a five-point reaction scale (1 very dissatisfied … 5 very satisfied), tests
     * scored 0–100, behaviour observed 90 days after the last session.
     *
     * @return the plan
     */
    public static EvaluationPlan standard() {
        return new EvaluationPlan(1, 5, 100, Period.ofDays(90));
    }

    /**
     * Returns a plan.
     *
     * @param reactionMin the lowest rating
     * @param reactionMax the highest rating
     * @param testMax the maximum score
     * @param followUpDelay the follow-up delay
     * @return the plan
     */
    public static EvaluationPlan of(int reactionMin, int reactionMax, double testMax, Period followUpDelay) {
        return new EvaluationPlan(reactionMin, reactionMax, testMax, followUpDelay);
    }
}
