package io.crmkit.scoring.tier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One condition of a tier over a named metric: {@code metric >= t}, {@code metric > t},
 * {@code metric <= t}, {@code metric < t}, or {@code lower <= metric < upper} (between, the upper
 * bound exclusive so that adjacent bands never overlap). The metric may be a sum of metrics
 * written with {@code +}: {@code "assets+loans"} is the customer's assets plus loans, as in the
 * bank's wealth tiers of docs/domain.md §3.
 *
 * <pre>{@code
 * Criterion diamond = Criterion.atLeast("assets+loans", 8_000_000);
 * boolean ok = diamond.holds(Map.of("assets", 6_000_000.0, "loans", 2_500_000.0));   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @serial exclude
 */
public final class Criterion implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The comparison a criterion makes. */
    public enum Operator {
        /** {@code metric >= threshold}. */
        AT_LEAST("≥"),
        /** {@code metric > threshold}. */
        ABOVE(">"),
        /** {@code metric <= threshold}. */
        AT_MOST("≤"),
        /** {@code metric < threshold}. */
        BELOW("<"),
        /** {@code lower <= metric < upper}. */
        BETWEEN("in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return the mathematical symbol, e.g. {@code ≥} */
        public String symbol() {
            return symbol;
        }
    }

    /** The metric expression as written, e.g. {@code assets+loans}. */
    private final String metric;
    /** The comparison. */
    private final Operator operator;
    /** The threshold, or the lower bound of BETWEEN. */
    private final double threshold;
    /** The exclusive upper bound of BETWEEN, otherwise equal to the threshold. */
    private final double upper;
    /** The names summed to give the metric's value. */
    private final ImmutableList<String> terms;

    private Criterion(String metric, Operator operator, double threshold, double upper) {
        requireNonNull(metric, "metric");
        checkArgument(Double.isFinite(threshold), "threshold %s of metric '%s' is not a finite number", threshold, metric);
        checkArgument(Double.isFinite(upper), "upper bound %s of metric '%s' is not a finite number", upper, metric);
        ImmutableList<String> names = ImmutableList.copyOf(Splitter.on('+').trimResults().split(metric));
        checkArgument(names.stream().noneMatch(String::isEmpty),
                "metric '%s' has an empty name: write metric names joined by '+', e.g. assets+loans", metric);
        this.metric = String.join("+", names);
        this.operator = operator;
        this.threshold = threshold;
        this.upper = upper;
        this.terms = names;
    }

    /**
     * Returns {@code metric >= threshold}.
     *
     * @param metric the metric, or metrics joined by {@code +}
     * @param threshold the smallest value that qualifies, finite
     * @return the criterion
     * @throws IllegalArgumentException if the metric has an empty name or the threshold is not finite
     */
    public static Criterion atLeast(String metric, double threshold) {
        return new Criterion(metric, Operator.AT_LEAST, threshold, threshold);
    }

    /**
     * Returns {@code metric > threshold}.
     *
     * @param metric the metric, or metrics joined by {@code +}
     * @param threshold the value to exceed, finite
     * @return the criterion
     * @throws IllegalArgumentException if the metric has an empty name or the threshold is not finite
     */
    public static Criterion above(String metric, double threshold) {
        return new Criterion(metric, Operator.ABOVE, threshold, threshold);
    }

    /**
     * Returns {@code metric <= threshold}.
     *
     * @param metric the metric, or metrics joined by {@code +}
     * @param threshold the largest value that qualifies, finite
     * @return the criterion
     * @throws IllegalArgumentException if the metric has an empty name or the threshold is not finite
     */
    public static Criterion atMost(String metric, double threshold) {
        return new Criterion(metric, Operator.AT_MOST, threshold, threshold);
    }

    /**
     * Returns {@code metric < threshold}.
     *
     * @param metric the metric, or metrics joined by {@code +}
     * @param threshold the value to stay under, finite
     * @return the criterion
     * @throws IllegalArgumentException if the metric has an empty name or the threshold is not finite
     */
    public static Criterion below(String metric, double threshold) {
        return new Criterion(metric, Operator.BELOW, threshold, threshold);
    }

    /**
     * Returns {@code lower <= metric < upper}.
     *
     * @param metric the metric, or metrics joined by {@code +}
     * @param lower the inclusive lower bound, finite
     * @param upper the exclusive upper bound, finite and above {@code lower}
     * @return the criterion
     * @throws IllegalArgumentException if a bound is not finite or {@code upper <= lower}
     */
    public static Criterion between(String metric, double lower, double upper) {
        checkArgument(upper > lower, "between bounds of metric '%s' are [%s, %s): the upper bound must exceed the lower",
                metric, lower, upper);
        return new Criterion(metric, Operator.BETWEEN, lower, upper);
    }

    /** The factory call that made a criterion with these fields; the serial form's way back in. */
    private static Criterion restore(String metric, Operator operator, double threshold, double upper) {
        requireNonNull(operator, "operator");
        if (operator == Operator.BETWEEN) {
            return between(metric, threshold, upper);
        }
        checkArgument(Double.compare(threshold, upper) == 0,
                "upper bound %s of metric '%s' differs from the threshold %s: only a between criterion has two bounds",
                upper, metric, threshold);
        return new Criterion(metric, operator, threshold, upper);
    }

    /** @return the metric expression, names joined by {@code +} */
    public String metric() {
        return metric;
    }

    /** @return the metric names whose values are summed */
    public List<String> metricNames() {
        return terms;
    }

    /** @return the comparison */
    public Operator operator() {
        return operator;
    }

    /** @return the threshold, or the inclusive lower bound of a between criterion */
    public double threshold() {
        return threshold;
    }

    /** @return the exclusive upper bound of a between criterion; the threshold otherwise */
    public double upperBound() {
        return upper;
    }

    /**
     * Returns the value of the metric for a customer: the sum of the named metrics.
     *
     * @param metrics the customer's metrics by name
     * @return the value, finite
     * @throws IllegalArgumentException if a metric is missing or not a finite number, or the sum
     *         lies beyond the range of a {@code double} (e.g. {@code 1e308 + 1e308}), where it
     *         cannot be compared with a threshold or shown
     */
    public double valueOf(Map<String, Double> metrics) {
        double sum = 0.0;
        for (String name : terms) {
            Double v = metrics.get(name);
            checkArgument(v != null, "metric '%s' is missing: criterion %s needs it", name, this);
            checkArgument(Double.isFinite(v), "metric '%s' %s is not a finite number", name, v);
            sum += v;
        }
        if (!Double.isFinite(sum)) {
            StringBuilder shown = new StringBuilder();
            for (String name : terms) {
                shown.append(shown.length() == 0 ? "" : " + ").append(shortest(metrics.get(name)));
            }
            throw new IllegalArgumentException("metric '" + metric + "' " + shown + " adds up beyond the range of a "
                    + "double (" + shortest(Double.MAX_VALUE) + "): the sum cannot be compared with " + this);
        }
        return sum;
    }

    /** A value in a message: the shortest decimal that is exactly it, e.g. {@code 1e308} or {@code 6200000}. */
    private static String shortest(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toString();
        return s.replace("E+", "e").replace('E', 'e');
    }

    /**
     * Tells whether the customer's metrics meet this criterion.
     *
     * @param metrics the customer's metrics by name
     * @return whether it holds
     * @throws IllegalArgumentException as {@link #valueOf(Map)}
     */
    public boolean holds(Map<String, Double> metrics) {
        return test(valueOf(metrics));
    }

    boolean test(double v) {
        switch (operator) {
            case AT_LEAST:
                return v >= threshold;
            case ABOVE:
                return v > threshold;
            case AT_MOST:
                return v <= threshold;
            case BELOW:
                return v < threshold;
            default:
                return v >= threshold && v < upper;
        }
    }

    /** The criterion with its bounds moved inwards by a fraction of their size, for re-entry (hysteresis). */
    Criterion tightened(double band) {
        switch (operator) {
            case AT_LEAST:
            case ABOVE:
                return new Criterion(metric, operator, threshold + Math.abs(threshold) * band, upper + Math.abs(upper) * band);
            case AT_MOST:
            case BELOW:
                return new Criterion(metric, operator, threshold - Math.abs(threshold) * band, upper - Math.abs(upper) * band);
            default:
                double lo = threshold + Math.abs(threshold) * band;
                double hi = upper - Math.abs(upper) * band;
                // a band wider than the range leaves only its (raised) lower bound to enter by
                return hi > lo ? new Criterion(metric, operator, lo, hi) : new Criterion(metric, operator, lo, lo + Math.ulp(lo));
        }
    }

    /** Whether this criterion demands at least as much as {@code other} on the same metric and direction. */
    int strictnessAgainst(Criterion other) {
        boolean lowerBounds = isLowerBound() && other.isLowerBound();
        boolean upperBounds = isUpperBound() && other.isUpperBound();
        if (!metric.equals(other.metric) || !(lowerBounds || upperBounds)) {
            return 0;
        }
        int cmp = Double.compare(threshold, other.threshold);
        return lowerBounds ? cmp : -cmp;
    }

    private boolean isLowerBound() {
        return operator == Operator.AT_LEAST || operator == Operator.ABOVE;
    }

    private boolean isUpperBound() {
        return operator == Operator.AT_MOST || operator == Operator.BELOW;
    }

    /**
     * Describes what the customer lacks, e.g. {@code needs assets+loans ≥ 8,000,000, has 6,200,000}.
     *
     * @param metrics the customer's metrics by name
     * @return the description
     * @throws IllegalArgumentException as {@link #valueOf(Map)}
     */
    public String shortfall(Map<String, Double> metrics) {
        return "needs " + this + ", has " + formatBeside(valueOf(metrics));
    }

    /**
     * A threshold as written: the shortest decimal that is exactly this {@code double}
     * ({@link BigDecimal#valueOf(double)}), with thousands separators, e.g. {@code 8,000,000} or
     * {@code 0.89999}.
     */
    static String format(double v) {
        return render(BigDecimal.valueOf(v));
    }

    /**
     * A customer's value shown next to this criterion's bounds: rounded to 4 decimals unless that
     * would change how it compares with a bound as printed (0.89999 next to {@code ≥ 0.9} must not
     * read "0.9"); then with as many decimals as it takes, at most the exact shortest decimal.
     */
    String formatBeside(double value) {
        BigDecimal exact = BigDecimal.valueOf(value);
        for (int decimals = 4; decimals < Math.max(4, exact.scale()); decimals++) {
            BigDecimal rounded = exact.setScale(decimals, RoundingMode.HALF_EVEN);
            if (comparesAlike(rounded, value, threshold) && comparesAlike(rounded, value, upper)) {
                return render(rounded);
            }
        }
        return render(exact);
    }

    /** Whether the shown value compares with the bound as the value itself does. */
    private static boolean comparesAlike(BigDecimal shown, double value, double bound) {
        int actual = value < bound ? -1 : value > bound ? 1 : 0;
        return Integer.signum(shown.compareTo(BigDecimal.valueOf(bound))) == actual;
    }

    private static String render(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Integer.MAX_VALUE);
        return f.format(v.stripTrailingZeros());
    }

    /** @return the criterion as written, e.g. {@code assets+loans ≥ 8,000,000} or {@code collection_ratio in [0.9, 1)} */
    @Override
    public String toString() {
        if (operator == Operator.BETWEEN) {
            return metric + " in [" + format(threshold) + ", " + format(upper) + ")";
        }
        return metric + " " + operator.symbol + " " + format(threshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Criterion
                && ((Criterion) o).metric.equals(metric)
                && ((Criterion) o).operator == operator
                && Double.compare(((Criterion) o).threshold, threshold) == 0
                && Double.compare(((Criterion) o).upper, upper) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, operator, threshold, upper);
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(metric, operator, threshold, upper);
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Criterion is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(String metric, Operator operator, double threshold, double upper) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return restore(metric, operator, threshold, upper);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("Criterion: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
