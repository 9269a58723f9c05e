package io.crmkit.scoring.satisfaction;

import static io.crmkit.scoring.satisfaction.RaterDimension.ASSURANCE;
import static io.crmkit.scoring.satisfaction.RaterDimension.EMPATHY;
import static io.crmkit.scoring.satisfaction.RaterDimension.RELIABILITY;
import static io.crmkit.scoring.satisfaction.RaterDimension.RESPONSIVENESS;
import static io.crmkit.scoring.satisfaction.RaterDimension.TANGIBLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceQualityTest {

    @Test
    void gapIsPerceptionMinusExpectationWeightedOverDimensions() {
        ServiceQuality q = ServiceQuality.builder(1, 7).item("on-time", RELIABILITY).item("polite", ASSURANCE)
                .weight(RELIABILITY, 0.6).weight(ASSURANCE, 0.4).build();
        ServiceQualityReport r = q.assess(List.of(new ItemRating("on-time", 6, 4), new ItemRating("polite", 5, 6)));
        assertEquals(Map.of("on-time", -2.0, "polite", 1.0), r.itemGaps());
        assertEquals(-0.8, r.weightedGap(), 1e-12); // 0.6 * -2 + 0.4 * 1
    }

    @Test
    void itemGapsAverageOverRespondentsAndDimensionGapsOverItems() {
        ServiceQuality q = ServiceQuality.builder(1, 7)
                .item("r1", RELIABILITY).item("r2", RELIABILITY).item("a1", ASSURANCE).item("t1", TANGIBLES)
                .item("e1", EMPATHY).item("s1", RESPONSIVENESS).build();
        ServiceQualityReport r = q.assess(List.of(
                new ItemRating("r1", 7, 5), new ItemRating("r1", 6, 6), // mean gap -1
                new ItemRating("r2", 6, 3),                             // -3
                new ItemRating("a1", 5, 6), new ItemRating("t1", 4, 4), new ItemRating("e1", 6, 5), new ItemRating("s1", 7, 5)));
        assertEquals(-1.0, r.itemGaps().get("r1"), 1e-12);
        assertEquals(-2.0, r.dimensionGaps().get(RELIABILITY), 1e-12);
        // equal weights 0.2: (-2 + 1 + 0 - 1 - 2) / 5
        assertEquals(-0.8, r.weightedGap(), 1e-12);
    }

    @Test
    void withoutWeightsTheDimensionsWithItemsWeighEquallyAndEveryAssessmentWorks() {
        // issue 10 §4: builder(1, 5) without weights built, then every assess threw for the
        // three RATER dimensions without items; now the weights are 0.5 and 0.5
        ServiceQuality q = ServiceQuality.builder(1, 5).item("x", RELIABILITY).item("y", EMPATHY).build();
        assertEquals(Map.of(RELIABILITY, 0.5, EMPATHY, 0.5), q.weights());
        ServiceQualityReport r = q.assess(List.of(new ItemRating("x", 4, 2), new ItemRating("y", 3, 4)));
        assertEquals(-0.5, r.weightedGap(), 1e-12); // 0.5 * -2 + 0.5 * 1
    }

    @Test
    void aWeightOnADimensionWithoutItemsIsRefusedWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceQuality.builder(1, 5).item("x", RELIABILITY).weight(RELIABILITY, 0.5).weight(EMPATHY, 0.5)
                        .build());
        assertEquals("dimension EMPATHY has weight 0.5 but no item: declare an item for it or give it weight 0",
                e.getMessage());
    }

    @Test
    void aDimensionWeightedTwiceIsRefusedRatherThanKeepingTheLast() {
        // 0.5 then 1 for reliability: keeping the last would make the weights sum to 1 and hide the mistake
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceQuality.builder(1, 7).item("x", RELIABILITY).weight(RELIABILITY, 0.5).weight(RELIABILITY, 1));
        assertEquals("dimension RELIABILITY is weighted twice (0.5, then 1.0): give each dimension one weight", e.getMessage());
    }

    @Test
    void weightsMustSumToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceQuality.builder(1, 7).item("x", RELIABILITY).weight(RELIABILITY, 0.5).weight(EMPATHY, 0.3).build());
        assertEquals("dimension weights sum to 0.8: they must sum to 1", e.getMessage());
    }

    @Test
    void rejectsOffScaleUnknownAndMissingRatings() {
        ServiceQuality q = ServiceQuality.builder(1, 5).item("x", RELIABILITY).item("y", EMPATHY)
                .weight(RELIABILITY, 0.5).weight(EMPATHY, 0.5).build();
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class, () -> q.assess(List.of(new ItemRating("x", 6, 3))));
        assertEquals("expectation 6.0 of item 'x' is off the scale [1.0, 5.0]", off.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.assess(List.of(new ItemRating("z", 3, 3))));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> q.assess(List.of(new ItemRating("x", 3, 3))));
        assertTrue(missing.getMessage().startsWith("dimension EMPATHY has weight 0.5 but no rated item"));
        assertThrows(IllegalArgumentException.class, () -> new ItemRating("x", Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> ServiceQuality.builder(5, 1));
        assertThrows(IllegalArgumentException.class, () -> ServiceQuality.builder(1, 5).item("x", RELIABILITY).item("x", EMPATHY));
    }

    @Test
    void gapsOnAScaleNearTheTopOfTheDoubleRangeStayFiniteOrAreRefused() {
        // sums of several ratings of 1e308 overflow, their means do not
        ServiceQuality q = ServiceQuality.builder(0, 1.5e308).item("r1", RELIABILITY).item("r2", RELIABILITY)
                .weight(RELIABILITY, 1).build();
        ServiceQualityReport r = q.assess(List.of(new ItemRating("r1", 1e308, 1.2e308),
                new ItemRating("r1", 1e308, 1.2e308), new ItemRating("r2", 1e308, 1.4e308),
                new ItemRating("r2", 1e308, 1.4e308)));
        assertEquals(2e307, r.itemGaps().get("r1"), 1e293);
        assertEquals(3e307, r.dimensionGaps().get(RELIABILITY), 1e293);
        assertEquals(3e307, r.weightedGap(), 1e293);
        // a scale whose gaps cannot be represented is refused, and so is a rating whose own gap overflows
        assertThrows(IllegalArgumentException.class, () -> ServiceQuality.builder(-1e308, 1e308));
        assertThrows(IllegalArgumentException.class, () -> new ItemRating("r1", -1e308, 1e308));
    }

    @Test
    void fiveEquallyWeightedDimensionsAtTheTopOfTheScaleGiveExactlyTheScaleWidth() {
        // default weights 1/5 each: summed in floating point, 5 x (0.2 x 6) is 6.000000000000001,
        // a gap wider than the 1-7 scale allows; the weighted gap is a convex combination of 6s
        ServiceQuality q = ServiceQuality.builder(1, 7).item("a", RELIABILITY).item("b", ASSURANCE)
                .item("c", TANGIBLES).item("d", EMPATHY).item("e", RESPONSIVENESS).build();
        List<ItemRating> best = List.of(new ItemRating("a", 1, 7), new ItemRating("b", 1, 7),
                new ItemRating("c", 1, 7), new ItemRating("d", 1, 7), new ItemRating("e", 1, 7));
        assertEquals(6.0, q.assess(best).weightedGap());
        List<ItemRating> worst = best.stream().map(r -> new ItemRating(r.item(), 7, 1)).toList();
        assertEquals(-6.0, q.assess(worst).weightedGap());
    }
}
