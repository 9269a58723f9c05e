package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a purchase log into {@link CustomerSummary customer summaries} (frequency, recency, T,
 * monetary value) as of a date, with the definitions of the {@code lifetimes} library's
 * {@code summary_data_from_transaction_data} and {@code calibration_and_holdout_data}.
 *
 * <p>Days, zones and the as-of rule are those of {@link PurchaseLog}: the day of a purchase is its
 * calendar date in the summarizer's zone, and only purchases up to the end of the as-of date
 * count. The cut comes <em>before</em> grouping: a purchase after the as-of date is left out even
 * when its period (say, the calendar week) also holds the as-of date ({@code lifetimes} counts it
 * with {@code freq='W'}; this summarizer does not). Dates from 0001-01-01 to 9999-12-31 and
 * instants within {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST} are accepted.
 *
 * <p>The counted purchases are then grouped into <em>periods</em> (by default calendar days; a
 * period of 7 days groups calendar weeks Monday to Sunday, like pandas' {@code W} frequency);
 * purchases in one period count as one purchase worth their sum. Periods after the as-of period
 * are ignored (this matters only for periods shorter than a day: the as-of period is the one
 * holding the start of the as-of date), and so are customers whose first purchase falls in the
 * as-of period itself (their T would be 0, which no model accepts; {@code lifetimes} keeps them
 * with T = 0). Times (recency, T) are then the number of periods between first purchase, last
 * purchase and the as-of period, times the period length, expressed in the <em>unit</em>:
 * summarising by day in units of 7 days gives T = days / 7, the convention of the CDNOW data and
 * of {@code lifetimes}' {@code freq='D', freq_multiplier=7}.
 *
 * <p>The monetary value is the mean spend of the repeat periods, their amounts summed in input
 * order. A sum that would exceed the largest double goes on scaled by 2<sup>−32</sup> (exact for
 * a power of two), so that the mean of amounts near 1.7e308 is still the right finite double; it
 * is refused only when the mean itself exceeds the largest double. Ordinary sums never take that
 * path and keep every bit.
 *
 * <p>Entry points: {@link #summarize(Iterable)} over {@link Purchase} values,
 * {@link #summarize(PurchaseLog)} over a purchase log, and {@link #summarizeEpochDays} /
 * {@link #summarizeEpochSeconds} over primitive columns for large logs (tens of millions of
 * rows), which allocate no object per purchase: a counting sort by customer, then one pass per
 * customer.
 *
 * <pre>{@code
 * CustomerSummarizer weekly = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30)).inUnitsOf(Duration.ofDays(7));
 * List<CustomerSummary> rows = weekly.summarize(purchases);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CustomerSummarizer {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Periods are counted from Monday 1970-01-05, so that 7-day periods are Monday-to-Sunday weeks. */
    private static final long ANCHOR_EPOCH_DAY = 4;

    private final LocalDate asOf;
    private final ZoneId zone;
    private final long periodSeconds;
    private final Duration unit;
    private final double unitSeconds;

    /** Whether the columnar summaries carry the sum of log inter-purchase times. */
    private final boolean logInterPurchaseTimes;

    private CustomerSummarizer(LocalDate asOf, ZoneId zone, long periodSeconds, Duration unit) {
        this(asOf, zone, periodSeconds, unit, false);
    }

    private CustomerSummarizer(LocalDate asOf, ZoneId zone, long periodSeconds, Duration unit,
            boolean logInterPurchaseTimes) {
        this.logInterPurchaseTimes = logInterPurchaseTimes;
        this.asOf = asOf;
        this.zone = zone;
        this.periodSeconds = periodSeconds;
        this.unit = unit;
        this.unitSeconds = unit.getSeconds() + unit.getNano() / 1e9;
    }

    /**
     * A summarizer whose observation ends with the period that holds the start of {@code date}
     * (for daily or coarser periods: purchases on {@code date} count, later ones do not), grouping
     * by calendar day in UTC and measuring time in days.
     *
     * @param date the last day of observation (lifetimes' {@code observation_period_end}), from
     *     0001-01-01 to 9999-12-31
     * @return the summarizer
     * @throws IllegalArgumentException if the date is out of range
     */
    public static CustomerSummarizer asOf(LocalDate date) {
        return new CustomerSummarizer(PurchaseLog.requireInRange("asOf", date), ZoneOffset.UTC, SECONDS_PER_DAY,
                CustomerSummaries.DEFAULT_TIME_UNIT);
    }

    /**
     * The same summarizer measuring recency and T in another unit, e.g. {@code Duration.ofDays(7)}
     * for weeks.
     *
     * @param unit the time unit, positive
     * @return the derived summarizer
     * @throws IllegalArgumentException if the unit is not positive
     */
    public CustomerSummarizer inUnitsOf(Duration unit) {
        requireNonNull(unit, "unit");
        require(!unit.isNegative() && !unit.isZero(), "unit %s is invalid: it must be positive", unit);
        return new CustomerSummarizer(asOf, zone, periodSeconds, unit, logInterPurchaseTimes);
    }

    /**
     * The same summarizer grouping purchases into periods of another length (default one day):
     * purchases in one period are one purchase. Periods are aligned to local midnight of Monday
     * 1970-01-05.
     *
     * @param period the period, a positive whole number of seconds
     * @return the derived summarizer
     * @throws IllegalArgumentException if the period is not a positive whole number of seconds
     */
    public CustomerSummarizer groupingBy(Duration period) {
        requireNonNull(period, "period");
        require(!period.isNegative() && period.getSeconds() > 0 && period.getNano() == 0,
                "period %s is invalid: it must be a positive whole number of seconds", period);
        return new CustomerSummarizer(asOf, zone, period.getSeconds(), unit, logInterPurchaseTimes);
    }

    /**
     * The same summarizer reading purchase instants in another time zone (default UTC), which
     * decides the calendar day of each purchase.
     *
     * @param timeZone the zone
     * @return the derived summarizer
     */
    public CustomerSummarizer inZone(ZoneId timeZone) {
        return new CustomerSummarizer(asOf, requireNonNull(timeZone, "zone"), periodSeconds, unit,
                logInterPurchaseTimes);
    }

    /**
     * The same summarizer whose columnar summaries ({@link #summarizeEpochDays},
     * {@link #summarizeEpochSeconds}, {@link IndexedSummaries#summaries()}) also carry, per customer,
     * the regularity statistic of the Erlang-k models (see
     * {@link CustomerSummaries#withLogInterPurchaseTimes}): Σ ln(t<sub>j</sub> − t<sub>j−1</sub>) over
     * the x repeat purchases, t<sub>j</sub> being the j-th distinct purchase period (the one purchase
     * per period rule, i.e. per day by default, as {@code lifetimes} and BTYDplus' {@code elog2cbs}
     * merge same-day purchases), the differences in the summarizer's unit. 0 for x = 0.
     *
     * @return the derived summarizer
     */
    public CustomerSummarizer withLogInterPurchaseTimes() {
        return new CustomerSummarizer(asOf, zone, periodSeconds, unit, true);
    }

    /**
     * Summarises purchases, one summary per customer with a purchase up to the as-of date, in
     * order of each customer's first appearance in the input.
     *
     * @param purchases the purchase log, in any order, all in one currency
     * @return the summaries
     * @throws IllegalArgumentException if purchases mix currencies, or an instant or amount is out
     *     of the range of {@link PurchaseLog}, or a customer's mean spend exceeds the largest double
     */
    public ImmutableList<CustomerSummary> summarize(Iterable<Purchase> purchases) {
        return summarize(PurchaseLog.of(purchases, zone));
    }

    /**
     * Summarises a purchase log, one summary per customer with a purchase up to the as-of date, in
     * order of the log's customer indices (first appearance).
     *
     * @param log the purchase log, read in this summarizer's zone
     * @return the summaries
     * @throws IllegalArgumentException if the log's zone differs from the summarizer's, or an
     *     amount does not fit a {@code double}, or a customer's mean spend exceeds the largest double
     */
    public ImmutableList<CustomerSummary> summarize(PurchaseLog log) {
        IndexedSummaries columns = summarizeLog(log);
        ImmutableList.Builder<CustomerSummary> out = ImmutableList.builderWithExpectedSize(columns.size());
        CustomerSummaries s = columns.summaries();
        for (int row = 0; row < columns.size(); row++) {
            out.add(new CustomerSummary(log.customers().get(columns.customerIndex(row)), (int) s.frequency(row),
                    s.recency(row), s.age(row), s.monetaryValue(row)));
        }
        return out.build();
    }

    private IndexedSummaries summarizeLog(PurchaseLog log) {
        requireNonNull(log, "log");
        require(log.zone().equals(zone), "log zone %s differs from the summarizer's zone %s: read the log in %s or "
                + "use inZone(%s)", log.zone(), zone, zone, log.zone());
        return summarizeEpochSeconds(log.customerIndexColumn(), log.epochSecondColumn(), log.amountColumn());
    }

    /**
     * Splits purchases into a calibration period up to {@code calibrationEnd} and a holdout
     * period after it up to this summarizer's as-of date, like {@code lifetimes}'
     * {@code calibration_and_holdout_data}: the calibration summary of every customer with a
     * purchase by {@code calibrationEnd}, and what that customer did in the holdout period.
     *
     * <p>Both periods follow the as-of rule: a purchase belongs to the calibration period when it
     * falls on or before {@code calibrationEnd}, and to the holdout period when it falls after
     * {@code calibrationEnd} and on or before the as-of date, whatever the grouping period (a
     * week holding {@code calibrationEnd} is split between the two).
     *
     * @param purchases the purchase log, all in one currency
     * @param calibrationEnd the last day of the calibration period, before the as-of date
     * @return one entry per calibration customer, in order of first appearance
     * @throws IllegalArgumentException if the calibration end is not before the as-of date, or
     *     purchases mix currencies, or an instant is out of the range of {@link PurchaseLog}, or a
     *     customer's mean spend exceeds the largest double
     */
    public ImmutableList<CalibrationHoldout> splitAt(Iterable<Purchase> purchases, LocalDate calibrationEnd) {
        return splitAt(PurchaseLog.of(purchases, zone), calibrationEnd);
    }

    /**
     * Splits a purchase log into calibration and holdout periods, as
     * {@link #splitAt(Iterable, LocalDate)} does.
     *
     * @param log the purchase log, read in this summarizer's zone
     * @param calibrationEnd the last day of the calibration period, before the as-of date
     * @return one entry per calibration customer, in order of the log's customer indices
     * @throws IllegalArgumentException if the calibration end is not before the as-of date, or the
     *     log's zone differs from the summarizer's, or a customer's mean spend exceeds the largest double
     */
    public ImmutableList<CalibrationHoldout> splitAt(PurchaseLog log, LocalDate calibrationEnd) {
        requireNonNull(calibrationEnd, "calibrationEnd");
        require(calibrationEnd.isBefore(asOf), "calibration end %s must be before the end of observation %s",
                calibrationEnd, asOf);
        PurchaseLog.requireInRange("calibrationEnd", calibrationEnd);
        CustomerSummarizer calibration = new CustomerSummarizer(calibrationEnd, zone, periodSeconds, unit,
                logInterPurchaseTimes);
        IndexedSummaries cal = calibration.summarizeLog(log);
        long calEnd = calibration.endPeriod();
        long obsEnd = endPeriod();
        long calCut = calibration.lastSecond();
        long obsCut = lastSecond();
        double[] amount = log.amountColumn();
        // per holdout period: the plain sum and the sum scaled by 2^-32 (for the mean when the plain sums overflow)
        Map<Integer, Map<Long, double[]>> holdout = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            long second = log.epochSecond(i);
            long period = periodOfEpochSecond(second);
            if (second > calCut && second <= obsCut && period <= obsEnd) {
                double[] sums = holdout.computeIfAbsent(log.customerIndex(i), c -> new HashMap<>())
                        .computeIfAbsent(period, p -> new double[2]);
                sums[0] += amount[i];
                sums[1] += Math.scalb(amount[i], -SPEND_SCALE);
            }
        }
        double duration = (obsEnd - calEnd) * periodSeconds / unitSeconds;
        ImmutableList.Builder<CalibrationHoldout> out = ImmutableList.builder();
        CustomerSummaries s = cal.summaries();
        for (int row = 0; row < cal.size(); row++) {
            int c = cal.customerIndex(row);
            CustomerSummary summary = new CustomerSummary(log.customers().get(c), (int) s.frequency(row), s.recency(row),
                    s.age(row), s.monetaryValue(row));
            Map<Long, double[]> periods = holdout.getOrDefault(c, Map.of());
            double mean = periods.isEmpty() ? 0
                    : periods.values().stream().mapToDouble(sums -> sums[0]).sum() / periods.size();
            if (mean == Double.POSITIVE_INFINITY) {
                double scaled = periods.values().stream().mapToDouble(sums -> sums[1]).sum();
                mean = Math.scalb(scaled / periods.size(), SPEND_SCALE);
                require(mean != Double.POSITIVE_INFINITY, "mean holdout spend of customer %s is out of range: %s is "
                        + "beyond the largest double %s", log.customers().get(c).masked(),
                        unscaled(scaled / periods.size()), Double.MAX_VALUE);
            }
            out.add(new CalibrationHoldout(summary, periods.size(), mean, duration));
        }
        return out.build();
    }

    /**
     * Summarises a purchase log given as columns of customer index, calendar day and amount —
     * the fast path for large logs. Requires periods of whole days.
     *
     * @param customer the customer of each purchase, an index in [0, number of customers)
     * @param epochDay the local calendar day of each purchase ({@link LocalDate#toEpochDay()}),
     *     from 0001-01-01 to 9999-12-31
     * @param amount the value of each purchase, finite and &ge; 0; {@code null} when unknown
     *     (monetary values are then 0)
     * @return one row per customer with a purchase up to the as-of date, in customer-index order
     * @throws IllegalArgumentException if the columns differ in length, an index is negative or
     *     beyond 2^31 − 10, a day or an amount is invalid, the period is not a whole number of days,
     *     or a customer's mean repeat spend exceeds the largest double
     */
    public IndexedSummaries summarizeEpochDays(int[] customer, int[] epochDay, double @Nullable [] amount) {
        requireNonNull(epochDay, "epochDay");
        require(periodSeconds % SECONDS_PER_DAY == 0,
                "period of %s seconds is not a whole number of days: use summarizeEpochSeconds", periodSeconds);
        long days = periodSeconds / SECONDS_PER_DAY;
        long end = endPeriod();
        long lastDay = asOf.toEpochDay();
        long first = PurchaseLog.EARLIEST_DATE.toEpochDay();
        long last = PurchaseLog.LATEST_DATE.toEpochDay();
        return summarize(customer, epochDay.length, amount, i -> {
            int day = epochDay[i];
            if (day < first || day > last) {
                throw new IllegalArgumentException(String.format("epochDay[%s] %s is out of range: days lie from %s "
                        + "(%s) to %s (%s)", i, day, first, PurchaseLog.EARLIEST_DATE, last, PurchaseLog.LATEST_DATE));
            }
            return day > lastDay ? AFTER_AS_OF : end - Math.floorDiv(day - ANCHOR_EPOCH_DAY, days);
        });
    }

    /**
     * Summarises a purchase log given as columns of customer index, instant and amount.
     *
     * @param customer the customer of each purchase, an index in [0, number of customers)
     * @param epochSecond the instant of each purchase, in seconds since 1970-01-01T00:00Z, within
     *     {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST}
     * @param amount the value of each purchase, finite and &ge; 0; {@code null} when unknown
     * @return one row per customer with a purchase up to the as-of date, in customer-index order
     * @throws IllegalArgumentException if the columns differ in length, an index is negative or
     *     beyond 2^31 − 10, an instant or an amount is invalid, or a customer's mean repeat spend
     *     exceeds the largest double
     */
    public IndexedSummaries summarizeEpochSeconds(int[] customer, long[] epochSecond, double @Nullable [] amount) {
        requireNonNull(epochSecond, "epochSecond");
        long end = endPeriod();
        long cut = lastSecond();
        long first = PurchaseLog.EARLIEST.getEpochSecond();
        long last = PurchaseLog.LATEST.getEpochSecond();
        ZoneRules rules = zone.getRules();
        boolean fixed = rules.isFixedOffset();
        long offset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        return summarize(customer, epochSecond.length, amount, i -> {
            long second = epochSecond[i];
            if (second < first || second > last) {
                PurchaseLog.requireInRange("epochSecond[" + i + "]", second);
            }
            if (second > cut) {
                return AFTER_AS_OF;
            }
            return end - (fixed ? Math.floorDiv(second + offset - ANCHOR_EPOCH_DAY * SECONDS_PER_DAY, periodSeconds)
                    : periodOfEpochSecond(second));
        });
    }

    /** The last second that counts: that of the as-of date's last instant in the zone. */
    private long lastSecond() {
        return PurchaseLog.endOf(asOf, zone).getEpochSecond();
    }

    private long periodOfEpochSecond(long epochSecond) {
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset - ANCHOR_EPOCH_DAY * SECONDS_PER_DAY, periodSeconds);
    }

    private long endPeriod() {
        return Math.floorDiv((asOf.toEpochDay() - ANCHOR_EPOCH_DAY) * SECONDS_PER_DAY, periodSeconds);
    }

    /** The lag of a purchase that does not count: after the as-of instant. */
    private static final long AFTER_AS_OF = -1;

    /** Periods before the end of observation, per purchase: 0 for the as-of period, negative after it. */
    @FunctionalInterface
    private interface PeriodsBeforeEnd {
        long of(int purchase);
    }

    private IndexedSummaries summarize(int[] customer, int n, double @Nullable [] amount, PeriodsBeforeEnd before) {
        requireNonNull(customer, "customer");
        require(customer.length == n && (amount == null || amount.length == n),
                "columns differ in length: customer %s, time %s, amount %s", customer.length, n,
                amount == null ? "absent" : amount.length);
        int customers = 0;
        for (int i = 0; i < n; i++) {
            // checked before the message's arguments are boxed: this runs on every row
            if (customer[i] < 0 || customer[i] >= Integer.MAX_VALUE - 8) {
                require(false, "customer index %s at row %s is out of range: 0 to %s", customer[i], i,
                        Integer.MAX_VALUE - 9);
            }
            customers = Math.max(customers, customer[i] + 1);
            if (amount != null) {
                requireRow(Double.isFinite(amount[i]) && amount[i] >= 0,
                        "amount %s at row %s is invalid: it must be finite and >= 0", amount[i], i);
            }
        }
        // lag: periods from the purchase to the end of observation; first purchase = largest lag
        int[] lag = new int[n];
        int[] count = new int[customers + 1];
        int[] firstLag = new int[customers];
        for (int i = 0; i < n; i++) {
            long l = before.of(i);
            if (l > Integer.MAX_VALUE) {
                require(false, "purchase at row %s lies more than 2^31 periods before the as-of date", i);
            }
            lag[i] = l < 0 ? -1 : (int) l;
            if (l >= 0) {
                int c = customer[i];
                count[c + 1]++;
                if (lag[i] > firstLag[c]) {
                    firstLag[c] = lag[i];
                }
            }
        }
        double[] repeatAmount = new double[customers];
        // the scaled sums of the customers whose plain sum overflowed (repeatAmount then infinite), rarely needed
        double[] scaledRepeat = null;
        int[] start = count;
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int[] sorted = new int[start[customers]];
        int[] fill = Arrays.copyOf(start, customers);
        for (int i = 0; i < n; i++) {
            if (lag[i] >= 0) {
                int c = customer[i];
                sorted[fill[c]++] = lag[i];
                if (amount != null && lag[i] != firstLag[c]) {
                    double sum = repeatAmount[c] + amount[i];
                    if (sum == Double.POSITIVE_INFINITY) {
                        if (scaledRepeat == null) {
                            scaledRepeat = new double[customers];
                        }
                        scaledRepeat[c] = addScaled(repeatAmount[c], scaledRepeat[c], amount[i]);
                    }
                    repeatAmount[c] = sum;
                }
            }
        }
        return rows(customers, start, sorted, firstLag, repeatAmount, scaledRepeat);
    }

    /**
     * The power of two by which a sum of amounts is scaled once its plain sum overflows: at most
     * 2^31 amounts, each below 2^1024, stay below 2^1023 when scaled by 2^−32.
     */
    private static final int SPEND_SCALE = 32;

    /**
     * Adds an amount to a customer's repeat spend whose plain sum has just overflowed or had
     * overflowed before: the sum goes on scaled by 2^−32. Scaling by a power of two is exact in the
     * normal range and the overflowing sum is at least 2^1023, so every scaled addition rounds as
     * the plain one would with an unbounded exponent (an amount so small that its scaled value is
     * subnormal lies far below half an ulp of the sum): ordinary data never come here and keep
     * their bits, and a sum beyond the largest double still gives the right mean.
     *
     * @param plain the plain sum before this amount, infinite once it has overflowed
     * @param scaled the scaled sum, meaningful once the plain sum has overflowed
     * @param amount the amount to add, finite and &ge; 0
     * @return the scaled sum including the amount
     */
    static double addScaled(double plain, double scaled, double amount) {
        double base = plain == Double.POSITIVE_INFINITY ? scaled : Math.scalb(plain, -SPEND_SCALE);
        return base + Math.scalb(amount, -SPEND_SCALE);
    }

    /**
     * The mean repeat spend: the plain sum over the count, or, when the plain sum overflowed, the
     * scaled sum over the count scaled back (exact: the mean of amounts below 2^1024 is a normal
     * double or beyond the largest double).
     *
     * @throws IllegalArgumentException naming the customer index when the mean itself exceeds the
     *     largest double (repeat periods whose purchases together exceed it)
     */
    private static double meanRepeat(int customer, double plain, double @Nullable [] scaled, int count) {
        if (plain != Double.POSITIVE_INFINITY || scaled == null) {
            return plain / count;
        }
        double mean = Math.scalb(scaled[customer] / count, SPEND_SCALE);
        require(mean != Double.POSITIVE_INFINITY, "mean repeat spend of customer index %s is out of range: %s is "
                + "beyond the largest double %s", customer, unscaled(scaled[customer] / count), Double.MAX_VALUE);
        return mean;
    }

    /** A value scaled by 2^−32 as the decimal it stands for, to six digits (for a message). */
    private static BigDecimal unscaled(double scaled) {
        return new BigDecimal(scaled).multiply(BigDecimal.valueOf(1L << SPEND_SCALE)).round(new MathContext(6));
    }

    private IndexedSummaries rows(int customers, int[] start, int[] sorted, int[] firstLag, double[] repeatAmount,
            double @Nullable [] scaledRepeat) {
        int rows = 0;
        for (int c = 0; c < customers; c++) {
            if (start[c + 1] > start[c] && firstLag[c] > 0) {
                rows++;
            }
        }
        int[] index = new int[rows];
        double[] x = new double[rows];
        double[] tx = new double[rows];
        double[] age = new double[rows];
        double[] monetary = new double[rows];
        double[] litt = logInterPurchaseTimes ? new double[rows] : null;
        double scale = periodSeconds / unitSeconds;
        int row = 0;
        for (int c = 0; c < customers; c++) {
            int from = start[c];
            int to = start[c + 1];
            if (to == from || firstLag[c] == 0) {
                continue;
            }
            int distinct = distinct(sorted, from, to);
            int lastLag = sorted[from];
            index[row] = c;
            x[row] = distinct - 1;
            tx[row] = (firstLag[c] - lastLag) * scale;
            age[row] = firstLag[c] * scale;
            monetary[row] = distinct > 1 ? meanRepeat(c, repeatAmount[c], scaledRepeat, distinct - 1) : 0;
            if (litt != null) {
                // the slice is sorted by lag: consecutive distinct lags are consecutive purchase periods
                double sum = 0;
                for (int i = from + 1; i < to; i++) {
                    if (sorted[i] != sorted[i - 1]) {
                        sum += Math.log((sorted[i] - sorted[i - 1]) * scale);
                    }
                }
                litt[row] = sum;
            }
            row++;
        }
        CustomerSummaries summaries = CustomerSummaries.withMonetaryValue(x, tx, age, monetary).withTimeUnit(unit);
        return new IndexedSummaries(index, litt == null ? summaries : summaries.withLogInterPurchaseTimes(litt));
    }

    /** Sorts the slice ascending (smallest lag = last purchase first) and counts distinct values. */
    private static int distinct(int[] a, int from, int to) {
        boolean ascending = true;
        for (int i = from + 1; i < to && ascending; i++) {
            ascending = a[i - 1] <= a[i];
        }
        if (!ascending) {
            Arrays.sort(a, from, to);
        }
        int distinct = 1;
        for (int i = from + 1; i < to; i++) {
            if (a[i] != a[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * The summaries of a columnar purchase log: row i of {@code summaries} describes the customer
     * with index {@code customerIndex(i)}. Customers without a purchase by the as-of date have no
     * row.
     */
    public static final class IndexedSummaries {
        private final int[] customerIndex;
        private final CustomerSummaries summaries;

        IndexedSummaries(int[] customerIndex, CustomerSummaries summaries) {
            this.customerIndex = customerIndex;
            this.summaries = summaries;
        }

        /**
         * Pairs summaries computed elsewhere (a log read in one pass, for instance) with the
         * customer index of each row.
         *
         * @param customerIndex the customer index of each row, each &ge; 0 (copied)
         * @param summaries the summaries, one row per index
         * @return the indexed summaries
         * @throws IllegalArgumentException if the lengths differ or an index is negative
         */
        public static IndexedSummaries of(int[] customerIndex, CustomerSummaries summaries) {
            requireNonNull(customerIndex, "customerIndex");
            requireNonNull(summaries, "summaries");
            require(customerIndex.length == summaries.size(), "customerIndex has %s rows, summaries %s",
                    customerIndex.length, summaries.size());
            for (int i = 0; i < customerIndex.length; i++) {
                require(customerIndex[i] >= 0, "customerIndex[%s] %s is negative", i, customerIndex[i]);
            }
            return new IndexedSummaries(customerIndex.clone(), summaries);
        }

        /** @return the number of rows */
        public int size() {
            return customerIndex.length;
        }

        /**
         * @param row a row index
         * @return the customer index of that row
         */
        public int customerIndex(int row) {
            return customerIndex[row];
        }

        /** @return a copy of the customer index column */
        public int[] customerIndices() {
            return customerIndex.clone();
        }

        /** @return the summaries, with monetary value (0 when amounts were not given) */
        public CustomerSummaries summaries() {
            return summaries;
        }

        /** @return the row count, never the data */
        @Override
        public String toString() {
            return "IndexedSummaries[rows=" + size() + "]";
        }
    }

    /**
     * A customer's calibration-period summary and what the customer did in the holdout period:
     * lifetimes' {@code frequency_holdout}, {@code monetary_value_holdout} and
     * {@code duration_holdout}.
     *
     * @param calibration the summary as of the calibration end
     * @param holdoutFrequency the number of periods with a purchase in the holdout period (all
     *     purchases count there, not only repeats)
     * @param holdoutMonetaryValue the mean value of those periods, 0 if none
     * @param holdoutDuration the length of the holdout period in the summarizer's unit
     */
    public record CalibrationHoldout(CustomerSummary calibration, int holdoutFrequency, double holdoutMonetaryValue,
            double holdoutDuration) {

        /**
         * Validates the entry.
         *
         * @param calibration the calibration summary
         * @param holdoutFrequency holdout purchase periods, &ge; 0
         * @param holdoutMonetaryValue mean holdout value, finite, &ge; 0
         * @param holdoutDuration holdout length, &gt; 0
         * @throws IllegalArgumentException if a number is out of range
         */
        public CalibrationHoldout {
            requireNonNull(calibration, "calibration");
            require(holdoutFrequency >= 0 && Double.isFinite(holdoutMonetaryValue) && holdoutMonetaryValue >= 0
                    && Double.isFinite(holdoutDuration) && holdoutDuration > 0,
                    "holdout of customer %s is invalid: frequency %s, duration %s", calibration.customer().masked(),
                    holdoutFrequency, holdoutDuration);
        }
    }

    /** @return the settings, e.g. {@code CustomerSummarizer[asOf=1997-09-30, period=86400s, unit=604800.0s, zone=Z]} */
    @Override
    public String toString() {
        return "CustomerSummarizer[asOf=" + asOf + ", period=" + periodSeconds + "s, unit=" + unitSeconds + "s, zone="
                + zone + "]";
    }
}
