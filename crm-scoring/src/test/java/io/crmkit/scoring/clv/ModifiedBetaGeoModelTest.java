package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.ModelAssertions.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * MBG/NBD against the {@code lifetimes} 0.11.3 library on the CDNOW sample (weeks):
 * parameters to 1e-4 relative, log-likelihood to 0.01.
 */
class ModifiedBetaGeoModelTest {

    private static final ModifiedBetaGeoModel FITTED = ModifiedBetaGeoModel.fit(Datasets.cdnow());

    @Test
    void fitOnCdnowReproducesLifetimes() {
        // lifetimes 0.11.3 ModifiedBetaGeoFitter: r 0.52484, alpha 6.18299, a 0.89136, b 1.61400, LL -9582.133
        assertRelative(0.52484, FITTED.r(), 1e-4);
        assertRelative(6.18299, FITTED.alpha(), 1e-4);
        assertRelative(0.89136, FITTED.a(), 1e-4);
        assertRelative(1.61400, FITTED.b(), 1e-4);
        assertEquals(-9582.133, FITTED.diagnostics().logLikelihood(), 0.01);
    }

    @Test
    void oneTimeBuyersMayAlreadyBeGone() {
        double young = FITTED.probabilityAlive(0, 0, 1);
        double old = FITTED.probabilityAlive(0, 0, 38.86);
        assertTrue(old < young && young < 1, young + " then " + old);
    }

    @Test
    void expectationsAgreeWithTheDistributionOfPurchaseCounts() {
        ModelAssertions.assertPurchaseCountsSumToOneWithTheExpectedMean(FITTED);
    }

    @Test
    void aNewCustomerIsTheConditionalCaseWithNoHistoryAtAgeZero() {
        // E[X(t)] equals E[Y(t) | x = 0, t_x = 0, T -> 0]: no history to learn from
        double tiny = 1e-9;
        assertEquals(FITTED.expectedPurchases(39), FITTED.conditionalExpectedPurchases(39, 0, 0, tiny), 1e-6);
    }

    @Test
    void bulkPredictionsEqualTheSingleCustomerOnes() {
        CustomerSummaries data = Datasets.cdnow();
        double[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] t = data.ages();
        ModelAssertions.assertBulkEqualsSingle(FITTED, 52, x, tx, t, 1e-12);
    }
}
