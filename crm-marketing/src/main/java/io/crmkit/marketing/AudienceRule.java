package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Who a campaign is aimed at, as a rule over a {@link CustomerProfile}: an RFM segment, a tier, a
 * life-cycle stage, a threshold on lifetime value, P(alive) or any named metric, and their
 * combinations. Every verdict carries its reason, so a selection can say which rule admitted a
 * customer or which condition kept them out.
 *
 * <p>Thresholds read {@code atLeast(x)}: value {@code >= x}, and {@code below(x)}: value
 * {@code < x}, so {@code atLeast(x)} and {@code below(x)} split every customer with the value
 * exactly once. A customer without the value is not admitted.
 *
 * <pre>{@code
 * AudienceRule rule = AudienceRule.allOf(
 *         AudienceRule.rfmSegmentIn("Champions", "Loyal Customers"), AudienceRule.pAliveAtLeast(0.5));
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface AudienceRule {

    /**
     * Decides whether the customer belongs to the audience.
     *
     * @param profile the customer's profile
     * @return the verdict with its reason
     */
    Verdict evaluate(CustomerProfile profile);

    /**
     * A rule's decision for one customer.
     *
     * @param admitted whether the customer is in the audience
     * @param reason why, in words that name the rule and the customer's value
     */
    record Verdict(boolean admitted, String reason) {

        /**
         * Validates the verdict.
         *
         * @param admitted whether admitted
         * @param reason the reason, non-blank
         */
        public Verdict {
            requireNonNull(reason, "reason");
            checkArgument(!reason.isBlank(), "reason is blank: a verdict says why");
        }
    }

    /** @return the rule that admits every customer */
    static AudienceRule everyone() {
        return AudienceRules.Everyone.INSTANCE;
    }

    /**
     * Admits customers whose RFM segment is one of the names.
     *
     * @param segments one or more segment names
     * @return the rule
     */
    static AudienceRule rfmSegmentIn(String... segments) {
        return rfmSegmentIn(Arrays.asList(segments));
    }

    /**
     * Admits customers whose RFM segment is one of the names.
     *
     * @param segments one or more segment names
     * @return the rule
     */
    static AudienceRule rfmSegmentIn(Collection<String> segments) {
        return new AudienceRules.NameIn("segment", AudienceRules.names("segments", segments), CustomerProfile::rfmSegment);
    }

    /**
     * Admits customers in one of the tiers.
     *
     * @param tiers one or more tier names
     * @return the rule
     */
    static AudienceRule tierIn(String... tiers) {
        return tierIn(Arrays.asList(tiers));
    }

    /**
     * Admits customers in one of the tiers.
     *
     * @param tiers one or more tier names
     * @return the rule
     */
    static AudienceRule tierIn(Collection<String> tiers) {
        return new AudienceRules.NameIn("tier", AudienceRules.names("tiers", tiers), CustomerProfile::tier);
    }

    /**
     * Admits customers in one of the life-cycle stages.
     *
     * @param stages one or more stage names
     * @return the rule
     */
    static AudienceRule lifecycleStageIn(String... stages) {
        return lifecycleStageIn(Arrays.asList(stages));
    }

    /**
     * Admits customers in one of the life-cycle stages.
     *
     * @param stages one or more stage names
     * @return the rule
     */
    static AudienceRule lifecycleStageIn(Collection<String> stages) {
        return new AudienceRules.NameIn("stage", AudienceRules.names("stages", stages), CustomerProfile::lifecycleStage);
    }

    /**
     * Admits customers whose lifetime value is at least the threshold.
     *
     * @param threshold finite, in the profile's currency units
     * @return the rule
     */
    static AudienceRule clvAtLeast(double threshold) {
        return new AudienceRules.Threshold("clv", threshold, true, CustomerProfile::clv);
    }

    /**
     * Admits customers whose lifetime value is below the threshold.
     *
     * @param threshold finite, in the profile's currency units
     * @return the rule
     */
    static AudienceRule clvBelow(double threshold) {
        return new AudienceRules.Threshold("clv", threshold, false, CustomerProfile::clv);
    }

    /**
     * Admits customers whose P(alive) is at least the threshold.
     *
     * @param threshold in [0, 1]
     * @return the rule
     */
    static AudienceRule pAliveAtLeast(double threshold) {
        return new AudienceRules.Threshold("pAlive", AudienceRules.probability(threshold), true, CustomerProfile::pAlive);
    }

    /**
     * Admits customers whose P(alive) is below the threshold (a win-back audience).
     *
     * @param threshold in [0, 1]
     * @return the rule
     */
    static AudienceRule pAliveBelow(double threshold) {
        return new AudienceRules.Threshold("pAlive", AudienceRules.probability(threshold), false, CustomerProfile::pAlive);
    }

    /**
     * Admits customers whose named metric is at least the threshold.
     *
     * @param metric the metric's name
     * @param threshold finite
     * @return the rule
     */
    static AudienceRule metricAtLeast(String metric, double threshold) {
        String m = AudienceRules.name("metric", metric);
        return new AudienceRules.Threshold(m, threshold, true, p -> p.metric(m));
    }

    /**
     * Admits customers whose named metric is below the threshold.
     *
     * @param metric the metric's name
     * @param threshold finite
     * @return the rule
     */
    static AudienceRule metricBelow(String metric, double threshold) {
        String m = AudienceRules.name("metric", metric);
        return new AudienceRules.Threshold(m, threshold, false, p -> p.metric(m));
    }

    /**
     * Admits customers every rule admits; the reason lists every condition met, or names the first
     * one that failed.
     *
     * @param rules one or more rules
     * @return the rule
     */
    static AudienceRule allOf(AudienceRule... rules) {
        return allOf(Arrays.asList(rules));
    }

    /**
     * Admits customers every rule admits.
     *
     * @param rules one or more rules
     * @return the rule
     */
    static AudienceRule allOf(List<AudienceRule> rules) {
        return new AudienceRules.AllOf(AudienceRules.rules(rules));
    }

    /**
     * Admits customers at least one rule admits; the reason names the first rule that admitted
     * them, or lists every failure.
     *
     * @param rules one or more rules
     * @return the rule
     */
    static AudienceRule anyOf(AudienceRule... rules) {
        return anyOf(Arrays.asList(rules));
    }

    /**
     * Admits customers at least one rule admits.
     *
     * @param rules one or more rules
     * @return the rule
     */
    static AudienceRule anyOf(List<AudienceRule> rules) {
        return new AudienceRules.AnyOf(AudienceRules.rules(rules));
    }
}
