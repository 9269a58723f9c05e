package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The purchase models do not read spend: a summary with a monetary_value column fits to the same
 * bits as the same summary without it, whatever the spend — its rows are compressed on the purchase
 * history alone (CDNOW sample, Fader, Hardie &amp; Lee 2005: 2,357 customers, 1,411 distinct histories).
 */
class SpendFreeCompressionTest {

    private static CustomerSummaries withSpend(CustomerSummaries data, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[data.size()];
        double[] tx = new double[data.size()];
        double[] age = new double[data.size()];
        double[] spend = new double[data.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.frequency(i);
            tx[i] = data.recency(i);
            age[i] = data.age(i);
            spend[i] = x[i] == 0 ? 0 : random.nextInt(1, 100_000) / 100.0;
        }
        return CustomerSummaries.withMonetaryValue(x, tx, age, spend);
    }

    private static void assertSameFit(Function<CustomerSummaries, ClvModel> fit, CustomerSummaries plain, long seed) {
        ClvModel without = fit.apply(plain);
        ClvModel with = fit.apply(withSpend(plain, seed));
        assertEquals(without.parameters(), with.parameters());
        assertEquals(without.diagnostics().logLikelihood(), with.diagnostics().logLikelihood());
        assertEquals(without.diagnostics().customers(), with.diagnostics().customers());
    }

    @Property(tries = 10)
    void bgnbdFitsTheSameWithAnySpend(@ForAll long seed) {
        assertSameFit(BetaGeoModel::fit, Datasets.cdnow(), seed);
    }

    @Test
    void everyPurchaseModelFitsTheSameWithSpend() {
        CustomerSummaries cdnow = Datasets.cdnow();
        assertSameFit(ModifiedBetaGeoModel::fit, cdnow, 1);
        assertSameFit(ParetoNbdModel::fit, cdnow, 2);
        assertSameFit(GammaGompertzNbdModel::fit, cdnow, 3);
    }

    @Test
    void spendNoLongerSplitsHistories() {
        CustomerSummaries spent = withSpend(Datasets.cdnow(), 4);
        assertEquals(Datasets.cdnow().compressed().size(), spent.purchaseHistories().size());
        assertTrue(spent.compressed().size() > spent.purchaseHistories().size());
        assertEquals(2357.0, spent.purchaseHistories().totalWeight());
    }
}
