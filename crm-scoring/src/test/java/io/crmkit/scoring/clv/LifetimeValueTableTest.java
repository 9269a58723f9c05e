package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LifetimeValueTableTest {

    private static final double[][] CDNOW = Datasets.cdnowWithSpend();
    private static final CustomerSummaries DATA =
            CustomerSummaries.withMonetaryValue(CDNOW[1], CDNOW[2], CDNOW[3], CDNOW[4]);
    private static final BetaGeoModel PURCHASES = BetaGeoModel.fit(DATA);
    private static final GammaGammaModel SPEND = GammaGammaModel.fit(DATA);
    private static final LifetimeValueTable TABLE = LifetimeValue.of(PURCHASES, SPEND)
            .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH).table(DATA);

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

    /** FHL 2005 ("Counting your customers" the easy way), eq. 10, written out from the paper. */
    private static double expected(double t, double x, double tx, double age) {
        double r = PURCHASES.parameters().get("r");
        double alpha = PURCHASES.parameters().get("alpha");
        double a = PURCHASES.parameters().get("a");
        double b = PURCHASES.parameters().get("b");
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                * hypergeometric(r + x, b + x, a + b + x - 1, t / (alpha + age + t)));
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 0);
        return numerator / denominator;
    }

    /** FHL 2005 "RFM and CLV", eq. 5. */
    private static double spend(double x, double mean) {
        double p = SPEND.parameters().get("p");
        double q = SPEND.parameters().get("q");
        double v = SPEND.parameters().get("v");
        return p * (v + x * mean) / (p * x + q - 1);
    }

    /** lifetimes' customer_lifetime_value: 12 monthly steps of 4.345 weeks, each discounted by 1% a month. */
    private static double value(int row) {
        double x = CDNOW[1][row];
        double sum = 0;
        for (int month = 1; month <= 12; month++) {
            double added = expected(month * 4.345, x, CDNOW[2][row], CDNOW[3][row])
                    - expected((month - 1) * 4.345, x, CDNOW[2][row], CDNOW[3][row]);
            sum += spend(x, CDNOW[4][row]) * added / Math.pow(1.01, month);
        }
        return sum;
    }

    @Test
    void everyRowMatchesTheFormulasOfThePapersComputedApart() {
        for (int row = 0; row < DATA.size(); row++) {
            double x = CDNOW[1][row];
            assertEquals(value(row), TABLE.value(row), 1e-9 * (1 + value(row)), "row " + row);
            assertEquals(expected(52.14, x, CDNOW[2][row], CDNOW[3][row]), TABLE.expectedPurchases(row), 1e-9);
            assertEquals(spend(x, CDNOW[4][row]), TABLE.expectedSpend(row), 1e-9 * TABLE.expectedSpend(row));
        }
    }

    @Test
    void cdnowTotalTopFiveAndTopDecileArePinned() {
        double total = IntStream.range(0, DATA.size()).mapToDouble(LifetimeValueTableTest::value).sum();
        Integer[] order = IntStream.range(0, DATA.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -value(i))).toArray(Integer[]::new);
        // the formulas above with the fitted parameters (r 0.2426, alpha 4.414, a 0.7929, b 2.426;
        // p 6.249, q 3.745, v 15.44 as in lifetimes' documentation): customers 509, 1081, 1516, 1560, 1981
        assertEquals(71_509.898, total, 0.001);
        double[] topFive = {1174.794228, 1002.757809, 972.125505, 812.159166, 793.439692};
        double[] ids = {509, 1081, 1516, 1560, 1981};
        for (int i = 0; i < 5; i++) {
            assertEquals(ids[i], CDNOW[0][order[i]]);
            assertEquals(topFive[i], value(order[i]), 1e-6);
            assertEquals(topFive[i], TABLE.value(order[i]), 1e-6);
        }
        double top = 0;
        for (int i = 0; i < (DATA.size() + 9) / 10; i++) {
            top += value(order[i]);
        }
        assertEquals(0.567568, top / total, 1e-6);
        assertEquals(total, TABLE.total(), 1e-9 * total);
        assertEquals(top / total, TABLE.topDecileShare(), 1e-12);
    }

    @Test
    void customersWithoutRepeatPurchasesGetThePopulationMeanSpend() {
        int row = IntStream.range(0, DATA.size()).filter(i -> CDNOW[1][i] == 0).findFirst().orElseThrow();
        assertEquals(SPEND.meanSpend().orElseThrow(), TABLE.expectedSpend(row), 1e-9);
    }

    @Test
    void summariesWithoutSpendAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LifetimeValue.of(PURCHASES,
                SPEND).table(CustomerSummaries.of(CDNOW[1], CDNOW[2], CDNOW[3])));
        assertEquals("lifetime value needs a monetary_value column", e.getMessage());
    }
}
