package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/**
 * Reference values for the hand-written numerics. Sources: closed forms, Abramowitz &amp; Stegun
 * (A&amp;S) tables, and values computed once with mpmath 1.3.0 at 40-60 significant digits
 * (quoted to 20 digits here, with the call that produced them).
 */
class NumericsTest {

    @Test
    void logGammaMatchesKnownValues() {
        // ln Γ(1/2) = ln √π; ln Γ(n) = ln (n-1)!; ln Γ(100) from tables (A&S 6.1)
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(0.0, SpecialFunctions.logGamma(1.0), 1e-14);
        assertEquals(0.0, SpecialFunctions.logGamma(2.0), 1e-14);
        assertEquals(Math.log(362880.0), SpecialFunctions.logGamma(10.0), 1e-13);
        assertEquals(359.13420536957540, SpecialFunctions.logGamma(100.0), 1e-11);
        assertEquals(23.025850929882735, SpecialFunctions.logGamma(1e-10), 1e-9);
    }

    @Test
    void digammaMatchesKnownValues() {
        double eulerGamma = 0.5772156649015329;
        assertEquals(-eulerGamma, SpecialFunctions.digamma(1.0), 1e-14);
        assertEquals(-eulerGamma - 2 * Math.log(2), SpecialFunctions.digamma(0.5), 1e-14);
        assertEquals(4.600161852738087, SpecialFunctions.digamma(100.0), 1e-13);
    }

    @Property
    void digammaIsTheDerivativeOfLogGamma(@ForAll @DoubleRange(min = 0.05, max = 1e4) @Scale(6) double x) {
        double h = 1e-5 * x;
        double numeric = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
        assertEquals(numeric, SpecialFunctions.digamma(x), 1e-6 * Math.max(1, Math.abs(numeric)));
    }

    @Property
    void logGammaSatisfiesTheRecurrence(@ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double x) {
        assertEquals(SpecialFunctions.logGamma(x) + Math.log(x), SpecialFunctions.logGamma(x + 1),
                1e-12 * Math.max(1, Math.abs(SpecialFunctions.logGamma(x + 1))));
    }

    @Test
    void bfgsFindsTheMinimumOfTheRosenbrockFunction() {
        DifferentiableFunction rosenbrock = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        Bfgs.Result result = Bfgs.minimize(rosenbrock, new double[] {-1.2, 1.0}, 200, 1e-9);
        assertTrue(result.converged(), result.message());
        assertEquals(1.0, result.point()[0], 1e-6);
        assertEquals(1.0, result.point()[1], 1e-6);
        assertTrue(result.iterations() < 100, "iterations " + result.iterations());
    }

    @Test
    void bfgsStepsBackFromWhereTheObjectiveIsUndefined() {
        // f(x) = x - ln x is undefined for x <= 0; minimum at x = 1
        DifferentiableFunction f = (x, g) -> {
            g[0] = 1 - 1 / x[0];
            return x[0] <= 0 ? Double.NaN : x[0] - Math.log(x[0]);
        };
        Bfgs.Result result = Bfgs.minimize(f, new double[] {8.0}, 100, 1e-10);
        assertTrue(result.converged(), result.message());
        assertEquals(1.0, result.point()[0], 1e-8);
    }

    @Test
    void logGammaMatchesHighPrecisionValues() {
        // mpmath: loggamma(0.1), loggamma(10**6)
        assertEquals(2.2527126517342059020, SpecialFunctions.logGamma(0.1), 1e-14);
        assertEquals(12815504.569147611660, SpecialFunctions.logGamma(1e6), 1e-8);
    }

    @Test
    void logBetaMatchesClosedForms() {
        // B(1/2, 1/2) = π; B(2, 3) = 1! 2! / 4! = 1/12
        assertEquals(Math.log(Math.PI), SpecialFunctions.logBeta(0.5, 0.5), 1e-14);
        assertEquals(Math.log(1.0 / 12), SpecialFunctions.logBeta(2, 3), 1e-14);
    }

    @Test
    void logSumExpDoesNotOverflow() {
        assertEquals(1000 + Math.log(2), SpecialFunctions.logSumExp(1000, 1000), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.logSumExp(Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
    }

    @Test
    void gaussHypergeometricMatchesClosedFormsAndHighPrecisionValues() {
        // 2F1(1, 1; 2; z) = -ln(1-z)/z (A&S 15.1.3)
        assertEquals(Math.log(-Math.log1p(-0.5) / 0.5), GaussHypergeometric.logTwoF1(1, 1, 0.5), 1e-14);
        // mpmath: log(hyp2f1(2.5, 1.7, 3.5, -3)) and log(hyp2f1(2.5, 1.7, 3.5, 0.9995)) (the integral form)
        assertEquals(-1.8133223640679698598, GaussHypergeometric.logTwoF1(2.5, 1.7, -3), 1e-12);
        assertEquals(6.5755345150116405255, GaussHypergeometric.logTwoF1(2.5, 1.7, 0.9995), 1e-10);
        // mpmath: log(hyp2f1(0.7, 1, 2.3, 0.8))
        assertEquals(0.38606698468723328187, GaussHypergeometric.logEuler(0.7, 2.3, 0.8, null), 1e-14);
    }

    @Test
    void stoppedPoissonMeanMatchesHighPrecisionValues() {
        // mpmath at 50 digits: (a+b-1)/(a-1) (1 - (beta/(beta+t))^shape hyp2f1(shape, b, a+b-1, t/(beta+t)))
        assertEquals(1.1876182026688109362, GaussHypergeometric.stoppedPoissonMean(39, 0.24, 4.4, 0.79, 2.426),
                1e-13);
        assertEquals(1.6873993058053129075, GaussHypergeometric.stoppedPoissonMean(39, 2.243, 43.274, 0.793, 4.426),
                1e-13);
        // a = 1 + 1e-30: the removable pole at a = 1
        assertEquals(1.074398806348105609, GaussHypergeometric.stoppedPoissonMean(39, 0.24, 4.4, 1, 2.426), 1e-12);
        // z = 0.99996: the expansion around z = 1 (A&S 15.3.6)
        assertEquals(29.799462407912077279, GaussHypergeometric.stoppedPoissonMean(1e5, 0.24, 4.4, 0.79, 2.426),
                1e-9);
        // nearly degenerate Beta: mpmath quad of E[(1 - (beta/(beta+p t))^shape)/p] over p ~ Beta(a, b)
        assertEquals(2.127263492028270579, GaussHypergeometric.stoppedPoissonMean(39, 0.24, 4.4, 0.79, 1e6), 1e-13);
        assertEquals(2.1272727272727260987, GaussHypergeometric.stoppedPoissonMean(39, 0.24, 4.4, 0.79, 1e16),
                1e-13);
        GaussHypergeometric.StoppedPoissonSeries bulk = new GaussHypergeometric.StoppedPoissonSeries(
                0.79 + 2.426 - 1 - 0.24, 0.79 - 1);
        assertEquals(1.1876182026688109362, bulk.mean(39, 0.24, 4.4, 0.79, 2.426), 1e-13);
    }

    @Test
    void logConcaveIntegralMatchesTheBetaFunctionAndAHighPrecisionQuadrature() {
        // ∫0^∞ y^(c-1) (1+y)^-m dy = B(c, m-c) (A&S 6.2.1): ln B(1.5, 2.5) = -1.6278588363903810635 (mpmath)
        assertEquals(-1.6278588363903810635, LogConcaveIntegral.log(1.5, 4, 1, 0, 0, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, null), 1e-12);
        // mpmath: log(quad(y^1.5 (2+y)^-3 (0.5+y)^-1.2, [0, 3]))
        assertEquals(-3.0141256324140602466, LogConcaveIntegral.log(2.5, 3, 2, 1.2, 0.5, Double.NEGATIVE_INFINITY,
                Math.log(3), null), 1e-12);
    }

    @Test
    void heterogeneityDrawsHaveTheRightMeans() {
        // Gamma(shape k, rate θ) has mean k/θ and variance k/θ²; Beta(a, b) has mean a/(a+b), variance
        // ab/((a+b)²(a+b+1)); 200,000 draws put the sample mean within 5 standard errors
        HeterogeneityDraws draws = new HeterogeneityDraws(42);
        int n = 200_000;
        double[][] cases = {{2.5, 2}, {0.3, 1}};
        for (double[] c : cases) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += draws.gamma(c[0], c[1]);
            }
            double se = Math.sqrt(c[0] / (c[1] * c[1]) / n);
            assertEquals(c[0] / c[1], sum / n, 5 * se, "gamma " + c[0] + ", " + c[1]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += draws.beta(0.5, 1.5);
        }
        assertEquals(0.25, sum / n, 5 * Math.sqrt(0.5 * 1.5 / (4 * 4 * 3) / n));
        double exponential = 0;
        for (int i = 0; i < n; i++) {
            exponential += draws.exponential(4);
        }
        assertEquals(0.25, exponential / n, 5 * 0.25 / Math.sqrt(n));
    }

    @Test
    void adaptiveQuadratureFindsAPeakBetweenTheFirstNodesWithoutOverflow() {
        // ∫_0^L τ e^{-λτ} dτ = 1/λ² (1 − (1+λL)e^{−λL}); with λ = 36 and L = 100,000 the peak at τ = 1/36
        // lies far below the first rule's nodes, whose ln f is below −1,000; the offset 2,000 would
        // overflow a sum scaled by those nodes
        double lambda = 36;
        double log = AdaptiveQuadrature.log((t, d) -> 2_000 + Math.log(t) - lambda * t, 0, 100_000, 0, null);
        assertEquals(2_000 - 2 * Math.log(lambda), log, 1e-9);
        double moderate = AdaptiveQuadrature.log((t, d) -> Math.log(t) - t, 0, 30, 0, null);
        assertEquals(Math.log(1 - 31 * Math.exp(-30)), moderate, 1e-11);
    }
}
