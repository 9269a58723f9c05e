package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.ModelAssertions.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma on the 946 repeat customers of the CDNOW sample: lifetimes 0.11.3 gets p 6.2488,
 * q 3.7446, v 15.4478 (Fader &amp; Hardie note 025: 6.25, 3.74, 15.44), LL −4055.92.
 * Parameters to 1e-4 relative, log-likelihood to 0.01.
 */
class GammaGammaModelTest {

    private static CustomerSummaries cdnowWithSpend() {
        double[][] c = Datasets.cdnowWithSpend();
        return CustomerSummaries.withMonetaryValue(c[1], c[2], c[3], c[4]);
    }

    private static final GammaGammaModel FITTED = GammaGammaModel.fit(cdnowWithSpend());

    @Test
    void fitOnTheRepeatCustomersOfCdnowReproducesNote025() {
        assertRelative(6.2488, FITTED.p(), 1e-4);
        assertRelative(3.7446, FITTED.q(), 1e-4);
        assertRelative(15.4478, FITTED.v(), 1e-4);
        assertEquals(-4055.92, FITTED.diagnostics().logLikelihood(), 0.01);
        assertEquals(946.0, FITTED.diagnostics().customers());
    }

    @Test
    void expectedSpendShrinksTowardsThePopulationMean() {
        double population = FITTED.meanSpend().orElseThrow();
        assertEquals(FITTED.p() * FITTED.v() / (FITTED.q() - 1), population, 1e-12);
        assertEquals(population, FITTED.conditionalExpectedAverageSpend(0, 0), 1e-9);
        double few = FITTED.conditionalExpectedAverageSpend(1, 100);
        double many = FITTED.conditionalExpectedAverageSpend(20, 100);
        assertTrue(population < few && few < many && many < 100, few + " " + many);
    }

    @Test
    void cdnowSpendIsNotWarnedAbout() {
        // FHL 2005 ("RFM and CLV") rely on the weak correlation of frequency and average spend in CDNOW
        assertTrue(FITTED.warnings().isEmpty(), FITTED.warnings().toString());
        assertTrue(Math.abs(FITTED.frequencyMonetaryCorrelation().orElseThrow()) < 0.3);
    }

    @Test
    void qAtMostOneIsWarnedAboutAndItsUndefinedMeanRefused() {
        GammaGammaModel heavyTailed = GammaGammaModel.of(2, 0.8, 10);
        assertTrue(heavyTailed.warnings().get(0).startsWith("q 0.8 <= 1"), heavyTailed.warnings().toString());
        assertTrue(heavyTailed.meanSpend().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> heavyTailed.conditionalExpectedAverageSpend(0, 0));
        assertTrue(heavyTailed.conditionalExpectedAverageSpend(1, 50) > 0);
    }

    @Test
    void correlatedFrequencyAndSpendAreWarnedAbout() {
        double[] x = new double[50];
        double[] t = new double[50];
        double[] m = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 1 + i % 10;
            t[i] = 40;
            m[i] = 5 + 3 * x[i] + (i % 7);
        }
        GammaGammaModel model = GammaGammaModel.fit(CustomerSummaries.withMonetaryValue(x, t.clone(), t, m));
        assertTrue(model.warnings().stream().anyMatch(w -> w.contains("correlated")), model.warnings().toString());
    }

    @Test
    void nonPositiveSpendOfARepeatCustomerIsRejected() {
        CustomerSummaries bad = CustomerSummaries.withMonetaryValue(new double[] {1, 2, 3, 1},
                new double[] {1, 2, 3, 1}, new double[] {5, 5, 5, 5}, new double[] {10, 0, 4, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(bad));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(Datasets.cdnow()));
    }

    @Test
    void bulkSpendEqualsTheSingleCustomerOne() {
        double[][] c = Datasets.cdnowWithSpend();
        double[] out = new double[c[1].length];
        FITTED.conditionalExpectedAverageSpend(c[1], c[4], out);
        for (int i = 0; i < out.length; i++) {
            assertEquals(FITTED.conditionalExpectedAverageSpend(c[1][i], c[4][i]), out[i], 1e-12);
        }
    }
    @Test
    void aHugeMeanSpendOfAFrequentBuyerGivesAFiniteExpectation() {
        // p(v + x m)/(px + q - 1) is a weighted mean of v/(q-1)-ish prior and m: for x = 100,000 and m = 1e305 it is
        // just below m, not the Infinity of the overflowing intermediate x * m
        GammaGammaModel model = GammaGammaModel.of(6.25, 3.74, 15.44);
        double expected = model.conditionalExpectedAverageSpend(100_000, 1e305);
        assertTrue(Double.isFinite(expected) && expected <= 1e305 && expected > 0.99 * 1e305, "" + expected);
        double[] out = new double[1];
        model.conditionalExpectedAverageSpend(new double[] {100_000}, new double[] {1e305}, out);
        assertEquals(expected, out[0]);
    }
}
