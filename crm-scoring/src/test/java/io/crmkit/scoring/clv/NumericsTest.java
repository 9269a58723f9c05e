package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

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
}
