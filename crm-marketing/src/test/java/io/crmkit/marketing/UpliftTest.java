package io.crmkit.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UpliftTest {

    private static final double TABLE = 0.00005;

    /**
     * Newcombe, R. G. (1998), "Interval estimation for the difference between independent
     * proportions: comparison of eleven methods", Statistics in Medicine 17, 873-890, Table II,
     * method 10 (score, no continuity correction), 95 % limits printed to four decimals. Rows (a)
     * and (b) are also the values the R package propint's tests attribute to the paper.
     */
    @ParameterizedTest(name = "({0}) {1}/{2} - {3}/{4}: {5} to {6}")
    @CsvSource({
        "a, 56, 70, 48, 80,  0.0524, 0.3339",
        "b,  9, 10,  3, 10,  0.1705, 0.8090",
        "c,  6,  7,  2,  7,  0.0582, 0.8062",
        "d,  5, 56,  0, 29, -0.0381, 0.1926",
        "e,  0, 10,  0, 20, -0.1611, 0.2775",
        "f,  0, 10,  0, 10, -0.2775, 0.2775",
        "g, 10, 10,  0, 20,  0.6791, 1.0000",
        "h, 10, 10,  0, 10,  0.6075, 1.0000",
    })
    void newcombesHybridScoreIntervalReproducesTableII(String row, int x1, int n1, int x2, int n2, double low, double high) {
        ConfidenceInterval ci = Uplift.responseRate(x1, n1, x2, n2, 0.95);
        assertEquals((double) x1 / n1 - (double) x2 / n2, ci.estimate(), 1e-15);
        assertEquals(low, ci.low(), TABLE, "row " + row + " lower limit");
        assertEquals(high, ci.high(), TABLE, "row " + row + " upper limit");
    }

    /**
     * 120 of 1,000 treated customers responded against 80 of 1,000 held out. By hand, z = 1.959964,
     * z² = 3.841459:
     * Wilson for 120/1000: (2·120 + z² ∓ z·√(z² + 4·120·0.88)) / (2·(1000 + z²))
     * = (243.841459 ∓ 1.959964·√426.241459) / 2007.682918 = (243.841459 ∓ 40.464674) / 2007.682918
     * = 0.101299 to 0.141609.
     * Wilson for 80/1000: (163.841459 ∓ 1.959964·√(3.841459 + 294.4)) / 2007.682918
     * = (163.841459 ∓ 33.846897) / 2007.682918 = 0.064748 to 0.098466.
     * L = 0.04 − √((0.12 − 0.101299)² + (0.098466 − 0.08)²) = 0.04 − √(0.00034973 + 0.00034099) = 0.04 − 0.026282 = 0.013718;
     * U = 0.04 + √((0.141609 − 0.12)² + (0.08 − 0.064748)²) = 0.04 + √(0.00046695 + 0.00023262) = 0.04 + 0.026450 = 0.066450.
     * (The Wald interval 0.04 ± 1.96·√(0.12·0.88/1000 + 0.08·0.92/1000) = 0.0138 to 0.0662 is close at this size.)
     */
    @Test
    void upliftOf120Against80PerThousandCheckedByHand() {
        ConfidenceInterval ci = Uplift.responseRate(120, 1000, 80, 1000, 0.95);
        assertEquals(0.04, ci.estimate(), 1e-12);
        assertEquals(0.013718, ci.low(), 2e-6);
        assertEquals(0.066450, ci.high(), 2e-6);
        assertEquals("0.0400 (95% CI 0.0137 to 0.0664)", ci.toString());
        ConfidenceInterval w = Uplift.wilson(120, 1000, 0.95);
        assertEquals(0.101299, w.low(), 2e-6);
        assertEquals(0.141609, w.high(), 2e-6);
    }

    @Test
    void theStandardNormalQuantilesMatchTheTables() {
        // Abramowitz & Stegun (1964), Table 26.5
        assertEquals(1.959963985, Normal.quantile(0.975), 1e-8);
        assertEquals(0.841621234, Normal.quantile(0.80), 1e-8);
        assertEquals(2.326347874, Normal.quantile(0.99), 1e-8);
        assertEquals(-1.644853627, Normal.quantile(0.05), 1e-8);
        assertEquals(-3.090232306, Normal.quantile(0.001), 1e-8);
        assertEquals(0.0, Normal.quantile(0.5), 1e-15);
    }

    @Test
    void theBootstrapIsReproducibleForASeedAndExactForConstantGroups() {
        double[] t = {0, 0, 120, 0, 80, 0, 0, 200, 0, 0};
        double[] c = {0, 0, 0, 100, 0, 0, 0, 0, 0, 0};
        ConfidenceInterval one = Uplift.meanDifference(t, c, 0.95, 2000, 17L);
        assertEquals(one, Uplift.meanDifference(t, c, 0.95, 2000, 17L));
        assertEquals(30.0, one.estimate(), 1e-12);
        assertTrue(one.low() < 30 && one.high() > 30, one.toString());
        ConfidenceInterval constant = Uplift.meanDifference(new double[] {5, 5, 5}, new double[] {2, 2}, 0.95, 500, 1L);
        assertEquals(new ConfidenceInterval(3, 3, 3, 0.95), constant);
    }

    @Test
    void theBootstrapIntervalOfALargeSampleIsCloseToTheNormalOne() {
        // 400 customers: 100 spent 40, the rest nothing (mean 10, sd 17.34); control all 0.
        // Normal approximation: 10 ± 1.96·17.342/√400 = 8.30 to 11.70
        double[] t = new double[400];
        for (int i = 0; i < 100; i++) {
            t[i] = 40;
        }
        ConfidenceInterval ci = Uplift.meanDifference(t, new double[] {0, 0, 0}, 0.95, 4000, 3L);
        assertEquals(8.30, ci.low(), 0.2);
        assertEquals(11.70, ci.high(), 0.2);
    }

    /**
     * The bulk resampling of zeros must give the plain bootstrap's distribution. A group of 1,000
     * with 100 customers at 10 and the rest at 0 has mean 1, variance 10²·0.1·0.9 = 9 and standard
     * error 3/√1000 = 0.0949; against a constant control the 95 % percentile interval should be
     * about 1 ± 1.96·0.0949 = 0.814 to 1.186.
     */
    @Test
    void sparseRevenueResamplesWithTheRightSpread() {
        double[] t = new double[1000];
        java.util.Arrays.fill(t, 0, 100, 10.0);
        ConfidenceInterval ci = Uplift.meanDifference(t, new double[] {0, 0}, 0.95, 4000, 11L);
        assertEquals(1.0, ci.estimate(), 1e-12);
        assertEquals(0.814, ci.low(), 0.02);
        assertEquals(1.186, ci.high(), 0.02);
    }

    @Test
    void largeGroupsWithSparseRevenueBootstrapAroundTheDifference() {
        double[] t = new double[200_000];
        double[] c = new double[50_000];
        for (int i = 0; i < t.length; i += 25) {
            t[i] = 300;
        }
        for (int i = 0; i < c.length; i += 40) {
            c[i] = 300;
        }
        // means 12 and 7.5: an uplift of 4.5 per customer; standard error
        // √(300²·0.04·0.96/200000 + 300²·0.025·0.975/50000) = √(0.01728 + 0.0438750) = 0.2473, so about 4.02 to 4.98
        ConfidenceInterval ci = Uplift.meanDifference(t, c, 0.95, 2000, 5L);
        assertEquals(4.5, ci.estimate(), 1e-9);
        assertEquals(4.02, ci.low(), 0.05);
        assertEquals(4.98, ci.high(), 0.05);
    }

    @Test
    void badCountsAndValuesAreRefused() {
        assertEquals("control size 0 is below 1: a rate needs at least one customer",
                assertThrows(IllegalArgumentException.class, () -> Uplift.responseRate(1, 10, 0, 0, 0.95)).getMessage());
        assertEquals("treatment responders 11 is outside 0..10",
                assertThrows(IllegalArgumentException.class, () -> Uplift.responseRate(11, 10, 0, 5, 0.95)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Uplift.responseRate(1, 10, 0, 5, 1.0));
        assertEquals("control value NaN is not a finite number", assertThrows(IllegalArgumentException.class,
                () -> Uplift.meanDifference(new double[] {1}, new double[] {Double.NaN}, 0.95, 100, 1L)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Uplift.meanDifference(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, new double[] {0}, 0.95, 100, 1L));
        assertThrows(IllegalArgumentException.class, () -> Uplift.meanDifference(new double[] {}, new double[] {0}, 0.95, 100, 1L));
        assertThrows(IllegalArgumentException.class, () -> Uplift.meanDifference(new double[] {1}, new double[] {0}, 0.95, 99, 1L));
    }
}
