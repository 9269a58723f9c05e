package io.crmkit.scoring.rfm;

import java.util.Arrays;

/** The tie-preserving quantile scores of {@link RfmScorer}: sort once, then binary search. */
final class Quantiles {

    private Quantiles() {
    }

    /** Scores {@code 1 + floor(bins · below(v) / n)}; reversed counts strictly larger values instead. */
    static byte[] scores(double[] values, int bins, boolean reversed) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0; // folds -0.0 into 0.0 so equal values stay tied after sorting
        }
        Arrays.sort(sorted);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0;
            int count = reversed ? n - firstAbove(sorted, v) : firstAtLeast(sorted, v);
            out[i] = (byte) (1 + (int) ((long) bins * count / n));
        }
        return out;
    }

    /** The number of entries strictly below v. */
    static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of entries at or below v. */
    static int firstAbove(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
