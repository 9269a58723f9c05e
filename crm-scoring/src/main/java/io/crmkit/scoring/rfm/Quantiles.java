package io.crmkit.scoring.rfm;

import java.util.Arrays;

/**
 * The tie-preserving quantile scores of {@link RfmScorer}. A customer scores
 * {@code 1 + floor(bins · below(v) / n)}; that score is at least {@code s} exactly when
 * {@code below(v) >= c_s = ceil((s-1) · n / bins)}, i.e. when {@code v} exceeds the
 * {@code c_s}-th smallest value. So one sort finds the {@code bins - 1} cut values and a linear
 * pass compares every customer with them (no per-customer binary search).
 */
final class Quantiles {

    private Quantiles() {
    }

    /** Scores {@code 1 + floor(bins · below(v) / n)}; reversed counts strictly larger values instead. */
    static byte[] scores(double[] values, int bins, boolean reversed) {
        int n = values.length;
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0; // folds -0.0 into 0.0 so equal values stay tied after sorting
        }
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        for (int s = 2; s <= bins; s++) {
            long c = ((long) (s - 1) * n + bins - 1) / bins; // ceil((s-1) n / bins), between 1 and n
            cuts[s - 2] = reversed ? sorted[(int) (n - c)] : sorted[(int) (c - 1)];
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
}
