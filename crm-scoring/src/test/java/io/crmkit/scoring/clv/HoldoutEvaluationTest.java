package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HoldoutEvaluationTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    private static final int[][] LOG = cdnow();
    private static final HoldoutEvaluation CDNOW = HoldoutEvaluation.ofEpochDays(ClvModels.named("bgnbd"), 0,
            Duration.ofDays(7), LOG[0], LOG[1], CALIBRATION_END, HOLDOUT_END);

    /** CDNOW_sample.txt as columns: sample id - 1, epoch day. */
    private static int[][] cdnow() {
        List<String> lines = Datasets.lines("CDNOW_sample.txt");
        int[][] out = new int[2][lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\s+");
            out[0][i] = Integer.parseInt(f[1]) - 1;
            out[1][i] = (int) LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
        }
        return out;
    }

    /** Gauss's 2F1(a, b; c; z) by its power series, 0 &le; z &lt; 1. */
    private static double hypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return sum;
    }

    @Test
    void cdnowHoldoutCountsAreLifetimes() {
        // lifetimes calibration_and_holdout_data(CDNOW, '1997-09-30', '1998-06-30', freq='D'):
        // frequency_cal sums to 2,457 and frequency_holdout to 1,882 over the 2,357 customers
        assertEquals(2357, CDNOW.size());
        assertEquals(2457, CDNOW.calibrationPurchases());
        assertEquals(1882, CDNOW.actualTotal());
        assertEquals(273.0 / 7, CDNOW.holdoutLength(), 1e-12); // 1997-09-30 to 1998-06-30: 273 days
    }

    @Test
    void theExpectedHoldoutCountIsTheSumOfThePapersConditionalExpectation() {
        // FHL 2005, eq. 10, summed over the customers with the fitted parameters
        double r = CDNOW.model().parameters().get("r");
        double alpha = CDNOW.model().parameters().get("alpha");
        double a = CDNOW.model().parameters().get("a");
        double b = CDNOW.model().parameters().get("b");
        CustomerSummaries s = CDNOW.calibration().summaries();
        double t = 273.0 / 7;
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            double x = s.frequency(i);
            double age = s.age(i);
            double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                    * hypergeometric(r + x, b + x, a + b + x - 1, t / (alpha + age + t)));
            sum += numerator / (1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + age) / (alpha + s.recency(i)), r + x)
                    : 0));
        }
        assertEquals(sum, CDNOW.predictedTotal(), 1e-9 * sum);
        assertEquals(1653.41, sum, 0.01);
        // per customer: the mean error is the difference of the totals over the customers
        assertEquals((1653.41 - 1882) / 2357, CDNOW.bias(), 1e-5);
        assertTrue(CDNOW.rootMeanSquareError() >= CDNOW.meanAbsoluteError());
        assertTrue(CDNOW.meanAbsoluteError() >= Math.abs(CDNOW.bias()));
        // the calibration table by hand from the rows, frequency 0: 1,411 one-time buyers
        HoldoutEvaluation.CalibrationRow zero = CDNOW.calibrationTable().get(0);
        assertEquals(1411, zero.customers());
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.frequency(i) == 0) {
                actual += CDNOW.actual(i);
                predicted += CDNOW.predicted(i);
            }
        }
        assertEquals(actual / 1411, zero.actual(), 1e-12);
        assertEquals(predicted / 1411, zero.predicted(), 1e-12);
        assertEquals(7, CDNOW.calibrationTable().size());
    }

    @Test
    void trackingFollowsFaderHardieLeeFigureTwo() {
        List<HoldoutEvaluation.TrackingPoint> weeks = CDNOW.tracking();
        assertEquals(78, weeks.size());
        assertEquals(HOLDOUT_END, weeks.get(77).end());
        assertEquals(LocalDate.of(1997, 9, 30), weeks.get(38).end());
        // everything up to the calibration end is calibration, everything after it holdout
        assertEquals(2457, weeks.get(38).actual());
        assertEquals(2457 + 1882, weeks.get(77).actual());
        for (int i = 1; i < weeks.size(); i++) {
            assertTrue(weeks.get(i).actual() >= weeks.get(i - 1).actual());
            assertTrue(weeks.get(i).expected() > weeks.get(i - 1).expected());
        }
        // FHL 2005, Figure 2: the expectation runs below the actual curve while the cohort is still
        // being acquired (weeks 1-12), meets it by the calibration end and stays close in the holdout
        assertTrue(weeks.get(11).expected() < weeks.get(11).actual());
        assertEquals(1, weeks.get(38).expected() / weeks.get(38).actual(), 0.02);
        assertEquals(1, weeks.get(77).expected() / weeks.get(77).actual(), 0.05);
    }

    @Test
    void aCenturyLongHoldoutTracksEveryCustomerAtTheCostOfTheirFirstDays() {
        // a holdout to 2100 used to take 14 minutes (5 400 weeks x 2 357 customers); customers with the same
        // first day now share one evaluation, and the sum is the same as customer by customer
        LocalDate end = LocalDate.of(2100, 1, 1);
        HoldoutEvaluation far = HoldoutEvaluation.ofEpochDays(ClvModels.named("bgnbd"), 0, Duration.ofDays(7), LOG[0],
                LOG[1], CALIBRATION_END, end);
        List<HoldoutEvaluation.TrackingPoint> weeks = far.tracking();
        long origin = LocalDate.of(1997, 1, 1).toEpochDay();
        assertEquals((end.toEpochDay() - origin) / 7 + 1, weeks.size());
        assertEquals(end, weeks.get(weeks.size() - 1).end());
        int[] first = new int[2357];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < LOG[0].length; i++) {
            first[LOG[0][i]] = Math.min(first[LOG[0][i]], LOG[1][i]);
        }
        for (int w : new int[] {0, 11, 38, weeks.size() - 1}) {
            long day = weeks.get(w).end().toEpochDay();
            double expected = 0;
            for (int f : first) {
                if (f <= day) {
                    expected += far.model().expectedPurchases((day - f) / 7.0);
                }
            }
            assertEquals(expected, weeks.get(w).expected(), 1e-9 * expected);
        }
    }

    @Test
    void spendModelsAndDatesOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.ofEpochDays(ClvModels.named("bgbb"), 0,
                Duration.ofDays(7), LOG[0], LOG[1], CALIBRATION_END, HOLDOUT_END));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation
                .ofEpochDays(ClvModels.named("bgnbd"), 0, Duration.ofDays(7), LOG[0], LOG[1], HOLDOUT_END,
                        CALIBRATION_END));
        assertEquals("calibration end 1998-06-30 must be before the holdout end 1997-09-30", e.getMessage());
    }

    /**
     * The per-customer counts of the CDNOW log gathered by the most direct means (a sorted set of
     * days per customer), handed to {@link HoldoutEvaluation#ofCounts}: the evaluation is that of
     * {@link HoldoutEvaluation#ofEpochDays} to the last bit.
     */
    @Test
    void countsGatheredApartGiveTheSameEvaluationAsThePurchases() {
        int customers = 0;
        for (int c : LOG[0]) {
            customers = Math.max(customers, c + 1);
        }
        List<TreeSet<Integer>> days = new java.util.ArrayList<>();
        for (int c = 0; c < customers; c++) {
            days.add(new TreeSet<>());
        }
        int calDay = (int) CALIBRATION_END.toEpochDay();
        int endDay = (int) HOLDOUT_END.toEpochDay();
        for (int i = 0; i < LOG[0].length; i++) {
            if (LOG[1][i] <= endDay) {
                days.get(LOG[0][i]).add(LOG[1][i]);
            }
        }
        CustomerSummarizer.IndexedSummaries cal = CustomerSummarizer.asOf(CALIBRATION_END)
                .inUnitsOf(Duration.ofDays(7)).summarizeEpochDays(LOG[0], LOG[1], null);
        int n = cal.size();
        int[] firstDay = new int[n];
        int[] holdout = new int[n];
        int origin = Integer.MAX_VALUE;
        for (int r = 0; r < n; r++) {
            TreeSet<Integer> mine = days.get(cal.customerIndex(r));
            firstDay[r] = mine.first();
            holdout[r] = mine.tailSet(calDay, false).size();
            origin = Math.min(origin, firstDay[r]);
        }
        int[] repeatsByDay = new int[endDay - origin + 1];
        for (int r = 0; r < n; r++) {
            for (int d : days.get(cal.customerIndex(r)).tailSet(firstDay[r], false)) {
                repeatsByDay[d - origin]++;
            }
        }
        HoldoutEvaluation counted = HoldoutEvaluation.ofCounts(ClvModels.named("bgnbd"), 0, Duration.ofDays(7), cal,
                firstDay, holdout, repeatsByDay, CALIBRATION_END, HOLDOUT_END);
        assertEquals(CDNOW.model().parameters(), counted.model().parameters());
        assertEquals(CDNOW.calibrationTable(), counted.calibrationTable());
        assertEquals(CDNOW.tracking(), counted.tracking());
        assertEquals(CDNOW.predictedTotal(), counted.predictedTotal());
        assertEquals(1882, counted.actualTotal());
        for (int r = 0; r < n; r++) {
            assertEquals(CDNOW.actual(r), counted.actual(r));
            assertEquals(CDNOW.predicted(r), counted.predicted(r));
        }
        // a span that misses a day, a first purchase on the calibration end, columns of other lengths
        IllegalArgumentException span = assertThrows(IllegalArgumentException.class,
                () -> HoldoutEvaluation.ofCounts(ClvModels.named("bgnbd"), 0, Duration.ofDays(7), cal, firstDay,
                        holdout, java.util.Arrays.copyOf(repeatsByDay, repeatsByDay.length - 1), CALIBRATION_END,
                        HOLDOUT_END));
        assertEquals("repeatsByDay has 545 days: it must span the 546 days from 1997-01-01 to 1998-06-30",
                span.getMessage());
        int[] late = firstDay.clone();
        late[0] = calDay;
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.ofCounts(ClvModels.named("bgnbd"), 0,
                Duration.ofDays(7), cal, late, holdout, repeatsByDay, CALIBRATION_END, HOLDOUT_END));
        assertThrows(IllegalArgumentException.class, () -> HoldoutEvaluation.ofCounts(ClvModels.named("bgnbd"), 0,
                Duration.ofDays(7), cal, firstDay, new int[1], repeatsByDay, CALIBRATION_END, HOLDOUT_END));
    }
}
