package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD mean E[(1 − (1 + pρ)<sup>−s</sup>)/p] over p ~ Beta(a, b') where its hypergeometric
 * series alternates (s &gt; a + b') or its dropout Beta is nearly degenerate. Exact values: as
 * sρ → ∞ the mean tends to E[1/p] = (a+b'−1)/(a−1) for a &gt; 1, with an error of order
 * (sρ)<sup>−(a−1)</sup>; as a, b' → 0 it tends to (b' sρ + a (1 − (1+ρ)<sup>−s</sup>))/(a+b'),
 * the Beta's mass b'/(a+b') at p = 0 (no dropout: sρ) and a/(a+b') at p = 1 (gone after the
 * first event).
 */
class StoppedPoissonMeanExtremesTest {

    @Test
    void anAlternatingSeriesGivesTheMeanOfOneOverP() {
        // s 1000, rho 1e6: (s rho)^-(a-1) is 1e-9^1.5 = 3e-14 of the mean; the series gave 3.26666674 and 21.0000113
        assertEquals(4.9 / 1.5, GaussHypergeometric.stoppedPoissonMean(1e6, 1000, 1, 2.5, 3.4), 1e-10);
        assertEquals(31.5 / 1.5, GaussHypergeometric.stoppedPoissonMean(1e6, 1000, 1, 2.5, 30), 1e-9);
        // a 4, b' 2: 5/3, error (1e9)^-3
        assertEquals(5.0 / 3, GaussHypergeometric.stoppedPoissonMean(1e6, 1000, 1, 4, 2), 1e-10);
    }

    @Test
    void aConcentratedBetaGivesTheMeanAtItsMean() {
        // a 3.79e34, b' 1.16e35: a covariate customer (gamma_life z = 79.6) for which the series, both
        // quadratures and the expansion around z = 1 all failed, and the model refused; the Beta's standard
        // deviation (3e-18) is below the spacing of doubles near its mean, so the mean is g(mu) to the last digit
        double a = 3.7945839769834534E34;
        double b = 1.1608651611805622E35;
        double mu = a / (a + b);
        double rho = 0.04 / 5.414;
        double atMean = -Math.expm1(-0.243 * Math.log1p(mu * rho)) / mu;
        assertEquals(atMean, GaussHypergeometric.stoppedPoissonMean(0.04, 0.243, 5.414, a, b), 1e-15 * atMean);
        for (double scale : new double[] {1e20, 1e50, 1e100, 1e200, 1e300}) {
            double one = GaussHypergeometric.stoppedPoissonMean(39, 0.243, 4.414, 0.793 * scale, 2.426 * scale);
            double m = 0.793 / (0.793 + 2.426);
            double r = 39 / 4.414;
            double limit = -Math.expm1(-0.243 * Math.log1p(m * r)) / m;
            assertEquals(limit, one, 1e-14 * limit, "scale " + scale);
        }
    }

    @Test
    void vanishingShapesGiveThePointMassesAtZeroAndOne() {
        // a 3.4e-18, b' 1.03e-17: the covariate customer at gamma_life z = -40 (a 0.793, b 2.426) used to throw
        double a = 0.793 * Math.exp(-40);
        double b = 2.426 * Math.exp(-40);
        double rho = 39 / 4.414;
        double limit = (b * 0.243 * rho + a * -Math.expm1(-0.243 * Math.log1p(rho))) / (a + b);
        assertEquals(limit, GaussHypergeometric.stoppedPoissonMean(39, 0.243, 4.414, a, b), 1e-12 * limit);
        for (double scale : new double[] {1e-10, 1e-20, 1e-100, 1e-300}) {
            double one = GaussHypergeometric.stoppedPoissonMean(39, 0.243, 4.414, 0.793 * scale, 2.426 * scale);
            assertEquals(limit, one, 1e-9 * limit, "scale " + scale);
        }
    }

    /**
     * g(1) ≤ mean ≤ g(0) for every Beta, and the mean rises with b' at a fixed a (more mass
     * near p = 0, where g is largest): checked over shapes from 1e-12 to 1e3 on a log scale.
     */
    @Property(tries = 300)
    void theMeanLiesBetweenItsDropoutBoundsAndRisesWithB(@ForAll @DoubleRange(min = -12, max = 3) double logA,
            @ForAll @DoubleRange(min = -12, max = 3) double logB, @ForAll @DoubleRange(min = -2, max = 4) double logShape,
            @ForAll @DoubleRange(min = -3, max = 4) double logRho) {
        double a = Math.pow(10, logA);
        double b = Math.pow(10, logB);
        double shape = Math.pow(10, logShape);
        double rho = Math.pow(10, logRho);
        double mean = GaussHypergeometric.stoppedPoissonMean(rho, shape, 1, a, b);
        double atZero = shape * rho;
        double atOne = -Math.expm1(-shape * Math.log1p(rho));
        assertTrue(mean >= atOne * (1 - 1e-9) && mean <= atZero * (1 + 1e-9), atOne + " <= " + mean + " <= " + atZero);
        double more = GaussHypergeometric.stoppedPoissonMean(rho, shape, 1, a, b * 2);
        assertTrue(more >= mean * (1 - 1e-8), "b' " + b + ": " + mean + " then " + more + " at 2b'");
    }
}
