package io.crmkit.scoring.internal.math;

import org.jspecify.annotations.Nullable;

/**
 * ln ∫ e<sup>h(t)</sup> dt over [lower, upper] for the log-concave exponent
 * h(t) = c·t − m<sub>1</sub> ln(a<sub>1</sub> + e<sup>t</sup>) − m<sub>2</sub> ln(a<sub>2</sub> + e<sup>t</sup>)
 * (m<sub>i</sub>, a<sub>i</sub> &ge; 0), which is what the Pareto/NBD integrals
 * ∫ y<sup>c−1</sup>(a<sub>1</sub>+y)<sup>−m<sub>1</sub></sup>(a<sub>2</sub>+y)<sup>−m<sub>2</sub></sup> dy
 * become in t = ln y.
 *
 * <p>The integrand is unimodal: the mode is found by bisection on h′. More than {@value #FAR}
 * below ln of the smallest shift and above ln of the largest, h is linear to within
 * m<sub>i</sub>a<sub>i</sub>e<sup>−t</sup> (resp. m<sub>i</sub>e<sup>t</sup>/a<sub>i</sub>), so
 * those stretches, however long, are integrated in closed form. The stretch in between is cut
 * where h has fallen {@value #DROP} below its peak (a relative error of e<sup>−60</sup>), and the
 * rest is
 * covered by 16-point Gauss-Legendre panels whose width follows the local scale of the integrand,
 * min(2, 2/√|h″|, 8/|h′|), so that each panel sees a nearly polynomial function (Davis &amp;
 * Rabinowitz, <i>Methods of Numerical Integration</i>, 2nd ed., §2.7 and §4.3). Optional moments
 * ⟨t⟩, ⟨ln(a<sub>1</sub>+e<sup>t</sup>)⟩ and ⟨1/(a<sub>1</sub>+e<sup>t</sup>)⟩ under the
 * normalised integrand give the derivatives of the log-integral with respect to c, m<sub>1</sub>
 * and a<sub>1</sub>.
 */
public final class LogConcaveIntegral {

    private static final double DROP = 60;
    private static final int MAX_PANELS = 1_000_000;
    /** How far (in t = ln y) beyond the shifts the integrand counts as a pure exponential. */
    private static final double FAR = 45;

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
     * @return ln ∫<sub>lower</sub><sup>upper</sup> e<sup>h(t)</sup> dt; NaN when the integrand has no mode within
     *     the range of a double, or varies on a scale finer than doubles resolve t (exponents and
     *     shifts of 1e90 and more), where no quadrature can follow it
     */
    public static double log(double c, double m1, double a1, double m2, double a2, double lower, double upper,
            double @Nullable [] moments) {
        return new LogConcaveIntegral(c, m1, a1, m2, a2).integrate(lower, upper, moments);
    }

    private double integrate(double lower, double upper, double @Nullable [] moments) {
        double mode = mode(lower, upper);
        if (Double.isNaN(mode)) {
            // the integrand has no finite mode in double range: the caller reports the non-finite result
            return Double.NaN;
        }
        double peak = h(mode);
        // Far below the smallest shift and far above the largest, h is linear to within
        // m e^-FAR: those pieces are integrated in closed form, the middle numerically.
        double smallest = Math.min(m1 > 0 && a1 > 0 ? a1 : Double.POSITIVE_INFINITY,
                m2 > 0 && a2 > 0 ? a2 : Double.POSITIVE_INFINITY);
        double largest = Math.max(m1 > 0 ? a1 : 0, m2 > 0 ? a2 : 0);
        double nearEdge = smallest == Double.POSITIVE_INFINITY ? mode : Math.log(smallest) - FAR;
        double farEdge = largest == 0 ? mode : Math.log(largest) + FAR;
        double low = Math.min(Math.max(lower, nearEdge), upper);
        double high = Math.max(Math.min(upper, farEdge), low);
        Sums sums = new Sums();
        if (!middle(low, high, Math.min(Math.max(mode, low), high), peak, moments != null, sums)) {
            // the integrand varies on a scale finer than doubles resolve t (parameters of 1e90 and
            // more): no quadrature can follow it, and a sum cut short would be a wrong finite number
            return Double.NaN;
        }
        if (lower < low) {
            linear(low, low - lower, -1, peak, sums);
        }
        if (high < upper) {
            linear(high, upper - high, +1, peak, sums);
        }
        double result = peak + Math.log(sums.mass);
        if (moments != null) {
            moments[0] = sums.t / sums.mass;
            moments[1] = sums.log / sums.mass;
            moments[2] = sums.inverse / sums.mass;
            moments[3] = lower == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(h(lower) - result);
        }
        return result;
    }

    /** Running sums of the integrand (relative to its peak) and of the moments' integrands. */
    private static final class Sums {
        double mass;
        double t;
        double log;
        double inverse;
    }

    /**
     * Gauss-Legendre panels over [low, high], trimmed where h has fallen DROP below the peak; false,
     * with the sums incomplete, when the panels cannot cover the stretch: a panel narrower than the
     * spacing of doubles at its start (it would not advance), or more than {@value #MAX_PANELS}.
     */
    private boolean middle(double low, double high, double start, double peak, boolean withMoments, Sums sums) {
        double left = cut(start, low, peak);
        double right = cut(start, high, peak);
        double from = left;
        for (int panel = 0; panel < MAX_PANELS && from < right; panel++) {
            double to = Math.min(right, from + Math.min(width(from), width(Math.min(right, from + width(from)))));
            if (!(to > from)) {
                return false;
            }
            double half = 0.5 * (to - from);
            double centre = 0.5 * (to + from);
            for (int i = 0; i < GaussLegendre.ORDER; i++) {
                double t = centre + half * GaussLegendre.node(i);
                double weight = half * GaussLegendre.weight(i) * Math.exp(h(t) - peak);
                sums.mass += weight;
                if (withMoments) {
                    double shifted = logShifted(a1, t);
                    sums.t += weight * t;
                    sums.log += weight * shifted;
                    sums.inverse += weight * Math.exp(-shifted);
                }
            }
            from = to;
        }
        return from >= right;
    }

    /**
     * Where h, falling monotonically from {@code start} towards {@code end}, drops {@value #DROP}
     * below the peak (or {@code end} if it never does): doubling steps, then bisection, so that
     * no panel is spent on a negligible stretch.
     */
    private double cut(double start, double end, double peak) {
        double direction = Math.signum(end - start);
        double inside = start;
        double step = width(start);
        double outside = start;
        // at most ~2,100 doublings take any positive step past the largest double
        for (int i = 0; i < 2200 && outside != end && step > 0; i++) {
            outside = direction > 0 ? Math.min(end, outside + step) : Math.max(end, outside - step);
            if (h(outside) <= peak - DROP) {
                break;
            }
            inside = outside;
            step *= 2;
        }
        if (outside == inside) {
            return end;
        }
        for (int i = 0; i < 100 && Math.abs(outside - inside) > 1e-9 * Math.max(1, Math.abs(inside)); i++) {
            double mid = 0.5 * (inside + outside);
            if (h(mid) > peak - DROP) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return outside;
    }

    /**
     * Adds ∫ e^(h(edge) + h′(edge)(t − edge)) over the stretch of {@code length} (possibly ∞) from
     * {@code edge} in {@code direction} (−1 down, +1 up), where h is linear; below the shifts
     * ln(a<sub>1</sub>+e<sup>t</sup>) ≈ ln a<sub>1</sub>, above them ≈ t. A finite stretch on which
     * the integrand grows away from the edge is anchored at its far end instead, so that the
     * exponentials stay below 1.
     */
    private void linear(double edge, double length, int direction, double peak, Sums sums) {
        boolean below = direction < 0;
        double decay = -direction * slope(edge);
        if (decay < 0 && length < Double.POSITIVE_INFINITY) {
            edge += direction * length;
            direction = -direction;
            decay = -decay;
        }
        double scale = Math.exp(h(edge) - peak);
        double i0 = scale * integralOfDecay(decay, length, 0);
        double i1 = scale * integralOfDecay(decay, length, 1);
        sums.mass += i0;
        sums.t += edge * i0 + direction * i1;
        if (below && a1 > 0) {
            sums.log += Math.log(a1) * i0;
            sums.inverse += i0 / a1;
        } else {
            double shifted = logShifted(a1, edge);
            sums.log += shifted * i0 + direction * i1;
            // 1/(a1 + e^t) = e^-(t - edge) / (a1 + e^edge) where e^t dominates or a1 = 0
            sums.inverse += scale * integralOfDecay(decay + direction, length, 0) / Math.exp(shifted);
        }
    }

    /** ∫<sub>0</sub><sup>length</sup> u<sup>power</sup> e<sup>−decay·u</sup> du for power 0 or 1. */
    private static double integralOfDecay(double decay, double length, int power) {
        if (length == Double.POSITIVE_INFINITY) {
            return decay > 0 ? (power == 0 ? 1 / decay : 1 / (decay * decay)) : Double.NaN;
        }
        double x = decay * length;
        if (Math.abs(x) < 1e-3) {
            // Taylor series of the closed forms below, free of their cancellation
            return power == 0 ? length * (1 - x / 2 + x * x / 6 - x * x * x / 24)
                    : length * length * (0.5 - x / 3 + x * x / 8 - x * x * x / 30);
        }
        double tail = Math.exp(-x);
        return power == 0 ? -Math.expm1(-x) / decay : (1 - tail * (1 + x)) / (decay * decay);
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
                if (low == Double.NEGATIVE_INFINITY || Double.isNaN(slope(low))) {
                    return Double.NaN;
                }
            }
        }
        if (high == Double.POSITIVE_INFINITY) {
            double d = 1;
            high = anchor + d;
            while (slope(high) >= 0) {
                d *= 2;
                high = anchor + d;
                if (high == Double.POSITIVE_INFINITY || Double.isNaN(slope(high))) {
                    return Double.NaN;
                }
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

    /** A panel width at t: a few local scales of the integrand, at most 2. */
    private double width(double t) {
        double s1 = share(a1, t);
        double s2 = share(a2, t);
        double curvature = m1 * s1 * (1 - s1) + m2 * s2 * (1 - s2);
        double steep = Math.abs(slope(t));
        return Math.min(2.0, Math.min(2.0 / Math.sqrt(curvature + 1e-300), 8.0 / (steep + 1e-300)));
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
