package io.crmkit.scoring.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Thresholds from docs/domain.md §3 (the bank's wealth tiers, the credit grades, the operating condition). */
class TierPolicyTest {

    @Test
    void wealthTiersPlaceByAverageDailyAssets() {
        TierPolicy p = TierPresets.wealthTiers();
        assertEquals(Optional.of("Diamond"), p.place(Map.of("assets", 5_000_000.0)).tier());
        assertEquals(Optional.of("Platinum"), p.place(Map.of("assets", 4_999_999.0)).tier());
        assertEquals(Optional.of("Platinum"), p.place(Map.of("assets", 1_000_000.0)).tier());
        assertEquals(Optional.of("Gold"), p.place(Map.of("assets", 100_000.0)).tier());
        assertEquals(Optional.of("Mass"), p.place(Map.of("assets", 99_999.99)).tier());
    }

    @Test
    void placementSaysWhatIsMissingForTheNextTier() {
        TierPlacement p = TierPresets.wealthTiersWithLoans(1_000_000)
                .place(Map.of("assets", 3_700_000.0, "loans", 2_500_000.0));
        assertEquals(Optional.of("Platinum"), p.tier());
        assertEquals(Optional.of("Diamond"), p.nextTier());
        assertEquals(List.of("needs assets+loans ≥ 8,000,000, has 6,200,000"), p.missing());
        assertEquals(List.of("assets+loans ≥ 2,000,000 (has 6,200,000)", "assets ≥ 1,000,000 (has 3,700,000)"), p.held());
        assertEquals("Platinum: assets+loans ≥ 2,000,000 (has 6,200,000), assets ≥ 1,000,000 (has 3,700,000); "
                + "for Diamond needs assets+loans ≥ 8,000,000, has 6,200,000", p.reason());
    }

    @Test
    void aDiamondNeedsBothCriteriaAtOnce() {
        TierPolicy p = TierPresets.wealthTiersWithLoans(1_000_000);
        TierPlacement bigLoansFewAssets = p.place(Map.of("assets", 3_000_000.0, "loans", 6_000_000.0));
        assertEquals(Optional.of("Platinum"), bigLoansFewAssets.tier());
        assertEquals(List.of("needs assets ≥ 3,500,000, has 3,000,000"), bigLoansFewAssets.missing());
        assertEquals(Optional.of("Diamond"), p.place(Map.of("assets", 3_500_000.0, "loans", 4_500_000.0)).tier());
    }

    @Test
    void theTopTierHasNothingMissing() {
        TierPlacement p = TierPresets.wealthTiers().place(Map.of("assets", 9_000_000.0));
        assertEquals(Optional.empty(), p.nextTier());
        assertEquals(List.of(), p.missing());
        assertEquals("Diamond: assets ≥ 5,000,000 (has 9,000,000)", p.reason());
    }

    @Test
    void creditGradesNeedTheCollectionRatioAndThePaymentTerm() {
        TierPolicy p = TierPresets.creditGrades();
        assertEquals(Optional.of("A"), p.place(Map.of("collection_ratio", 0.95, "payment_term_days", 45.0)).tier());
        assertEquals(Optional.of("B"), p.place(Map.of("collection_ratio", 0.95, "payment_term_days", 46.0)).tier());
        assertEquals(Optional.of("C"), p.place(Map.of("collection_ratio", 0.60, "payment_term_days", 30.0)).tier());
        assertEquals(Optional.of("D"), p.place(Map.of("collection_ratio", 0.59, "payment_term_days", 255.0)).tier());
        TierPlacement none = p.place(Map.of("collection_ratio", 0.29, "payment_term_days", 30.0));
        assertEquals(Optional.empty(), none.tier());
        assertEquals(List.of("needs collection_ratio ≥ 0.3, has 0.29"), none.missing());
    }

    @Test
    void operatingConditionGradesProfitAndItsTrend() {
        TierPolicy p = TierPresets.operatingCondition(0.05);
        assertEquals(Optional.of("special"), p.place(Map.of("profit_margin", 0.08, "profit_trend", 0.0)).tier());
        assertEquals(Optional.of("first"), p.place(Map.of("profit_margin", 0.0, "profit_trend", -0.01)).tier());
        assertEquals(Optional.of("second"), p.place(Map.of("profit_margin", -0.03, "profit_trend", 0.02)).tier());
        assertEquals(Optional.of("third"), p.place(Map.of("profit_margin", -0.03, "profit_trend", -0.02)).tier());
    }

    @Test
    void salesPipelineGradesByCloseProbability() {
        TierPolicy p = TierPresets.salesPipeline(0.8, 0.5, 0.2);
        assertEquals(Optional.of("S"), p.place(Map.of("close_probability", 0.9)).tier());
        assertEquals(Optional.of("A"), p.place(Map.of("close_probability", 0.5)).tier());
        assertEquals(Optional.of("B"), p.place(Map.of("close_probability", 0.3)).tier());
        assertEquals(Optional.of("C"), p.place(Map.of("close_probability", 0.0)).tier());
        assertThrows(IllegalArgumentException.class, () -> TierPresets.salesPipeline(0.5, 0.8, 0.2));
    }

    @Test
    void anyOfTierNeedsOneCriterion() {
        TierPolicy p = TierPolicy.builder("vip").tierAnyOf("VIP", Criterion.atLeast("spend", 10_000), Criterion.atLeast("referrals", 5))
                .baseTier("regular").build();
        assertEquals(Optional.of("VIP"), p.place(Map.of("spend", 0.0, "referrals", 5.0)).tier());
        TierPlacement regular = p.place(Map.of("spend", 100.0, "referrals", 1.0));
        assertEquals(List.of("needs one of: needs spend ≥ 10,000, has 100; needs referrals ≥ 5, has 1"), regular.missing());
    }

    @Test
    void betweenIncludesTheLowerBoundAndExcludesTheUpper() {
        Criterion c = Criterion.between("score", 60, 80);
        assertTrue(c.holds(Map.of("score", 60.0)));
        assertTrue(!c.holds(Map.of("score", 80.0)));
        assertEquals("score in [60, 80)", c.toString());
    }

    @Test
    void rejectsBadLadders() {
        assertThrows(IllegalArgumentException.class, () -> TierPolicy.of("empty", List.of()));
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("w")
                .tier("Platinum", Criterion.atLeast("assets", 100_000)).tier("Gold", Criterion.atLeast("assets", 1_000_000)).build());
        assertTrue(overlap.getMessage().contains("overlapping thresholds"), overlap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("w")
                .tier("Gold", Criterion.atLeast("assets", 1)).tier("Silver", Criterion.atLeast("assets", 1)).build());
        IllegalArgumentException farApart = assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("w")
                .tier("Diamond", Criterion.atLeast("assets", 1_000)).tier("Platinum", Criterion.atLeast("visits", 10))
                .tier("Gold", Criterion.atLeast("assets", 5_000)).build());
        assertEquals("overlapping thresholds in policy 'w': tier Diamond requires assets ≥ 1,000, laxer than assets ≥ 5,000 of tier Gold below it",
                farApart.getMessage());
        IllegalArgumentException terms = assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("credit")
                .tier("A", Criterion.atMost("term", 90)).tier("B", Criterion.atMost("term", 45)).build());
        assertTrue(terms.getMessage().contains("tier A requires term ≤ 90, laxer than term ≤ 45 of tier B"), terms.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("w")
                .tier("Gold", Criterion.atLeast("assets", 1)).tier("Gold", Criterion.atLeast("assets", 0)).build());
        assertThrows(IllegalArgumentException.class, () -> TierPolicy.builder("w").baseTier("Mass").tier("Gold", Criterion.atLeast("a", 1)).build());
        assertThrows(IllegalArgumentException.class, () -> Criterion.atLeast("assets", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Criterion.between("assets", 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Criterion.atLeast("assets+", 5));
    }

    @Test
    void unknownOrNonFiniteMetricsAreRejectedNamingTheMetric() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TierPresets.wealthTiers().place(Map.of("asets", 1.0)));
        assertTrue(missing.getMessage().contains("metric 'assets' is missing"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TierPresets.wealthTiers().place(Map.of("assets", Double.NaN)));
    }

    private static Map<LocalDate, Map<String, Double>> assetsByMonth(double... assets) {
        Map<LocalDate, Map<String, Double>> periods = new LinkedHashMap<>();
        LocalDate month = LocalDate.of(2026, 1, 31);
        for (double a : assets) {
            periods.put(month, Map.of("assets", a));
            month = month.plusMonths(1).withDayOfMonth(month.plusMonths(1).lengthOfMonth());
        }
        return periods;
    }

    @Test
    void immediateDowngradeDropsInTheFirstPeriodBelow() {
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(6e6, 6e6, 50_000), DowngradeRule.immediate());
        assertEquals(2, moves.size());
        assertEquals(Optional.empty(), moves.get(0).from());
        assertEquals(Optional.of("Diamond"), moves.get(0).to());
        assertEquals(LocalDate.of(2026, 3, 31), moves.get(1).date());
        assertEquals(Optional.of("Mass"), moves.get(1).to());
        assertTrue(moves.get(1).reason().startsWith("below Diamond for 1 period"), moves.get(1).reason());
    }

    @Test
    void graceKeepsTheTierForNPeriodsBelowIt() {
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(2e6, 500_000, 500_000, 500_000), DowngradeRule.gracePeriods(2));
        assertEquals(2, moves.size());
        assertEquals(LocalDate.of(2026, 4, 30), moves.get(1).date());
        assertEquals(Optional.of("Gold"), moves.get(1).to());
        assertTrue(moves.get(1).reason().contains("below Platinum for 3 periods, grace of 2 used up"), moves.get(1).reason());
    }

    @Test
    void recoveringWithinTheGraceResetsTheCount() {
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(2e6, 500_000, 2e6, 500_000, 2e6), DowngradeRule.gracePeriods(1));
        assertEquals(1, moves.size());
    }

    @Test
    void hysteresisRequiresAHigherThresholdToMoveUp() {
        DowngradeRule rule = DowngradeRule.immediate().withHysteresis(0.1);
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(500_000, 1_050_000, 1_100_000), rule);
        assertEquals(2, moves.size());
        assertEquals(LocalDate.of(2026, 3, 31), moves.get(1).date());
        assertEquals(Optional.of("Platinum"), moves.get(1).to());
    }

    @Test
    void hysteresisLetsACustomerStayAtTheNormalThreshold() {
        DowngradeRule rule = DowngradeRule.immediate().withHysteresis(0.1);
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(1_200_000, 1_000_000, 999_999), rule);
        assertEquals(2, moves.size());
        assertEquals(Optional.of("Gold"), moves.get(1).to());
        assertEquals(LocalDate.of(2026, 3, 31), moves.get(1).date());
    }

    @Test
    void oneTierPerPeriodStepsDownGradually() {
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(6e6, 0, 0, 0, 0),
                DowngradeRule.immediate().withOneTierPerPeriod());
        assertEquals(List.of(Optional.of("Diamond"), Optional.of("Platinum"), Optional.of("Gold"), Optional.of("Mass")),
                moves.stream().map(TierMovement::to).toList());
        assertEquals(LocalDate.of(2026, 4, 30), moves.get(3).date());
        assertTrue(moves.get(1).reason().contains("one tier per period"), moves.get(1).reason());
    }

    @Test
    void upgradesTakeEffectAtOnce() {
        List<TierMovement> moves = TierPresets.wealthTiers().track(assetsByMonth(0, 6e6), DowngradeRule.gracePeriods(3));
        assertEquals(Optional.of("Mass"), moves.get(1).from());
        assertEquals(Optional.of("Diamond"), moves.get(1).to());
        assertTrue(moves.get(1).reason().startsWith("qualified for Diamond"), moves.get(1).reason());
    }

    @Test
    void aPolicySerialisesSoItCanBeBroadcast() throws Exception {
        TierPolicy p = TierPresets.wealthTiersWithLoans(1_000_000);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            TierPolicy copy = (TierPolicy) in.readObject();
            assertEquals(p, copy);
            assertEquals(Optional.of("Platinum"), copy.place(Map.of("assets", 3_700_000.0, "loans", 2_500_000.0)).tier());
        }
    }
}
