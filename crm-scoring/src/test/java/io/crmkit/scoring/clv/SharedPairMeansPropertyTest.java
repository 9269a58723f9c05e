package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The bulk BG/NBD and MBG/NBD expectations sum the series of each distinct (x, T) once per call
 * and hand the same double to every customer of the pair: for random populations and customers
 * drawn from a few pairs (so most rows repeat one), each row of a bulk call must be bit for bit
 * the value a bulk call on that row alone gives; and {@link LifetimeValue#table}, which takes
 * every month of a BG/NBD customer at once, must give bit for bit the values of the month-by-month
 * sum of bulk calls it took before, and as expected purchases the bulk expectation at the horizon.
 */
class SharedPairMeansPropertyTest {

    /** Customers on few (x, T) pairs, with recencies of their own (the alive odds differ per row). */
    private static double[][] customers(long seed, int rows, int pairs) {
        Random random = new Random(seed);
        double[] px = new double[pairs];
        double[] pt = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            px[k] = random.nextInt(12);
            pt[k] = 1 + random.nextInt(546) / 7.0;
        }
        double[] x = new double[rows];
        double[] tx = new double[rows];
        double[] age = new double[rows];
        double[] m = new double[rows];
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(pairs);
            x[i] = px[k];
            age[i] = pt[k];
            tx[i] = x[i] == 0 ? 0 : age[i] * random.nextDouble();
            m[i] = x[i] == 0 ? 0 : 1 + 100 * random.nextDouble();
        }
        return new double[][] {x, tx, age, m};
    }

    @Property(tries = 300)
    void eachRowIsItsOwnEvaluation(@ForAll @DoubleRange(min = 0.05, max = 5) double r,
            @ForAll @DoubleRange(min = 0.5, max = 20) double alpha, @ForAll @DoubleRange(min = 0.05, max = 5) double a,
            @ForAll @DoubleRange(min = 0.05, max = 10) double b, @ForAll boolean modified,
            @ForAll @DoubleRange(min = 0, max = 104) double t, @ForAll @IntRange(min = 1, max = 40) int pairs,
            @ForAll long seed) {
        TransactionModel model = modified ? ModifiedBetaGeoModel.of(r, alpha, a, b) : BetaGeoModel.of(r, alpha, a, b);
        double[][] c = customers(seed, 200, pairs);
        double[] all = new double[200];
        model.conditionalExpectedPurchases(t, c[0], c[1], c[2], all);
        double[] one = new double[1];
        for (int i = 0; i < all.length; i++) {
            model.conditionalExpectedPurchases(t, new double[] {c[0][i]}, new double[] {c[1][i]},
                    new double[] {c[2][i]}, one);
            assertEquals(Double.doubleToRawLongBits(one[0]), Double.doubleToRawLongBits(all[i]), "row " + i);
        }
    }

    @Property(tries = 200)
    void theTableIsTheMonthByMonthSumOfBulkCalls(@ForAll @DoubleRange(min = 0.05, max = 5) double r,
            @ForAll @DoubleRange(min = 0.5, max = 20) double alpha, @ForAll @DoubleRange(min = 0.05, max = 5) double a,
            @ForAll @DoubleRange(min = 0.05, max = 10) double b, @ForAll boolean modified,
            @ForAll @IntRange(min = 1, max = 36) int months, @ForAll @DoubleRange(min = -0.5, max = 0.5) double rate,
            @ForAll long seed) {
        TransactionModel purchases = modified ? ModifiedBetaGeoModel.of(r, alpha, a, b) : BetaGeoModel.of(r, alpha, a, b);
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        double[][] c = customers(seed, 150, 25);
        int n = 150;
        CustomerSummaries data = CustomerSummaries.withMonetaryValue(c[0], c[1], c[2], c[3]);
        LifetimeValueTable table = LifetimeValue.of(purchases, spend).overMonths(months).withMonthlyDiscountRate(rate)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH).table(data);
        // the sum as LifetimeValue took it before the months of a customer were taken together
        double[] s = new double[n];
        spend.conditionalExpectedAverageSpend(c[0], c[3], s);
        double[] value = new double[n];
        double[] previous = new double[n];
        double discount = 1;
        for (int month = 1; month <= months; month++) {
            double[] cumulative = new double[n];
            purchases.conditionalExpectedPurchases(month * LifetimeValue.WEEKS_PER_MONTH, c[0], c[1], c[2], cumulative);
            discount /= 1 + rate;
            for (int i = 0; i < n; i++) {
                value[i] += s[i] * (cumulative[i] - previous[i]) * discount;
            }
            previous = cumulative;
        }
        double[] expected = new double[n];
        purchases.conditionalExpectedPurchases(months * LifetimeValue.WEEKS_PER_MONTH, c[0], c[1], c[2], expected);
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(table.expectedPurchases(i)),
                    "row " + i);
            assertEquals(Double.doubleToRawLongBits(value[i]), Double.doubleToRawLongBits(table.value(i)), "row " + i);
        }
    }
}
