package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.GaussHypergeometric;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ParetoNbdModelTest {

    /** lifetimes 0.11.3 ParetoNBDFitter on the CDNOW weekly summary (issue 5). */
    private static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667);

    @Test
    void fitOnCdnowReproducesThePublishedEstimates() {
        ParetoNbdModel model = ParetoNbdModel.fit(BtydDataFiles.cdnowWeeks());
        // lifetimes: r 0.5533, alpha 10.578, s 0.6062, beta 11.667, LL -9594.97. The likelihood is flat
        // along s/beta, so the issue asks for 1e-2 relative; we meet 1e-3.
        assertEquals(0.5533, model.r(), 1e-3 * 0.5533);
        assertEquals(10.578, model.alpha(), 1e-3 * 10.578);
        assertEquals(0.6062, model.s(), 1e-3 * 0.6062);
        assertEquals(11.667, model.beta(), 1e-3 * 11.667);
        assertEquals(-9594.97, model.diagnostics().logLikelihood(), 0.01);
        assertEquals(2357, model.diagnostics().customers(), 0);
        assertEquals("pareto", model.name());
        assertEquals(List.of("r", "alpha", "s", "beta"), model.parameters().keySet().asList());
    }

    @Test
    void theAnalyticGradientMatchesCentralDifferences() {
        double[][] params = {{0.55, 10.6, 0.61, 11.7}, {0.8, 4.0, 1.3, 0.5}, {2.0, 3.0, 0.4, 3.0},
            {0.3, 0.002, 0.7, 20.0}, {1.5, 50.0, 0.9, 0.01}};
        double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {7, 10.5, 30}, {29, 37.5, 38}, {1, 1, 1},
            {3, 20, 20}};
        for (double[] theta : params) {
            for (double[] c : customers) {
                double[] gradient = new double[4];
                ParetoNbdModel.logLikelihood(theta, c[0], c[1], c[2], gradient);
                for (int j = 0; j < 4; j++) {
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    double step = 1e-6 * theta[j];
                    up[j] += step;
                    down[j] -= step;
                    double numeric = (ParetoNbdModel.logLikelihood(up, c[0], c[1], c[2], new double[4])
                            - ParetoNbdModel.logLikelihood(down, c[0], c[1], c[2], new double[4])) / (2 * step);
                    assertEquals(numeric, gradient[j], 1e-5 * Math.max(1, Math.abs(numeric)),
                            "d/d" + j + " at " + Arrays.toString(theta) + " customer "
                                    + Arrays.toString(c));
                }
            }
        }
    }

    @Test
    void theLikelihoodEqualsADirectIntegrationOfTheModel() {
        // L = G(r+x) a^r b^s / G(r) [ (a+T)^-(r+x) (b+T)^-s + s * int_tx^T (a+y)^-(r+x) (b+y)^-(s+1) dy ],
        // integrated here by composite Simpson on a fine grid, independent of the hypergeometric code
        double[][] params = {{0.5533, 10.578, 0.6062, 11.667}, {0.8, 4.0, 1.3, 0.5}, {0.3, 0.01, 0.7, 30.0},
            {1.2, 40.0, 2.5, 0.002}};
        double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {12, 5, 27}};
        for (double[] p : params) {
            ParetoNbdModel model = ParetoNbdModel.of(p[0], p[1], p[2], p[3]);
            for (double[] c : customers) {
                // in u = ln(min(a, b) + y), where the integrand is smooth even when min(a, b) is tiny
                double shift = Math.min(p[1], p[3]);
                double integral = simpson(u -> {
                    double y = Math.exp(u) - shift;
                    return Math.exp(u) * Math.pow(p[1] + y, -(p[0] + c[0])) * Math.pow(p[3] + y, -(p[2] + 1));
                }, Math.log(shift + c[1]), Math.log(shift + c[2]));
                double bracket = Math.pow(p[1] + c[2], -(p[0] + c[0])) * Math.pow(p[3] + c[2], -p[2])
                        + p[2] * integral;
                double expected = SpecialFunctions.logGamma(p[0] + c[0]) - SpecialFunctions.logGamma(p[0])
                        + p[0] * Math.log(p[1]) + p[2] * Math.log(p[3]) + Math.log(bracket);
                assertEquals(expected, model.logLikelihood(c[0], c[1], c[2]), 1e-8 * Math.max(1, Math.abs(expected)),
                        Arrays.toString(p) + " " + Arrays.toString(c));
            }
        }
    }

    @Test
    void theHypergeometricFunctionMatchesClosedFormsAcrossItsRange() {
        // A&S 15.1.3: 2F1(1, 1; 2; z) = -ln(1-z)/z; 15.1.4-5: 2F1(1/2, 1; 3/2; z) = atanh(sqrt z)/sqrt z,
        // and atan(sqrt(-z))/sqrt(-z) for z < 0; 2F1(1, b; 2; z) = ((1-z)^(1-b) - 1)/((b-1) z)
        double[] zs = {-1e6, -30, -0.5, 0.3, 0.9, 0.998, 0.9995, 1 - 1e-7, 1 - 1e-12};
        for (double z : zs) {
            assertEquals(Math.log(-Math.log1p(-z) / z), GaussHypergeometric.logTwoF1(1, 1, z), 1e-12, "z " + z);
            double root = Math.sqrt(Math.abs(z));
            // atanh(q) = ln((1+q)^2 / (1-z)) / 2 with q = sqrt z, free of the cancellation in 1 - q
            double half = z > 0 ? 0.5 * Math.log((1 + root) * (1 + root) / (1 - z)) / root : Math.atan(root) / root;
            assertEquals(Math.log(half), GaussHypergeometric.logTwoF1(0.5, 1, z), 1e-12, "z " + z);
            double b = 1.7;
            double power = (Math.exp((1 - b) * Math.log1p(-z)) - 1) / ((b - 1) * z);
            assertEquals(Math.log(power), GaussHypergeometric.logTwoF1(1, b, z), 1e-11, "z " + z);
        }
    }

    @Test
    void seriesAndIntegralFormsAgreeWhereTheyMeet() {
        // at recency 0 the argument is z = 1 - small/big; put it just below and just above the switch
        double switchRatio = 1 - GaussHypergeometric.SERIES_LIMIT;
        double[][] cases = {{0.55, 0.61, 10.6, 1}, {30.6, 1.6, 2.0, 0}, {0.3, 4.0, 5.0, 0}, {2.0, 0.2, 7.0, 1}};
        for (double[] c : cases) {
            double[] series = new double[4];
            double[] integral = new double[4];
            double valueSeries = ParetoNbdModel.logLikelihood(params(c, switchRatio * (1 + 1e-9)), 0, 0, 30, series);
            double valueIntegral =
                    ParetoNbdModel.logLikelihood(params(c, switchRatio * (1 - 1e-9)), 0, 0, 30, integral);
            assertEquals(valueSeries, valueIntegral, 1e-8 * Math.max(1, Math.abs(valueSeries)));
            for (int j = 0; j < 4; j++) {
                assertEquals(series[j], integral[j], 1e-5 * Math.max(1, Math.abs(series[j])), "d/d" + j);
            }
        }
    }

    /** r, alpha, s, beta with the larger rate {@code c[2]} and the smaller one {@code ratio} times it. */
    private static double[] params(double[] c, double ratio) {
        double big = c[2];
        double small = big * ratio;
        return c[3] == 1 ? new double[] {c[0], big, c[1], small} : new double[] {c[0], small, c[1], big};
    }

    @Test
    void noPurchaseLikelihoodIsTheProbabilityOfNoPurchases() {
        // L(0, 0, T) = P(X(T) = 0): two independent routes, the 2F1 likelihood and the quadrature
        for (double t : new double[] {0.5, 10, 38.86, 500}) {
            assertEquals(Math.exp(CDNOW.logLikelihood(0, 0, t)), CDNOW.probabilityOfPurchases(0, t), 1e-12, "t " + t);
        }
        assertEquals(1.0, CDNOW.probabilityOfPurchases(0, 0), 0);
    }

    @Test
    void theDistributionOfPurchasesSumsToOneAndHasTheExpectedMean() {
        for (double t : new double[] {1, 39, 78}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n <= 600; n++) {
                double p = CDNOW.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            assertEquals(1.0, total, 1e-6, "t " + t);
            assertEquals(CDNOW.expectedPurchases(t), mean, 1e-3, "t " + t);
        }
    }

    @Test
    void simulatedCustomersBuyAsOftenAsTheModelExpects() {
        double[] ages = new double[40_000];
        Arrays.fill(ages, 39);
        CustomerSummaries simulated = CDNOW.simulate(ages, 5);
        double sum = 0;
        double sumSquares = 0;
        for (double x : simulated.frequencies()) {
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / ages.length;
        double standardError = Math.sqrt((sumSquares / ages.length - mean * mean) / ages.length);
        assertEquals(CDNOW.expectedPurchases(39), mean, 4 * standardError);
    }

    @Test
    void fittingSimulatedCustomersRecoversTheParameters() {
        ParetoNbdModel truth = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7);
        double[] ages = new double[8000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 27 + 12.0 * i / ages.length;
        }
        CustomerSummaries simulated = truth.simulate(ages, 2026);
        ParetoNbdModel fitted = ParetoNbdModel.fit(simulated);
        double[] expected = {0.55, 10.6, 0.61, 11.7};
        double[] estimate = {fitted.r(), fitted.alpha(), fitted.s(), fitted.beta()};
        String[] names = {"r", "alpha", "s", "beta"};
        for (int j = 0; j < 4; j++) {
            double se = fitted.diagnostics().standardErrors().get(names[j]);
            assertTrue(Math.abs(estimate[j] - expected[j]) < 4 * se,
                    names[j] + " " + estimate[j] + " vs " + expected[j] + " (se " + se + ")");
        }
        assertArrayEquals(truth.simulate(ages, 3).recencies(), truth.simulate(ages, 3).recencies());
    }

    @Test
    void aLongSilenceMeansLessLikelyAliveAndFewerPurchasesAhead() {
        double recent = CDNOW.probabilityAlive(2, 30.43, 38.86);
        double silent = CDNOW.probabilityAlive(2, 5, 38.86);
        assertTrue(recent > silent, recent + " vs " + silent);
        assertTrue(CDNOW.probabilityAlive(0, 0, 38.86) < 1);
        assertTrue(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86)
                > CDNOW.conditionalExpectedPurchases(39, 2, 5, 38.86));
        assertEquals(0.0, CDNOW.conditionalExpectedPurchases(0, 2, 30.43, 38.86), 0);
    }

    @Test
    void expectedPurchasesFollowTheClosedFormIncludingItsLimitAtSEqualsOne() {
        // E[X(t)] = r b / (a (s-1)) [1 - (b/(b+t))^(s-1)], and r b / a ln(1 + t/b) at s = 1
        assertEquals(0.5533 * 11.667 / (10.578 * (0.6062 - 1)) * (1 - Math.pow(11.667 / (11.667 + 39), 0.6062 - 1)),
                CDNOW.expectedPurchases(39), 1e-12);
        ParetoNbdModel unitS = ParetoNbdModel.of(0.5, 10, 1, 12);
        assertEquals(0.5 * 12 / 10 * Math.log(1 + 39 / 12.0), unitS.expectedPurchases(39), 1e-12);
        ParetoNbdModel nearS = ParetoNbdModel.of(0.5, 10, 1 + 1e-12, 12);
        assertEquals(unitS.expectedPurchases(39), nearS.expectedPurchases(39), 1e-9);
    }

    @Test
    void bulkPredictionsEqualTheSingleCustomerOnes() {
        double[] x = {0, 1, 2, 29};
        double[] tx = {0, 3.5, 30.43, 38};
        double[] age = {38.86, 30, 38.86, 38.5};
        ModelAssertions.assertBulkEqualsSingle(CDNOW, 39, x, tx, age, 0);
    }

    @Test
    void aPenalizerPullsTheParametersTowardsZero() {
        CustomerSummaries cdnow = BtydDataFiles.cdnowWeeks();
        ParetoNbdModel plain = ParetoNbdModel.fit(cdnow);
        ParetoNbdModel penalized = ParetoNbdModel.fit(cdnow, 0.01);
        // the penalized optimum cannot have a larger penalty term than the plain one
        assertTrue(squares(penalized) < squares(plain), squares(penalized) + " vs " + squares(plain));
        assertTrue(penalized.diagnostics().logLikelihood() < plain.diagnostics().logLikelihood());
    }

    @Test
    void customersWithoutRepeatPurchasesCannotBeFitted() {
        CustomerSummaries none =
                CustomerSummaries.of(new double[8], new double[8], new double[] {5, 6, 7, 8, 9, 1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParetoNbdModel.fit(none));
        assertEquals("frequency is 0 for all 8.0 customers: pareto cannot be fitted without any repeat purchase",
                e.getMessage());
    }

    private static double squares(ParetoNbdModel m) {
        return m.r() * m.r() + m.alpha() * m.alpha() + m.s() * m.s() + m.beta() * m.beta();
    }

    @Test
    void invalidInputIsRejectedNamingFieldValueAndRule() {
        IllegalArgumentException late =
                assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(2, 40, 38.86));
        assertEquals("recency 40.0 exceeds age T 38.86: the last purchase cannot follow the end of observation",
                late.getMessage());
        IllegalArgumentException fractional =
                assertThrows(IllegalArgumentException.class, () -> CDNOW.logLikelihood(1.5, 2, 10));
        assertTrue(fractional.getMessage().startsWith("frequency 1.5 is invalid"), fractional.getMessage());
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> CDNOW.probabilityAlive(new double[] {1, 0}, new double[] {1, 2}, new double[] {5, 5},
                        new double[2]));
        assertTrue(row.getMessage().startsWith("recency 2.0 at row 1 is invalid with frequency 0"), row.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.conditionalExpectedPurchases(-1, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityOfPurchases(-1, 2));
        IllegalArgumentException parameter =
                assertThrows(IllegalArgumentException.class, () -> ParetoNbdModel.of(0.5, 10, -1, 12));
        assertEquals("s -1.0 is invalid: Pareto/NBD parameters must be finite and > 0", parameter.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CDNOW.simulate(new double[] {10, 0}, 1));
    }

    @Test
    void hundredThousandPurchasesAndWeeksStayFinite() {
        double ll = CDNOW.logLikelihood(100_000, 99_000, 100_000);
        assertTrue(Double.isFinite(ll), "LL " + ll);
        assertTrue(Double.isFinite(CDNOW.logLikelihood(0, 0, 100_000)));
        double alive = CDNOW.probabilityAlive(100_000, 1_000, 100_000);
        assertTrue(alive >= 0 && alive <= 1, "p_alive " + alive);
        double ahead = CDNOW.conditionalExpectedPurchases(100_000, 100_000, 99_999, 100_000);
        assertTrue(Double.isFinite(ahead) && ahead > 0, "E " + ahead);
        double p = CDNOW.probabilityOfPurchases(100_000, 100_000);
        assertTrue(p >= 0 && p <= 1, "P " + p);
        // alpha/beta = 1e-18: the argument (beta - alpha)/beta rounds to 1; the integral form takes over
        double[] tiny = {0.5, 1e-9, 0.6, 1e9};
        double[] gradient = new double[4];
        for (double[] c : new double[][] {{0, 0, 2}, {3, 0.5, 2}}) {
            double withGradient = ParetoNbdModel.logLikelihood(tiny, c[0], c[1], c[2], gradient);
            assertEquals(ParetoNbdModel.of(0.5, 1e-9, 0.6, 1e9).logLikelihood(c[0], c[1], c[2]), withGradient,
                    1e-9 * Math.max(1, Math.abs(withGradient)));
            assertTrue(Arrays.stream(gradient).allMatch(Double::isFinite), Arrays.toString(gradient));
        }
        ParetoNbdModel extreme = ParetoNbdModel.of(0.5, 1e-9, 0.6, 1e6);
        assertTrue(Double.isFinite(extreme.logLikelihood(0, 0, 1e-3)));
        double extremeAlive = extreme.probabilityAlive(5, 1, 100_000);
        assertTrue(extremeAlive >= 0 && extremeAlive <= 1, "p_alive " + extremeAlive);
    }

    @Property(tries = 300)
    void logLikelihoodIsFiniteAndAliveIsAProbability(@ForAll @IntRange(min = 0, max = 100_000) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1e-3, max = 100_000) @Scale(4) double age,
            @ForAll @DoubleRange(min = 0.01, max = 30) double r,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double alpha,
            @ForAll @DoubleRange(min = 0.01, max = 30) double s,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double beta) {
        double tx = x == 0 ? 0 : recencyShare * age;
        ParetoNbdModel model = ParetoNbdModel.of(r, alpha, s, beta);
        double ll = model.logLikelihood(x, tx, age);
        assertTrue(Double.isFinite(ll), "LL " + ll);
        double alive = model.probabilityAlive(x, tx, age);
        assertTrue(alive >= 0 && alive <= 1, "p_alive " + alive);
    }

    @Property(tries = 300)
    void theGradientIsFiniteAndAgreesWithTheValueOnlyPath(@ForAll @IntRange(min = 0, max = 100_000) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1e-3, max = 100_000) @Scale(4) double age,
            @ForAll @DoubleRange(min = 0.01, max = 30) double r,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double alpha,
            @ForAll @DoubleRange(min = 0.01, max = 30) double s,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double beta) {
        double tx = x == 0 ? 0 : recencyShare * age;
        double[] gradient = new double[4];
        double value = ParetoNbdModel.logLikelihood(new double[] {r, alpha, s, beta}, x, tx, age, gradient);
        for (double g : gradient) {
            assertTrue(Double.isFinite(g), Arrays.toString(gradient));
        }
        double valueOnly = ParetoNbdModel.of(r, alpha, s, beta).logLikelihood(x, tx, age);
        assertEquals(valueOnly, value, 1e-8 * Math.max(1, Math.abs(valueOnly)));
    }

    @Property(tries = 300)
    void moreTimeAheadNeverMeansFewerExpectedPurchases(@ForAll @DoubleRange(min = 0, max = 1000) double t,
            @ForAll @DoubleRange(min = 0, max = 1000) double extra, @ForAll @IntRange(min = 0, max = 50) int x,
            @ForAll @DoubleRange(min = 0.05, max = 5) double s) {
        ParetoNbdModel model = ParetoNbdModel.of(0.55, 10.6, s, 11.7);
        double tx = x == 0 ? 0 : 20;
        assertTrue(model.conditionalExpectedPurchases(t + extra, x, tx, 38)
                >= model.conditionalExpectedPurchases(t, x, tx, 38));
        assertTrue(model.expectedPurchases(t + extra) >= model.expectedPurchases(t));
    }

    private static double simpson(DoubleUnaryOperator f, double from, double to) {
        int steps = 200_000;
        double h = (to - from) / steps;
        double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
        for (int i = 1; i < steps; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(from + i * h);
        }
        return sum * h / 3;
    }
}
