package io.crmkit.scoring.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A summed metric beyond the range of a double is refused with the metric, the values and the
 * rule, never a NumberFormatException from formatting Infinity (review s24, finding 5).
 */
class TierSumRangeTest {

    /** The README's wealth ladder. */
    static final TierPolicy WEALTH = TierPolicy.builder("wealth")
            .tier("Diamond", Criterion.atLeast("assets+loans", 8_000_000), Criterion.atLeast("assets", 3_500_000))
            .tier("Platinum", Criterion.atLeast("assets+loans", 2_000_000), Criterion.atLeast("assets", 1_000_000))
            .tier("Gold", Criterion.atLeast("assets", 100_000))
            .baseTier("Mass").build();

    static final String OVERFLOW = "metric 'assets+loans' 1e308 + 1e308 adds up beyond the range of a double "
            + "(1.7976931348623157e308): the sum cannot be compared with assets+loans ≥ 8,000,000";

    @Test
    void placingASumBeyondTheDoubleRangeNamesTheMetricTheValuesAndTheRule() {
        Map<String, Double> metrics = Map.of("assets", 1e308, "loans", 1e308);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WEALTH.place(metrics));
        assertEquals(IllegalArgumentException.class, e.getClass(), "not a NumberFormatException");
        assertEquals(OVERFLOW, e.getMessage());
        Criterion diamond = Criterion.atLeast("assets+loans", 8_000_000);
        for (Runnable call : List.<Runnable>of(() -> diamond.valueOf(metrics), () -> diamond.holds(metrics),
                () -> diamond.shortfall(metrics), () -> WEALTH.tiers().get(0).qualifies(metrics))) {
            assertEquals(OVERFLOW, assertThrows(IllegalArgumentException.class, call::run).getMessage());
        }
        // negative overflow too, named with its sign
        assertEquals("metric 'assets+loans' -1e308 + -1.5e308 adds up beyond the range of a double "
                + "(1.7976931348623157e308): the sum cannot be compared with assets+loans ≥ 8,000,000",
                assertThrows(IllegalArgumentException.class, () -> diamond.valueOf(Map.of("assets", -1e308,
                        "loans", -1.5e308))).getMessage());
    }

    @Test
    void theLargestSumsThatFitArePlacedWithTheirValueShown() {
        // 8.9e307 + 8.9e307 = 1.78e308 < Double.MAX_VALUE: a finite sum, compared and printed exactly
        TierPlacement p = WEALTH.place(Map.of("assets", 8.9e307, "loans", 8.9e307));
        assertEquals("Diamond", p.tier().orElseThrow());
        assertTrue(p.held().get(0).startsWith("assets+loans ≥ 8,000,000 (has 178"), p.held().get(0));
    }

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1e308, -1e308, 0.0, 8_000_000.0));
    }

    @Property(tries = 2000)
    void everyFiniteInputIsPlacedOrRefusedExactlyWhenTheExactSumLeavesTheDoubleRange(
            @ForAll("finite") double assets, @ForAll("finite") double loans) {
        // the exact sum of two doubles decides: it overflows exactly when its rounding to double does
        BigDecimal exact = new BigDecimal(assets).add(new BigDecimal(loans));
        boolean fits = Double.isFinite(assets + loans);
        Map<String, Double> metrics = Map.of("assets", assets, "loans", loans);
        if (fits) {
            TierPlacement p = WEALTH.place(metrics);
            assertTrue(p.reason().startsWith(p.tier().orElseThrow() + ":"), p.reason());
        } else {
            assertTrue(exact.abs().compareTo(new BigDecimal(Double.MAX_VALUE)) > 0, exact.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WEALTH.place(metrics));
            assertTrue(e.getMessage().startsWith("metric 'assets+loans' "), e.getMessage());
        }
    }
}
