package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The vectors come from issue 4 (m = 100, r = 0.8, d = 0.1), which takes them from Gupta and
 * Lehmann (2003) and the CRM textbook examples; the tolerance is half a unit of the third decimal.
 */
class RetentionValueTest {

    private static final double TOLERANCE = 5e-4;
    private final RetentionValue v = RetentionValue.of(100.0, 0.8, 0.1);

    @Test
    void marginMultipleIsMarginTimesRetentionOverOnePlusDiscountMinusRetention() {
        assertEquals(266.667, v.marginMultiple(), TOLERANCE);
    }

    @Test
    void countingTheCurrentMarginGives366() {
        assertEquals(366.667, v.withCurrentMargin(), TOLERANCE);
    }

    @Test
    void endOfPeriodMarginsGive333() {
        assertEquals(333.333, v.endOfPeriodMargins(), TOLERANCE);
    }

    @Test
    void theLongestHorizonTakesNoLongerThanTheShortestAndReachesThePerpetuity() {
        // Σ_{t=0..∞} m (r/(1+d))^t = m(1+d)/(1+d−r) = 366.667 for m 100, r 0.8, d 0.1
        assertEquals(v.withCurrentMargin(), v.finiteHorizon(Integer.MAX_VALUE), 1e-9);
        assertEquals(100.0, RetentionValue.of(100, 0, 0.1).finiteHorizon(Integer.MAX_VALUE), 1e-12);
        double naive = 0;
        for (int t = 0; t <= 999; t++) {
            naive += Math.pow(0.999_999, t);
        }
        assertEquals(naive, RetentionValue.of(1, 0.999_999, 0).finiteHorizon(999), 1e-9);
    }

    @Test
    void finiteHorizonsDiscountedFromPeriodZero() {
        assertEquals(100.0, v.finiteHorizon(0), TOLERANCE);
        assertEquals(172.727, v.finiteHorizon(1), TOLERANCE);
        assertEquals(292.063, v.finiteHorizon(4), TOLERANCE);
        assertEquals(351.488, v.finiteHorizon(9), TOLERANCE);
    }

    @Test
    void averageValueTimesFrequencyTimesLifespan() {
        assertEquals(562.50, RetentionValue.averageValue(75, 3, 2.5), 1e-9);
    }

    @Test
    void cohortOfAThousandAtTwentyPerPeriodIsWorth56Point22PerAcquiredCustomer() {
        assertEquals(56.22, RetentionValue.cohortValue(20, new long[] {1000, 627, 471, 385, 328}, 0.0), 1e-9);
    }

    @Test
    void discountingLowersTheCohortValue() {
        // 20 * (1000 + 627/1.1 + 471/1.21 + 385/1.331 + 328/1.4641) / 1000
        assertEquals(49.4508, RetentionValue.cohortValue(20, new long[] {1000, 627, 471, 385, 328}, 0.1), 1e-4);
    }

    @Test
    void rejectsRatesOutOfRangeNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionValue.of(100, 1.2, 0.1));
        assertTrue(e.getMessage().contains("retention 1.2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.of(100, 0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.of(Double.NaN, 0.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.of(100, 1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> v.finiteHorizon(-1));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.cohortValue(20, new long[] {10, 12}, 0));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.cohortValue(20, new long[] {0}, 0));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.cohortValue(20, new long[0], 0));
    }

    @Property
    void finiteHorizonApproachesTheCurrentMarginPerpetuityFromBelow(
            @ForAll @DoubleRange(min = 0, max = 1000) double m,
            @ForAll @DoubleRange(min = 0, max = 0.99) double r,
            @ForAll @DoubleRange(min = 0, max = 0.5) double d,
            @ForAll @IntRange(min = 0, max = 200) int periods) {
        RetentionValue value = RetentionValue.of(m, r, d);
        assertTrue(value.finiteHorizon(periods) <= value.withCurrentMargin() + 1e-9);
        assertTrue(value.finiteHorizon(periods + 1) >= value.finiteHorizon(periods));
    }
    @Test
    void aLifetimeValueBeyondTheDoubleRangeIsRefusedNotReturnedAsInfinity() {
        // 1 + d - r = 1e-15 multiplies the margin by 1e15: a margin of 1e300 has no finite lifetime value
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetentionValue.of(1e300, 1.0, 1e-15));
        assertTrue(e.getMessage().contains("margin 1.0E300"), e.getMessage());
        assertTrue(Double.isFinite(RetentionValue.of(100, 1.0, 1e-15).withCurrentMargin()));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.averageValue(1e200, 1e200, 1));
        assertThrows(IllegalArgumentException.class, () -> RetentionValue.cohortValue(1e308, new long[] {1, 1}, 0));
        assertEquals(1.5e308, RetentionValue.cohortValue(1e308, new long[] {2, 1}, 0), 1e295);
    }
}
