package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The input of the "buy till you die" models: one row per customer (or per group of identical
 * customers), in columns. Each row holds the customer's repeat-purchase {@code frequency} x,
 * {@code recency} t<sub>x</sub> (time from the first to the last purchase), age T (time from the
 * first purchase to the end of observation), optional mean repeat spend, and a weight: how many
 * identical customers the row stands for. Definitions follow the {@code lifetimes} library's
 * {@code summary_data_from_transaction_data}; times are in any unit, the same for every row.
 *
 * <p>Rows are validated when built: x is a whole number &ge; 0, 0 &le; t<sub>x</sub> &le; T,
 * T &gt; 0, t<sub>x</sub> = 0 when x = 0, weights &gt; 0, all finite. This class holds the only
 * copy of that summary invariant; every model checks its inputs through it. Summaries carry the
 * {@linkplain #timeUnit() time unit} of recency and T (one day unless set with
 * {@link #withTimeUnit}), and can be {@linkplain #convertedTo converted} to another. They are immutable and
 * {@linkplain #merge mergeable}: build them per partition of a large data set, merge, then fit on
 * the merged (and {@linkplain #compressed() compressed}) summaries.
 *
 * <pre>{@code
 * CustomerSummaries data = CustomerSummaries.of(frequency, recency, T);   // columns, weight 1 each
 * BetaGeoModel model = BetaGeoModel.fit(data.compressed());
 * }</pre>
 */
public final class CustomerSummaries implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    /** The time unit of summaries whose factory is not told one: a day, as {@code lifetimes}' default. */
    public static final Duration DEFAULT_TIME_UNIT = Duration.ofDays(1);

    /** Repeat purchases per row. */
    private final double[] frequency;
    /** Time from first to last purchase per row. */
    private final double[] recency;
    /** Time from first purchase to the end of observation per row. */
    private final double[] age;
    /** Mean repeat spend per row, or {@code null} when spend is not known. */
    private final double @Nullable [] monetary;
    /** Customers each row stands for. */
    private final double[] weight;
    /** Sum of the weights. */
    private final double totalWeight;
    /** The unit of recency and T. */
    private final Duration timeUnit;
    /**
     * Per row, the sum of the logarithms of the inter-purchase times (BTYDplus' {@code litt}), or
     * {@code null} when not carried.
     */
    private final double @Nullable [] logInterPurchaseTimes;

    private CustomerSummaries(double[] frequency, double[] recency, double[] age, double @Nullable [] monetary,
            double[] weight, Duration timeUnit) {
        this(frequency, recency, age, monetary, weight, timeUnit, null);
    }

    private CustomerSummaries(double[] frequency, double[] recency, double[] age, double @Nullable [] monetary,
            double[] weight, Duration timeUnit, double @Nullable [] logInterPurchaseTimes) {
        this.logInterPurchaseTimes = logInterPurchaseTimes;
        this.timeUnit = timeUnit;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.weight = weight;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.totalWeight = sum;
    }

    /**
     * Summaries from columns, each row weight 1. The arrays are copied.
     *
     * @param frequency repeat purchases x per customer
     * @param recency t<sub>x</sub> per customer
     * @param age T per customer
     * @return the validated summaries
     * @throws IllegalArgumentException naming the first bad row, value and rule
     */
    public static CustomerSummaries of(double[] frequency, double[] recency, double[] age) {
        return create(frequency, recency, age, null, null, DEFAULT_TIME_UNIT);
    }

    /**
     * Summaries from weighted columns. The arrays are copied.
     *
     * @param frequency repeat purchases x per row
     * @param recency t<sub>x</sub> per row
     * @param age T per row
     * @param weight how many identical customers each row stands for, &gt; 0
     * @return the validated summaries
     * @throws IllegalArgumentException naming the first bad row, value and rule
     */
    public static CustomerSummaries of(double[] frequency, double[] recency, double[] age, double[] weight) {
        return create(frequency, recency, age, null, requireNonNull(weight, "weight"), DEFAULT_TIME_UNIT);
    }

    /**
     * Summaries with mean repeat spend, for the Gamma-Gamma model, each row weight 1.
     *
     * @param frequency repeat purchases x per customer
     * @param recency t<sub>x</sub> per customer
     * @param age T per customer
     * @param monetaryValue mean value of the repeat purchases (0 when x = 0), finite, not negative
     * @return the validated summaries
     * @throws IllegalArgumentException naming the first bad row, value and rule
     */
    public static CustomerSummaries withMonetaryValue(double[] frequency, double[] recency, double[] age,
            double[] monetaryValue) {
        return create(frequency, recency, age, requireNonNull(monetaryValue, "monetaryValue"), null,
                DEFAULT_TIME_UNIT);
    }

    /**
     * Summaries with mean repeat spend and weights.
     *
     * @param frequency repeat purchases x per row
     * @param recency t<sub>x</sub> per row
     * @param age T per row
     * @param monetaryValue mean value of the repeat purchases (0 when x = 0), finite, not negative
     * @param weight how many identical customers each row stands for, &gt; 0
     * @return the validated summaries
     * @throws IllegalArgumentException naming the first bad row, value and rule
     */
    public static CustomerSummaries withMonetaryValue(double[] frequency, double[] recency, double[] age,
            double[] monetaryValue, double[] weight) {
        return create(frequency, recency, age, requireNonNull(monetaryValue, "monetaryValue"),
                requireNonNull(weight, "weight"), DEFAULT_TIME_UNIT);
    }

    /** Checks and copies the columns; {@code weight} null gives every row weight 1 (an array of ones, not copied again). */
    private static CustomerSummaries create(double[] frequency, double[] recency, double[] age,
            double @Nullable [] monetary, double @Nullable [] weight, Duration timeUnit) {
        requireNonNull(frequency, "frequency");
        checkTimeUnit(timeUnit);
        requireNonNull(recency, "recency");
        requireNonNull(age, "T");
        int n = frequency.length;
        double[] w = weight;
        if (w == null) {
            w = new double[n];
            Arrays.fill(w, 1.0);
        }
        require(recency.length == n && age.length == n && w.length == n
                        && (monetary == null || monetary.length == n),
                "columns differ in length: frequency %s, recency %s, T %s, weight %s%s", n, recency.length,
                age.length, w.length, monetary == null ? "" : ", monetary_value " + monetary.length);
        for (int i = 0; i < n; i++) {
            checkRow(i, frequency[i], recency[i], age[i], w[i]);
            if (monetary != null) {
                requireRow(Double.isFinite(monetary[i]) && monetary[i] >= 0,
                        "monetary_value %s at row %s is invalid: it must be finite and not negative", monetary[i], i);
            }
        }
        return new CustomerSummaries(frequency.clone(), recency.clone(), age.clone(),
                monetary == null ? null : monetary.clone(), weight == null ? w : w.clone(), timeUnit);
    }

    private static void checkTimeUnit(Duration unit) {
        requireNonNull(unit, "timeUnit");
        require(!unit.isNegative() && !unit.isZero(), "time unit %s is invalid: it must be positive", unit);
    }

    /**
     * Whether (x, t<sub>x</sub>, T) is a valid customer summary: x a whole number &ge; 0,
     * 0 &le; t<sub>x</sub> &le; T, T &gt; 0, t<sub>x</sub> = 0 when x = 0, all finite.
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return whether the triple is valid
     */
    static boolean isValid(double x, double tx, double age) {
        return x >= 0 && x == Math.rint(x) && x < Double.POSITIVE_INFINITY && age > 0
                && age < Double.POSITIVE_INFINITY && tx >= 0 && tx <= age && (x > 0 || tx == 0);
    }

    /**
     * Throws unless (x, t<sub>x</sub>, T) is a valid summary (see {@link #isValid}), naming the
     * field, the value and the rule.
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param where where the triple comes from, for the message, e.g. {@code " at row 3"}, or empty
     * @throws IllegalArgumentException if the triple is invalid
     */
    static void requireValid(double x, double tx, double age, String where) {
        if (isValid(x, tx, age)) {
            return;
        }
        require(Double.isFinite(x) && x >= 0 && x == Math.rint(x),
                "frequency %s%s is invalid: it must be a whole number of repeat purchases >= 0", x, where);
        require(Double.isFinite(age) && age > 0,
                "T %s%s is invalid: the age of a customer must be finite and > 0", age, where);
        require(Double.isFinite(tx) && tx >= 0, "recency %s%s is invalid: it must be finite and >= 0", tx, where);
        require(tx <= age, "recency %s exceeds age T %s%s: the last purchase cannot follow the end of"
                + " observation", tx, age, where);
        require(x > 0 || tx == 0, "recency %s%s is invalid with frequency 0: a customer without repeat purchases"
                + " has recency 0", tx, where);
    }

    static void checkRow(int row, double x, double tx, double t, double w) {
        if (isValid(x, tx, t) && Double.isFinite(w) && w > 0) {
            // the common case builds no message text
            return;
        }
        requireValid(x, tx, t, " at row " + row);
        requireRow(Double.isFinite(w) && w > 0, "weight %s at row %s is invalid: it must be finite and > 0", w, row);
    }

    /**
     * A builder of summaries row by row, for readers of large inputs.
     *
     * @param expectedRows the rows expected, &ge; 0: the builder's columns start at that size and
     *     grow if more come
     * @return an empty builder whose rows carry frequency, recency and T; add the optional columns
     *     with {@link Builder#withMonetaryValue()}, {@link Builder#withWeights()} and
     *     {@link Builder#withLogInterPurchaseTimes()} before the first row
     * @throws IllegalArgumentException if {@code expectedRows} is negative
     */
    public static Builder builder(int expectedRows) {
        require(expectedRows >= 0, "expectedRows %s is invalid: it must be >= 0", expectedRows);
        return new Builder(expectedRows);
    }

    /**
     * Builds summaries row by row: each row is checked as it is added, by the rules of the array
     * factories ({@link #of}, {@link #withMonetaryValue}, {@link #withLogInterPurchaseTimes}), and a
     * refused row is named by its 0-based index ("at row 3"), as they name it. The rows go straight
     * into the builder's own columns, which {@link #build()} hands to the summaries: a reader of a
     * file of 10 M customers builds its columns once, where the factories copy arrays made
     * beforehand. The summaries built are equal, bit for bit, to those of the factories given the
     * same rows; their time unit is {@link #DEFAULT_TIME_UNIT} (set another with
     * {@link #withTimeUnit}). Not thread-safe: one thread fills a builder, and builds it once.
     *
     * <pre>{@code
     * CustomerSummaries.Builder rows = CustomerSummaries.builder(n).withMonetaryValue();
     * rows.add(2, 30.0, 38.0, 12.5, 1, 0);   // x, t_x, T, spend, weight, litt
     * CustomerSummaries data = rows.build();
     * }</pre>
     */
    public static final class Builder {
        private double[] frequency;
        private double[] recency;
        private double[] age;
        private double @Nullable [] monetary;
        private double @Nullable [] weight;
        private double @Nullable [] logInterPurchaseTimes;
        private int size;
        private boolean built;

        private Builder(int capacity) {
            frequency = new double[capacity];
            recency = new double[capacity];
            age = new double[capacity];
        }

        /**
         * Rows carry mean repeat spend, finite and not negative (0 when x = 0), for Gamma-Gamma.
         *
         * @return this builder
         * @throws IllegalStateException after the first row or {@link #build()}
         */
        public Builder withMonetaryValue() {
            requireEmpty("withMonetaryValue");
            monetary = new double[frequency.length];
            return this;
        }

        /**
         * Rows carry a weight, finite and &gt; 0: how many identical customers each stands for
         * (without this column every row weighs 1).
         *
         * @return this builder
         * @throws IllegalStateException after the first row or {@link #build()}
         */
        public Builder withWeights() {
            requireEmpty("withWeights");
            weight = new double[frequency.length];
            return this;
        }

        /**
         * Rows carry the sum of the logarithms of the inter-purchase times, finite, 0 when x = 0
         * (see {@link CustomerSummaries#withLogInterPurchaseTimes}).
         *
         * @return this builder
         * @throws IllegalStateException after the first row or {@link #build()}
         */
        public Builder withLogInterPurchaseTimes() {
            requireEmpty("withLogInterPurchaseTimes");
            logInterPurchaseTimes = new double[frequency.length];
            return this;
        }

        /**
         * Adds a row of weight 1 without spend or log inter-purchase times.
         *
         * @param frequency repeat purchases x, a whole number &ge; 0
         * @param recency t<sub>x</sub>, 0 &le; t<sub>x</sub> &le; T, 0 when x = 0
         * @param age T, finite, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException naming the row, the value and the rule if the row is invalid
         * @throws IllegalStateException after {@link #build()}
         */
        public Builder add(double frequency, double recency, double age) {
            return add(frequency, recency, age, 0, 1, 0);
        }

        /**
         * Adds a row. A value of a column this builder does not carry must be its neutral value:
         * spend 0, weight 1, log inter-purchase times 0 (anything else is refused, never dropped).
         *
         * @param frequency repeat purchases x, a whole number &ge; 0
         * @param recency t<sub>x</sub>, 0 &le; t<sub>x</sub> &le; T, 0 when x = 0
         * @param age T, finite, &gt; 0
         * @param monetaryValue mean repeat spend, finite, &ge; 0
         * @param weight customers the row stands for, finite, &gt; 0
         * @param logInterPurchaseTimes the sum of log inter-purchase times, finite, 0 when x = 0
         * @return this builder
         * @throws IllegalArgumentException naming the row, the value and the rule if the row is invalid
         * @throws IllegalStateException after {@link #build()}
         */
        public Builder add(double frequency, double recency, double age, double monetaryValue, double weight,
                double logInterPurchaseTimes) {
            requireOpen();
            int row = size;
            checkRow(row, frequency, recency, age, weight);
            if (this.monetary != null) {
                requireRow(Double.isFinite(monetaryValue) && monetaryValue >= 0,
                        "monetary_value %s at row %s is invalid: it must be finite and not negative", monetaryValue, row);
            } else {
                requireRow(monetaryValue == 0, "monetary_value %s at row %s is invalid: these summaries carry no"
                        + " spend (see withMonetaryValue)", monetaryValue, row);
            }
            if (this.weight == null) {
                requireRow(weight == 1, "weight %s at row %s is invalid: these summaries carry no weights (see"
                        + " withWeights)", weight, row);
            }
            if (this.logInterPurchaseTimes != null) {
                requireRow(Double.isFinite(logInterPurchaseTimes), "log_inter_purchase_times %s at row %s is invalid:"
                        + " it must be finite", logInterPurchaseTimes, row);
                requireRow(frequency > 0 || logInterPurchaseTimes == 0, "log_inter_purchase_times %s at row %s is"
                        + " invalid with frequency 0: a customer without repeat purchases has no inter-purchase"
                        + " time", logInterPurchaseTimes, row);
            } else {
                requireRow(logInterPurchaseTimes == 0, "log_inter_purchase_times %s at row %s is invalid: these"
                        + " summaries carry none (see withLogInterPurchaseTimes)", logInterPurchaseTimes, row);
            }
            if (row == this.frequency.length) {
                grow();
            }
            this.frequency[row] = frequency;
            this.recency[row] = recency;
            this.age[row] = age;
            if (this.monetary != null) {
                this.monetary[row] = monetaryValue;
            }
            if (this.weight != null) {
                this.weight[row] = weight;
            }
            if (this.logInterPurchaseTimes != null) {
                this.logInterPurchaseTimes[row] = logInterPurchaseTimes;
            }
            size = row + 1;
            return this;
        }

        /** @return the rows added so far */
        public int size() {
            return size;
        }

        /**
         * The summaries of the rows added, which keep the builder's columns (cut to the rows added
         * when fewer came than expected).
         *
         * @return the summaries
         * @throws IllegalStateException if called twice
         */
        public CustomerSummaries build() {
            requireOpen();
            built = true;
            double[] w = weight == null ? new double[size] : exact(weight);
            if (weight == null) {
                Arrays.fill(w, 1.0);
            }
            double[] m = monetary == null ? null : exact(monetary);
            double[] l = logInterPurchaseTimes == null ? null : exact(logInterPurchaseTimes);
            CustomerSummaries summaries = new CustomerSummaries(exact(frequency), exact(recency), exact(age), m, w,
                    DEFAULT_TIME_UNIT, l);
            // the summaries own the columns now
            frequency = recency = age = new double[0];
            monetary = weight = logInterPurchaseTimes = null;
            return summaries;
        }

        private double[] exact(double[] column) {
            return column.length == size ? column : Arrays.copyOf(column, size);
        }

        private void grow() {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, size + (long) (size >> 1)));
            require(capacity > size, "too many rows: %s", size);
            frequency = Arrays.copyOf(frequency, capacity);
            recency = Arrays.copyOf(recency, capacity);
            age = Arrays.copyOf(age, capacity);
            monetary = monetary == null ? null : Arrays.copyOf(monetary, capacity);
            weight = weight == null ? null : Arrays.copyOf(weight, capacity);
            logInterPurchaseTimes = logInterPurchaseTimes == null ? null : Arrays.copyOf(logInterPurchaseTimes, capacity);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("the builder has built its summaries: it cannot add or build again");
            }
        }

        private void requireEmpty(String column) {
            requireOpen();
            if (size > 0) {
                throw new IllegalStateException(column + "() must come before the first row: " + size
                        + " rows have none");
            }
        }
    }

    /** @return the number of rows */
    public int size() {
        return frequency.length;
    }

    /** @return the sum of the weights: the number of customers the rows stand for */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * @param row a row index
     * @return the repeat purchases x of the row
     */
    public double frequency(int row) {
        return frequency[row];
    }

    /**
     * @param row a row index
     * @return the recency t<sub>x</sub> of the row
     */
    public double recency(int row) {
        return recency[row];
    }

    /**
     * @param row a row index
     * @return the age T of the row
     */
    public double age(int row) {
        return age[row];
    }

    /**
     * @param row a row index
     * @return the weight of the row
     */
    public double weight(int row) {
        return weight[row];
    }

    /** @return whether mean repeat spend is known for every row */
    public boolean hasMonetaryValue() {
        return monetary != null;
    }

    /**
     * @param row a row index
     * @return the mean repeat spend of the row
     * @throws IllegalStateException if the summaries carry no spend
     */
    public double monetaryValue(int row) {
        if (monetary == null) {
            throw new IllegalStateException("these summaries carry no monetary_value column");
        }
        return monetary[row];
    }

    /** @return a copy of the frequency column */
    public double[] frequencies() {
        return frequency.clone();
    }

    /** @return a copy of the recency column */
    public double[] recencies() {
        return recency.clone();
    }

    /** @return a copy of the age (T) column */
    public double[] ages() {
        return age.clone();
    }

    /** @return a copy of the weight column */
    public double[] weights() {
        return weight.clone();
    }

    /**
     * @return a copy of the monetary value column
     * @throws IllegalStateException if the summaries carry no spend
     */
    public double[] monetaryValues() {
        if (monetary == null) {
            throw new IllegalStateException("these summaries carry no monetary_value column");
        }
        return monetary.clone();
    }

    /**
     * These summaries with the regularity statistic of the Erlang-k models ({@link ErlangBetaGeoModel}):
     * per row, the sum over the customer's x inter-purchase times of their logarithms,
     * Σ<sub>j=1..x</sub> ln(t<sub>j</sub> − t<sub>j−1</sub>), the times in this summaries' time unit
     * (BTYDplus' {@code litt}); 0 when x = 0. {@link CustomerSummarizer#withLogInterPurchaseTimes()}
     * computes it from a transaction log. The column stays with the rows through
     * {@link #compressed()}, {@link #merge}, {@link #withTimeUnit} and {@link #convertedTo} (where
     * it shifts by x · ln of the factor).
     *
     * @param logInterPurchaseTimes the statistic per row, finite; 0 where x = 0. The array is copied.
     * @return the summaries carrying the column
     * @throws IllegalArgumentException if the length differs from the rows, or a value is not finite
     *     or not 0 where x = 0
     */
    public CustomerSummaries withLogInterPurchaseTimes(double[] logInterPurchaseTimes) {
        requireNonNull(logInterPurchaseTimes, "logInterPurchaseTimes");
        require(logInterPurchaseTimes.length == size(), "columns differ in length: frequency %s,"
                + " log_inter_purchase_times %s", size(), logInterPurchaseTimes.length);
        for (int i = 0; i < size(); i++) {
            double v = logInterPurchaseTimes[i];
            requireRow(Double.isFinite(v), "log_inter_purchase_times %s at row %s is invalid: it must be finite", v, i);
            requireRow(frequency[i] > 0 || v == 0, "log_inter_purchase_times %s at row %s is invalid with frequency 0:"
                    + " a customer without repeat purchases has no inter-purchase time", v, i);
        }
        return new CustomerSummaries(frequency, recency, age, monetary, weight, timeUnit,
                logInterPurchaseTimes.clone());
    }

    /** @return whether the rows carry the sum of log inter-purchase times */
    public boolean hasLogInterPurchaseTimes() {
        return logInterPurchaseTimes != null;
    }

    /**
     * @return a copy of the sum-of-log-inter-purchase-times column (see {@link #withLogInterPurchaseTimes})
     * @throws IllegalStateException if the summaries do not carry it
     */
    public double[] logInterPurchaseTimes() {
        if (logInterPurchaseTimes == null) {
            throw new IllegalStateException("these summaries carry no log_inter_purchase_times column: summarise"
                    + " with CustomerSummarizer.withLogInterPurchaseTimes()");
        }
        return logInterPurchaseTimes.clone();
    }

    /**
     * Merges rows with equal (x, t<sub>x</sub>, T) — and equal spend, when spend is carried — into
     * one row whose weight is the sum. Likelihoods are unchanged; fitting gets faster.
     *
     * @return the compressed summaries, rows in order of first appearance
     */
    public CustomerSummaries compressed() {
        int n = size();
        // open addressing over row indices, keyed by the bits of (x, t_x, T, spend, litt): no boxing
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int mask = capacity - 1;
        // per merged row, the first row of the data it stands for
        int[] first = new int[n];
        double[] w = new double[n];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            long h = keyHash(i);
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int at = slots[slot];
                if (at < 0) {
                    slots[slot] = rows;
                    first[rows] = i;
                    w[rows] = weight[i];
                    rows++;
                    break;
                }
                if (sameKey(first[at], i)) {
                    w[at] += weight[i];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        double[] f = new double[rows];
        double[] r = new double[rows];
        double[] a = new double[rows];
        double @Nullable [] m = monetary == null ? null : new double[rows];
        double @Nullable [] l = logInterPurchaseTimes == null ? null : new double[rows];
        for (int k = 0; k < rows; k++) {
            int i = first[k];
            f[k] = frequency[i] + 0.0;
            r[k] = recency[i] + 0.0;
            a[k] = age[i] + 0.0;
            if (m != null) {
                m[k] = monetary[i] + 0.0;
            }
            if (l != null) {
                l[k] = logInterPurchaseTimes[i] + 0.0;
            }
        }
        return new CustomerSummaries(f, r, a, m, Arrays.copyOf(w, rows), timeUnit, l);
    }

    /**
     * The hash of a row's key in {@link #compressed()}: the bits of its (x, t<sub>x</sub>, T, spend,
     * log inter-purchase times), each plus 0.0 (so that −0.0 and 0.0 are one key), a column not
     * carried counting as 0. The BG/NBD likelihood merges rows by the same key.
     */
    long keyHash(int row) {
        long h = Double.doubleToLongBits(frequency[row] + 0.0) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(recency[row] + 0.0)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(age[row] + 0.0)) * 0x165667B19E3779F9L;
        h = (h ^ Double.doubleToLongBits(monetary == null ? 0 : monetary[row] + 0.0)) * 0x9E3779B97F4A7C15L;
        return (h ^ Double.doubleToLongBits(logInterPurchaseTimes == null ? 0 : logInterPurchaseTimes[row] + 0.0))
                * 0xC2B2AE3D27D4EB4FL;
    }

    /** Whether two rows have equal keys in {@link #compressed()} (see {@link #keyHash}). */
    boolean sameKey(int i, int j) {
        return frequency[i] + 0.0 == frequency[j] + 0.0 && recency[i] + 0.0 == recency[j] + 0.0
                && age[i] + 0.0 == age[j] + 0.0 && (monetary == null || monetary[i] + 0.0 == monetary[j] + 0.0)
                && (logInterPurchaseTimes == null || logInterPurchaseTimes[i] + 0.0 == logInterPurchaseTimes[j] + 0.0);
    }

    /**
     * Appends another set of summaries (e.g. from another partition). Both must carry spend, or
     * neither; likewise the sum of log inter-purchase times.
     *
     * @param other summaries in the same time unit
     * @return the rows of this followed by the rows of {@code other}
     * @throws IllegalArgumentException if only one side carries spend, or the time units differ
     */
    public CustomerSummaries merge(CustomerSummaries other) {
        requireNonNull(other, "other");
        require(hasMonetaryValue() == other.hasMonetaryValue(),
                "cannot merge summaries with and without monetary_value");
        require(hasLogInterPurchaseTimes() == other.hasLogInterPurchaseTimes(),
                "cannot merge summaries with and without log_inter_purchase_times");
        require(timeUnit.equals(other.timeUnit), "cannot merge summaries in time units %s and %s: convert one first",
                timeUnit, other.timeUnit);
        return new CustomerSummaries(concat(frequency, other.frequency), concat(recency, other.recency),
                concat(age, other.age), monetary == null ? null : concat(monetary, other.monetary),
                concat(weight, other.weight), timeUnit, logInterPurchaseTimes == null ? null
                        : concat(logInterPurchaseTimes, other.logInterPurchaseTimes));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** @return the unit of recency and T, e.g. {@code PT168H} for weeks */
    public Duration timeUnit() {
        return timeUnit;
    }

    /**
     * The same rows, declared to be in another time unit (no number changes): for summaries built
     * from columns whose unit the factory could not know.
     *
     * @param unit the unit of recency and T, positive
     * @return the relabelled summaries
     * @throws IllegalArgumentException if the unit is not positive
     */
    public CustomerSummaries withTimeUnit(Duration unit) {
        checkTimeUnit(unit);
        return new CustomerSummaries(frequency, recency, age, monetary, weight, unit, logInterPurchaseTimes);
    }

    /**
     * The same customers with recency and T expressed in another unit, e.g. days to weeks
     * (every time divided by 7). A model fitted on either gives the same rates per unit time.
     *
     * @param unit the new unit, positive
     * @return the converted summaries
     * @throws IllegalArgumentException if the unit is not positive
     */
    public CustomerSummaries convertedTo(Duration unit) {
        checkTimeUnit(unit);
        double factor = seconds(timeUnit) / seconds(unit);
        double[] r = recency.clone();
        double[] a = age.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= factor;
            a[i] *= factor;
        }
        CustomerSummaries converted = create(frequency, r, a, monetary, weight, unit);
        if (logInterPurchaseTimes == null) {
            return converted;
        }
        // each of the x inter-purchase times is multiplied by the factor
        double shift = Math.log(factor);
        double[] l = logInterPurchaseTimes.clone();
        for (int i = 0; i < l.length; i++) {
            l[i] += frequency[i] * shift;
        }
        return converted.withLogInterPurchaseTimes(l);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /**
     * Writes the serialisation proxy instead of these summaries.
     *
     * @return the proxy
     */
    @Serial
    private Object writeReplace() {
        return new Proxy(this);
    }

    /**
     * Refuses a stream that claims to hold this class directly.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("customer summaries are deserialised only through their serialisation proxy");
    }

    /** The serialised form: the columns, rebuilt through the factory's checks when read. */
    private static final class Proxy implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final double[] frequency;
        private final double[] recency;
        private final double[] age;
        private final double @Nullable [] monetary;
        private final double[] weight;
        private final Duration timeUnit;
        private final double @Nullable [] logInterPurchaseTimes;

        Proxy(CustomerSummaries s) {
            logInterPurchaseTimes = s.logInterPurchaseTimes;
            frequency = s.frequency;
            recency = s.recency;
            age = s.age;
            monetary = s.monetary;
            weight = s.weight;
            timeUnit = s.timeUnit;
        }

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                CustomerSummaries read = create(frequency, recency, age, monetary, weight, timeUnit);
                return logInterPurchaseTimes == null ? read : read.withLogInterPurchaseTimes(logInterPurchaseTimes);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw Checks.invalidObject(e);
            }
        }
    }

    /** @return the number of rows and customers, never the data */
    @Override
    public String toString() {
        return "CustomerSummaries[rows=" + size() + ", customers=" + totalWeight + ", timeUnit=" + timeUnit
                + (monetary == null ? "" : ", with monetary_value")
                + (logInterPurchaseTimes == null ? "" : ", with log_inter_purchase_times") + "]";
    }
}
