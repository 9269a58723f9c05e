package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;

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
 * so it neither overflows nor cancels, the divergent factor (1−z)<sup>1−b</sup> near z = 1 is
 * exact in log space, and the remaining sum is bounded by 1/(1−z). The number of terms grows like
 * ln(10<sup>17</sup>)/(1−z); beyond {@value #MAX_TERMS} terms (1−z below about 10<sup>−5</sup>)
 * the result is NaN, which callers turn into a clear failure.
 */
final class GaussHypergeometric {

    /** Most terms summed before giving up (1 − z below about 8e-6). */
    static final int MAX_TERMS = 5_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-17;

    private GaussHypergeometric() {
    }

    /**
     * ln <sub>2</sub>F<sub>1</sub>(a, b; a+1; z).
     *
     * @param a a &gt; 0
     * @param b 0 &lt; b &lt; a + 1
     * @param z z &lt; 1
     * @return the logarithm of the function; NaN if z is so close to 1 that the series would need
     *     more than {@value #MAX_TERMS} terms
     */
    static double logTwoF1(double a, double b, double z) {
        require(a > 0 && b > 0 && b < a + 1 && z < 1, "2F1(a=%s, b=%s; a+1; z=%s) is outside 0 < b < a+1, z < 1",
                a, b, z);
        if (z < 0) {
            double w = z / (z - 1);
            // Pfaff, then Euler on F(a, a+1-b; a+1; w) = (1-w)^(b-a) F(b, 1; a+1; w); as 1-w = 1/(1-z)
            // the factors combine to (1-z)^(-b)
            return -b * Math.log1p(-z) + logEuler(b, a + 1, w, null);
        }
        return (1 - b) * Math.log1p(-z) + logEuler(a + 1 - b, a + 1, z, null);
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
