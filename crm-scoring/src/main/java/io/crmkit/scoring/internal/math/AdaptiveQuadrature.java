package io.crmkit.scoring.internal.math;

import java.util.Arrays;

/**
 * Globally adaptive Gauss-Kronrod quadrature (the 7-point Gauss rule embedded in the 15-point
 * Kronrod rule, as QUADPACK's QAG and GSL's {@code gsl_integration_qag} use it) of a positive
 * integrand given by its logarithm, together with the integrals of the integrand times its
 * scores. The interval whose Kronrod-Gauss difference is largest is halved until the summed
 * difference falls below the relative tolerance. The integrand is scaled by its largest value at
 * the first rule's nodes, so that neither the integrand nor the integral over- or underflows;
 * the scores are integrated on the same nodes, so the derivative of the computed integral is
 * consistent with the integral itself (which finite differences of an adaptive rule are not).
 */
public final class AdaptiveQuadrature {

    /** A positive integrand by its logarithm, with optional scores ∂ ln f / ∂θ<sub>j</sub>. */
    @FunctionalInterface
    public interface LogIntegrand {
        /**
         * @param t the point
         * @param scores null, or receives ∂ ln f(t) / ∂θ<sub>j</sub>
         * @return ln f(t); −∞ where f vanishes
         */
        double log(double t, double[] scores);
    }

    /** Summed Kronrod-Gauss differences at most this fraction of the integral end the refinement. */
    public static final double RELATIVE_TOLERANCE = 1e-11;
    private static final int MAX_INTERVALS = 400;
    /** Room for this many intervals at first; the work arrays double when the refinement needs more. */
    private static final int INITIAL_INTERVALS = 8;
    /** How many halving panels a peak at a limit starts with. */
    private static final int PEAK_PANELS = 40;
    /** A limit whose ln f exceeds every node's by this much holds a peak the first rule cannot see. */
    private static final double PEAK_GAP = 20;
    /** How far above the scale a node's ln f may lie before the scale is raised (e^200 cannot overflow a sum). */
    private static final double HEADROOM = 200;

    private static final double[] XK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private AdaptiveQuadrature() {
    }

    /**
     * ln ∫<sub>a</sub><sup>b</sup> f(t) dt, and optionally the score means
     * ∫ f ∂<sub>j</sub> ln f / ∫ f (i.e. ∂<sub>j</sub> ln ∫ f when the limits do not depend on θ).
     *
     * @param f the integrand, positive on (a, b)
     * @param a the lower limit
     * @param b the upper limit, &ge; a
     * @param scoreCount the number of scores, 0 for none
     * @param meanScores null, or receives the {@code scoreCount} score means
     * @return the logarithm of the integral; −∞ for an empty interval or a vanishing integrand
     */
    public static double log(LogIntegrand f, double a, double b, int scoreCount, double[] meanScores) {
        int m = meanScores == null ? 0 : scoreCount;
        if (meanScores != null) {
            Arrays.fill(meanScores, 0, m, 0.0);
        }
        if (!(b > a)) {
            return Double.NEGATIVE_INFINITY;
        }
        // the scale: the largest ln f at the first rule's nodes and the limits
        double inner = Double.NEGATIVE_INFINITY;
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        for (int i = 0; i < XK.length; i++) {
            inner = Math.max(inner, f.log(centre - half * XK[i], null));
            inner = Math.max(inner, f.log(centre + half * XK[i], null));
        }
        double atA = f.log(a, null);
        double atB = f.log(b, null);
        double scale = Math.max(inner, Math.max(atA, atB));
        if (Double.isNaN(scale)) {
            return Double.NaN;
        }
        if (scale == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] scores = m == 0 ? null : new double[scoreCount];
        // a peak at a limit far above every node would be missed by the first rule: start from panels
        // halving towards that limit, so that the refinement sees it
        boolean peakAtA = atA - inner > PEAK_GAP;
        boolean peakAtB = atB - inner > PEAK_GAP;
        double[] cuts;
        if (peakAtA || peakAtB) {
            cuts = new double[2 * PEAK_PANELS + 2];
            int cutCount = 0;
            cuts[cutCount++] = a;
            double width = b - a;
            if (peakAtA) {
                for (int k = PEAK_PANELS; k >= 1; k--) {
                    cuts[cutCount++] = a + width * Math.scalb(1.0, -k - (peakAtB ? 1 : 0));
                }
            }
            if (peakAtB) {
                for (int k = 1; k <= PEAK_PANELS; k++) {
                    cuts[cutCount++] = b - width * Math.scalb(1.0, -k - (peakAtA ? 1 : 0));
                }
            }
            cuts[cutCount++] = b;
            cuts = Arrays.copyOf(cuts, cutCount);
        } else {
            cuts = new double[] {a, b};
        }
        // the work arrays start small and double when the refinement needs more intervals: most
        // integrands converge in a few, and a full-size set per call (it is called once per customer
        // and likelihood evaluation) cost more to allocate and clear than the rule itself
        Intervals work = new Intervals(Math.max(INITIAL_INTERVALS, cuts.length), m);
        int count = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            if (cuts[i + 1] > cuts[i]) {
                work.lo[count] = cuts[i];
                work.hi[count] = cuts[i + 1];
                scale = rescaled(scale, rule(f, scale, cuts[i], cuts[i + 1], scores, m, count, work), count, count,
                        work);
                count++;
            }
        }
        while (count < MAX_INTERVALS) {
            if (count == work.capacity()) {
                work = work.grown(Math.min(MAX_INTERVALS, 2 * count));
            }
            double[] lo = work.lo;
            double[] hi = work.hi;
            double[] value = work.value;
            double[] error = work.error;
            double total = 0;
            double totalError = 0;
            int worst = 0;
            for (int i = 0; i < count; i++) {
                total += value[i];
                totalError += error[i];
                if (error[i] > error[worst]) {
                    worst = i;
                }
            }
            if (totalError <= RELATIVE_TOLERANCE * total || error[worst] == 0 || !Double.isFinite(total)) {
                break;
            }
            double mid = 0.5 * (lo[worst] + hi[worst]);
            if (!(mid > lo[worst] && mid < hi[worst])) {
                break;
            }
            lo[count] = mid;
            hi[count] = hi[worst];
            hi[worst] = mid;
            scale = rescaled(scale, rule(f, scale, lo[worst], mid, scores, m, worst, work), worst, count, work);
            scale = rescaled(scale, rule(f, scale, mid, hi[count], scores, m, count, work), count, count + 1, work);
            count++;
        }
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += work.value[i];
        }
        if (meanScores != null) {
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < m; j++) {
                    meanScores[j] += work.moment[i * m + j];
                }
            }
            for (int j = 0; j < m; j++) {
                meanScores[j] /= total;
            }
        }
        return scale + Math.log(total);
    }

    /**
     * The scale after a rule returned {@code used}: if the rule had to raise it, every other slot
     * below {@code count} is brought onto the new scale (the rule's own already is).
     */
    private static double rescaled(double scale, double used, int slot, int count, Intervals work) {
        if (used <= scale) {
            return scale;
        }
        double factor = Math.exp(scale - used);
        int m = work.m;
        for (int i = 0; i < count; i++) {
            if (i != slot) {
                work.value[i] *= factor;
                work.error[i] *= factor;
                for (int j = 0; j < m; j++) {
                    work.moment[i * m + j] *= factor;
                }
            }
        }
        return used;
    }

    /**
     * One Gauss-Kronrod rule on (a, b) into {@code slot}, the integrand divided by e<sup>scale</sup>;
     * if a node's ln f exceeds the scale by more than {@link #HEADROOM} (a peak the earlier nodes did
     * not see), the rule uses that node's ln f as the scale instead and returns it, and the caller
     * rescales the other slots.
     *
     * @return the scale the slot's values are on
     */
    private static double rule(LogIntegrand f, double scale, double a, double b, double[] scores, int m, int slot,
            Intervals work) {
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double[] logs = work.logs;
        double[] nodeScores = work.nodeScores;
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < XK.length; i++) {
            int sides = i == XK.length - 1 ? 1 : 2;
            for (int side = 0; side < sides; side++) {
                double t = side == 0 ? centre - half * XK[i] : centre + half * XK[i];
                int node = 2 * i + side;
                logs[node] = f.log(t, scores);
                if (m > 0) {
                    System.arraycopy(scores, 0, nodeScores, node * m, m);
                }
                peak = Math.max(peak, logs[node]);
            }
        }
        double used = peak > scale + HEADROOM ? peak : scale;
        double kronrod = 0;
        double gauss = 0;
        double[] mo = work.moment;
        int at = slot * m;
        Arrays.fill(mo, at, at + m, 0.0);
        for (int i = 0; i < XK.length; i++) {
            int sides = i == XK.length - 1 ? 1 : 2;
            for (int side = 0; side < sides; side++) {
                int node = 2 * i + side;
                double y = Math.exp(logs[node] - used);
                if (!(y >= 0) || !Double.isFinite(y)) {
                    y = y > 0 ? y : 0;
                }
                kronrod += WK[i] * y;
                if (i % 2 == 1) {
                    gauss += WG[i / 2] * y;
                }
                for (int j = 0; j < m; j++) {
                    if (y > 0) {
                        mo[at + j] += WK[i] * y * nodeScores[node * m + j];
                    }
                }
            }
        }
        work.value[slot] = kronrod * half;
        work.error[slot] = Math.abs(kronrod - gauss) * half;
        for (int j = 0; j < m; j++) {
            mo[at + j] *= half;
        }
        return used;
    }

    /**
     * The refinement's intervals: limits, Kronrod values, error estimates and score moments (m a row),
     * and one rule's scratch: ln f and the scores at its 15 nodes.
     */
    private static final class Intervals {
        final double[] logs = new double[2 * XK.length - 1];
        final double[] nodeScores;
        final double[] lo;
        final double[] hi;
        final double[] value;
        final double[] error;
        final double[] moment;
        final int m;

        Intervals(int capacity, int m) {
            this(new double[capacity], new double[capacity], new double[capacity], new double[capacity],
                    new double[capacity * m], m);
        }

        private Intervals(double[] lo, double[] hi, double[] value, double[] error, double[] moment, int m) {
            this.lo = lo;
            this.hi = hi;
            this.value = value;
            this.error = error;
            this.moment = moment;
            this.m = m;
            this.nodeScores = new double[logs.length * m];
        }

        int capacity() {
            return lo.length;
        }

        /** A copy with room for {@code capacity} intervals. */
        Intervals grown(int capacity) {
            return new Intervals(Arrays.copyOf(lo, capacity), Arrays.copyOf(hi, capacity), Arrays.copyOf(value, capacity),
                    Arrays.copyOf(error, capacity), Arrays.copyOf(moment, capacity * m), m);
        }
    }
}
