package io.crmkit.scoring.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Reasons never show a failed comparison as satisfied, nor a held one as failed. */
class TierReasonsTest {

    @Test
    void aValueJustBelowTheThresholdShowsTheDigitsThatMakeItFail() {
        // issue 10 §4: 0.89999 was printed "has 0.9" next to "needs ≥ 0.9"
        TierPolicy p = TierPolicy.builder("collection").tier("Good", Criterion.atLeast("collection_ratio", 0.9))
                .baseTier("Other").build();
        TierPlacement t = p.place(Map.of("collection_ratio", 0.89999));
        assertEquals(List.of("needs collection_ratio ≥ 0.9, has 0.89999"), t.missing());
        assertEquals("needs collection_ratio ≥ 0.9, has 0.8999999999",
                Criterion.atLeast("collection_ratio", 0.9).shortfall(Map.of("collection_ratio", 0.8999999999)));
        // ordinary values keep four decimals at most
        assertEquals("needs collection_ratio ≥ 0.9, has 0.1235",
                Criterion.atLeast("collection_ratio", 0.9).shortfall(Map.of("collection_ratio", 0.123456)));
        // a held value just above an exclusive bound shows it is above
        TierPlacement held = TierPolicy.builder("p").tier("Top", Criterion.above("x", 1.0)).baseTier("Rest").build()
                .place(Map.of("x", 1.00000001));
        assertEquals(List.of("x > 1 (has 1.00000001)"), held.held());
    }

    @Property
    void thePrintedValueComparesWithThePrintedBoundAsTheValueDoes(@ForAll("values") double value,
            @ForAll("values") double threshold, @ForAll("operators") Criterion.Operator op) {
        Criterion c = switch (op) {
            case AT_LEAST -> Criterion.atLeast("m", threshold);
            case ABOVE -> Criterion.above("m", threshold);
            case AT_MOST -> Criterion.atMost("m", threshold);
            case BELOW -> Criterion.below("m", threshold);
            case BETWEEN -> Criterion.between("m", threshold, threshold + Math.max(1e-6, Math.abs(threshold)));
        };
        Map<String, Double> metrics = Map.of("m", value);
        String shortfall = c.shortfall(metrics);
        BigDecimal shown = new BigDecimal(shortfall.substring(shortfall.lastIndexOf("has ") + 4).replace(",", ""));
        BigDecimal lower = new BigDecimal(Criterion.format(c.threshold()).replace(",", ""));
        BigDecimal upper = new BigDecimal(Criterion.format(c.upperBound()).replace(",", ""));
        assertEquals(Double.compare(c.threshold(), 0.0) == 0 ? 0 : BigDecimal.valueOf(c.threshold()).compareTo(lower), 0,
                "a bound prints exactly");
        boolean printedHolds = switch (op) {
            case AT_LEAST -> shown.compareTo(lower) >= 0;
            case ABOVE -> shown.compareTo(lower) > 0;
            case AT_MOST -> shown.compareTo(lower) <= 0;
            case BELOW -> shown.compareTo(lower) < 0;
            case BETWEEN -> shown.compareTo(lower) >= 0 && shown.compareTo(upper) < 0;
        };
        assertEquals(c.holds(metrics), printedHolds, shortfall);
        assertTrue(shown.scale() <= 4 || shown.stripTrailingZeros().scale() <= BigDecimal.valueOf(value).scale(),
                "never more digits than the value has: " + shortfall);
    }

    @Provide
    Arbitrary<Double> values() {
        Arbitrary<Double> near = Arbitraries.of(0.9, 0.89999, 0.90001, 1.0, 1e-9, -0.5, 8_000_000.0, 7_999_999.99999);
        Arbitrary<Double> around = Arbitraries.doubles().between(-10, 10).ofScale(8);
        Arbitrary<Double> wide = Arbitraries.doubles().between(-1e12, 1e12);
        return Arbitraries.oneOf(near, around, wide, near.map(v -> Math.nextUp(v)), near.map(v -> Math.nextDown(v)));
    }

    @Provide
    Arbitrary<Criterion.Operator> operators() {
        return Arbitraries.of(Criterion.Operator.class);
    }
}
