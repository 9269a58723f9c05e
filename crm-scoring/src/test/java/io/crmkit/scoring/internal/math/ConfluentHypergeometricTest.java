package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ConfluentHypergeometricTest {

    @Test
    void matchesMpmathHyperu() {
        // ln U(a, b, z) from mpmath.hyperu at 40 digits (the doubles' exact binary values); tolerance 1e-12 absolute
        double[][] cases = {
            {1, 1, 1, -0.51693195900204561087},
            {0.6061, 0.6061, 0.1367, 0.26523458155304593819},
            {0.6061, 0.6061, 270.0, -3.3954376317424835863},
            {2.5, 1.2, 0.01, 1.3434638904223511991},
            {0.3, -2, 5, -0.62636859762244869163},
            {0.05, 0.05, 1e-6, 0.030967759006956668213},
            {7, 3, 40, -26.584406552572010467},
            {0.6061, 0.6061, 1e-8, 0.81164316534993876378},
            {50, 50, 0.5, 30.062031021582739534},
        };
        for (double[] c : cases) {
            assertEquals(c[3], ConfluentHypergeometric.logU(c[0], c[1], c[2]), 1e-12 * Math.max(1, Math.abs(c[3])),
                    "U(" + c[0] + ", " + c[1] + ", " + c[2] + ")");
        }
    }

    @Property(tries = 300)
    void theEdgeCaseBEqualsAPlusOneIsAPower(@ForAll @DoubleRange(min = 0.01, max = 50) double a,
            @ForAll @DoubleRange(min = 1e-6, max = 1e6) @Scale(8) double z) {
        // A&S 13.6.27 / DLMF 13.6.4: U(a, a+1, z) = z^(-a)
        assertEquals(-a * Math.log(z), ConfluentHypergeometric.logU(a, a + 1, z), 1e-11 * Math.max(1, a * Math.abs(Math.log(z))));
    }

    @Property(tries = 300)
    void uOfOneHalfIsTheComplementaryErrorFunction(@ForAll @DoubleRange(min = 1e-4, max = 600) @Scale(8) double z) {
        // DLMF 13.6.6 with a = 1/2: U(1/2, 1/2, z) = e^z Gamma(1/2, z) = e^z sqrt(pi) erfc(sqrt z); erfc here by
        // its continued fraction for sqrt(z) > 2 and its series below, independent of the code under test
        double expected = 0.5 * Math.log(Math.PI) + z + logErfc(Math.sqrt(z));
        assertEquals(expected, ConfluentHypergeometric.logU(0.5, 0.5, z), 1e-11 * Math.max(1, Math.abs(expected)));
    }

    /** ln erfc(x), x > 0: series of erf for x <= 2, Lentz's continued fraction beyond (A&S 7.1.5, 7.1.14). */
    private static double logErfc(double x) {
        if (x <= 2) {
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= -x * x / n;
                sum += term / (2 * n + 1);
            }
            return Math.log(1 - 2 / Math.sqrt(Math.PI) * sum);
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
        double f = x;
        for (int k = 200; k >= 1; k--) {
            f = x + (k / 2.0) / f;
        }
        return -x * x - 0.5 * Math.log(Math.PI) - Math.log(f);
    }

    @Test
    void refusesArgumentsOutsideTheIntegralForm() {
        assertThrows(IllegalArgumentException.class, () -> ConfluentHypergeometric.logU(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ConfluentHypergeometric.logU(1, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> ConfluentHypergeometric.logU(1, 1, 0));
        assertTrue(Double.isFinite(ConfluentHypergeometric.logU(1e-3, 1e-3, 1e300)));
        assertTrue(Double.isFinite(ConfluentHypergeometric.logU(1e3, 1e3, 1e-300)));
    }

    @Test
    void theDiscountedIntegralOfALinearCountIsItsRateOverDelta() {
        // delta * int e^(-delta t) c t dt = c / delta, by hand; and of 1 - e^(-k t): k / (k + delta)
        assertEquals(2.0 / 0.0027, DiscountedIntegral.of(t -> 2 * t, 0.0027), 1e-12 * 2 / 0.0027);
        assertEquals(0.3 / 0.3027, DiscountedIntegral.of(t -> -Math.expm1(-0.3 * t), 0.0027), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> DiscountedIntegral.of(t -> t, 0));
    }

    @Test
    void anIntegralDoublesCannotResolveIsRefusedAtOnceNotSummedOrMadeInfinite() {
        // a = b = 1e98: every panel would be narrower than the spacing of doubles near the mode (a
        // million of them took a second before the refusal); a = b = 1e20: the peak and ln Γ(a)
        // cancel beyond double precision, which gave +Infinity where a finite ln U is promised
        for (double a : new double[] {1e98, 1e20}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ConfluentHypergeometric.logU(a, a, a / 10));
            assertTrue(refused.getMessage().startsWith("U integral cannot be resolved"), refused.getMessage());
        }
        // a = b = 1e6 is still resolved
        assertTrue(Double.isFinite(ConfluentHypergeometric.logU(1e6, 1e6, 1e5)));
    }
}
