package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a purchase log into {@link CustomerSummary customer summaries} (frequency, recency, T,
 * monetary value) as of a date, with the definitions of the {@code lifetimes} library's
 * {@code summary_data_from_transaction_data} and {@code calibration_and_holdout_data}.
 *
 * <p>Purchases are first grouped into <em>periods</em> (by default calendar days in the chosen
 * zone; a period of 7 days groups calendar weeks Monday to Sunday, like pandas' {@code W}
 * frequency); purchases in one period count as one purchase worth their sum. Purchases in
 * periods after the as-of period are ignored, and so are customers whose first purchase comes
 * later, and customers whose first purchase falls in the as-of period itself (their T would be
 * 0, which no model accepts; {@code lifetimes} keeps them with T = 0). Times (recency, T) are then the number of periods between first purchase, last purchase
 * and the as-of period, times the period length, expressed in the <em>unit</em>: summarising by
 * day in units of 7 days gives T = days / 7, the convention of the CDNOW data and of
 * {@code lifetimes}' {@code freq='D', freq_multiplier=7}.
 *
 * <p>Two entry points: {@link #summarize(Iterable)} over {@link Purchase} values, and
 * {@link #summarizeEpochDays} / {@link #summarizeEpochSeconds} over primitive columns for large
 * logs (tens of millions of rows), which allocate no object per purchase: a counting sort by
 * customer, then one pass per customer.
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
    private final double unitSeconds;

    private CustomerSummarizer(LocalDate asOf, ZoneId zone, long periodSeconds, double unitSeconds) {
        this.asOf = asOf;
        this.zone = zone;
        this.periodSeconds = periodSeconds;
        this.unitSeconds = unitSeconds;
    }

    /**
     * A summarizer whose observation ends with the period that holds the start of {@code date}
     * (for daily or coarser periods: purchases on {@code date} count, later ones do not), grouping
     * by calendar day in UTC and measuring time in days.
     *
     * @param date the last day of observation (lifetimes' {@code observation_period_end})
     * @return the summarizer
     */
    public static CustomerSummarizer asOf(LocalDate date) {
        return new CustomerSummarizer(requireNonNull(date, "asOf"), ZoneOffset.UTC, SECONDS_PER_DAY, SECONDS_PER_DAY);
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
        return new CustomerSummarizer(asOf, zone, periodSeconds, unit.getSeconds() + unit.getNano() / 1e9);
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
        return new CustomerSummarizer(asOf, zone, period.getSeconds(), unitSeconds);
    }

    /**
     * The same summarizer reading purchase instants in another time zone (default UTC), which
     * decides the calendar day of each purchase.
     *
     * @param timeZone the zone
     * @return the derived summarizer
     */
    public CustomerSummarizer inZone(ZoneId timeZone) {
        return new CustomerSummarizer(asOf, requireNonNull(timeZone, "zone"), periodSeconds, unitSeconds);
    }

    /**
     * Summarises purchases, one summary per customer with a purchase up to the as-of date, in
     * order of each customer's first appearance in the input.
     *
     * @param purchases the purchase log, in any order, all in one currency
     * @return the summaries
     * @throws IllegalArgumentException if purchases mix currencies
     */
    public ImmutableList<CustomerSummary> summarize(Iterable<Purchase> purchases) {
        Log log = Log.of(purchases);
        IndexedSummaries columns = summarizeEpochSeconds(log.customer, log.epochSecond, log.amount);
        ImmutableList.Builder<CustomerSummary> out = ImmutableList.builderWithExpectedSize(columns.size());
        CustomerSummaries s = columns.summaries();
        for (int row = 0; row < columns.size(); row++) {
            out.add(new CustomerSummary(log.ids.get(columns.customerIndex(row)), (int) s.frequency(row),
                    s.recency(row), s.age(row), s.monetaryValue(row)));
        }
        return out.build();
    }

    /**
     * Splits purchases into a calibration period up to {@code calibrationEnd} and a holdout
     * period after it up to this summarizer's as-of date, like {@code lifetimes}'
     * {@code calibration_and_holdout_data}: the calibration summary of every customer with a
     * purchase by {@code calibrationEnd}, and what that customer did in the holdout period.
     *
     * @param purchases the purchase log, all in one currency
     * @param calibrationEnd the last day of the calibration period, before the as-of date
     * @return one entry per calibration customer, in order of first appearance
     * @throws IllegalArgumentException if the calibration end is not before the as-of date, or
     *     purchases mix currencies
     */
    public ImmutableList<CalibrationHoldout> splitAt(Iterable<Purchase> purchases, LocalDate calibrationEnd) {
        requireNonNull(calibrationEnd, "calibrationEnd");
        require(calibrationEnd.isBefore(asOf), "calibration end %s must be before the end of observation %s",
                calibrationEnd, asOf);
        Log log = Log.of(purchases);
        CustomerSummarizer calibration = new CustomerSummarizer(calibrationEnd, zone, periodSeconds, unitSeconds);
        IndexedSummaries cal = calibration.summarizeEpochSeconds(log.customer, log.epochSecond, log.amount);
        long calEnd = calibration.endPeriod();
        long obsEnd = endPeriod();
        Map<Integer, Map<Long, Double>> holdout = new HashMap<>();
        for (int i = 0; i < log.customer.length; i++) {
            long period = periodOfEpochSecond(log.epochSecond[i]);
            if (period > calEnd && period <= obsEnd) {
                holdout.computeIfAbsent(log.customer[i], c -> new HashMap<>())
                        .merge(period, log.amount[i], Double::sum);
            }
        }
        double duration = (obsEnd - calEnd) * periodSeconds / unitSeconds;
        ImmutableList.Builder<CalibrationHoldout> out = ImmutableList.builder();
        CustomerSummaries s = cal.summaries();
        for (int row = 0; row < cal.size(); row++) {
            int c = cal.customerIndex(row);
            CustomerSummary summary = new CustomerSummary(log.ids.get(c), (int) s.frequency(row), s.recency(row),
                    s.age(row), s.monetaryValue(row));
            Map<Long, Double> periods = holdout.getOrDefault(c, Map.of());
            double mean = periods.isEmpty() ? 0
                    : periods.values().stream().mapToDouble(Double::doubleValue).sum() / periods.size();
            out.add(new CalibrationHoldout(summary, periods.size(), mean, duration));
        }
        return out.build();
    }

    /**
     * Summarises a purchase log given as columns of customer index, calendar day and amount —
     * the fast path for large logs. Requires periods of whole days.
     *
     * @param customer the customer of each purchase, an index in [0, number of customers)
     * @param epochDay the local calendar day of each purchase ({@link LocalDate#toEpochDay()})
     * @param amount the value of each purchase, finite and &ge; 0; {@code null} when unknown
     *     (monetary values are then 0)
     * @return one row per customer with a purchase up to the as-of date, in customer-index order
     * @throws IllegalArgumentException if the columns differ in length, an index is negative, an
     *     amount is invalid, or the period is not a whole number of days
     */
    public IndexedSummaries summarizeEpochDays(int[] customer, int[] epochDay, double[] amount) {
        requireNonNull(epochDay, "epochDay");
        require(periodSeconds % SECONDS_PER_DAY == 0,
                "period of %s seconds is not a whole number of days: use summarizeEpochSeconds", periodSeconds);
        long days = periodSeconds / SECONDS_PER_DAY;
        long end = endPeriod();
        return summarize(customer, epochDay.length, amount, i -> end - Math.floorDiv(epochDay[i] - ANCHOR_EPOCH_DAY, days));
    }

    /**
     * Summarises a purchase log given as columns of customer index, instant and amount.
     *
     * @param customer the customer of each purchase, an index in [0, number of customers)
     * @param epochSecond the instant of each purchase, in seconds since 1970-01-01T00:00Z
     * @param amount the value of each purchase, finite and &ge; 0; {@code null} when unknown
     * @return one row per customer with a purchase up to the as-of date, in customer-index order
     * @throws IllegalArgumentException if the columns differ in length, an index is negative or an
     *     amount is invalid
     */
    public IndexedSummaries summarizeEpochSeconds(int[] customer, long[] epochSecond, double[] amount) {
        requireNonNull(epochSecond, "epochSecond");
        long end = endPeriod();
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            long offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            return summarize(customer, epochSecond.length, amount,
                    i -> end - Math.floorDiv(epochSecond[i] + offset - ANCHOR_EPOCH_DAY * SECONDS_PER_DAY, periodSeconds));
        }
        return summarize(customer, epochSecond.length, amount, i -> end - periodOfEpochSecond(epochSecond[i]));
    }

    private long periodOfEpochSecond(long epochSecond) {
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset - ANCHOR_EPOCH_DAY * SECONDS_PER_DAY, periodSeconds);
    }

    private long endPeriod() {
        return Math.floorDiv((asOf.toEpochDay() - ANCHOR_EPOCH_DAY) * SECONDS_PER_DAY, periodSeconds);
    }

    /** Periods before the end of observation, per purchase: 0 for the as-of period, negative after it. */
    @FunctionalInterface
    private interface PeriodsBeforeEnd {
        long of(int purchase);
    }

    private IndexedSummaries summarize(int[] customer, int n, double[] amount, PeriodsBeforeEnd before) {
        requireNonNull(customer, "customer");
        require(customer.length == n && (amount == null || amount.length == n),
                "columns differ in length: customer %s, time %s, amount %s", customer.length, n,
                amount == null ? "absent" : amount.length);
        int customers = 0;
        for (int i = 0; i < n; i++) {
            require(customer[i] >= 0, "customer index %s at row %s is negative", customer[i], i);
            customers = Math.max(customers, customer[i] + 1);
            if (amount != null) {
                require(Double.isFinite(amount[i]) && amount[i] >= 0,
                        "amount %s at row %s is invalid: it must be finite and >= 0", amount[i], i);
            }
        }
        // lag: periods from the purchase to the end of observation; first purchase = largest lag
        int[] lag = new int[n];
        int[] count = new int[customers + 1];
        int[] firstLag = new int[customers];
        for (int i = 0; i < n; i++) {
            long l = before.of(i);
            require(l <= Integer.MAX_VALUE, "purchase at row %s lies more than 2^31 periods before the as-of date", i);
            lag[i] = (int) l;
            if (l >= 0) {
                int c = customer[i];
                count[c + 1]++;
                if (lag[i] > firstLag[c]) {
                    firstLag[c] = lag[i];
                }
            }
        }
        double[] repeatAmount = new double[customers];
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
                    repeatAmount[c] += amount[i];
                }
            }
        }
        return rows(customers, start, sorted, firstLag, repeatAmount);
    }

    private IndexedSummaries rows(int customers, int[] start, int[] sorted, int[] firstLag, double[] repeatAmount) {
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
            monetary[row] = distinct > 1 ? repeatAmount[c] / (distinct - 1) : 0;
            row++;
        }
        return new IndexedSummaries(index, CustomerSummaries.withMonetaryValue(x, tx, age, monetary));
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

    /** A purchase log as columns, with the customer ids in order of first appearance. */
    private static final class Log {
        final List<CustomerId> ids = new ArrayList<>();
        int[] customer;
        long[] epochSecond;
        double[] amount;

        static Log of(Iterable<Purchase> purchases) {
            requireNonNull(purchases, "purchases");
            Log log = new Log();
            Map<CustomerId, Integer> index = new LinkedHashMap<>();
            int n = 0;
            for (Purchase ignored : purchases) {
                n++;
            }
            log.customer = new int[n];
            log.epochSecond = new long[n];
            log.amount = new double[n];
            Currency currency = null;
            int i = 0;
            for (Purchase p : purchases) {
                Integer c = index.get(p.customer());
                if (c == null) {
                    c = log.ids.size();
                    index.put(p.customer(), c);
                    log.ids.add(p.customer());
                }
                Currency cur = p.amount().currency();
                require(currency == null || currency.equals(cur),
                        "purchases mix currencies %s and %s: summarise each currency separately", currency, cur);
                currency = cur;
                log.customer[i] = c;
                log.epochSecond[i] = p.time().getEpochSecond();
                log.amount[i] = p.amount().amount().doubleValue();
                i++;
            }
            return log;
        }
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
                    "holdout of customer %s is invalid: frequency %s, duration %s", calibration.customer(),
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
