package io.crmkit.scoring.satisfaction;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SERVQUAL questionnaire (docs/domain.md §6: satisfaction = performance − expectation): items
 * grouped into the RATER dimensions, answered for expectation and perception on a stated scale
 * (e.g. 1 to 7), and dimension weights that sum to 1 (SERVQUAL derives them from the
 * respondents' allocation of 100 points, Parasuraman, Zeithaml and Berry 1988). Unless set, the
 * weights are equal over the dimensions the questionnaire has items for (0.2 each when all five
 * RATER dimensions have items, 0.5 each when only two do); a weight set above 0 on a dimension
 * without items is refused when the questionnaire is built, so every weighted dimension can be
 * rated. The gap of an item is its mean perception minus its mean expectation, a dimension's
 * gap the mean of its items' gaps, and the overall gap {@code sum_d weight_d · gap_d}.
 *
 * <pre>{@code
 * ServiceQuality q = ServiceQuality.builder(1, 7).item("on-time", RaterDimension.RELIABILITY).item("polite", RaterDimension.ASSURANCE)
 *         .weight(RaterDimension.RELIABILITY, 0.6).weight(RaterDimension.ASSURANCE, 0.4).build();
 * ServiceQualityReport r = q.assess(List.of(new ItemRating("on-time", 6, 4), new ItemRating("polite", 5, 6)));   // overall -0.8
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceQuality {

    /**
     * Ratings and gaps are summed in units of 2^64 (scaling by a power of two is exact), so that sums
     * near the top of the double range cannot overflow while ordinary gaps stay bit-identical.
     */
    private static final double SUM_UNIT = 0x1p-64;

    private static final double WEIGHT_TOLERANCE = 1e-9;

    private final double scaleMin;
    private final double scaleMax;
    private final ImmutableMap<String, RaterDimension> items;
    private final ImmutableMap<RaterDimension, Double> weights;

    private ServiceQuality(Builder b) {
        this.scaleMin = b.scaleMin;
        this.scaleMax = b.scaleMax;
        this.items = ImmutableMap.copyOf(b.items);
        checkArgument(!items.isEmpty(), "the questionnaire has no items: declare at least one");
        Map<RaterDimension, Double> w = new EnumMap<>(RaterDimension.class);
        java.util.Set<RaterDimension> asked = java.util.EnumSet.noneOf(RaterDimension.class);
        asked.addAll(items.values());
        if (b.weights.isEmpty()) {
            for (RaterDimension d : asked) {
                w.put(d, 1.0 / asked.size());
            }
        } else {
            w.putAll(b.weights);
        }
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        checkArgument(Math.abs(sum - 1.0) <= WEIGHT_TOLERANCE, "dimension weights sum to %s: they must sum to 1", sum);
        w.forEach((d, weight) -> checkArgument(weight == 0 || asked.contains(d),
                "dimension %s has weight %s but no item: declare an item for it or give it weight 0", d, weight));
        this.weights = ImmutableMap.copyOf(w);
    }

    /**
     * Starts a questionnaire on a scale.
     *
     * @param scaleMin the lowest answer, finite
     * @param scaleMax the highest answer, finite, above scaleMin
     * @return the builder
     * @throws IllegalArgumentException if the scale is empty, not finite or wider than the double range
     */
    public static Builder builder(double scaleMin, double scaleMax) {
        checkArgument(Double.isFinite(scaleMin) && Double.isFinite(scaleMax) && scaleMin < scaleMax,
                "scale [%s, %s] is invalid: it needs finite ends, the lower below the upper", scaleMin, scaleMax);
        checkArgument(Double.isFinite(scaleMax - scaleMin),
                "scale [%s, %s] is invalid: its width, the largest possible gap, exceeds the range of a double",
                scaleMin, scaleMax);
        return new Builder(scaleMin, scaleMax);
    }

    /** @return the items and their dimensions, in declaration order */
    public Map<String, RaterDimension> items() {
        return items;
    }

    /** @return the dimension weights (summing to 1) */
    public Map<RaterDimension, Double> weights() {
        return weights;
    }

    /**
     * Computes the gaps from the respondents' ratings.
     *
     * @param ratings the ratings, any number per item; every dimension with a weight above 0 needs
     *        at least one rated item
     * @return the gaps per item, per dimension and overall
     * @throws IllegalArgumentException if a rating names an unknown item or lies off the scale,
     *         or a weighted dimension has no rating
     */
    public ServiceQualityReport assess(List<ItemRating> ratings) {
        requireNonNull(ratings, "ratings");
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String item : items.keySet()) {
            sums.put(item, new double[3]);
        }
        for (ItemRating r : ratings) {
            double[] acc = sums.get(r.item());
            checkArgument(acc != null, "item '%s' is not in the questionnaire", r.item());
            checkOnScale("expectation", r.expectation(), r.item());
            checkOnScale("perception", r.perception(), r.item());
            acc[0] += r.expectation() * SUM_UNIT;
            acc[1] += r.perception() * SUM_UNIT;
            acc[2]++;
        }
        Map<String, Double> itemGaps = new LinkedHashMap<>();
        Map<RaterDimension, double[]> byDimension = new EnumMap<>(RaterDimension.class);
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] acc = e.getValue();
            if (acc[2] == 0) {
                continue;
            }
            double gap = (acc[1] - acc[0]) / acc[2] / SUM_UNIT;
            itemGaps.put(e.getKey(), gap);
            double[] d = byDimension.computeIfAbsent(items.get(e.getKey()), k -> new double[2]);
            d[0] += gap * SUM_UNIT;
            d[1]++;
        }
        Map<RaterDimension, Double> dimensionGaps = new EnumMap<>(RaterDimension.class);
        byDimension.forEach((d, acc) -> dimensionGaps.put(d, acc[0] / acc[1] / SUM_UNIT));
        double weighted = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (Map.Entry<RaterDimension, Double> w : weights.entrySet()) {
            if (w.getValue() == 0) {
                continue;
            }
            Double gap = dimensionGaps.get(w.getKey());
            checkArgument(gap != null, "dimension %s has weight %s but no rated item", w.getKey(), w.getValue());
            weighted += w.getValue() * gap;
            lowest = Math.min(lowest, gap);
            highest = Math.max(highest, gap);
        }
        // weights summing to 1 make a convex combination: rounding must not carry it past the gaps it mixes
        weighted = Math.max(lowest, Math.min(highest, weighted));
        return new ServiceQualityReport(itemGaps, dimensionGaps, weighted);
    }

    private void checkOnScale(String field, double value, String item) {
        checkArgument(value >= scaleMin && value <= scaleMax,
                "%s %s of item '%s' is off the scale [%s, %s]", field, value, item, scaleMin, scaleMax);
    }

    /** @return the scale and sizes */
    @Override
    public String toString() {
        return "ServiceQuality[scale " + scaleMin + ".." + scaleMax + ", " + items.size() + " items, weights " + weights + "]";
    }

    /** Declares items and weights. */
    public static final class Builder {
        private final double scaleMin;
        private final double scaleMax;
        private final Map<String, RaterDimension> items = new LinkedHashMap<>();
        private final Map<RaterDimension, Double> weights = new EnumMap<>(RaterDimension.class);

        private Builder(double scaleMin, double scaleMax) {
            this.scaleMin = scaleMin;
            this.scaleMax = scaleMax;
        }

        /**
         * Declares an item.
         *
         * @param item the item's identifier, non-blank and new
         * @param dimension the dimension it measures
         * @return this builder
         * @throws IllegalArgumentException if the identifier is blank or already declared
         */
        public Builder item(String item, RaterDimension dimension) {
            requireNonNull(item, "item");
            requireNonNull(dimension, "dimension");
            checkArgument(!item.isBlank(), "item '%s' is blank", item);
            checkArgument(!items.containsKey(item), "item '%s' is declared twice", item);
            items.put(item, dimension);
            return this;
        }

        /**
         * Sets a dimension's weight; once any weight is set, unset dimensions weigh 0. A dimension
         * given a weight above 0 needs at least one item. Each dimension is weighted once: a second
         * weight for it is refused, as a second declaration of an item is, rather than replacing the first.
         *
         * @param dimension the dimension
         * @param weight the weight, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if the weight is out of range or the dimension already has one
         */
        public Builder weight(RaterDimension dimension, double weight) {
            requireNonNull(dimension, "dimension");
            checkArgument(weight >= 0 && weight <= 1, "weight %s of %s is out of range: it must be in [0, 1]", weight, dimension);
            checkArgument(!weights.containsKey(dimension), "dimension %s is weighted twice (%s, then %s): give each "
                    + "dimension one weight", dimension, weights.get(dimension), weight);
            weights.put(dimension, weight);
            return this;
        }

        /**
         * Builds the questionnaire.
         *
         * @return the questionnaire
         * @throws IllegalArgumentException if there are no items, the weights do not sum to 1, or a
         *     dimension with a weight above 0 has no item
         */
        public ServiceQuality build() {
            return new ServiceQuality(this);
        }
    }
}
