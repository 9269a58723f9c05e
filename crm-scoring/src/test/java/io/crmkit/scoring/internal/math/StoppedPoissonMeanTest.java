package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The BG/NBD mean E[(1/p)(1 − e^(−λpt))] by its series and by direct integration over p. */
class StoppedPoissonMeanTest {

    @Test
    void theIntegralOverTheBetaAgreesWithTheSeriesWhereBothWork() {
        double[][] cases = {{39, 0.243, 4.414, 2, 5}, {39, 2.243, 34, 3, 10}, {39, 0.5, 10, 25, 60},
            {100, 1.5, 20, 200, 600}, {39, 1.2, 30, 1, 1}, {39, 1.2, 30, 1, 40}, {10, 3, 5, 40, 1}};
        for (double[] c : cases) {
            double series = GaussHypergeometric.stoppedPoissonMean(c[0], c[1], c[2], c[3], c[4]);
            assertEquals(series, GaussHypergeometric.overBeta(c[0], c[1], c[2], c[3], c[4]), 1e-12 * series);
        }
    }

    @Test
    void aConcentratedBetaGivesTheMeanAtItsMeanDropoutProbability() {
        // a, b' ~ 1e13 (BG/NBD with a large attrition covariate effect): the series used to throw here; p is
        // a/(a+b') to 1e-7, and E over lambda ~ Gamma(shape, beta) of (1 - e^(-lambda p t))/p is
        // (1 - (1 + p t/beta)^-shape)/p
        double a = 0.793e13;
        double b = 2.426e13;
        double p = a / (a + b);
        double expected = -Math.expm1(-0.243 * Math.log1p(p * 39 / 4.414)) / p;
        assertEquals(expected, GaussHypergeometric.stoppedPoissonMean(39, 0.243, 4.414, a, b), 1e-9);
        assertEquals(expected, GaussHypergeometric.stoppedPoissonMean(39, 0.243, 4.414, 17466.98737528173,
                53436.206018201105), 2e-4);
    }
}
