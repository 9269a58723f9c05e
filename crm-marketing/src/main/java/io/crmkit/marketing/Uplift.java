package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The difference a campaign made, treatment minus control, with a confidence interval.
 *
 * <p>{@link #responseRate} uses Newcombe's hybrid score interval for the difference of two
 * independent proportions, method 10 of R. G. Newcombe (1998), "Interval estimation for the
 * difference between independent proportions: comparison of eleven methods", <i>Statistics in
 * Medicine</i> 17, 873–890. With {@code p1 = x1/n1}, {@code p2 = x2/n2} and the Wilson (1927) score
 * limits {@code [l_i, u_i]} of each proportion,
 * <pre>
 *   l, u = (2 x + z² ∓ z √(z² + 4 x (1 − x/n))) / (2 (n + z²))
 *   L = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²)
 *   U = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²)
 * </pre>
 * where {@code z} is the standard normal quantile at {@code 1 − (1 − level)/2}. The interval never
 * leaves [−1, 1], behaves at 0 and at n responders, and keeps close to its nominal coverage where
 * the textbook (Wald) interval does not.
 *
 * <p>{@link #meanDifference} uses the percentile bootstrap (Efron &amp; Tibshirani 1993, <i>An
 * Introduction to the Bootstrap</i>, §13.3): resample each group with replacement to its own size,
 * take the difference of the means, repeat, and read the {@code (1 − level)/2} and
 * {@code 1 − (1 − level)/2} quantiles (linear interpolation between order statistics). The draws
 * come from a {@link SplittableRandom} with the given seed, so the interval is reproducible. Zero
 * values are resampled in bulk (the count of non-zero draws is binomial), so the cost of each
 * resample grows with the number of customers who spent, not with the group's size.
 */
public final class Uplift {

    /** The number of bootstrap resamples used when none is given. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private Uplift() {
    }

    /**
     * The difference of response rates {@code x1/n1 − x2/n2} with Newcombe's hybrid score
     * interval (method 10).
     *
     * @param x1 responders in the treatment group, 0..n1
     * @param n1 size of the treatment group, at least 1
     * @param x2 responders in the control group, 0..n2
     * @param n2 size of the control group, at least 1
     * @param level the confidence level in (0, 1), e.g. 0.95
     * @return the difference and its interval, within [−1, 1]
     * @throws IllegalArgumentException if a count is out of range or the level outside (0, 1)
     */
    public static ConfidenceInterval responseRate(long x1, long n1, long x2, long n2, double level) {
        checkCounts("treatment", x1, n1);
        checkCounts("control", x2, n2);
        checkArgument(level > 0 && level < 1, "confidence level %s is outside (0, 1)", level);
        double z = Normal.quantile(1 - (1 - level) / 2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilsonLimits(x1, n1, z);
        double[] w2 = wilsonLimits(x2, n2, z);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        // rounding can push a limit a hair past the estimate or past ±1 when a group is all or none
        return new ConfidenceInterval(d, Math.max(-1, Math.min(low, d)), Math.min(1, Math.max(high, d)), level);
    }

    /**
     * The Wilson (1927) score interval for one proportion {@code x/n}: E. B. Wilson, "Probable
     * inference, the law of succession, and statistical inference", <i>JASA</i> 22, 209–212;
     * Newcombe (1998) eq. (3) without continuity correction.
     *
     * @param x successes, 0..n
     * @param n trials, at least 1
     * @param level the confidence level in (0, 1)
     * @return the proportion with its interval
     * @throws IllegalArgumentException if a count is out of range or the level outside (0, 1)
     */
    public static ConfidenceInterval wilson(long x, long n, double level) {
        checkCounts("sample", x, n);
        checkArgument(level > 0 && level < 1, "confidence level %s is outside (0, 1)", level);
        double[] w = wilsonLimits(x, n, Normal.quantile(1 - (1 - level) / 2));
        double p = (double) x / n;
        return new ConfidenceInterval(p, Math.min(w[0], p), Math.max(w[1], p), level);
    }

    private static double[] wilsonLimits(long x, long n, double z) {
        double z2 = z * z;
        double centre = 2.0 * x + z2;
        double spread = z * Math.sqrt(z2 + 4.0 * x * (1.0 - (double) x / n));
        double denominator = 2.0 * (n + z2);
        double low = x == 0 ? 0 : Math.max(0, (centre - spread) / denominator);
        double high = x == n ? 1 : Math.min(1, (centre + spread) / denominator);
        return new double[] {low, high};
    }

    /**
     * The difference of means {@code mean(treatment) − mean(control)}, for example revenue per
     * customer, with a seeded percentile-bootstrap interval.
     *
     * @param treatment the treatment group's values, at least one, each finite
     * @param control the control group's values, at least one, each finite
     * @param level the confidence level in (0, 1)
     * @param resamples the number of bootstrap resamples, at least 100
     * @param seed the seed of the resampling
     * @return the difference and its interval
     * @throws IllegalArgumentException if a group is empty, a value not finite, the level outside
     *     (0, 1) or fewer than 100 resamples are asked for
     */
    public static ConfidenceInterval meanDifference(double[] treatment, double[] control, double level, int resamples, long seed) {
        checkValues("treatment", treatment);
        checkValues("control", control);
        checkArgument(level > 0 && level < 1, "confidence level %s is outside (0, 1)", level);
        checkArgument(resamples >= 100, "resamples %s is below 100: too few for a percentile interval", resamples);
        double estimate = mean(treatment) - mean(control);
        checkArgument(Double.isFinite(estimate), "difference of means overflows the double range");
        SplittableRandom random = new SplittableRandom(seed);
        double[] t = nonZero(treatment);
        double[] c = nonZero(control);
        double[] differences = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            differences[b] = resampledMean(t, treatment.length, random) - resampledMean(c, control.length, random);
        }
        Arrays.sort(differences);
        double tail = (1 - level) / 2;
        double low = quantile(differences, tail);
        double high = quantile(differences, 1 - tail);
        return new ConfidenceInterval(estimate, Math.min(low, estimate), Math.max(high, estimate), level);
    }

    /**
     * The mean of a resample of size {@code n} from a group whose non-zero values are
     * {@code nonZero} (the other {@code n - m} values being zero). The number of non-zero draws is
     * Binomial(n, m/n); those draws are uniform over the non-zero values. This has the same
     * distribution as drawing {@code n} values from the whole group, at a cost proportional to
     * {@code m}: revenue is zero for most customers of most campaigns.
     */
    private static double resampledMean(double[] nonZero, int n, SplittableRandom random) {
        int m = nonZero.length;
        if (m == 0) {
            return 0;
        }
        long draws = m == n ? n : binomial(n, (double) m / n, random);
        double sum = 0;
        for (long i = 0; i < draws; i++) {
            sum += nonZero[random.nextInt(m)];
        }
        return sum / n;
    }

    /**
     * Binomial(n, p) for 0 &lt; p &lt; 1 by the waiting-time method (L. Devroye 1986,
     * <i>Non-Uniform Random Variate Generation</i>, ch. X): successes are separated by geometric
     * numbers of failures, {@code floor(ln U / ln(1 - p))}; count the successes before position
     * {@code n} is passed. Expected cost {@code n p + 1}.
     */
    private static long binomial(int n, double p, SplittableRandom random) {
        double logFailure = Math.log1p(-p);
        long successes = 0;
        double position = 0;
        while (true) {
            double u = 1 - random.nextDouble();   // in (0, 1], so the logarithm is finite
            position += Math.floor(Math.log(u) / logFailure) + 1;
            if (position > n) {
                return successes;
            }
            successes++;
        }
    }

    private static double[] nonZero(double[] values) {
        return Arrays.stream(values).filter(v -> v != 0).toArray();
    }

    /** Hyndman and Fan's type 7 (linear interpolation between order statistics). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void checkValues(String group, double[] values) {
        requireNonNull(values, group);
        checkArgument(values.length >= 1, "%s group is empty: a mean needs at least one customer", group);
        double scale = 0;
        for (double v : values) {
            checkArgument(Double.isFinite(v), "%s value %s is not a finite number", group, v);
            scale = Math.max(scale, Math.abs(v));
        }
        // a sum of n values each below max/n cannot overflow, whatever the resample draws
        checkArgument(scale <= Double.MAX_VALUE / values.length,
                "%s values up to %s over %s customers would overflow the double range", group, scale, values.length);
    }

    private static void checkCounts(String group, long x, long n) {
        checkArgument(n >= 1, "%s size %s is below 1: a rate needs at least one customer", group, n);
        checkArgument(x >= 0 && x <= n, "%s responders %s is outside 0..%s", group, x, n);
    }

    private static double square(double v) {
        return v * v;
    }
}
