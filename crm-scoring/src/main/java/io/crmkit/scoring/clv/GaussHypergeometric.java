package io.crmkit.scoring.clv;

/**
 * The Gauss hypergeometric function in the form the Pareto/NBD likelihood needs,
 * <sub>2</sub>F<sub>1</sub>(a, b; a+1; z) with 0 &lt; b &lt; a+1 and z &lt; 1, evaluated in log space.
 *
 * <p>Two classical transformations (Abramowitz &amp; Stegun 15.3.4 and 15.3.3) bring every
 * argument to a series of positive terms:
 * <ul>
 *   <li>z &lt; 0, Pfaff: F(a, b; c; z) = (1−z)<sup>−a</sup> F(a, c−b; c; z/(z−1)), and
 *       z/(z−1) lies in (0, 1);</li>
 *   <li>0 &le; z &lt; 1, Euler: F(a, b; a+1; z) = (1−z)<sup>1−b</sup> F(a+1−b, 1; a+1; z).</li>
 * </ul>
 * The remaining series E(e, f, z) = F(e, 1; f; z) = Σ<sub>k</sub> (e)<sub>k</sub>/(f)<sub>k</sub>
 * z<sup>k</sup> with 0 &lt; e &lt; f has positive terms whose ratio (e+k)/(f+k)·z stays below z,
 * so it neither overflows nor cancels, and the divergent factor (1−z)<sup>1−b</sup> near z = 1 is
 * exact in log space. The series needs about 40/(1−z) terms, so above z = {@value #SERIES_LIMIT}
 * the function is taken from its integral form instead: with c = a+1,
 * F(a, b; a+1; z) = a ∫<sub>0</sub><sup>∞</sup> (1+y)<sup>−(a+1−b)</sup>(1−z+y)<sup>−b</sup> dy,
 * whose integrand is log-concave in ln(1−z+y) and is integrated by {@link LogConcaveIntegral}.
 *
 * <p>BG/NBD and MBG/NBD do not use this class: their ₂F₁ has a general lower parameter and a
 * negative upper one, and they need a cancelling difference rather than a logarithm; see
 * {@link BetaGeoMath}.
 */
final class GaussHypergeometric {

    /** Above this argument the integral form replaces the series. */
    static final double SERIES_LIMIT = 0.999;
    /** Most terms summed before giving up; far more than z up to {@value #SERIES_LIMIT} needs. */
    static final int MAX_TERMS = 1_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-17;

    private GaussHypergeometric() {
    }

    /**
     * ln <sub>2</sub>F<sub>1</sub>(a, b; a+1; z).
     *
     * @param a a &gt; 0
     * @param b 0 &lt; b &lt; a + 1
     * @param z z &lt; 1
     * @return the logarithm of the function
     */
    static double logTwoF1(double a, double b, double z) {
        return logTwoF1(a, b, z, 1 - z);
    }

    /**
     * ln <sub>2</sub>F<sub>1</sub>(a, b; a+1; z) given 1 − z as well, for callers that know it more
     * precisely than 1 − z can be rounded (z near 1 from a ratio such as (α−β)/(α+τ)).
     *
     * @param a a &gt; 0
     * @param b 0 &lt; b &lt; a + 1
     * @param z z &lt; 1
     * @param oneMinusZ 1 − z, &gt; 0
     * @return the logarithm of the function
     */
    static double logTwoF1(double a, double b, double z, double oneMinusZ) {
        // z itself may round to 1 when 1 - z is tiny; oneMinusZ carries the information then
        if (!(a > 0 && b > 0 && b < a + 1 && z <= 1 && oneMinusZ > 0)) {
            throw new IllegalArgumentException("2F1(a=" + a + ", b=" + b + "; a+1; z=" + z
                    + ") is outside 0 < b < a+1, z < 1");
        }
        if (z < 0) {
            // Pfaff: F(a, b; a+1; z) = (1-z)^(-a) F(a, a+1-b; a+1; w), w = z/(z-1), 1-w = 1/(1-z)
            return -a * Math.log(oneMinusZ) + logNonNegative(a, a + 1 - b, z / (z - 1), 1 / oneMinusZ);
        }
        return logNonNegative(a, b, z, oneMinusZ);
    }

    private static double logNonNegative(double a, double b, double z, double oneMinusZ) {
        double logOneMinusZ = Math.log(oneMinusZ);
        if (z <= SERIES_LIMIT) {
            // Euler: F(a, b; a+1; z) = (1-z)^(1-b) F(a+1-b, 1; a+1; z)
            return (1 - b) * logOneMinusZ + logEuler(a + 1 - b, a + 1, z, null);
        }
        return Math.log(a) + LogConcaveIntegral.log(1 - b, a + 1 - b, z, 0, 0, logOneMinusZ,
                Double.POSITIVE_INFINITY, null);
    }

    /**
     * ln E(e, f, z) = ln <sub>2</sub>F<sub>1</sub>(e, 1; f; z) = ln Σ<sub>k&ge;0</sub>
     * (e)<sub>k</sub>/(f)<sub>k</sub> z<sup>k</sup>, and optionally its partial derivatives.
     *
     * @param e 0 &lt; e &lt; f
     * @param f f &gt; e
     * @param z 0 &le; z &lt; 1
     * @param partials null, or receives ∂/∂e, ∂/∂f, ∂/∂z of ln E in elements 0, 1, 2
     * @return ln E; NaN if the series does not converge within {@value #MAX_TERMS} terms
     */
    static double logEuler(double e, double f, double z, double[] partials) {
        boolean derivatives = partials != null;
        double term = 1.0;
        double sum = 1.0;
        double sumE = 0;
        double sumF = 0;
        double sumZ = 0;
        double harmonicE = 0;
        double harmonicF = 0;
        double stop = RELATIVE_TOLERANCE * (1 - z);
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (e + k) / (f + k);
            double withoutZ = term * ratio;
            double next = withoutZ * z;
            if (derivatives) {
                harmonicE += 1 / (e + k);
                harmonicF += 1 / (f + k);
                sumE += next * harmonicE;
                sumF -= next * harmonicF;
                // d/dz of z^(k+1) (e)_(k+1)/(f)_(k+1) = (k+1) z^k (e)_(k+1)/(f)_(k+1)
                sumZ += (k + 1) * withoutZ;
            }
            sum += next;
            term = next;
            if (term <= stop * sum) {
                if (derivatives) {
                    partials[0] = sumE / sum;
                    partials[1] = sumF / sum;
                    partials[2] = sumZ / sum;
                }
                return Math.log(sum);
            }
        }
        return Double.NaN;
    }
}
