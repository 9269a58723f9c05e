package io.crmkit.scoring.rfm;

import java.util.Arrays;

/**
 * The tie-preserving quantile scores of {@link RfmScorer}. A customer scores
 * {@code 1 + floor(bins · below(v) / n)}; that score is at least {@code s} exactly when
 * {@code below(v) >= c_s = ceil((s-1) · n / bins)}, i.e. when {@code v} exceeds the
 * {@code c_s}-th smallest value. So only {@code bins - 1} order statistics are needed: a
 * multi-way quickselect (three-way partitions, so ties cost nothing; falling back to a sort of
 * the remaining range when it recurses too deep, which keeps the worst case O(n log n)) finds
 * them, and a linear pass compares every customer with them.
 */
final class Quantiles {

    private static final int SMALL = 48;

    private Quantiles() {
    }

    /** Scores {@code 1 + floor(bins · below(v) / n)}; reversed counts strictly larger values instead. */
    static byte[] scores(double[] values, int bins, boolean reversed) {
        int n = values.length;
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        double[] work = new double[n];
        for (int i = 0; i < n; i++) {
            work[i] = values[i] + 0.0; // folds -0.0 into 0.0 so equal values stay tied
        }
        int[] ranks = new int[bins - 1];
        for (int s = 2; s <= bins; s++) {
            long c = ((long) (s - 1) * n + bins - 1) / bins; // ceil((s-1) n / bins), between 1 and n
            ranks[s - 2] = reversed ? (int) (n - c) : (int) (c - 1);
        }
        int[] sortedRanks = ranks.clone();
        Arrays.sort(sortedRanks);
        select(work, 0, n, sortedRanks, 0, sortedRanks.length, 2 * (32 - Integer.numberOfLeadingZeros(n)) + 4);
        double[] cuts = new double[bins - 1];
        for (int k = 0; k < cuts.length; k++) {
            cuts[k] = work[ranks[k]];
        }
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0;
            int score = 1;
            for (double cut : cuts) {
                if (reversed ? v < cut : v > cut) {
                    score++;
                }
            }
            out[i] = (byte) score;
        }
        return out;
    }

    /**
     * Rearranges {@code a[lo, hi)} so that for every rank in {@code ranks[rlo, rhi)} (ascending,
     * inside the range) {@code a[rank]} holds the value a full sort would put there.
     */
    static void select(double[] a, int lo, int hi, int[] ranks, int rlo, int rhi, int depth) {
        while (rlo < rhi) {
            if (hi - lo <= SMALL || depth-- == 0) {
                Arrays.sort(a, lo, hi);
                return;
            }
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i < gt) {
                double x = a[i];
                if (x < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = x;
                } else if (x > pivot) {
                    a[i] = a[--gt];
                    a[gt] = x;
                } else {
                    i++;
                }
            }
            int r1 = rlo;
            while (r1 < rhi && ranks[r1] < lt) {
                r1++;
            }
            int r2 = r1;
            while (r2 < rhi && ranks[r2] < gt) {
                r2++;
            }
            select(a, lo, lt, ranks, rlo, r1, depth);
            lo = gt;
            rlo = r2;
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
