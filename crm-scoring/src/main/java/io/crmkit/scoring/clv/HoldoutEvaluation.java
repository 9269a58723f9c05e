package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * How well a purchase model fitted on a calibration period predicts the holdout period after it:
 * the check an analyst makes before trusting a model. The log is split at the calibration end
 * with {@code lifetimes}' definitions ({@code calibration_and_holdout_data}): the model is fitted
 * on the calibration summaries alone (nothing after the calibration end reaches the fit), each
 * calibration customer's holdout purchases are the distinct days with a purchase after the
 * calibration end up to the holdout end, and the prediction is
 * E[Y(h) | x, t<sub>x</sub>, T] over the holdout length h.
 *
 * <p>Reported: per-customer errors (prediction − actual: mean absolute error, root mean square
 * error, bias), the totals, the calibration table of {@code lifetimes}'
 * {@code plot_calibration_purchases_vs_holdout_purchases} (mean holdout purchases, actual and
 * predicted, by calibration frequency 0 to {@value #CALIBRATION_BINS}−1) and the weekly
 * tracking of cumulative repeat purchases of the calibration customers, actual against
 * Σ<sub>i</sub> E[X(t − t<sub>i</sub>)] with t<sub>i</sub> the customer's first purchase — Fader,
 * Hardie &amp; Lee (2005), "Counting your customers the easy way", Figure 2.
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldoutEvaluation {

    /** The calibration frequencies of the calibration table, 0 to 6, as {@code lifetimes}' default n = 7. */
    public static final int CALIBRATION_BINS = 7;

    /**
     * One row of the calibration table.
     *
     * @param frequency the calibration frequency x
     * @param customers the number of calibration customers with that frequency
     * @param actual their mean holdout purchases
     * @param predicted their mean predicted holdout purchases
     */
    public record CalibrationRow(int frequency, int customers, double actual, double predicted) {
    }

    /**
     * One week of the tracking: cumulative repeat purchases of the calibration customers up to
     * and including a day.
     *
     * @param week the week number, 1 for the week starting on the first day of the log
     * @param end the last day counted (the week's seventh day, or the holdout end)
     * @param actual the repeat purchases (distinct days after the first) up to {@code end}
     * @param expected the model's expectation of the same count
     */
    public record TrackingPoint(int week, LocalDate end, long actual, double expected) {
    }

    private final TransactionModel model;
    private final CustomerSummarizer.IndexedSummaries calibration;
    private final double holdoutLength;
    private final double[] actual;
    private final double[] predicted;
    private final ImmutableList<CalibrationRow> table;
    private final ImmutableList<TrackingPoint> tracking;

    private HoldoutEvaluation(TransactionModel model, CustomerSummarizer.IndexedSummaries calibration,
            double holdoutLength, double[] actual, double[] predicted, ImmutableList<CalibrationRow> table,
            ImmutableList<TrackingPoint> tracking) {
        this.model = model;
        this.calibration = calibration;
        this.holdoutLength = holdoutLength;
        this.actual = actual;
        this.predicted = predicted;
        this.table = table;
        this.tracking = tracking;
    }

    /**
     * Fits a continuous-time model on the calibration period of a columnar log and evaluates it
     * on the holdout period.
     *
     * @param kind a continuous-time model kind of {@link ClvModels} (BG/NBD, Pareto/NBD, MBG/NBD)
     * @param penalizer the L2 penalizer of the fit, &ge; 0
     * @param unit the time unit of recency and T, e.g. 7 days
     * @param customer the customer index of each purchase
     * @param epochDay the day of each purchase ({@link LocalDate#toEpochDay()})
     * @param calibrationEnd the last day of the calibration period
     * @param holdoutEnd the last day of the holdout period, after {@code calibrationEnd}
     * @return the evaluation
     * @throws IllegalArgumentException if the kind is not a continuous-time purchase model, the
     *     dates are out of order, no customer bought by the calibration end, or the columns are
     *     invalid (as {@link CustomerSummarizer#summarizeEpochDays})
     * @throws ConvergenceException if the fit does not converge
     */
    public static HoldoutEvaluation ofEpochDays(ClvModels.Model kind, double penalizer, Duration unit, int[] customer,
            int[] epochDay, LocalDate calibrationEnd, LocalDate holdoutEnd) {
        requireNonNull(kind, "kind");
        requireNonNull(unit, "unit");
        requireNonNull(customer, "customer");
        requireNonNull(epochDay, "epochDay");
        requireNonNull(calibrationEnd, "calibrationEnd");
        requireNonNull(holdoutEnd, "holdoutEnd");
        require(kind.input() == ClvModels.Input.CONTINUOUS_TIME,
                "model %s is not a continuous-time purchase model: evaluate bgnbd, pareto or mbgnbd", kind.name());
        require(calibrationEnd.isBefore(holdoutEnd), "calibration end %s must be before the holdout end %s",
                calibrationEnd, holdoutEnd);
        require(customer.length == epochDay.length, "columns differ in length: customer %s, epochDay %s",
                customer.length, epochDay.length);
        CustomerSummarizer.IndexedSummaries cal = CustomerSummarizer.asOf(calibrationEnd).inUnitsOf(unit)
                .summarizeEpochDays(customer, epochDay, null);
        require(cal.size() > 0, "no customer made a first purchase before the calibration end %s", calibrationEnd);
        CustomerSummaries data = cal.summaries();
        ClvModel fitted = kind.fit(data, penalizer);
        require(fitted instanceof TransactionModel, "model %s has no conditional expectations to check against the"
                + " holdout: use a TransactionModel such as bgnbd, pareto or mbgnbd", kind.name());
        TransactionModel model = (TransactionModel) fitted;
        double unitDays = unit.getSeconds() / 86_400.0;
        double length = (holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay()) / unitDays;

        int customers = 0;
        for (int c : customer) {
            customers = Math.max(customers, c + 1);
        }
        int[] row = new int[customers];
        Arrays.fill(row, -1);
        for (int r = 0; r < cal.size(); r++) {
            row[cal.customerIndex(r)] = r;
        }
        // distinct purchase days of the calibration customers, sorted per customer
        int n = cal.size();
        long[] keys = new long[epochDay.length];
        int k = 0;
        long calDay = calibrationEnd.toEpochDay();
        long endDay = holdoutEnd.toEpochDay();
        for (int i = 0; i < epochDay.length; i++) {
            int r = row[customer[i]];
            if (r >= 0 && epochDay[i] <= endDay) {
                keys[k++] = ((long) r << 32) | (epochDay[i] - Integer.MIN_VALUE & 0xffffffffL);
            }
        }
        keys = Arrays.copyOf(keys, k);
        Arrays.sort(keys);
        double[] actual = new double[n];
        int[] firstDay = new int[n];
        Arrays.fill(firstDay, Integer.MAX_VALUE);
        long[] repeatDays = new long[k];
        int repeats = 0;
        for (int i = 0; i < k; i++) {
            if (i > 0 && keys[i] == keys[i - 1]) {
                continue;
            }
            int r = (int) (keys[i] >>> 32);
            int day = (int) ((keys[i] & 0xffffffffL) + Integer.MIN_VALUE);
            if (firstDay[r] == Integer.MAX_VALUE) {
                firstDay[r] = day;
                continue;
            }
            repeatDays[repeats++] = day;
            if (day > calDay) {
                actual[r]++;
            }
        }
        double[] predicted = new double[n];
        model.conditionalExpectedPurchases(length, data.frequencies(), data.recencies(), data.ages(), predicted);

        ImmutableList.Builder<CalibrationRow> table = ImmutableList.builder();
        for (int f = 0; f < CALIBRATION_BINS; f++) {
            int count = 0;
            double sumActual = 0;
            double sumPredicted = 0;
            for (int r = 0; r < n; r++) {
                if (data.frequency(r) == f) {
                    count++;
                    sumActual += actual[r];
                    sumPredicted += predicted[r];
                }
            }
            if (count > 0) {
                table.add(new CalibrationRow(f, count, sumActual / count, sumPredicted / count));
            }
        }

        Arrays.sort(repeatDays, 0, repeats);
        int[] firsts = firstDay.clone();
        Arrays.sort(firsts);
        long origin = firsts[0];
        // customers who first bought on the same day share their expectation: one evaluation per
        // distinct first day and week, so a holdout decades long costs weeks x days, not x customers
        int[] day = new int[n];
        int[] count = new int[n];
        int days = 0;
        for (int r = 0; r < n; r++) {
            if (days > 0 && day[days - 1] == firsts[r]) {
                count[days - 1]++;
            } else {
                day[days] = firsts[r];
                count[days++] = 1;
            }
        }
        ImmutableList.Builder<TrackingPoint> tracking = ImmutableList.builder();
        int next = 0;
        for (int week = 1; ; week++) {
            long end = Math.min(origin + 7L * week - 1, endDay);
            while (next < repeats && repeatDays[next] <= end) {
                next++;
            }
            double expected = 0;
            for (int d = 0; d < days && day[d] <= end; d++) {
                expected += count[d] * model.expectedPurchases((end - day[d]) / unitDays);
            }
            tracking.add(new TrackingPoint(week, LocalDate.ofEpochDay(end), next, expected));
            if (end == endDay) {
                break;
            }
        }
        return new HoldoutEvaluation(model, cal, length, actual, predicted, table.build(), tracking.build());
    }

    /** @return the model fitted on the calibration period */
    public TransactionModel model() {
        return model;
    }

    /** @return the calibration summaries, one row per calibration customer */
    public CustomerSummarizer.IndexedSummaries calibration() {
        return calibration;
    }

    /** @return the holdout length in the time unit of the data */
    public double holdoutLength() {
        return holdoutLength;
    }

    /** @return the number of calibration customers */
    public int size() {
        return actual.length;
    }

    /**
     * @param row a calibration row
     * @return the customer's repeat purchases (distinct days) in the holdout period
     */
    public double actual(int row) {
        return actual[row];
    }

    /**
     * @param row a calibration row
     * @return the model's E[Y(h) | x, t<sub>x</sub>, T] over the holdout length h
     */
    public double predicted(int row) {
        return predicted[row];
    }

    /** @return the repeat purchases of the calibration period, Σ x */
    public double calibrationPurchases() {
        double sum = 0;
        for (double x : calibration.summaries().frequencies()) {
            sum += x;
        }
        return sum;
    }

    /** @return the holdout purchases, Σ actual */
    public double actualTotal() {
        return Arrays.stream(actual).sum();
    }

    /** @return the model's expected holdout purchases, Σ predicted */
    public double predictedTotal() {
        return Arrays.stream(predicted).sum();
    }

    /** @return the mean absolute error per customer, mean |predicted − actual| */
    public double meanAbsoluteError() {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / actual.length;
    }

    /** @return the root mean square error per customer */
    public double rootMeanSquareError() {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = predicted[i] - actual[i];
            sum += e * e;
        }
        return Math.sqrt(sum / actual.length);
    }

    /** @return the mean error per customer, mean (predicted − actual): positive when the model over-predicts */
    public double bias() {
        return (predictedTotal() - actualTotal()) / actual.length;
    }

    /** @return the calibration table, frequencies 0 to 6 that occur */
    public ImmutableList<CalibrationRow> calibrationTable() {
        return table;
    }

    /** @return the weekly tracking from the first day of the log to the holdout end */
    public ImmutableList<TrackingPoint> tracking() {
        return tracking;
    }

    /** @return the sizes and totals */
    @Override
    public String toString() {
        return "HoldoutEvaluation[" + model.name() + ", customers=" + actual.length + ", actual=" + actualTotal()
                + ", predicted=" + predictedTotal() + "]";
    }
}
