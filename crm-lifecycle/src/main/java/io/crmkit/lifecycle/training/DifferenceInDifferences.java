package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The difference-in-differences estimate of a course's effect on a customer outcome, with a
 * seeded percentile bootstrap interval.
 *
 * <p><b>Estimator.</b> For each customer {@code i} let {@code Δᵢ = afterᵢ − beforeᵢ}, the change of
 * the outcome between the equal windows before and after the course ({@link OutcomeWindows}). With
 * {@code T} the trained and {@code C} the comparable untrained customers,
 * <pre>
 *   τ̂ = mean(Δᵢ, i ∈ T) − mean(Δᵢ, i ∈ C)
 *     = (ȳ_T,after − ȳ_T,before) − (ȳ_C,after − ȳ_C,before)
 * </pre>
 * in the outcome's units per customer per window (e.g. −0.5 complaints per customer in 90 days).
 * Under the parallel-trends assumption — without training, both groups' outcomes would have
 * changed alike — τ̂ estimates the average effect of training on the trained (J. D. Angrist and
 * J.-S. Pischke, <i>Mostly Harmless Econometrics</i>, 2009, §5.2). Choosing comparable customers
 * (same segment, product, tenure) is the caller's part.
 *
 * <p><b>Interval.</b> The resampling unit is the customer, so each customer's before and after stay
 * together. Each of {@code B} replicates draws {@code |T|} trained customers with replacement from
 * {@code T} and, independently, {@code |C|} from {@code C} (a bootstrap stratified by group), and
 * computes τ̂ on the draw. With the replicates sorted, {@code τ*₍₁₎ ≤ … ≤ τ*₍B₎} and
 * {@code α = 1 − confidence}, the percentile interval (B. Efron and R. J. Tibshirani,
 * <i>An Introduction to the Bootstrap</i>, 1993, §13.3) is
 * {@code [τ*₍⌈B·α/2⌉₎, τ*₍⌈B·(1 − α/2)⌉₎]}, the ranks computed exactly in decimal arithmetic
 * (B = 2000 at 95 % gives ranks 50 and 1950). Customers are sorted by id before resampling and the
 * random numbers come from a {@link SplittableRandom} with the given seed, so the same data and
 * seed give the same interval whatever the input order.
 *
 * <pre>{@code
 * ResultsEffect e = DifferenceInDifferences.of(2000, 0.95, 42L).estimate(trained, untrained);
 * boolean clear = !e.contains(0);
 * }</pre>
 */
public final class DifferenceInDifferences {

    private final int replicates;
    private final BigDecimal confidence;
    private final long seed;

    private DifferenceInDifferences(int replicates, BigDecimal confidence, long seed) {
        this.replicates = replicates;
        this.confidence = confidence;
        this.seed = seed;
    }

    /**
     * Returns the estimator.
     *
     * @param replicates bootstrap replicates {@code B}, 100 to 1,000,000
     * @param confidence the interval's nominal coverage, 0.5 to 0.999, e.g. 0.95 (read as the
     *        shortest decimal that names the double, so 0.95 is exactly 95 %)
     * @param seed the resampling seed
     * @return the estimator
     * @throws IllegalArgumentException if a number is out of range
     */
    public static DifferenceInDifferences of(int replicates, double confidence, long seed) {
        checkArgument(replicates >= 100 && replicates <= 1_000_000, "replicates %s is outside 100-1000000",
                replicates);
        checkArgument(confidence >= 0.5 && confidence <= 0.999, "confidence %s is outside [0.5, 0.999]", confidence);
        return new DifferenceInDifferences(replicates, BigDecimal.valueOf(confidence), seed);
    }

    /**
     * Returns the estimator with 2000 replicates and a 95 % interval.
     *
     * @param seed the resampling seed
     * @return the estimator
     */
    public static DifferenceInDifferences standard(long seed) {
        return of(2000, 0.95, seed);
    }

    /**
     * Estimates the effect.
     *
     * @param trained the trained customers' outcomes, at least 2 customers
     * @param untrained the comparison customers' outcomes, at least 2 customers
     * @return the effect with its interval
     * @throws IllegalArgumentException if a group has fewer than 2 customers, a customer appears
     *         twice in a group or in both groups
     */
    public ResultsEffect estimate(Collection<CustomerOutcome> trained, Collection<CustomerOutcome> untrained) {
        double[] t = changes(requireNonNull(trained, "trained"), "trained");
        double[] c = changes(requireNonNull(untrained, "untrained"), "comparison");
        Set<CustomerId> seen = new HashSet<>();
        trained.forEach(o -> seen.add(o.customer()));
        for (CustomerOutcome o : untrained) {
            checkArgument(!seen.contains(o.customer()),
                    "customer %s is both trained and in the comparison group: a customer belongs to one group",
                    o.customer().masked());
        }
        double meanT = mean(t);
        double meanC = mean(c);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            draws[b] = resampledMean(t, random) - resampledMean(c, random);
        }
        Arrays.sort(draws);
        BigDecimal halfAlpha = BigDecimal.ONE.subtract(confidence).divide(BigDecimal.valueOf(2));
        BigDecimal b = BigDecimal.valueOf(replicates);
        int lowRank = Math.max(1, b.multiply(halfAlpha).setScale(0, RoundingMode.CEILING).intValueExact());
        int highRank = b.multiply(BigDecimal.ONE.subtract(halfAlpha)).setScale(0, RoundingMode.CEILING)
                .intValueExact();
        return new ResultsEffect(meanT - meanC, draws[lowRank - 1], draws[highRank - 1], confidence.doubleValue(),
                meanT, meanC, t.length, c.length, replicates, seed);
    }

    /** The changes of a group in customer order, so resampling does not depend on input order. */
    private static double[] changes(Collection<CustomerOutcome> group, String name) {
        checkArgument(group.size() >= 2, "the %s group has %s customers: a bootstrap interval needs at least 2",
                name, group.size());
        List<CustomerOutcome> sorted = group.stream().sorted(Comparator.comparing(CustomerOutcome::customer)).toList();
        double[] changes = new double[sorted.size()];
        for (int i = 0; i < changes.length; i++) {
            CustomerOutcome o = sorted.get(i);
            checkArgument(i == 0 || !sorted.get(i - 1).customer().equals(o.customer()),
                    "customer %s appears twice in the %s group", o.customer().masked(), name);
            changes[i] = o.change();
        }
        return changes;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    @Override
    public String toString() {
        return "DifferenceInDifferences[" + replicates + " replicates, " + confidence.toPlainString()
                + " percentile interval, seed " + seed + "]";
    }
}
