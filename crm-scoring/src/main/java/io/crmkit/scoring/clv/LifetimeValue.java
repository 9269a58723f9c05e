package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Customer lifetime value from a {@link TransactionModel} (how many purchases) and a
 * {@link GammaGammaModel} (how much each is worth), discounted month by month — the convention of
 * the {@code lifetimes} library's {@code customer_lifetime_value} (reference behaviour):
 * <pre>
 *   CLV = Σ_{i=1..months} s · (E[Y(i·f) | x, t_x, T] − E[Y((i−1)·f) | x, t_x, T]) / (1 + d)^i
 * </pre>
 * where s is the Gamma-Gamma conditional expected average spend of the customer, d the monthly
 * discount rate, and f the number of the data's time units in a month. {@code lifetimes} takes f
 * from its {@code freq} argument: 30 for days (its default, {@value #DAYS_PER_MONTH}),
 * {@value #WEEKS_PER_MONTH} for weeks, 720 for hours, 1 for months. The purchases of month i
 * are discounted by a full month i, as if they all fell at its end. Note that {@code lifetimes}
 * applies f = 30 even to data in weeks unless told otherwise; here f is always explicit, default
 * {@value #DAYS_PER_MONTH}.
 *
 * <p>Immutable and thread-safe; the settings return new values.
 *
 * <pre>{@code
 * LifetimeValue clv = LifetimeValue.of(bgnbd, gammaGamma).withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
 * double value = clv.value(2, 30.43, 38.86, 22.35);   // 12 months at 1% a month
 * }</pre>
 */
public final class LifetimeValue {

    /** Days in a month, as in {@code lifetimes} ({@code freq='D'}). */
    public static final double DAYS_PER_MONTH = 30;
    /** Weeks in a month, as in {@code lifetimes} ({@code freq='W'}). */
    public static final double WEEKS_PER_MONTH = 4.345;
    /**
     * The longest horizon, {@value} months (a century): the monthly sum evaluates the purchase
     * model once a month and customer, so its work grows with the horizon, and a value further
     * out than a century is no planning figure. For the whole future use {@link #residualValue}.
     */
    public static final int MAX_MONTHS = 1200;

    private final TransactionModel purchases;
    private final GammaGammaModel spend;
    private final int months;
    private final double discountRate;
    private final double unitsPerMonth;

    private LifetimeValue(TransactionModel purchases, GammaGammaModel spend, int months, double discountRate,
            double unitsPerMonth) {
        this.purchases = purchases;
        this.spend = spend;
        this.months = months;
        this.discountRate = discountRate;
        this.unitsPerMonth = unitsPerMonth;
    }

    /**
     * Lifetime value over 12 months at a monthly discount rate of 1% with time in days — the
     * defaults of {@code lifetimes}.
     *
     * @param purchases the fitted purchase model (BG/NBD, MBG/NBD, Pareto/NBD)
     * @param spend the fitted spend model
     * @return the calculator
     */
    public static LifetimeValue of(TransactionModel purchases, GammaGammaModel spend) {
        return new LifetimeValue(requireNonNull(purchases, "purchases"), requireNonNull(spend, "spend"), 12, 0.01,
                DAYS_PER_MONTH);
    }

    /**
     * The same calculator over another horizon.
     *
     * @param horizon the number of months, 1 to {@link #MAX_MONTHS}
     * @return the derived calculator
     * @throws IllegalArgumentException if the horizon is below 1 or above {@link #MAX_MONTHS}
     */
    public LifetimeValue overMonths(int horizon) {
        require(horizon >= 1 && horizon <= MAX_MONTHS, "horizon %s months is invalid: it must be 1 to %s",
                horizon, MAX_MONTHS);
        return new LifetimeValue(purchases, spend, horizon, discountRate, unitsPerMonth);
    }

    /**
     * The same calculator with another monthly discount rate (0.01 ≈ 12.7% a year).
     *
     * @param rate the monthly rate, finite and &gt; −1
     * @return the derived calculator
     * @throws IllegalArgumentException if the rate is not finite or not above −1
     */
    public LifetimeValue withMonthlyDiscountRate(double rate) {
        require(Double.isFinite(rate) && rate > -1, "monthly discount rate %s is invalid: it must be finite and > -1",
                rate);
        return new LifetimeValue(purchases, spend, months, rate, unitsPerMonth);
    }

    /**
     * The same calculator for data in another time unit: how many of the models' time units make
     * a month, e.g. {@link #WEEKS_PER_MONTH} when T is in weeks.
     *
     * @param units time units per month, finite and &gt; 0
     * @return the derived calculator
     * @throws IllegalArgumentException if the value is not finite and positive
     */
    public LifetimeValue withTimeUnitsPerMonth(double units) {
        require(Double.isFinite(units) && units > 0, "time units per month %s is invalid: it must be finite and > 0",
                units);
        return new LifetimeValue(purchases, spend, months, discountRate, units);
    }

    /** @return the horizon in months */
    public int months() {
        return months;
    }

    /** @return the monthly discount rate */
    public double monthlyDiscountRate() {
        return discountRate;
    }

    /** @return the models' time units per month */
    public double timeUnitsPerMonth() {
        return unitsPerMonth;
    }

    /**
     * The discounted lifetime value of one customer over the horizon, in the currency of the
     * spend.
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param meanSpend z̄, the mean value of the repeat purchases (0 when x = 0)
     * @return the lifetime value, &ge; 0
     * @throws IllegalArgumentException if the customer is not a valid summary, the expected
     *     spend is undefined (see {@link GammaGammaModel#conditionalExpectedAverageSpend(double, double)})
     *     or the value is beyond the range of a double
     */
    public double value(double x, double tx, double age, double meanSpend) {
        double s = spend.conditionalExpectedAverageSpend(x, meanSpend);
        double previous = 0;
        double total = 0;
        double discount = 1;
        for (int i = 1; i <= months; i++) {
            double cumulative = purchases.conditionalExpectedPurchases(i * unitsPerMonth, x, tx, age);
            discount /= 1 + discountRate;
            total += s * (cumulative - previous) * discount;
            previous = cumulative;
        }
        checkRange(total, x, meanSpend, -1);
        return total;
    }

    /**
     * The residual lifetime value under continuous discounting, as Fader, Hardie &amp; Lee (2005),
     * "RFM and CLV: using iso-value curves for customer base analysis", <i>Journal of Marketing
     * Research</i> 42(4), define it: DERT × the expected spend per purchase, with DERT the
     * {@linkplain TransactionModel#discountedExpectedResidualPurchases discounted expected residual
     * transactions} over the whole future. An alternative to the monthly sum of {@link #value},
     * which stops at the horizon and discounts each month's purchases as if they fell at its end;
     * the horizon and monthly rate of this calculator are not used here.
     *
     * @param delta the continuous discount rate per unit of the data's time, &gt; 0 (15 % a year
     *     compounded annually is ln(1.15)/52 = 0.0027 a week)
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param meanSpend z̄, the mean value of the repeat purchases (0 when x = 0)
     * @return DERT × E[Z | z̄, x], &ge; 0, in the currency of the spend
     * @throws IllegalArgumentException if δ or the customer is invalid, the expected spend is
     *     undefined, or the value is beyond the range of a double
     */
    public double residualValue(double delta, double x, double tx, double age, double meanSpend) {
        double s = spend.conditionalExpectedAverageSpend(x, meanSpend);
        double total = s * purchases.discountedExpectedResidualPurchases(delta, x, tx, age);
        checkRange(total, x, meanSpend, -1);
        return total;
    }

    /** Refuses a lifetime value beyond the double range (absurd spend times many purchases). */
    private static void checkRange(double value, double x, double meanSpend, int row) {
        require(Double.isFinite(value), "lifetime value of frequency %s with mean spend %s%s is beyond the range of"
                + " a double", x, meanSpend, row < 0 ? "" : " at row " + row);
    }

    /**
     * Bulk {@link #value}: {@code out[i]} receives row i's lifetime value. Allocates two work
     * columns per call, nothing per row.
     *
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param meanSpend z̄ per customer
     * @param out receives the lifetime values
     * @throws IllegalArgumentException if the columns differ in length, a row is invalid or its
     *     value is beyond the range of a double
     */
    public void values(double[] x, double[] tx, double[] age, double[] meanSpend, double[] out) {
        Columns.check(x, tx, age, out);
        requireNonNull(meanSpend, "meanSpend");
        require(meanSpend.length == x.length, "columns differ in length: x %s, monetary value %s", x.length,
                meanSpend.length);
        int n = x.length;
        double[] s = new double[n];
        spend.conditionalExpectedAverageSpend(x, meanSpend, s);
        accumulate(x, tx, age, meanSpend, s, out, new double[n]);
    }

    /**
     * The monthly sum of {@link #values} from the expected spend {@code s}; {@code horizon}
     * receives the expected purchases over the whole horizon, the last month's cumulative
     * expectation (the horizon months × units per month is the same double either way).
     */
    private void accumulate(double[] x, double[] tx, double[] age, double[] meanSpend, double[] s, double[] out,
            double[] horizon) {
        int n = x.length;
        double[] horizons = new double[months];
        double[] discounts = new double[months];
        double discount = 1;
        for (int month = 1; month <= months; month++) {
            horizons[month - 1] = month * unitsPerMonth;
            discount /= 1 + discountRate;
            discounts[month - 1] = discount;
        }
        if (purchases instanceof BetaGeoFamily family) {
            // every month of a customer at once: the same doubles, without the repeated work
            family.monthlyValues(horizons, discounts, x, tx, age, s, out, horizon);
        } else {
            double[] previous = horizon;
            Arrays.fill(previous, 0.0);
            double[] cumulative = new double[n];
            Arrays.fill(out, 0, n, 0.0);
            for (int m = 0; m < months; m++) {
                purchases.conditionalExpectedPurchases(horizons[m], x, tx, age, cumulative);
                for (int i = 0; i < n; i++) {
                    out[i] += s[i] * (cumulative[i] - previous[i]) * discounts[m];
                }
                double[] swap = previous;
                previous = cumulative;
                cumulative = swap;
            }
            if (previous != horizon) {
                System.arraycopy(previous, 0, horizon, 0, n);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[i])) {
                checkRange(out[i], x[i], meanSpend[i], i);
            }
        }
    }

    /**
     * The lifetime value of every customer of a table with the figures it is made of: expected
     * purchases over the whole horizon (months × time units per month), P(alive), the expected
     * spend per purchase (customers without repeat purchases get the population mean, as in the
     * Gamma-Gamma model) and the discounted value of {@link #values}.
     *
     * @param data the customers, with monetary value, in the models' time unit
     * @return the table, row for row
     * @throws IllegalArgumentException if the summaries carry no monetary value, are empty, a row
     *     is invalid or a value is beyond the range of a double
     */
    public LifetimeValueTable table(CustomerSummaries data) {
        requireNonNull(data, "data");
        require(data.hasMonetaryValue(), "lifetime value needs a monetary_value column");
        require(data.size() > 0, "lifetime value needs at least one customer");
        double[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] age = data.ages();
        double[] m = data.monetaryValues();
        int n = x.length;
        double[] expected = new double[n];
        double[] alive = new double[n];
        double[] s = new double[n];
        double[] clv = new double[n];
        purchases.probabilityAlive(x, tx, age, alive);
        spend.conditionalExpectedAverageSpend(x, m, s);
        // the expected purchases over the horizon are the last month's of the monthly sum
        accumulate(x, tx, age, m, s, clv, expected);
        return new LifetimeValueTable(expected, alive, s, clv);
    }

    /** @return the models and settings */
    @Override
    public String toString() {
        return "LifetimeValue[" + purchases.name() + " + " + spend.name() + ", months=" + months + ", discount="
                + discountRate + ", unitsPerMonth=" + unitsPerMonth + "]";
    }
}
