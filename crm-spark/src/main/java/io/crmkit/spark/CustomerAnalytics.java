package io.crmkit.spark;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.purchase.PurchaseLog;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.ModifiedBetaGeoModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.TransactionModel;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.rfm.RfmSegmentMap;
import io.crmkit.scoring.value.ParetoClassifier;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * crmkit's customer analytics over Spark {@code Dataset}s, with the numbers of the single-JVM
 * library:
 * <ul>
 * <li>{@link #summarize} — per-customer {@code frequency, recency, T, monetary_value}, exactly as
 *     {@link CustomerSummarizer} computes them (same days, zone and as-of rule), by running
 *     {@link CustomerSummarizer#summarizeEpochDays} itself on each run of customers of a
 *     partition grouped and sorted by customer;</li>
 * <li>{@link #rfm} — RFM scores with the tie rule of {@link RfmScorer}: score
 *     {@code 1 + floor(k · below / n)}, {@code below} the count of strictly smaller values (strictly
 *     larger for recency), computed from exact order statistics of a sort, never from sampled or
 *     approximate quantiles;</li>
 * <li>{@link #abc} — ABC classes with the boundary rule of {@link ParetoClassifier#abc(double[])};</li>
 * <li>{@link #fitPurchases} / {@link #fitSpend} — a model fitted on the driver from the distinct
 *     (x, t<sub>x</sub>, T) rows and their counts, which the executors build per partition as
 *     {@linkplain CustomerSummaries#compressed() compressed} {@link CustomerSummaries} and merge;</li>
 * <li>{@link #score} — {@code expected_purchases, p_alive} (and {@code clv}) appended by the models'
 *     bulk {@code double[]} methods on each partition, the model broadcast.</li>
 * </ul>
 * Bad input refused before a job starts (missing columns, wrong types, invalid arguments) raises
 * {@link IllegalArgumentException}; a bad value found while a job runs fails the job, and Spark's
 * exception then carries, as its cause, an {@link IllegalArgumentException} naming the column,
 * the value and the rule. Row order of every result is Spark's: sort it if order matters.
 *
 * <pre>{@code
 * CustomerAnalytics crm = CustomerAnalytics.withDefaults();        // customer_id,date,amount; UTC
 * Dataset<Row> summaries = crm.summarize(transactions, LocalDate.parse("1998-06-30"), Duration.ofDays(7));
 * TransactionModel model = crm.fitPurchases("bgnbd", summaries);
 * Dataset<Row> scored = crm.score(model, summaries, 52);
 * }</pre>
 *
 * <p>Immutable and thread-safe; serializable, so that its settings travel to the executors.
 */
public final class CustomerAnalytics implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Summary column: repeat purchases x. */
    public static final String FREQUENCY = "frequency";
    /** Summary column: time from first to last purchase, t<sub>x</sub>. */
    public static final String RECENCY = "recency";
    /** Summary column: time from first purchase to the end of observation, T. */
    public static final String AGE = "T";
    /** Summary column: mean value of the repeat purchases. */
    public static final String MONETARY_VALUE = "monetary_value";
    /** Score column: expected purchases over the horizon. */
    public static final String EXPECTED_PURCHASES = "expected_purchases";
    /** Score column: probability that the customer is alive. */
    public static final String P_ALIVE = "p_alive";
    /** Score column: discounted customer lifetime value. */
    public static final String CLV = "clv";
    /** ABC column: the class, {@code A}, {@code B} or {@code C}. */
    public static final String ABC = "abc";

    /** Purchases handed to the single-JVM summarizer at a time, per partition. */
    private static final int BATCH_ROWS = 1 << 16;
    /** Summary rows compressed at a time, per partition, when collecting distinct rows. */
    private static final int CHUNK_ROWS = 1 << 18;
    /** Rows scored at a time by the bulk prediction methods. */
    private static final int SCORE_ROWS = 4096;

    private final TransactionColumns columns;
    private final ZoneId zone;

    private CustomerAnalytics(TransactionColumns columns, ZoneId zone) {
        this.columns = columns;
        this.zone = zone;
    }

    /** @return analytics over {@code customer_id,date,amount}, calendar days in UTC */
    public static CustomerAnalytics withDefaults() {
        return new CustomerAnalytics(TransactionColumns.defaults(), ZoneOffset.UTC);
    }

    /**
     * @param names the column names of the transaction logs
     * @return the same analytics reading other column names
     */
    public CustomerAnalytics withColumns(TransactionColumns names) {
        return new CustomerAnalytics(requireNonNull(names, "columns"), zone);
    }

    /**
     * @param timeZone the zone in which the instants of a {@code timestamp} date column become
     *     calendar days (text, {@code date} and {@code timestamp_ntz} columns are dates as written)
     * @return the same analytics in another zone
     */
    public CustomerAnalytics inZone(ZoneId timeZone) {
        return new CustomerAnalytics(columns, requireNonNull(timeZone, "zone"));
    }

    /** @return the transaction column names */
    public TransactionColumns columns() {
        return columns;
    }

    /** @return the zone of calendar days */
    public ZoneId zone() {
        return zone;
    }

    // ------------------------------------------------------------------------------------------
    // summaries

    /**
     * Summarises a transaction log as of a date, one row per customer with a purchase on or
     * before it (and whose first purchase is before it): the customer column, {@code frequency}
     * (long), {@code recency}, {@code T} and {@code monetary_value} (doubles), with the
     * definitions of {@link CustomerSummarizer} — calendar days, repeat purchases on distinct
     * days, purchases after the as-of date left out, times in {@code unit}. Without an amount
     * column, {@code monetary_value} is 0. The columns {@code recency} and {@code T} carry the
     * unit in their metadata ({@link #timeUnitOf}), which {@link #distinctRows} passes on to the fit.
     *
     * @param transactions the log, with the {@linkplain #columns() configured} columns
     * @param asOf the last day of observation, from 0001-01-01 to 9999-12-31
     * @param unit the unit of recency and T, e.g. 7 days for weeks; positive
     * @return the summaries
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or the date or
     *     unit is invalid
     */
    public Dataset<Row> summarize(Dataset<Row> transactions, LocalDate asOf, Duration unit) {
        return summarize(transactions, asOf, unit, null);
    }

    /**
     * Summarises a transaction log in discrete time, the input of the BG/BB model
     * ({@code fit("bgbb", ...)}): purchases are grouped into periods of {@code period} (whole
     * days; 7 days groups calendar weeks Monday to Sunday), all purchases of one period count as
     * one transaction, and {@code frequency} x, {@code recency} t<sub>x</sub> and {@code T} n are
     * whole numbers of periods — x the repeat periods with a purchase, t<sub>x</sub> the periods
     * from the first to the last, n the periods from the first to the as-of period. These are
     * exactly the summaries of
     * {@code CustomerSummarizer.asOf(asOf).groupingBy(period).inUnitsOf(period)} (purchases after
     * the as-of date are left out before grouping; customers whose first purchase falls in the
     * as-of period are left out). {@code monetary_value} is the mean of the repeat periods' sums.
     * The time unit carried by {@code recency} and {@code T} is {@code period}.
     *
     * @param transactions the log, with the configured columns
     * @param asOf the last day of observation, from 0001-01-01 to 9999-12-31
     * @param period the length of one transaction opportunity, a positive whole number of days
     * @return the summaries in periods
     * @throws IllegalArgumentException if a column is missing or of the wrong type, the date is out
     *     of range, or the period is not a positive whole number of days
     */
    public Dataset<Row> summarizeByPeriod(Dataset<Row> transactions, LocalDate asOf, Duration period) {
        requireNonNull(period, "period");
        if (period.isNegative() || period.isZero() || period.getNano() != 0
                || period.getSeconds() % Duration.ofDays(1).getSeconds() != 0) {
            throw new IllegalArgumentException("period " + period + " is invalid: it must be a positive whole number "
                    + "of days");
        }
        return summarize(transactions, asOf, period, period);
    }

    private Dataset<Row> summarize(Dataset<Row> transactions, LocalDate asOf, Duration unit, Duration period) {
        requireNonNull(transactions, "transactions");
        summarizer(asOf, unit, period); // checks the date and the unit before any job runs
        boolean hasAmount = List.of(transactions.schema().fieldNames()).contains(columns.amount());
        Dataset<Row> sorted = Transactions.normalize(transactions, columns, zone, false);
        Metadata inUnit = unitMetadata(unit);
        StructType schema = new StructType()
                .add(columns.customer(), DataTypes.StringType, false)
                .add(FREQUENCY, DataTypes.LongType, false)
                .add(RECENCY, DataTypes.DoubleType, false, inUnit)
                .add(AGE, DataTypes.DoubleType, false, inUnit)
                .add(MONETARY_VALUE, DataTypes.DoubleType, false);
        int lastDay = Math.toIntExact(asOf.toEpochDay());
        MapPartitionsFunction<Row, Row> summarize = rows -> Transactions.perCustomer(rows, BATCH_ROWS, batch -> {
            CustomerSummarizer.IndexedSummaries result = summarizer(asOf, unit, period)
                    .summarizeEpochDays(batch.customers(), batch.days(), hasAmount ? batch.amounts() : null);
            CustomerSummaries s = result.summaries();
            List<Row> out = new ArrayList<>(result.size());
            for (int row = 0; row < result.size(); row++) {
                out.add(RowFactory.create(batch.ids.get(result.customerIndex(row)), (long) s.frequency(row),
                        s.recency(row), s.age(row), s.monetaryValue(row)));
            }
            return out;
        });
        return withMetadataOf(sorted.where(sorted.col("day").leq(lastDay)).mapPartitions(summarize,
                Encoders.row(schema)), schema);
    }

    private static CustomerSummarizer summarizer(LocalDate asOf, Duration unit, Duration period) {
        CustomerSummarizer summarizer = CustomerSummarizer.asOf(asOf).inUnitsOf(unit);
        return period == null ? summarizer : summarizer.groupingBy(period);
    }

    // ------------------------------------------------------------------------------------------
    // time unit

    /** The metadata key under which {@code recency} and {@code T} carry their time unit (ISO-8601). */
    public static final String TIME_UNIT_METADATA = "crmkit.time_unit";

    /**
     * The rows with the column metadata of {@code schema} (a row encoder's output drops it: the
     * time unit of the summaries would be lost after every {@code mapPartitions}).
     */
    private static Dataset<Row> withMetadataOf(Dataset<Row> rows, StructType schema) {
        Dataset<Row> out = rows;
        for (org.apache.spark.sql.types.StructField field : schema.fields()) {
            if (!field.metadata().equals(Metadata.empty())) {
                out = out.withColumn(field.name(), out.col("`" + field.name().replace("`", "``") + "`")
                        .as(field.name(), field.metadata()));
            }
        }
        return out;
    }

    private static Metadata unitMetadata(Duration unit) {
        return new MetadataBuilder().putString(TIME_UNIT_METADATA, unit.toString()).build();
    }

    /**
     * Declares the time unit of summaries that do not carry one (read from CSV, say, which keeps
     * no column metadata), as {@link CustomerSummaries#withTimeUnit} does for columns: no number
     * changes, the {@code recency} and {@code T} columns get the unit in their metadata.
     *
     * @param summaries rows with {@code recency} and {@code T}
     * @param unit the unit of recency and T, positive
     * @return the same rows, the two columns carrying the unit
     * @throws IllegalArgumentException if a column is missing or not numeric, or the unit is not
     *     positive
     */
    public static Dataset<Row> withTimeUnit(Dataset<Row> summaries, Duration unit) {
        requireNonNull(summaries, "summaries");
        requireNonNull(unit, "unit");
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("time unit " + unit + " is invalid: it must be positive");
        }
        requireColumns(summaries, List.of(RECENCY, AGE));
        Metadata inUnit = unitMetadata(unit);
        return summaries.withColumn(RECENCY, summaries.col(RECENCY).as(RECENCY, inUnit))
                .withColumn(AGE, summaries.col(AGE).as(AGE, inUnit));
    }

    /**
     * The time unit carried by the {@code recency} and {@code T} columns (set by
     * {@link #summarize}, {@link #summarizeByPeriod} or {@link #withTimeUnit}; kept by Spark
     * through selections, filters, caching and Parquet files).
     *
     * @param summaries rows with {@code recency} and {@code T}
     * @return the unit, or empty when neither column carries one
     * @throws IllegalArgumentException if a column is missing, only one column carries a unit, the
     *     two carry different units, or a unit cannot be read
     */
    public static Optional<Duration> timeUnitOf(Dataset<Row> summaries) {
        requireNonNull(summaries, "summaries");
        requireColumns(summaries, List.of(RECENCY, AGE));
        StructType schema = summaries.schema();
        String recency = unitText(schema, RECENCY);
        String age = unitText(schema, AGE);
        if (recency == null && age == null) {
            return Optional.empty();
        }
        if (recency == null || !recency.equals(age)) {
            throw new IllegalArgumentException("columns '" + RECENCY + "' and '" + AGE + "' carry the time units "
                    + recency + " and " + age + ": both must be in one unit (see withTimeUnit)");
        }
        try {
            Duration unit = Duration.parse(recency);
            if (unit.isNegative() || unit.isZero()) {
                throw new IllegalArgumentException("time unit " + recency + " of columns '" + RECENCY + "' and '"
                        + AGE + "' is invalid: it must be positive");
            }
            return Optional.of(unit);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time unit '" + recency + "' of columns '" + RECENCY + "' and '" + AGE
                    + "' is invalid: it must be an ISO-8601 duration such as PT168H", e);
        }
    }

    private static String unitText(StructType schema, String column) {
        Metadata m = schema.apply(column).metadata();
        return m.contains(TIME_UNIT_METADATA) ? m.getString(TIME_UNIT_METADATA) : null;
    }

    // ------------------------------------------------------------------------------------------
    // RFM

    /**
     * Scores every customer with a purchase on or before the as-of date, as
     * {@link RfmScorer#standard()} does: recency in days from the last purchase date to the as-of
     * date, frequency the number of purchases, monetary the exact sum of the amounts; five bins,
     * ties never split, recency reversed; the standard segment map. Columns: the customer column,
     * {@code recency} and {@code frequency} (longs), {@code monetary} (double, the exact sum
     * rounded once), {@code r}, {@code f}, {@code m} (ints 1..5) and {@code segment}.
     *
     * <p>Unlike the other calls, this one runs jobs before it returns: it counts the customers,
     * finds the cut values, and computes the scores into Spark's local checkpoint on the
     * executors (so the result is not recomputed, but is lost with an executor: persist or write
     * it where executors come and go).
     *
     * @param transactions the log, with the configured columns including the amount
     * @param asOf the date recency is measured to, from 0001-01-01 to 9999-12-31
     * @return the scores
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or the date is
     *     out of range
     */
    public Dataset<Row> rfm(Dataset<Row> transactions, LocalDate asOf) {
        requireNonNull(transactions, "transactions");
        PurchaseLog.requireInRange("asOf", asOf);
        int bins = RfmScorer.standard().bins();
        RfmSegmentMap segments = RfmScorer.standard().segments();
        long asOfDay = asOf.toEpochDay();
        Dataset<Row> sorted = Transactions.normalize(transactions, columns, zone, true);
        StructType valueSchema = new StructType()
                .add(columns.customer(), DataTypes.StringType, false)
                .add("recency", DataTypes.LongType, false)
                .add("frequency", DataTypes.LongType, false)
                .add("monetary", DataTypes.DoubleType, false);
        MapPartitionsFunction<Row, Row> values = rows -> Transactions.perCustomer(rows, BATCH_ROWS, batch -> {
            List<Row> out = new ArrayList<>(batch.ids.size());
            int i = 0;
            while (i < batch.size) {
                int c = batch.customer[i];
                long lastDay = batch.day[i];
                long count = 0;
                BigDecimal sum = BigDecimal.ZERO;
                for (; i < batch.size && batch.customer[i] == c; i++) {
                    lastDay = Math.max(lastDay, batch.day[i]);
                    count++;
                    sum = sum.add(new BigDecimal(batch.text[i]));
                }
                double monetary = sum.doubleValue();
                if (!Double.isFinite(monetary)) {
                    throw new IllegalArgumentException("monetary value " + sum + " does not fit a double: scores need "
                            + "values below 1.8e308");
                }
                out.add(RowFactory.create(batch.ids.get(c), asOfDay - lastDay, count, monetary));
            }
            return out;
        });
        Dataset<Row> perCustomer = sorted.where(sorted.col("day").leq(asOfDay))
                .mapPartitions(values, Encoders.row(valueSchema))
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            long n = perCustomer.count();
            double[] recencyCuts = cuts(perCustomer, 1, n, bins, true);
            double[] frequencyCuts = cuts(perCustomer, 2, n, bins, false);
            double[] monetaryCuts = cuts(perCustomer, 3, n, bins, false);
            StructType schema = valueSchema
                    .add("r", DataTypes.IntegerType, false)
                    .add("f", DataTypes.IntegerType, false)
                    .add("m", DataTypes.IntegerType, false)
                    .add("segment", DataTypes.StringType, false);
            MapPartitionsFunction<Row, Row> score = rows -> map(rows, row -> {
                int r = score(row.getLong(1), recencyCuts, true);
                int f = score(row.getLong(2), frequencyCuts, false);
                int m = score(row.getDouble(3), monetaryCuts, false);
                return RowFactory.create(row.getString(0), row.getLong(1), row.getLong(2), row.getDouble(3), r, f, m,
                        segments.segmentOf(r, f, m));
            });
            // the scores are computed now, so that the cached per-customer values can be released
            Dataset<Row> scored = perCustomer.mapPartitions(score, Encoders.row(schema))
                    .localCheckpoint(true);
            return scored;
        } finally {
            perCustomer.unpersist(false);
        }
    }

    /**
     * The cut values of one column: for score s = 2..bins, the value of rank
     * c<sub>s</sub> = ceil((s−1)·n/bins) in ascending order (1-based), or, reversed, of rank
     * n − c<sub>s</sub> + 1; a value scores one more for each cut it exceeds (reversed: lies below).
     */
    private static double[] cuts(Dataset<Row> perCustomer, int column, long n, int bins, boolean reversed) {
        if (n == 0) {
            return new double[0];
        }
        long[] ranks = new long[bins - 1];
        for (int s = 2; s <= bins; s++) {
            long c = ((s - 1) * n + bins - 1) / bins;
            ranks[s - 2] = reversed ? n - c : c - 1;
        }
        JavaRDD<Double> values = perCustomer.toJavaRDD().map(row -> {
            Object v = row.get(column);
            return ((Number) v).doubleValue();
        });
        return OrderStatistics.at(values, ranks);
    }

    private static int score(double value, double[] cuts, boolean reversed) {
        double v = value + 0.0;
        int score = 1;
        for (double cut : cuts) {
            if (reversed ? v < cut : v > cut) {
                score++;
            }
        }
        return score;
    }

    // ------------------------------------------------------------------------------------------
    // ABC

    /**
     * Classifies customers A / B / C by cumulative share of value with the boundary rule and
     * shares (80/15/5) of {@link ParetoClassifier#standard()}: ranked by value, highest first, a
     * customer is A while the share of value brought by strictly higher values is below 0.80, B
     * below 0.95, C otherwise; equal values share a class; a value of 0 is C. Adds the column
     * {@code abc}.
     *
     * <p>The share boundaries are found as the single-JVM classifier finds them, by running sums
     * in sorted order, so that floating-point rounding is the same: the driver reads the sorted
     * distinct values with their counts one partition at a time (memory: one partition; time:
     * linear in the number of distinct values). Classifying every customer is then a map. The
     * input is read four times (maximum, two walks, classification): cache it if it is costly.
     *
     * @param values the rows to classify
     * @param valueColumn a numeric column, finite and 0 or more, never null
     * @return the rows with {@code abc} appended
     * @throws IllegalArgumentException if the column is missing or not numeric
     */
    public Dataset<Row> abc(Dataset<Row> values, String valueColumn) {
        requireNonNull(values, "values");
        requireNonNull(valueColumn, "valueColumn");
        StructType in = values.schema();
        if (!List.of(in.fieldNames()).contains(valueColumn)) {
            throw new IllegalArgumentException("values lack the column '" + valueColumn + "' (has: "
                    + String.join(",", in.fieldNames()) + ")");
        }
        if (!(in.apply(valueColumn).dataType() instanceof org.apache.spark.sql.types.NumericType)) {
            throw new IllegalArgumentException("column '" + valueColumn + "' has type "
                    + in.apply(valueColumn).dataType().simpleString() + ": ABC classes need a numeric value");
        }
        int index = in.fieldIndex(valueColumn);
        JavaRDD<Double> column = values.toJavaRDD().map(row -> checkedValue(row, index, valueColumn));
        double[] lowest = abcBoundaries(column);
        double lowestA = lowest[0];
        double lowestB = lowest[1];
        StructType schema = in.add(ABC, DataTypes.StringType, false);
        MapPartitionsFunction<Row, Row> classify = rows -> map(rows, row -> {
            double v = checkedValue(row, index, valueColumn);
            String c = v == 0 ? "C" : v >= lowestA ? "A" : v >= lowestB ? "B" : "C";
            return append(row, c);
        });
        return withMetadataOf(values.mapPartitions(classify, Encoders.row(schema)), schema);
    }

    /** The smallest value in A and in B, as {@link ParetoClassifier#abc(double[])} finds them. */
    private static double[] abcBoundaries(JavaRDD<Double> column) {
        double aShare = 0.80;
        double bShare = 0.15;
        double epsilon = 1e-12;
        double max = column.isEmpty() ? 0 : column.reduce(Math::max);
        double unit = max == 0 ? 1 : max;
        double total = 0;
        Iterator<Tuple2<Double, Long>> ascending = OrderStatistics.walk(column, true);
        while (ascending.hasNext()) {
            Tuple2<Double, Long> e = ascending.next();
            double share = e._1() / unit;
            for (long k = 0; k < e._2(); k++) {
                total += share;
            }
        }
        double lowestA = Double.POSITIVE_INFINITY;
        double lowestB = Double.POSITIVE_INFINITY;
        if (total > 0) {
            double above = 0;
            Iterator<Tuple2<Double, Long>> descending = OrderStatistics.walk(column, false);
            while (descending.hasNext()) {
                Tuple2<Double, Long> e = descending.next();
                double v = e._1();
                double before = above / total;
                if (before < aShare - epsilon) {
                    lowestA = v;
                } else if (before < aShare + bShare - epsilon) {
                    lowestB = v;
                } else {
                    break;
                }
                double share = v / unit;
                for (long k = 0; k < e._2(); k++) {
                    above += share;
                }
            }
        }
        return new double[] {lowestA, Math.min(lowestB, lowestA)};
    }

    private static double checkedValue(Row row, int index, String column) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("column '" + column + "' is null in a row: every customer needs a value");
        }
        double v = ((Number) row.get(index)).doubleValue();
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("column '" + column + "' value " + v
                    + " is invalid: it must be finite and 0 or more");
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------
    // fitting

    /**
     * The distinct (x, t<sub>x</sub>, T) rows of summaries with the number of customers (or the
     * sum of the weights) behind each — with the mean spend as a fourth key when {@code spend} —
     * built per partition as compressed {@link CustomerSummaries}, merged across partitions, and
     * returned in ascending order of (x, t<sub>x</sub>, T, spend) so that the result does not
     * depend on the partitioning. The rows are in the time unit that {@code recency} and {@code T}
     * carry ({@link #timeUnitOf}; {@link CustomerSummaries#DEFAULT_TIME_UNIT} when they carry none),
     * so that a model is fitted, and its horizons read, in the unit the summaries were made in.
     *
     * @param summaries rows with {@code frequency, recency, T} (and {@code monetary_value})
     * @param spend whether to keep the mean spend (the input of the Gamma-Gamma model; only
     *     repeat customers, x &gt; 0, are kept then)
     * @param weightColumn a numeric column of weights (&gt; 0), or {@code null} for one customer per row
     * @return the distinct rows with weights, in the summaries' time unit
     * @throws IllegalArgumentException if a column is missing, or {@code recency} and {@code T}
     *     carry different time units
     */
    public CustomerSummaries distinctRows(Dataset<Row> summaries, boolean spend, String weightColumn) {
        requireNonNull(summaries, "summaries");
        List<String> names = new ArrayList<>(List.of(FREQUENCY, RECENCY, AGE));
        if (spend) {
            names.add(MONETARY_VALUE);
        }
        if (weightColumn != null) {
            names.add(weightColumn);
        }
        requireColumns(summaries, names);
        Duration unit = timeUnitOf(summaries).orElse(CustomerSummaries.DEFAULT_TIME_UNIT);
        Dataset<Row> selected = summaries.select(names.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
        if (spend) {
            selected = selected.where(selected.col(FREQUENCY).gt(0));
        }
        boolean weighted = weightColumn != null;
        JavaRDD<CustomerSummaries> parts = selected.toJavaRDD().mapPartitions(rows -> {
            CustomerSummaries merged = empty(spend).withTimeUnit(unit);
            Chunk chunk = new Chunk(spend, unit);
            while (rows.hasNext()) {
                chunk.add(rows.next(), names, weighted);
                if (chunk.size == CHUNK_ROWS) {
                    merged = merged.merge(chunk.summaries()).compressed();
                    chunk = new Chunk(spend, unit);
                }
            }
            merged = merged.merge(chunk.summaries()).compressed();
            return List.of(merged).iterator();
        });
        CustomerSummaries all = parts.treeReduce((a, b) -> a.merge(b).compressed());
        return canonical(all);
    }

    /**
     * Fits any model of {@link ClvModels} by name on the driver, from the
     * {@linkplain #distinctRows distinct rows} of the summaries (with the mean spend for a spend
     * model), without penalty.
     *
     * @param model a name of {@link ClvModels#names()}, e.g. {@code bgnbd} or {@code gammagamma}
     * @param summaries rows with {@code frequency, recency, T} (BG/BB: whole periods, as
     *     {@link #summarizeByPeriod} makes them, the number of opportunities in {@code T};
     *     Gamma-Gamma: also {@code monetary_value})
     * @return the fitted model
     * @throws IllegalArgumentException if the name is unknown, a column is missing, or the model
     *     cannot be fitted on the data
     * @throws io.crmkit.scoring.clv.ConvergenceException if the optimiser does not converge
     */
    public ClvModel fit(String model, Dataset<Row> summaries) {
        return fit(model, summaries, null, 0);
    }

    /**
     * Fits any model of {@link ClvModels} by name on weighted summaries with an L2 penalizer.
     *
     * @param model a name of {@link ClvModels#names()}
     * @param summaries rows with the model's input columns
     * @param weightColumn the column of weights (customers per row, &gt; 0), or {@code null} for one
     *     customer per row
     * @param penalizer the L2 penalizer, as {@code lifetimes}' {@code penalizer_coef}, 0 to
     *     {@link io.crmkit.scoring.clv.ClvModels#MAX_PENALIZER}
     * @return the fitted model
     * @throws IllegalArgumentException if the name is unknown, a column is missing, the penalizer
     *     is invalid, or the model cannot be fitted on the data
     * @throws io.crmkit.scoring.clv.ConvergenceException if the optimiser does not converge
     */
    public ClvModel fit(String model, Dataset<Row> summaries, String weightColumn, double penalizer) {
        ClvModels.Model kind = ClvModels.named(requireNonNull(model, "model"));
        return kind.fit(distinctRows(summaries, kind.input() == ClvModels.Input.SPEND, weightColumn), penalizer);
    }

    /**
     * Appends the predictions of any model of {@link ClvModels} to every row — the columns of
     * {@link ClvModels.Model#predictionColumns()}: {@code expected_purchases, p_alive} for a
     * purchase model, {@code expected_average_spend} for a spend model — computed per partition
     * by {@link ClvModels.Model#predict} on batches of rows, the model broadcast.
     *
     * @param model a fitted model of the registry, serializable (every crmkit model is)
     * @param summaries rows with the model's input columns; other columns are kept
     * @param horizon how far ahead, in the data's time unit (BG/BB: whole opportunities); finite
     *     and &ge; 0; ignored by a spend model
     * @return the rows with the prediction columns appended
     * @throws IllegalArgumentException if the model is not in the registry, a column is missing
     *     or the horizon is invalid
     */
    public Dataset<Row> predict(ClvModel model, Dataset<Row> summaries, double horizon) {
        requireNonNull(model, "model");
        requireNonNull(summaries, "summaries");
        if (!Double.isFinite(horizon) || horizon < 0) {
            throw new IllegalArgumentException("horizon " + horizon + " is invalid: it must be finite and >= 0");
        }
        ClvModels.Model kind = ClvModels.named(model.name());
        boolean spend = kind.input() == ClvModels.Input.SPEND;
        List<String> needed = new ArrayList<>(List.of(FREQUENCY, RECENCY, AGE));
        if (spend) {
            needed.add(MONETARY_VALUE);
        }
        requireColumns(summaries, needed);
        StructType in = summaries.schema();
        int[] index = needed.stream().mapToInt(in::fieldIndex).toArray();
        List<String> columns = new ArrayList<>(kind.predictionColumns());
        StructType schema = in;
        for (String c : columns) {
            schema = schema.add(c, DataTypes.DoubleType, false);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(summaries.sparkSession().sparkContext());
        Broadcast<ClvModel> broadcast = context.broadcast(model);
        String name = model.name();
        MapPartitionsFunction<Row, Row> predict = rows -> new Iterator<>() {
            private final ClvModel m = broadcast.value();
            private final ClvModels.Model k = ClvModels.named(name);
            private final Row[] batch = new Row[SCORE_ROWS];
            private Iterator<Row> out = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!out.hasNext() && rows.hasNext()) {
                    int n = 0;
                    while (n < SCORE_ROWS && rows.hasNext()) {
                        batch[n++] = rows.next();
                    }
                    double[][] c = new double[4][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < index.length; j++) {
                            c[j][i] = number(batch[i], index[j], needed.get(j));
                        }
                    }
                    CustomerSummaries data = spend ? CustomerSummaries.withMonetaryValue(c[0], c[1], c[2], c[3])
                            : CustomerSummaries.of(c[0], c[1], c[2]);
                    com.google.common.collect.ImmutableMap<String, double[]> predicted = k.predict(m, data, horizon);
                    List<Row> scored = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Object[] values = new Object[columns.size()];
                        for (int j = 0; j < values.length; j++) {
                            values[j] = predicted.get(columns.get(j))[i];
                        }
                        scored.add(append(batch[i], values));
                    }
                    out = scored.iterator();
                }
                return out.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.next();
            }
        };
        return withMetadataOf(summaries.mapPartitions(predict, Encoders.row(schema)), schema);
    }

    /**
     * Fits a purchase model on the driver from the {@linkplain #distinctRows distinct rows}.
     *
     * @param model {@code bgnbd}, {@code pareto} or {@code mbgnbd} (the names of {@code crm clv fit})
     * @param summaries rows with {@code frequency, recency, T}
     * @return the fitted model
     * @throws IllegalArgumentException if the model name is unknown, a column is missing, or the
     *     model cannot be fitted on the data
     * @throws io.crmkit.scoring.clv.ConvergenceException if the optimiser does not converge
     */
    public TransactionModel fitPurchases(String model, Dataset<Row> summaries) {
        return fitPurchases(model, summaries, null);
    }

    /**
     * Fits a purchase model on weighted summaries (each row standing for {@code weight} customers).
     *
     * @param model {@code bgnbd}, {@code pareto} or {@code mbgnbd}
     * @param summaries rows with {@code frequency, recency, T}
     * @param weightColumn the weight column, or {@code null} for one customer per row
     * @return the fitted model
     * @throws IllegalArgumentException if the model name is unknown, a column is missing, or the
     *     model cannot be fitted on the data
     * @throws io.crmkit.scoring.clv.ConvergenceException if the optimiser does not converge
     */
    public TransactionModel fitPurchases(String model, Dataset<Row> summaries, String weightColumn) {
        requireNonNull(model, "model");
        return switch (model) {
            case "bgnbd" -> BetaGeoModel.fit(distinctRows(summaries, false, weightColumn));
            case "pareto" -> ParetoNbdModel.fit(distinctRows(summaries, false, weightColumn));
            case "mbgnbd" -> ModifiedBetaGeoModel.fit(distinctRows(summaries, false, weightColumn));
            default -> throw new IllegalArgumentException("model '" + model + "' is unknown here: choose bgnbd, pareto "
                    + "or mbgnbd (fitSpend fits gammagamma; fit(\"bgbb\", summarizeByPeriod(...)) fits BG/BB)");
        };
    }

    /**
     * Fits the Gamma-Gamma spend model on the driver from the distinct (x, mean spend) rows of
     * the repeat customers. The model reads every repeat customer's own mean spend, so the driver
     * holds one row per distinct (x, t<sub>x</sub>, T, spend) — about one per repeat customer.
     *
     * @param summaries rows with {@code frequency, recency, T, monetary_value}
     * @return the fitted model
     * @throws IllegalArgumentException if a column is missing or the model cannot be fitted
     * @throws io.crmkit.scoring.clv.ConvergenceException if the optimiser does not converge
     */
    public GammaGammaModel fitSpend(Dataset<Row> summaries) {
        return GammaGammaModel.fit(distinctRows(summaries, true, null));
    }

    private static CustomerSummaries empty(boolean spend) {
        double[] none = new double[0];
        return spend ? CustomerSummaries.withMonetaryValue(none, none, none, none, none)
                : CustomerSummaries.of(none, none, none, none);
    }

    /** Rows sorted by (x, t_x, T, spend): the same order whatever the partitioning. */
    static CustomerSummaries canonical(CustomerSummaries s) {
        int n = s.size();
        double[] x = s.frequencies();
        double[] tx = s.recencies();
        double[] t = s.ages();
        double[] m = s.hasMonetaryValue() ? s.monetaryValues() : new double[n];
        double[] w = s.weights();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(x[a], x[b]);
            c = c != 0 ? c : Double.compare(tx[a], tx[b]);
            c = c != 0 ? c : Double.compare(t[a], t[b]);
            return c != 0 ? c : Double.compare(m[a], m[b]);
        });
        double[][] out = new double[5][n];
        for (int i = 0; i < n; i++) {
            int k = order[i];
            out[0][i] = x[k];
            out[1][i] = tx[k];
            out[2][i] = t[k];
            out[3][i] = m[k];
            out[4][i] = w[k];
        }
        CustomerSummaries sorted = s.hasMonetaryValue()
                ? CustomerSummaries.withMonetaryValue(out[0], out[1], out[2], out[3], out[4])
                : CustomerSummaries.of(out[0], out[1], out[2], out[4]);
        return sorted.withTimeUnit(s.timeUnit());
    }

    /** Summary rows of one partition, gathered for compression. */
    private static final class Chunk {
        final boolean spend;
        final Duration unit;
        int size;
        double[][] columns = new double[5][1024];

        Chunk(boolean spend, Duration unit) {
            this.spend = spend;
            this.unit = unit;
        }

        void add(Row row, List<String> names, boolean weighted) {
            if (size == columns[0].length) {
                for (int j = 0; j < 5; j++) {
                    columns[j] = Arrays.copyOf(columns[j], size * 2);
                }
            }
            columns[0][size] = number(row, 0, names.get(0));
            columns[1][size] = number(row, 1, names.get(1));
            columns[2][size] = number(row, 2, names.get(2));
            int next = 3;
            if (spend) {
                columns[3][size] = number(row, next, names.get(next));
                next++;
            }
            columns[4][size] = weighted ? number(row, next, names.get(next)) : 1.0;
            size++;
        }

        CustomerSummaries summaries() {
            double[][] c = new double[5][];
            for (int j = 0; j < 5; j++) {
                c[j] = Arrays.copyOf(columns[j], size);
            }
            CustomerSummaries s = spend ? CustomerSummaries.withMonetaryValue(c[0], c[1], c[2], c[3], c[4])
                    : CustomerSummaries.of(c[0], c[1], c[2], c[4]);
            return s.withTimeUnit(unit);
        }
    }

    private static double number(Row row, int index, String column) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("column '" + column + "' is null in a row: every summary needs it");
        }
        return ((Number) row.get(index)).doubleValue();
    }

    private static void requireColumns(Dataset<Row> data, List<String> names) {
        StructType schema = data.schema();
        List<String> has = List.of(schema.fieldNames());
        for (String name : names) {
            if (!has.contains(name)) {
                throw new IllegalArgumentException("summaries lack the column '" + name + "' (has: "
                        + String.join(",", has) + ")");
            }
            if (!(schema.apply(name).dataType() instanceof org.apache.spark.sql.types.NumericType)) {
                throw new IllegalArgumentException("column '" + name + "' has type "
                        + schema.apply(name).dataType().simpleString() + ": it must be numeric");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // scoring

    /**
     * Appends {@code expected_purchases} (over {@code horizon} time units, the data's unit) and
     * {@code p_alive} to every row, computed by the model's bulk methods
     * ({@link TransactionModel#conditionalExpectedPurchases(double, double[], double[], double[], double[])},
     * {@link TransactionModel#probabilityAlive(double[], double[], double[], double[])}) on each
     * partition, the model broadcast to the executors.
     *
     * @param model a fitted (or known) purchase model, serializable (every crmkit model is)
     * @param summaries rows with {@code frequency, recency, T}; other columns are kept
     * @param horizon how far ahead, in the data's time unit, finite and &ge; 0
     * @return the rows with the two columns appended
     * @throws IllegalArgumentException if a column is missing or the horizon is invalid
     */
    public Dataset<Row> score(TransactionModel model, Dataset<Row> summaries, double horizon) {
        return score(model, null, null, summaries, horizon);
    }

    /**
     * Appends {@code expected_purchases}, {@code p_alive} and {@code clv} — the discounted
     * lifetime value of {@link LifetimeValue} with a spend model and its settings.
     *
     * @param model a fitted purchase model
     * @param spend a fitted Gamma-Gamma model
     * @param value the lifetime-value settings (months, discount rate, time units per month)
     * @param summaries rows with {@code frequency, recency, T, monetary_value}; other columns are kept
     * @param horizon how far ahead {@code expected_purchases} looks, finite and &ge; 0
     * @return the rows with three columns appended
     * @throws IllegalArgumentException if a column is missing or the horizon is invalid
     */
    public Dataset<Row> score(TransactionModel model, GammaGammaModel spend, LifetimeValueSettings value,
            Dataset<Row> summaries, double horizon) {
        requireNonNull(model, "model");
        requireNonNull(summaries, "summaries");
        if (!Double.isFinite(horizon) || horizon < 0) {
            throw new IllegalArgumentException("horizon " + horizon + " is invalid: it must be finite and >= 0");
        }
        boolean withValue = spend != null;
        if (withValue) {
            requireNonNull(value, "value");
        }
        List<String> needed = new ArrayList<>(List.of(FREQUENCY, RECENCY, AGE));
        if (withValue) {
            needed.add(MONETARY_VALUE);
        }
        requireColumns(summaries, needed);
        StructType in = summaries.schema();
        int[] index = needed.stream().mapToInt(in::fieldIndex).toArray();
        StructType schema = in.add(EXPECTED_PURCHASES, DataTypes.DoubleType, false)
                .add(P_ALIVE, DataTypes.DoubleType, false);
        if (withValue) {
            schema = schema.add(CLV, DataTypes.DoubleType, false);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(summaries.sparkSession().sparkContext());
        Broadcast<TransactionModel> purchases = context.broadcast(model);
        Broadcast<GammaGammaModel> spending = withValue ? context.broadcast(spend) : null;
        MapPartitionsFunction<Row, Row> predict = rows -> new Iterator<>() {
            private final TransactionModel m = purchases.value();
            private final LifetimeValue clv = withValue ? LifetimeValue.of(m, spending.value())
                    .overMonths(value.months()).withMonthlyDiscountRate(value.monthlyDiscountRate())
                    .withTimeUnitsPerMonth(value.timeUnitsPerMonth()) : null;
            private final Row[] batch = new Row[SCORE_ROWS];
            private Iterator<Row> out = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!out.hasNext() && rows.hasNext()) {
                    int n = 0;
                    while (n < SCORE_ROWS && rows.hasNext()) {
                        batch[n++] = rows.next();
                    }
                    double[][] c = new double[index.length][n];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < index.length; j++) {
                            c[j][i] = number(batch[i], index[j], needed.get(j));
                        }
                    }
                    double[] expected = new double[n];
                    double[] alive = new double[n];
                    m.conditionalExpectedPurchases(horizon, c[0], c[1], c[2], expected);
                    m.probabilityAlive(c[0], c[1], c[2], alive);
                    double[] values = null;
                    if (clv != null) {
                        values = new double[n];
                        clv.values(c[0], c[1], c[2], c[3], values);
                    }
                    List<Row> scored = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        scored.add(values == null ? append(batch[i], expected[i], alive[i])
                                : append(batch[i], expected[i], alive[i], values[i]));
                    }
                    out = scored.iterator();
                }
                return out.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.next();
            }
        };
        return withMetadataOf(summaries.mapPartitions(predict, Encoders.row(schema)), schema);
    }

    // ------------------------------------------------------------------------------------------

    /** A row function, serializable. */
    @FunctionalInterface
    private interface RowFunction extends Serializable {
        Row apply(Row row);
    }

    private static Iterator<Row> map(Iterator<Row> rows, RowFunction f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return f.apply(rows.next());
            }
        };
    }

    private static Row append(Row row, Object... values) {
        Object[] out = new Object[row.length() + values.length];
        for (int i = 0; i < row.length(); i++) {
            out[i] = row.get(i);
        }
        System.arraycopy(values, 0, out, row.length(), values.length);
        return RowFactory.create(out);
    }

    /** @return the column names and zone */
    @Override
    public String toString() {
        return "CustomerAnalytics[" + columns + ", " + zone + "]";
    }
}
