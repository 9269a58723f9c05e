package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A dated assessment of the relationship with the account on the six
 * {@link RelationshipDimension dimensions}, each scored 1 to 5, with a weight per dimension.
 *
 * <p>The <b>relationship index</b> is the weighted mean of the scores,
 * {@code index = Σ w_d·s_d / Σ w_d}, on the same 1–5 scale (1 when every score is 1, 5 when every
 * score is 5). The mind map (docs/domain.md §8) names the dimensions but gives no weights; {@link #of(LocalDate, Map)}
 * weighs them equally. Immutable and thread-safe.
 *
 * <pre>{@code
 * RelationshipAssessment a = RelationshipAssessment.of(LocalDate.parse("2026-06-30"), scores);
 * double index = a.index();   // in [1, 5]
 * }</pre>
 */
public final class RelationshipAssessment {

    /** The lowest score of a dimension. */
    public static final int MIN_SCORE = 1;
    /** The highest score of a dimension. */
    public static final int MAX_SCORE = 5;
    /** The largest weight accepted for one dimension. */
    public static final double MAX_WEIGHT = 1e6;

    private final LocalDate date;
    private final Map<RelationshipDimension, Integer> scores;
    private final Map<RelationshipDimension, Double> weights;
    private final double index;

    private RelationshipAssessment(LocalDate date, Map<RelationshipDimension, Integer> scores,
            Map<RelationshipDimension, Double> weights) {
        this.date = date;
        this.scores = scores;
        this.weights = weights;
        double sum = 0;
        double weightSum = 0;
        for (RelationshipDimension d : RelationshipDimension.values()) {
            sum += weights.get(d) * scores.get(d);
            weightSum += weights.get(d);
        }
        // a weighted mean of values in [1, 5] lies in [1, 5]; clamp the last-bit rounding
        this.index = Math.max(MIN_SCORE, Math.min(MAX_SCORE, sum / weightSum));
    }

    /**
     * Returns an assessment with every dimension weighted equally.
     *
     * @param date the day of the assessment
     * @param scores a score from 1 to 5 for each of the six dimensions
     * @return the assessment
     * @throws IllegalArgumentException if a dimension is missing or a score is outside 1..5
     */
    public static RelationshipAssessment of(LocalDate date, Map<RelationshipDimension, Integer> scores) {
        Map<RelationshipDimension, Double> equal = new EnumMap<>(RelationshipDimension.class);
        for (RelationshipDimension d : RelationshipDimension.values()) {
            equal.put(d, 1.0);
        }
        return of(date, scores, equal);
    }

    /**
     * Returns an assessment with the given weights.
     *
     * @param date the day of the assessment
     * @param scores a score from 1 to 5 for each of the six dimensions
     * @param weights a weight for each of the six dimensions: finite, from 0 to {@link #MAX_WEIGHT},
     *     at least one above 0 (only their ratios matter)
     * @return the assessment
     * @throws IllegalArgumentException if a dimension is missing, a score is outside 1..5, a weight is
     *     negative, not finite or too large, or all weights are 0
     */
    public static RelationshipAssessment of(LocalDate date, Map<RelationshipDimension, Integer> scores,
            Map<RelationshipDimension, Double> weights) {
        requireNonNull(date, "date");
        Map<RelationshipDimension, Integer> s = new EnumMap<>(RelationshipDimension.class);
        Map<RelationshipDimension, Double> w = new EnumMap<>(RelationshipDimension.class);
        boolean anyPositive = false;
        for (RelationshipDimension d : RelationshipDimension.values()) {
            Integer score = scores.get(d);
            checkArgument(score != null, "score %s of the assessment of %s is missing: all six dimensions are scored",
                    d, date);
            checkArgument(score >= MIN_SCORE && score <= MAX_SCORE,
                    "score %s of the assessment of %s is %s: a score is from %s to %s", d, date, score, MIN_SCORE, MAX_SCORE);
            Double weight = weights.get(d);
            checkArgument(weight != null, "weight %s of the assessment of %s is missing: give all six or none", d, date);
            checkArgument(Double.isFinite(weight) && weight >= 0 && weight <= MAX_WEIGHT,
                    "weight %s of the assessment of %s is %s: a weight is finite, from 0 to %s", d, date, weight, MAX_WEIGHT);
            anyPositive |= weight > 0;
            s.put(d, score);
            w.put(d, weight);
        }
        checkArgument(anyPositive, "weights of the assessment of %s are all 0: at least one must be positive", date);
        return new RelationshipAssessment(date, Collections.unmodifiableMap(s), Collections.unmodifiableMap(w));
    }

    /** @return the day of the assessment */
    public LocalDate date() {
        return date;
    }

    /** @return the score of each of the six dimensions, 1 to 5, in declaration order */
    public Map<RelationshipDimension, Integer> scores() {
        return scores;
    }

    /** @return the weight of each of the six dimensions, in declaration order */
    public Map<RelationshipDimension, Double> weights() {
        return weights;
    }

    /** @return the relationship index {@code Σ w_d·s_d / Σ w_d}, in [1, 5] */
    public double index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelationshipAssessment a && a.date.equals(date) && a.scores.equals(scores)
                && a.weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return date.hashCode() * 31 + scores.hashCode();
    }

    /** @return for example {@code RelationshipAssessment[2026-06-30 index 3.00 {ACCEPTANCE=3, …}]} */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "RelationshipAssessment[%s index %.2f %s]", date, index, scores);
    }
}
