package io.crmkit.scoring.internal.math;

/**
 * The confluent hypergeometric function of the second kind (Tricomi's U, also written Ψ), from its
 * integral representation (Abramowitz &amp; Stegun 13.2.5; DLMF 13.4.4):
 * U(a, b, z) = 1/Γ(a) ∫<sub>0</sub><sup>∞</sup> e<sup>−zt</sup> t<sup>a−1</sup>
 * (1+t)<sup>b−a−1</sup> dt, for a &gt; 0 and z &gt; 0. It is what the Pareto/NBD's discounted
 * expected residual transactions need (Fader, Hardie &amp; Lee 2005, "RFM and CLV", eq. 2, with
 * a = b = s).
 *
 * <p>In w = ln t the integrand is e<sup>h(w)</sup> with h(w) = a·w − z·e<sup>w</sup> +
 * (b−a−1)·ln(1+e<sup>w</sup>), concave when b &le; a+1 (the only case accepted). The mode is found
 * by bisection on h′; from it 16-point Gauss-Legendre panels step outwards, each at most one unit
 * wide and narrower where h bends (1/√|h″|) or falls fast (8/|h′|), until h has fallen 60 below its
 * peak (a relative error of e<sup>−60</sup>). Far to the left, where z·e<sup>w</sup> and
 * e<sup>w</sup> are below 10<sup>−17</sup>, h is linear to double precision and the rest of the
 * tail is added in closed form, e<sup>h(w)</sup>/a. The result is returned as a logarithm, so
 * U(a, b, z) for z up to 10<sup>300</sup> or down to 10<sup>−300</sup> is representable.
 */
public final class ConfluentHypergeometric {

    private static final double DROP = 60;
    private static final double LINEAR_TAIL = 1e-17;
    private static final int MAX_PANELS = 1_000_000;

    private ConfluentHypergeometric() {
    }

    /**
     * ln U(a, b, z).
     *
     * @param a a &gt; 0, finite
     * @param b b &le; a + 1, finite
     * @param z z &gt; 0, finite
     * @return ln U(a, b, z), finite
     * @throws IllegalArgumentException if an argument is outside these ranges
     * @throws IllegalStateException if the integral cannot be resolved in double precision (a panel
     *     would be narrower than the spacing of doubles, or the result is not finite) or does not
     *     close within
     *     a million panels
     */
    public static double logU(double a, double b, double z) {
        if (!(a > 0 && Double.isFinite(a) && Double.isFinite(b) && b <= a + 1 && z > 0 && Double.isFinite(z))) {
            throw new IllegalArgumentException("U(a=" + a + ", b=" + b + ", z=" + z
                    + ") is outside a > 0, b <= a+1, z > 0 (all finite)");
        }
        double m = b - a - 1;
        double lo = Math.log(a / (2 * (z + a + 1 - b)));
        double hi = Math.log(a / z) + 1;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
            double mid = 0.5 * (lo + hi);
            if (slope(mid, a, m, z) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double mode = 0.5 * (lo + hi);
        double peak = h(mode, a, m, z);
        double sum = side(mode, +1, a, m, z, peak) + side(mode, -1, a, m, z, peak);
        double log = peak + Math.log(sum) - SpecialFunctions.logGamma(a);
        if (!Double.isFinite(log)) {
            // at parameters of 1e20 and more the peak and ln Γ(a) cancel beyond double precision
            throw new IllegalStateException("U integral cannot be resolved in double precision: ln U(a=" + a + ", b="
                    + b + ", z=" + z + ") came out " + log);
        }
        return log;
    }

    /** ∫ e^(h − peak) from the mode to one side, panel by panel. */
    private static double side(double mode, int direction, double a, double m, double z, double peak) {
        double sum = 0;
        double w = mode;
        for (int panel = 0; panel < MAX_PANELS; panel++) {
            if (direction < 0 && Math.exp(w) * (z + Math.abs(m)) < LINEAR_TAIL) {
                // h is a*w + constant from here on: the tail in closed form
                return sum + Math.exp(h(w, a, m, z) - peak) / a;
            }
            double curvature = Math.abs(curvature(w, m, z));
            double fall = Math.abs(slope(w, a, m, z));
            double width = Math.min(1, Math.min(curvature > 0 ? 1 / Math.sqrt(curvature) : 1,
                    fall > 0 ? 8 / fall : 1));
            double end = w + direction * width;
            if (end == w) {
                // a panel narrower than the spacing of doubles at w would not advance: no quadrature
                // can follow the integrand here, and a million such panels would only cost time
                throw new IllegalStateException("U integral cannot be resolved: the integrand varies faster than"
                        + " doubles resolve at w = " + w);
            }
            double half = 0.5 * width;
            double centre = 0.5 * (w + end);
            for (int i = 0; i < GaussLegendre.ORDER; i++) {
                sum += half * GaussLegendre.weight(i)
                        * Math.exp(h(centre + half * GaussLegendre.node(i), a, m, z) - peak);
            }
            w = end;
            if (h(w, a, m, z) < peak - DROP) {
                return sum;
            }
        }
        throw new IllegalStateException("U integral did not close within " + MAX_PANELS + " panels");
    }

    private static double h(double w, double a, double m, double z) {
        return a * w - z * Math.exp(w) + m * softplus(w);
    }

    private static double slope(double w, double a, double m, double z) {
        return a - z * Math.exp(w) + m * logistic(w);
    }

    private static double curvature(double w, double m, double z) {
        double p = logistic(w);
        return -z * Math.exp(w) + m * p * (1 - p);
    }

    /** ln(1 + e^w) without overflow. */
    private static double softplus(double w) {
        return w > 0 ? w + Math.log1p(Math.exp(-w)) : Math.log1p(Math.exp(w));
    }

    private static double logistic(double w) {
        return w > 0 ? 1 / (1 + Math.exp(-w)) : Math.exp(w) / (1 + Math.exp(w));
    }
}
