package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * P(X(T, T+t) = n | x, t_x, T) for GGom/NBD, BG/CNBD-k and MBG/CNBD-k, checked against the
 * Pareto/NBD and BG/NBD closed forms in their limits and against seeded simulations whose
 * tolerance is four binomial standard errors.
 */
class ConditionalPurchaseDistributionExtrasTest {

    /** Bemmaor & Glady (2012), Table 2, with a hazard that visibly bends (b larger than CDNOW's). */
    private static final GammaGompertzNbdModel GGOM = GammaGompertzNbdModel.of(0.553, 10.578, 0.03, 0.603, 0.8);
    private static final ErlangBetaGeoModel BGC3 = ErlangBetaGeoModel.of(false, 3, 1.2, 4.0, 0.8, 2.5);
    private static final ErlangBetaGeoModel MBGC3 = ErlangBetaGeoModel.of(true, 3, 1.2, 4.0, 0.8, 2.5);

    @Property(tries = 15)
    void ggomSumsToOneWithTheConditionalExpectationAsMean(@ForAll @IntRange(min = 0, max = 15) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1, max = 80) double age,
            @ForAll @DoubleRange(min = 0.5, max = 40) double t) {
        double tx = x == 0 ? 0 : Math.max(recencyShare * age, 1e-3);
        double total = 0;
        double mean = 0;
        int n = 0;
        while (n < 2_000 && (1 - total > 1e-12 || n < 5)) {
            double p = GGOM.conditionalProbabilityOfPurchases(n, t, x, tx, age);
            assertTrue(p >= 0 && p <= 1, "P " + p);
            total += p;
            mean += n * p;
            n++;
        }
        assertEquals(1.0, total, 1e-9, "sum at x " + x + " T " + age + " t " + t);
        double expected = GGOM.conditionalExpectedPurchases(t, x, tx, age);
        assertEquals(expected, mean, 1e-7 * Math.max(1, expected), "mean");
    }

    @Test
    void ggomWithAFlatHazardIsTheParetoNbdDistribution() {
        // b -> 0 with beta/b fixed is the Pareto/NBD (Bemmaor & Glady 2012, section 2)
        double b = 1e-7;
        ParetoNbdModel pareto = ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667);
        GammaGompertzNbdModel ggom = GammaGompertzNbdModel.of(0.5533, 10.578, b, 0.6062, 11.667 * b);
        double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 35, 38.86}, {1, 2, 60}};
        for (double[] h : histories) {
            for (int n = 0; n <= 8; n++) {
                assertEquals(pareto.conditionalProbabilityOfPurchases(n, 39, h[0], h[1], h[2]),
                        ggom.conditionalProbabilityOfPurchases(n, 39, h[0], h[1], h[2]), 1e-6, "n " + n);
            }
        }
        for (int n = 0; n <= 8; n++) {
            assertEquals(pareto.probabilityOfPurchases(n, 39), ggom.probabilityOfPurchases(n, 39), 1e-6, "n " + n);
        }
    }

    @Test
    void ggomMatchesASimulationOfCustomersWithoutPurchasesUntilT() {
        // customers simulated over (0, T + t]; those without a repeat purchase in (0, T] have the
        // history (0, 0, T), and their purchases in (T, T + t] are counted
        double age = 20;
        double t = 30;
        HeterogeneityDraws draws = new HeterogeneityDraws(17);
        int bins = 6;
        double[] counts = new double[bins];
        int kept = 0;
        for (int c = 0; c < 400_000; c++) {
            double lambda = draws.gamma(GGOM.r(), GGOM.alpha());
            double eta = draws.gamma(GGOM.s(), GGOM.beta());
            double lifetime = Math.log1p(draws.exponential(1.0) / eta) / GGOM.b();
            int before = 0;
            int after = 0;
            double time = draws.exponential(lambda);
            while (time <= Math.min(lifetime, age + t)) {
                if (time <= age) {
                    before++;
                } else {
                    after++;
                }
                time += draws.exponential(lambda);
            }
            if (before == 0) {
                kept++;
                counts[Math.min(after, bins - 1)]++;
            }
        }
        assertSimulated(counts, kept, n -> GGOM.conditionalProbabilityOfPurchases(n, t, 0, 0, age));
    }

    @Property(tries = 40)
    void erlangWithKOneIsTheBetaGeometricDistribution(@ForAll @IntRange(min = 0, max = 30) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1, max = 80) double age,
            @ForAll @DoubleRange(min = 0, max = 60) double t, @ForAll @IntRange(min = 0, max = 40) int n) {
        double tx = x == 0 ? 0 : Math.max(recencyShare * age, 1e-3);
        BetaGeoModel bg = BetaGeoModel.of(0.24259, 4.41353, 0.79289, 2.42575);
        ModifiedBetaGeoModel mbg = ModifiedBetaGeoModel.of(0.5, 5.0, 1.2, 3.0);
        assertEquals(bg.conditionalProbabilityOfPurchases(n, t, x, tx, age),
                ErlangBetaGeoModel.of(false, 1, 0.24259, 4.41353, 0.79289, 2.42575)
                        .conditionalProbabilityOfPurchases(n, t, x, tx, age), 1e-9, "BG/CNBD-1");
        assertEquals(mbg.conditionalProbabilityOfPurchases(n, t, x, tx, age),
                ErlangBetaGeoModel.of(true, 1, 0.5, 5.0, 1.2, 3.0).conditionalProbabilityOfPurchases(n, t, x, tx, age),
                1e-9, "MBG/CNBD-1");
    }

    @Property(tries = 30)
    void erlangSumsToOne(@ForAll @IntRange(min = 0, max = 30) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1, max = 80) double age, @ForAll @DoubleRange(min = 0.5, max = 60) double t,
            @ForAll @IntRange(min = 1, max = 12) int k) {
        double tx = x == 0 ? 0 : Math.max(recencyShare * age, 1e-3);
        for (boolean modified : new boolean[] {false, true}) {
            ErlangBetaGeoModel model = ErlangBetaGeoModel.of(modified, k, 1.2, 4.0, 0.8, 2.5);
            double total = 0;
            int n = 0;
            while (n < 5_000 && (1 - total > 1e-12 || n < 5)) {
                double p = model.conditionalProbabilityOfPurchases(n, t, x, tx, age);
                assertTrue(p >= 0 && p <= 1, "P " + p);
                total += p;
                n++;
            }
            assertEquals(1.0, total, 1e-9, model.name() + " k " + k + " x " + x + " T " + age + " t " + t);
        }
    }

    @Test
    void phaseCountsWhoseFirstTermsUnderflowStillSumToOne() {
        // found by erlangSumsToOne (seed -8559066605369698965): P(M < c) was summed upwards from
        // i = 0, whose term (1 - pi)^(m + j) = e^-714 underflows; the ratio then carried a subnormal
        // start into every later term and 8.5e-7 of the probability was lost (BG/CNBD-11, x 26,
        // t_x 0.9, T 1, t 55.39: m = 287.2, pi = 0.917, about 3,170 phases expected)
        for (double tx : new double[] {0.5, 0.9, 1.0}) {
            for (boolean modified : new boolean[] {false, true}) {
                ErlangBetaGeoModel model = ErlangBetaGeoModel.of(modified, 11, 1.2, 4.0, 0.8, 2.5);
                double total = 0;
                for (int n = 0; n < 2_000; n++) {
                    total += model.conditionalProbabilityOfPurchases(n, 55.39, 26, tx, 1.0);
                }
                assertEquals(1.0, total, 1e-12, model.name() + " t_x " + tx);
            }
        }
    }

    @Test
    void erlangMatchesASimulationOfCustomersWithoutPurchasesUntilT() {
        for (ErlangBetaGeoModel model : new ErlangBetaGeoModel[] {BGC3, MBGC3}) {
            double age = 6;
            double t = 12;
            HeterogeneityDraws draws = new HeterogeneityDraws(23);
            int bins = 6;
            double[] counts = new double[bins];
            int kept = 0;
            double r = model.parameters().get("r");
            double alpha = model.parameters().get("alpha");
            for (int c = 0; c < 400_000; c++) {
                double lambda = draws.gamma(r, alpha);
                double p = draws.beta(0.8, 2.5);
                boolean alive = !(model.isModified() && draws.uniform() < p);
                int before = 0;
                int after = 0;
                double time = 0;
                while (alive) {
                    for (int j = 0; j < model.k(); j++) {
                        time += draws.exponential(lambda);
                    }
                    if (time > age + t) {
                        break;
                    }
                    if (time <= age) {
                        before++;
                    } else {
                        after++;
                    }
                    alive = draws.uniform() >= p;
                }
                if (before == 0) {
                    kept++;
                    counts[Math.min(after, bins - 1)]++;
                }
            }
            assertSimulated(counts, kept, n -> model.conditionalProbabilityOfPurchases(n, t, 0, 0, age));
        }
    }

    @Property(tries = 25)
    void noNaNOrInfinityAtLargeHistoriesAndHorizons(@ForAll @IntRange(min = 0, max = 10_000) int x,
            @ForAll @DoubleRange(min = 1, max = 100_000) double age, @ForAll @IntRange(min = 0, max = 50) int n,
            @ForAll @DoubleRange(min = 0, max = 100_000) double t) {
        double tx = x == 0 ? 0 : age / 2;
        double[] values = {
            GGOM.conditionalProbabilityOfPurchases(n, t, x, tx, age),
            GammaGompertzNbdModel.of(0.553, 10.578, 0.0002, 0.603, 0.0026)
                    .conditionalProbabilityOfPurchases(n, t, x, tx, age),
            BGC3.conditionalProbabilityOfPurchases(n, t, x, tx, age),
            MBGC3.conditionalProbabilityOfPurchases(n, t, x, tx, age),
            ErlangBetaGeoModel.of(true, 12, 0.5, 2.0, 0.9, 3.0).conditionalProbabilityOfPurchases(n, t, x, tx, age),
        };
        for (double p : values) {
            assertTrue(p >= 0 && p <= 1, "P " + p + " at x " + x + " T " + age + " t " + t);
        }
    }

    @Test
    void farTailsEndAndSumWithTheRest() {
        // the upper tail of the phase count used to loop forever once its terms were subnormal
        // (MBG/CNBD-1 at (0, 0, 30), t 39, n in the hundreds)
        for (int k : new int[] {1, 3}) {
            ErlangBetaGeoModel model = ErlangBetaGeoModel.of(true, k, 1.2, 4.0, 0.8, 2.5);
            double total = 0;
            double mean = 0;
            for (int n = 0; n < 3_000; n++) {
                double p = model.conditionalProbabilityOfPurchases(n, 39, 0, 0, 30);
                assertTrue(p >= 0 && p <= 1, "P " + p);
                total += p;
                mean += n * p;
            }
            assertEquals(1.0, total, 1e-12, "k " + k);
            if (k == 1) {
                assertEquals(model.conditionalExpectedPurchases(39, 0, 0, 30), mean, 1e-9);
            }
        }
    }

    @Test
    void badArgumentsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GGOM.conditionalProbabilityOfPurchases(-1, 1, 2, 5, 38.86));
        assertEquals("purchases n -1 is invalid: it must be >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GGOM.conditionalProbabilityOfPurchases(0, 1, 2, 50, 38.86));
        assertThrows(IllegalArgumentException.class, () -> BGC3.conditionalProbabilityOfPurchases(-1, 1, 2, 5, 38.86));
        assertThrows(IllegalArgumentException.class, () -> BGC3.conditionalProbabilityOfPurchases(0, -1, 2, 5, 38.86));
        assertEquals(1.0, BGC3.conditionalProbabilityOfPurchases(0, 0, 2, 5, 38.86), 0);
        assertEquals(1.0, GGOM.conditionalProbabilityOfPurchases(0, 0, 2, 5, 38.86), 1e-15);
    }

    /** Each bin's simulated share within four binomial standard errors (plus 1e-3) of the model's. */
    private static void assertSimulated(double[] counts, int kept, java.util.function.IntToDoubleFunction model) {
        assertTrue(kept > 10_000, "kept " + kept);
        double below = 0;
        for (int n = 0; n < counts.length; n++) {
            double p = n < counts.length - 1 ? model.applyAsDouble(n) : 1 - below;
            below += p;
            double share = counts[n] / kept;
            double se = Math.sqrt(p * (1 - p) / kept);
            assertEquals(p, share, 4 * se + 1e-3, "bin " + n);
        }
    }
}
