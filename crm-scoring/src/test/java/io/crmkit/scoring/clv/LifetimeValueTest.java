package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifetimeValueTest {

    private static final double[][] CDNOW = Datasets.cdnowWithSpend();
    private static final BetaGeoModel PURCHASES = BetaGeoModel.fit(CustomerSummaries.of(CDNOW[1], CDNOW[2], CDNOW[3]));
    private static final GammaGammaModel SPEND =
            GammaGammaModel.fit(CustomerSummaries.withMonetaryValue(CDNOW[1], CDNOW[2], CDNOW[3], CDNOW[4]));

    @Test
    void reproducesTheLifetimesDocumentationOnCdnow() {
        // lifetimes documentation, "Estimating customer lifetime value using the Gamma-Gamma model":
        // ggf.customer_lifetime_value(bgf, ..., time=12, discount_rate=0.01) with the default freq='D'
        // (30 time units a month) on CDNOW in weeks -> customers 1, 2, 3: 140.096218, 18.943466, 38.180575
        LifetimeValue clv = LifetimeValue.of(PURCHASES, SPEND);
        assertEquals(140.096218, clv.value(2, 30.43, 38.86, 22.35), 1e-6 * 140);
        assertEquals(18.943466, clv.value(1, 1.71, 38.86, 11.77), 1e-6 * 19);
        assertEquals(38.180575, clv.value(0, 0, 38.86, 0), 1e-6 * 38);
    }

    @Test
    void oneUndiscountedMonthIsSpendTimesExpectedPurchases() {
        LifetimeValue month = LifetimeValue.of(PURCHASES, SPEND).overMonths(1).withMonthlyDiscountRate(0)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        double expected = SPEND.conditionalExpectedAverageSpend(2, 22.35)
                * PURCHASES.conditionalExpectedPurchases(4.345, 2, 30.43, 38.86);
        assertEquals(expected, month.value(2, 30.43, 38.86, 22.35), 1e-12);
    }

    @Test
    void eachMonthIsDiscountedByAWholeMonth() {
        LifetimeValue twoMonths = LifetimeValue.of(PURCHASES, SPEND).overMonths(2).withMonthlyDiscountRate(0.1)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        double s = SPEND.conditionalExpectedAverageSpend(3, 40);
        double first = PURCHASES.conditionalExpectedPurchases(4.345, 3, 20, 30);
        double both = PURCHASES.conditionalExpectedPurchases(8.69, 3, 20, 30);
        assertEquals(s * first / 1.1 + s * (both - first) / (1.1 * 1.1), twoMonths.value(3, 20, 30, 40), 1e-9);
    }

    @Test
    void longerHorizonsAddValueAndHigherRatesRemoveIt() {
        LifetimeValue base = LifetimeValue.of(PURCHASES, SPEND).withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        double twelve = base.value(2, 30.43, 38.86, 22.35);
        assertTrue(base.overMonths(24).value(2, 30.43, 38.86, 22.35) > twelve);
        assertTrue(base.withMonthlyDiscountRate(0.05).value(2, 30.43, 38.86, 22.35) < twelve);
    }

    @Test
    void bulkValuesEqualTheSingleCustomerOnes() {
        LifetimeValue clv = LifetimeValue.of(PURCHASES, SPEND).withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        double[] out = new double[CDNOW[0].length];
        clv.values(CDNOW[1], CDNOW[2], CDNOW[3], CDNOW[4], out);
        for (int i = 0; i < out.length; i += 7) {
            assertEquals(clv.value(CDNOW[1][i], CDNOW[2][i], CDNOW[3][i], CDNOW[4][i]), out[i], 1e-9);
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        LifetimeValue clv = LifetimeValue.of(PURCHASES, SPEND);
        assertThrows(IllegalArgumentException.class, () -> clv.overMonths(0));
        // the monthly sum costs one model evaluation per month: 100000000 months took minutes, now refused
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class, () -> clv.overMonths(100_000_000));
        assertEquals("horizon 100000000 months is invalid: it must be 1 to 1200", far.getMessage());
        assertEquals(1200, clv.overMonths(LifetimeValue.MAX_MONTHS).months());
        assertThrows(IllegalArgumentException.class, () -> clv.withMonthlyDiscountRate(-1));
        assertThrows(IllegalArgumentException.class, () -> clv.withTimeUnitsPerMonth(Double.NaN));
    }
    @Test
    void aValueBeyondTheDoubleRangeIsRefusedNotReturnedAsInfinity() {
        // a mean spend of 1e307 times tens of expected purchases has no double value: say so instead of Infinity
        LifetimeValue clv = LifetimeValue.of(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426),
                GammaGammaModel.of(6.25, 3.74, 15.44)).overMonths(12).withMonthlyDiscountRate(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> clv.value(100_000, 100_000, 100_000, 1e307));
        assertTrue(e.getMessage().contains("range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> clv.values(new double[] {100_000}, new double[] {100_000},
                new double[] {100_000}, new double[] {1e307}, new double[1]));
        assertTrue(Double.isFinite(clv.value(100_000, 100_000, 100_000, 1e300)));
    }
}
