package io.crmkit.scoring.clv;

/**
 * ln ∫ e<sup>h(t)</sup> dt over [lower, upper] for the log-concave exponent
 * h(t) = c·t − m<sub>1</sub> ln(a<sub>1</sub> + e<sup>t</sup>) − m<sub>2</sub> ln(a<sub>2</sub> + e<sup>t</sup>)
 * (m<sub>i</sub>, a<sub>i</sub> &ge; 0), which is what the Pareto/NBD integrals
 * ∫ y<sup>c−1</sup>(a<sub>1</sub>+y)<sup>−m<sub>1</sub></sup>(a<sub>2</sub>+y)<sup>−m<sub>2</sub></sup> dy
 * become in t = ln y.
 *
 * <p>The integrand is unimodal: the mode is found by bisection on h′, the range is cut where h
 * has fallen {@value #DROP} below its peak (a relative error of e<sup>−60</sup>), and the rest is
 * covered by 16-point Gauss-Legendre panels whose width follows the local scale of the integrand,
 * min(1/2, 1/(2√|h″|), 2/|h′|), so that each panel sees a nearly polynomial function (Davis &amp;
 * Rabinowitz, <i>Methods of Numerical Integration</i>, 2nd ed., §2.7 and §4.3). Optional moments
 * ⟨t⟩, ⟨ln(a<sub>1</sub>+e<sup>t</sup>)⟩ and ⟨1/(a<sub>1</sub>+e<sup>t</sup>)⟩ under the
 * normalised integrand give the derivatives of the log-integral with respect to c, m<sub>1</sub>
 * and a<sub>1</sub>.
 */
final class LogConcaveIntegral {

    private static final int ORDER = 16;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];
    private static final double DROP = 60;
    private static final int MAX_PANELS = 1_000_000;

    static {
        // Legendre roots by Newton's method from the usual cosine guesses; weights 2 / ((1 - x^2) P'(x)^2)
        for (int i = 0; i < ORDER; i++) {
            double root = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
            double derivative = 1;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = root;
                for (int k = 2; k <= ORDER; k++) {
                    double p2 = ((2 * k - 1) * root * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = ORDER * (root * p1 - p0) / (root * root - 1);
                double step = p1 / derivative;
                root -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            NODES[i] = root;
            WEIGHTS[i] = 2 / ((1 - root * root) * derivative * derivative);
        }
    }

    private final double c;
    private final double m1;
    private final double a1;
    private final double m2;
    private final double a2;

    private LogConcaveIntegral(double c, double m1, double a1, double m2, double a2) {
        this.c = c;
        this.m1 = m1;
        this.a1 = a1;
        this.m2 = m2;
        this.a2 = a2;
    }

    /**
     * Evaluates the log-integral.
     *
     * @param c the coefficient of t
     * @param m1 first exponent, &ge; 0
     * @param a1 first shift, &ge; 0
     * @param m2 second exponent, &ge; 0
     * @param a2 second shift, &ge; 0
     * @param lower the lower limit, possibly −∞ when c &gt; 0
     * @param upper the upper limit, possibly +∞ when c &lt; m<sub>1</sub> + m<sub>2</sub>
     * @param moments null, or receives ⟨t⟩, ⟨ln(a<sub>1</sub>+e<sup>t</sup>)⟩,
     *     ⟨1/(a<sub>1</sub>+e<sup>t</sup>)⟩
     *     and e<sup>h(lower) − result</sup> in elements 0 to 3
     * @return ln ∫<sub>lower</sub><sup>upper</sup> e<sup>h(t)</sup> dt
     */
    static double log(double c, double m1, double a1, double m2, double a2, double lower, double upper,
            double[] moments) {
        return new LogConcaveIntegral(c, m1, a1, m2, a2).integrate(lower, upper, moments);
    }

    private double integrate(double lower, double upper, double[] moments) {
        double mode = mode(lower, upper);
        double peak = h(mode);
        double left = mode;
        double step = Math.min(1.0, width(mode));
        while (left > lower && h(left) > peak - DROP) {
            left = Math.max(lower, left - step);
            step *= 2;
        }
        double right = mode;
        step = Math.min(1.0, width(mode));
        while (right < upper && h(right) > peak - DROP) {
            right = Math.min(upper, right + step);
            step *= 2;
        }
        double sum = 0;
        double sumT = 0;
        double sumLog = 0;
        double sumInverse = 0;
        double start = left;
        for (int panel = 0; panel < MAX_PANELS && start < right; panel++) {
            double end = Math.min(right, start + Math.min(width(start), width(Math.min(right, start + width(start)))));
            double half = 0.5 * (end - start);
            double middle = 0.5 * (end + start);
            for (int i = 0; i < ORDER; i++) {
                double t = middle + half * NODES[i];
                double weight = half * WEIGHTS[i] * Math.exp(h(t) - peak);
                sum += weight;
                if (moments != null) {
                    double shifted = logShifted(a1, t);
                    sumT += weight * t;
                    sumLog += weight * shifted;
                    sumInverse += weight * Math.exp(-shifted);
                }
            }
            start = end;
        }
        double result = peak + Math.log(sum);
        if (moments != null) {
            moments[0] = sumT / sum;
            moments[1] = sumLog / sum;
            moments[2] = sumInverse / sum;
            moments[3] = lower == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(h(lower) - result);
        }
        return result;
    }

    private double mode(double lower, double upper) {
        if (lower > Double.NEGATIVE_INFINITY && slope(lower) <= 0) {
            return lower;
        }
        if (upper < Double.POSITIVE_INFINITY && slope(upper) >= 0) {
            return upper;
        }
        double low = lower;
        double high = upper;
        double anchor = lower > Double.NEGATIVE_INFINITY ? lower : upper < Double.POSITIVE_INFINITY ? upper : 0;
        if (low == Double.NEGATIVE_INFINITY) {
            double d = 1;
            low = anchor - d;
            while (slope(low) <= 0) {
                d *= 2;
                low = anchor - d;
            }
        }
        if (high == Double.POSITIVE_INFINITY) {
            double d = 1;
            high = anchor + d;
            while (slope(high) >= 0) {
                d *= 2;
                high = anchor + d;
            }
        }
        for (int i = 0; i < 200 && high - low > 1e-13 * Math.max(1, Math.abs(low)); i++) {
            double mid = 0.5 * (low + high);
            if (slope(mid) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** A panel width at t: half the local scale of the integrand, at most 1/2. */
    private double width(double t) {
        double s1 = share(a1, t);
        double s2 = share(a2, t);
        double curvature = m1 * s1 * (1 - s1) + m2 * s2 * (1 - s2);
        double steep = Math.abs(slope(t));
        return Math.min(0.5, Math.min(0.5 / Math.sqrt(curvature + 1e-300), 2.0 / (steep + 1e-300)));
    }

    private double h(double t) {
        return c * t - m1 * logShifted(a1, t) - m2 * logShifted(a2, t);
    }

    private double slope(double t) {
        return c - m1 * share(a1, t) - m2 * share(a2, t);
    }

    /** e^t / (a + e^t), without overflow. */
    private static double share(double a, double t) {
        return a == 0 ? 1.0 : 1.0 / (1.0 + a * Math.exp(-t));
    }

    /** ln(a + e^t), without overflow or loss when e^t is tiny or huge. */
    private static double logShifted(double a, double t) {
        if (a == 0) {
            return t;
        }
        double la = Math.log(a);
        return la > t ? la + Math.log1p(Math.exp(t - la)) : t + Math.log1p(Math.exp(la - t));
    }
}
