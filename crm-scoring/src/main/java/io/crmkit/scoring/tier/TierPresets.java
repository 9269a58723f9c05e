package io.crmkit.scoring.tier;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The ladders of the source documents (docs/domain.md §3), ready to use. Metric names are
 * lower-case with underscores; amounts are in the currency unit of the source (yuan).
 *
 * <pre>{@code
 * TierPlacement p = TierPresets.wealthTiers().place(Map.of("assets", 2_400_000.0));   // Platinum
 * }</pre>
 */
public final class TierPresets {

    /** Average daily assets (deposits, wealth products, insurance, funds), metric {@code assets}. */
    public static final String ASSETS = "assets";
    /** Personal loan balances, metric {@code loans}. */
    public static final String LOANS = "loans";
    /** Share of receivables collected within 24 months, a fraction in [0, 1]. */
    public static final String COLLECTION_RATIO = "collection_ratio";
    /** The longest payment term granted or used, in days. */
    public static final String PAYMENT_TERM_DAYS = "payment_term_days";
    /** Profit over revenue of the customer's business in the last period, a fraction (negative for a loss). */
    public static final String PROFIT_MARGIN = "profit_margin";
    /** Change of the profit margin against the period before (positive = improving). */
    public static final String PROFIT_TREND = "profit_trend";
    /** The salesperson's estimate that the prospect closes, a fraction in [0, 1]. */
    public static final String CLOSE_PROBABILITY = "close_probability";

    private TierPresets() {
    }

    /**
     * The bank's wealth tiers by average daily assets ("standard 1"): Diamond ≥ 5,000,000;
     * Platinum ≥ 1,000,000; Gold ≥ 100,000; Mass below 100,000 (the base tier).
     *
     * @return the ladder over {@link #ASSETS}
     */
    public static TierPolicy wealthTiers() {
        return TierPolicy.builder("wealth tiers")
                .tier("Diamond", Criterion.atLeast(ASSETS, 5_000_000))
                .tier("Platinum", Criterion.atLeast(ASSETS, 1_000_000))
                .tier("Gold", Criterion.atLeast(ASSETS, 100_000))
                .baseTier("Mass")
                .build();
    }

    /**
     * The bank's wealth tiers for customers with loans ("standard 2"), where a tier needs two
     * criteria at once: Diamond needs assets+loans ≥ 8,000,000 and assets ≥ 3,500,000; Platinum
     * needs assets+loans ≥ 2,000,000 and assets at or above a lower floor; Gold (assets ≥ 100,000)
     * and Mass are as in {@link #wealthTiers()}. The source's Platinum asset floor is illegible,
     * so the caller states it.
     *
     * @param platinumAssetFloor Platinum's minimum assets, above 100,000 and below 3,500,000
     * @return the ladder over {@link #ASSETS} and {@link #LOANS}
     * @throws IllegalArgumentException if the floor is outside (100,000, 3,500,000)
     */
    public static TierPolicy wealthTiersWithLoans(double platinumAssetFloor) {
        checkArgument(platinumAssetFloor > 100_000 && platinumAssetFloor < 3_500_000,
                "platinumAssetFloor %s is out of range: it must lie between Gold's 100,000 and Diamond's 3,500,000",
                platinumAssetFloor);
        return TierPolicy.builder("wealth tiers with loans")
                .tier("Diamond", Criterion.atLeast(ASSETS + "+" + LOANS, 8_000_000), Criterion.atLeast(ASSETS, 3_500_000))
                .tier("Platinum", Criterion.atLeast(ASSETS + "+" + LOANS, 2_000_000), Criterion.atLeast(ASSETS, platinumAssetFloor))
                .tier("Gold", Criterion.atLeast(ASSETS, 100_000))
                .baseTier("Mass")
                .build();
    }

    /**
     * Credit grades by the share of receivables collected within 24 months and the longest
     * payment term: A = at least 90% and at most 45 days (excellent); B = at least 75% and at
     * most 75 days (good); C = at least 60% and at most 105 days (fair); D = at least 30% and at
     * most 255 days (poor). A customer below D's floor gets no grade.
     *
     * @return the ladder over {@link #COLLECTION_RATIO} and {@link #PAYMENT_TERM_DAYS}
     */
    public static TierPolicy creditGrades() {
        return TierPolicy.builder("credit grades")
                .tier("A", Criterion.atLeast(COLLECTION_RATIO, 0.90), Criterion.atMost(PAYMENT_TERM_DAYS, 45))
                .tier("B", Criterion.atLeast(COLLECTION_RATIO, 0.75), Criterion.atMost(PAYMENT_TERM_DAYS, 75))
                .tier("C", Criterion.atLeast(COLLECTION_RATIO, 0.60), Criterion.atMost(PAYMENT_TERM_DAYS, 105))
                .tier("D", Criterion.atLeast(COLLECTION_RATIO, 0.30), Criterion.atMost(PAYMENT_TERM_DAYS, 255))
                .build();
    }

    /**
     * Customers graded by their operating condition: special (stable profit: margin at or above
     * {@code stableMargin}), first (break-even or small profit: margin at least 0), second (a loss
     * but improving: trend above 0), third (a loss, no improvement: the base tier). The sources
     * give no number for "stable profit", so the caller states it.
     *
     * @param stableMargin the profit margin counted as stable profit, above 0 and at most 1
     * @return the ladder over {@link #PROFIT_MARGIN} and {@link #PROFIT_TREND}
     * @throws IllegalArgumentException if the margin is outside (0, 1]
     */
    public static TierPolicy operatingCondition(double stableMargin) {
        checkArgument(stableMargin > 0 && stableMargin <= 1,
                "stableMargin %s is out of range: a profit margin for stable profit must be in (0, 1]", stableMargin);
        return TierPolicy.builder("operating condition")
                .tier("special", Criterion.atLeast(PROFIT_MARGIN, stableMargin))
                .tier("first", Criterion.atLeast(PROFIT_MARGIN, 0))
                .tier("second", Criterion.above(PROFIT_TREND, 0))
                .baseTier("third")
                .build();
    }

    /**
     * The sales-pipeline grades S / A / B / C over the salesperson's close probability: S = follow
     * up daily and close now; A = meet in person, remove doubts, move to S; B = build the
     * relationship, invite to trials, move to A; C = everyone else. The sources name the actions
     * but not the numbers; the thresholds are the caller's.
     *
     * @param s the close probability for S
     * @param a the close probability for A, below {@code s}
     * @param b the close probability for B, below {@code a}
     * @return the ladder over {@link #CLOSE_PROBABILITY}
     * @throws IllegalArgumentException if the thresholds are not decreasing within [0, 1]
     */
    public static TierPolicy salesPipeline(double s, double a, double b) {
        checkArgument(s <= 1 && b >= 0, "pipeline thresholds S %s, A %s, B %s must lie in [0, 1]", s, a, b);
        return TierPolicy.builder("sales pipeline")
                .tier("S", Criterion.atLeast(CLOSE_PROBABILITY, s))
                .tier("A", Criterion.atLeast(CLOSE_PROBABILITY, a))
                .tier("B", Criterion.atLeast(CLOSE_PROBABILITY, b))
                .baseTier("C")
                .build();
    }
}
