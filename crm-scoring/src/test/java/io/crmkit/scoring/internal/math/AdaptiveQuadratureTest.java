package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Adaptive Gauss-Kronrod quadrature against closed forms (integrals and score means worked out by
 * hand), on an integrand the first rule resolves, one that needs hundreds of halvings, and one with
 * a peak at a limit; and what one call allocates.
 */
class AdaptiveQuadratureTest {

    @Test
    void anExponentialAndItsScoreMean() {
        // f(t) = e^{c t} on [0, 2], c = -0.7: ∫ f = (e^{2c} - 1)/c; ∂ ln f/∂c = t, and
        // ∫ t e^{ct} dt = [e^{ct}(c t - 1)/c²] from 0 to 2
        double c = -0.7;
        double[] mean = new double[1];
        double log = AdaptiveQuadrature.log((t, d) -> {
            if (d != null) {
                d[0] = t;
            }
            return c * t;
        }, 0, 2, 1, mean);
        double integral = (Math.exp(2 * c) - 1) / c;
        double moment = (Math.exp(2 * c) * (2 * c - 1) + 1) / (c * c);
        assertEquals(Math.log(integral), log, 1e-12);
        assertEquals(moment / integral, mean[0], 1e-11);
    }

    @Test
    void aSharpInteriorPeakIsResolvedByManyHalvings() {
        // f(t) = 1/(t² + e²) on [-1, 1], e = 1e-3: ∫ f = (2/e) atan(1/e); ∂ ln f/∂e = -2e/(t² + e²), and
        // ∫ dt/(t² + e²)² = [t/(2e²(t² + e²)) + atan(t/e)/(2e³)] from -1 to 1
        double e = 1e-3;
        double[] mean = new double[1];
        double log = AdaptiveQuadrature.log((t, d) -> {
            if (d != null) {
                d[0] = -2 * e / (t * t + e * e);
            }
            return -Math.log(t * t + e * e);
        }, -1, 1, 1, mean);
        double integral = 2 / e * Math.atan(1 / e);
        double square = 1 / (e * e * (1 + e * e)) + Math.atan(1 / e) / (e * e * e);
        assertEquals(Math.log(integral), log, 1e-10);
        assertEquals(-2 * e * square / integral, mean[0], 1e-9 * Math.abs(mean[0]));
    }

    @Test
    void aPeakAtALimitIsFound() {
        // f(t) = e^{-t/d} on [0, 1], d = 1e-4: every node of the first rule is below the limit by more
        // than e^{-20}; ∫ f = d (1 - e^{-1/d}); ∂ ln f/∂d = t/d², ∫ t f = d² (1 - e^{-1/d}(1 + 1/d))
        double d = 1e-4;
        double[] mean = new double[1];
        double log = AdaptiveQuadrature.log((t, s) -> {
            if (s != null) {
                s[0] = t / (d * d);
            }
            return -t / d;
        }, 0, 1, 1, mean);
        assertEquals(Math.log(d), log, 1e-10);
        assertEquals(1 / d, mean[0], 1e-9 / d);
    }

    @Test
    void aCallAllocatesForTheIntervalsItUsesNotForTheMostItMightUse() throws ReflectiveOperationException {
        // GGom/NBD integrates once per customer and likelihood evaluation with five scores; the work
        // arrays once had room for all 400 intervals (about 35 KB a call, 3.3 GB for a CDNOW fit)
        // HotSpot's per-thread allocation counter, reached by reflection (this module reads no
        // java.management at compile time)
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        Method allocated = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        double[] mean = new double[5];
        AdaptiveQuadrature.LogIntegrand f = (t, d) -> {
            if (d != null) {
                for (int j = 0; j < 5; j++) {
                    d[j] = j * t;
                }
            }
            return -0.3 * t - Math.log(1 + t);
        };
        double sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += AdaptiveQuadrature.log(f, 0, 40, 5, mean);
        }
        int calls = 10_000;
        long before = (Long) allocated.invoke(threads);
        for (int i = 0; i < calls; i++) {
            sink += AdaptiveQuadrature.log(f, 0, 40, 5, mean);
        }
        long perCall = ((Long) allocated.invoke(threads) - before) / calls;
        assertTrue(Double.isFinite(sink));
        assertTrue(perCall < 4_096, perCall + " bytes a call");
    }
}
