package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.ModelAssertions.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD against Fader, Hardie &amp; Lee (2005) and the {@code lifetimes} 0.11.3 library on the
 * 2,357-customer CDNOW sample (weeks). Parameters to 1e-4 relative, log-likelihood to 0.01.
 */
class BetaGeoModelTest {

    private static final BetaGeoModel FITTED = BetaGeoModel.fit(Datasets.cdnow());
    /** The paper's rounded estimates (FHL 2005, section 4). */
    private static final BetaGeoModel PAPER = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);

    @Test
    void fitOnCdnowReproducesLifetimesAndThePaper() {
        // lifetimes 0.11.3: r 0.24259, alpha 4.41353, a 0.79289, b 2.42575, LL -9582.4256
        assertRelative(0.24259, FITTED.r(), 1e-4);
        assertRelative(4.41353, FITTED.alpha(), 1e-4);
        assertRelative(0.79289, FITTED.a(), 1e-4);
        assertRelative(2.42575, FITTED.b(), 1e-4);
        assertEquals(-9582.4256, FITTED.diagnostics().logLikelihood(), 0.01);
        assertEquals(2357.0, FITTED.diagnostics().customers());
        assertTrue(FITTED.diagnostics().fitted(), "a fit to data is fitted");
        assertTrue(FITTED.toString().contains(", logLikelihood=-9582.4"), FITTED.toString());
        assertEquals(4, FITTED.diagnostics().standardErrors().size());
    }

    @Test
    void newCustomerExpectationsMatchLifetimes() {
        // lifetimes 0.11.3 expected_number_of_purchases_up_to_time at the fitted parameters, to 1e-5
        assertEquals(1.195016, FITTED.expectedPurchases(39), 1e-5);
        assertEquals(1.857972, FITTED.expectedPurchases(78), 1e-5);
        assertEquals(0.0, FITTED.expectedPurchases(0));
    }

    @Test
    void customerWithTwoRepeatPurchasesIsExpectedToBuyOnePointTwoTwoSixTimes() {
        // FHL 2005 section 4: x = 2, t_x = 30.43, T = 38.86 -> 1.226; lifetimes 1.225910 (to 1e-5)
        assertEquals(1.225910, FITTED.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 1e-5);
    }

    @Test
    void probabilityOfNoPurchaseInThirtyNineWeeksAtThePapersParameters() {
        // FHL 2005 eq. 8 at the rounded parameters: 0.573786 (to 1e-6)
        assertEquals(0.573786, PAPER.probabilityOfPurchases(0, 39), 1e-6);
    }

    @Test
    void purchaseCountProbabilitiesSumToOneAndMatchTheMean() {
        ModelAssertions.assertPurchaseCountsSumToOneWithTheExpectedMean(PAPER);
    }

    @Test
    void oneTimeBuyersAreAliveInBgNbd() {
        assertEquals(1.0, PAPER.probabilityAlive(0, 0, 38.86));
    }

    @Test
    void aLongSilenceMakesAFrequentBuyerLikelyGone() {
        double recent = PAPER.probabilityAlive(10, 38, 38.86);
        double silent = PAPER.probabilityAlive(10, 5, 38.86);
        assertTrue(recent > 0.9, "recent " + recent);
        assertTrue(silent < 0.01, "silent " + silent);
    }

    @Test
    void bulkPredictionsEqualTheSingleCustomerOnes() {
        CustomerSummaries data = Datasets.cdnow();
        double[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] t = data.ages();
        ModelAssertions.assertBulkEqualsSingle(FITTED, 39, x, tx, t, 1e-12);
    }

    @Test
    void likelihoodOfOneCustomerSumsToTheFittedTotal() {
        CustomerSummaries data = Datasets.cdnow();
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += FITTED.logLikelihood(data.frequency(i), data.recency(i), data.age(i));
        }
        assertEquals(FITTED.diagnostics().logLikelihood(), sum, 1e-6);
    }

    @Test
    void heavyBuyersOverHundredThousandWeeksStayFinite() {
        assertTrue(Double.isFinite(PAPER.logLikelihood(100_000, 99_999, 100_000)));
        double e = PAPER.conditionalExpectedPurchases(39, 100_000, 99_999, 100_000);
        assertTrue(e > 0 && e < 100, "expected " + e);
        double p = PAPER.probabilityAlive(100_000, 50_000, 100_000);
        assertTrue(p >= 0 && p <= 1);
        assertTrue(Double.isFinite(PAPER.expectedPurchases(100_000)));
    }

    /**
     * E[X(t)] straight from the model's definition, E over p ~ Beta(a, b) of
     * (1/p)(1 − (α/(α + pt))^r), by the midpoint rule after p = u^(1/a) removes the endpoint
     * singularity of the Beta density.
     */
    private static double integrated(BetaGeoModel m, double t) {
        int steps = 400_000;
        double sum = 0;
        double lnB = SpecialFunctions.logBeta(m.a(), m.b());
        for (int i = 0; i < steps; i++) {
            double u = (i + 0.5) / steps;
            double p = Math.pow(u, 1 / m.a());
            double inner = (1 - Math.pow(m.alpha() / (m.alpha() + p * t), m.r())) / p;
            sum += inner * Math.exp((m.b() - 1) * Math.log1p(-p) - lnB) / m.a();
        }
        return sum / steps;
    }

    @Test
    void newCustomerExpectationsAgreeWithDirectIntegrationAtShortAndVeryLongHorizons() {
        // the series (t = 39), the expansion around z = 1 (t = 100,000) and the removable 0/0 at a = 1
        assertEquals(integrated(PAPER, 39), PAPER.expectedPurchases(39), 1e-6);
        assertEquals(integrated(PAPER, 100_000), PAPER.expectedPurchases(100_000), 1e-6 * 30);
        BetaGeoModel unitA = BetaGeoModel.of(0.5, 4, 1.0, 2);
        assertEquals(integrated(unitA, 10), unitA.expectedPurchases(10), 1e-6);
        assertEquals(integrated(unitA, 1000), unitA.expectedPurchases(1000), 1e-5);
    }

    @Test
    void parametersWithAPlusBEqualToOneAreNoSingularity() {
        // a + b = 1 puts a pole in 2F1(r, b; a+b-1; z) against a zero prefactor; E[X(t)] is smooth in b
        for (double t : new double[] {1, 39, 1000, 100_000}) {
            double below = BetaGeoModel.of(0.5, 4, 0.3, 0.6999).expectedPurchases(t);
            double at = BetaGeoModel.of(0.5, 4, 0.3, 0.7).expectedPurchases(t);
            double above = BetaGeoModel.of(0.5, 4, 0.3, 0.7001).expectedPurchases(t);
            assertTrue(below < at && at < above, below + " " + at + " " + above);
            assertEquals(0.5 * (below + above), at, 1e-6 * at);
        }
    }

    @Test
    void aPlusBEqualToOneWithAOneHalfStaysFiniteAtEveryHorizon() {
        // a = b = 1/2 (also alpha = r = 1/2): the 0/0 at a + b = 1 meets an integer r + 1 - a in the expansion
        // near z = 1; E[X(t)] must still be finite, agree with direct integration over p (0.5% relative: the
        // midpoint rule converges slowly against Beta(1/2, 1/2)'s (1-p)^(-1/2)) and rise with t, also for a
        // one-time buyer's conditional expectation and in bulk
        BetaGeoModel half = BetaGeoModel.of(0.5, 0.5, 0.5, 0.5);
        double previous = 0;
        for (double t : new double[] {1e-6, 1, 39, 1000, 100_000}) {
            double value = half.expectedPurchases(t);
            assertTrue(Double.isFinite(value) && value > previous, t + " -> " + value);
            previous = value;
            double conditional = half.conditionalExpectedPurchases(t, 0, 0, 39);
            assertTrue(Double.isFinite(conditional) && conditional > 0, t + " -> " + conditional);
            double[] out = new double[1];
            half.conditionalExpectedPurchases(t, new double[] {0}, new double[] {0}, new double[] {39}, out);
            assertEquals(conditional, out[0], 1e-9 * conditional);
        }
        assertEquals(integrated(half, 1), half.expectedPurchases(1), 5e-3 * half.expectedPurchases(1));
        assertEquals(integrated(half, 39), half.expectedPurchases(39), 5e-3 * half.expectedPurchases(39));
    }

    @Test
    void longHorizonsUseTheExpansionNearOneAndAgreeWithTheSeries() {
        // just below and above the switch between the two evaluations the values must join smoothly
        double below = PAPER.expectedPurchases(20_000);
        double above = PAPER.expectedPurchases(20_001);
        assertTrue(above >= below, below + " vs " + above);
        assertEquals(below, above, 1e-3 * below);
    }

    @Test
    void invalidCustomersAreRejectedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PAPER.probabilityAlive(2, 12, 10));
        assertTrue(e.getMessage().contains("recency 12.0 exceeds age T 10.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityAlive(1.5, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityAlive(0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> PAPER.expectedPurchases(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.of(0, 1, 1, 1));
        double[] bad = {1, 2};
        IllegalArgumentException bulk = assertThrows(IllegalArgumentException.class,
                () -> PAPER.probabilityAlive(bad, new double[] {1, 3}, new double[] {5, 2}, new double[2]));
        assertTrue(bulk.getMessage().contains("row 1"), bulk.getMessage());
    }

    @Test
    void aFittedModelSurvivesSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(FITTED);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BetaGeoModel copy = (BetaGeoModel) in.readObject();
            assertEquals(FITTED.parameters(), copy.parameters());
            assertEquals(FITTED.diagnostics(), copy.diagnostics());
        }
    }

    @Test
    void aLikelihoodWithoutInteriorMaximumFailsLoudly() {
        // seven patterns whose likelihood keeps rising as a and b shrink to 0
        CustomerSummaries degenerate = CustomerSummaries.of(new double[] {0, 1, 2, 3, 5, 1, 4},
                new double[] {0, 10, 30, 35, 37, 2, 20}, new double[] {38, 38, 38, 38, 38, 30, 30},
                new double[] {40, 20, 15, 10, 5, 12, 8});
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> BetaGeoModel.fit(degenerate));
        assertEquals("bgnbd", e.model());
        assertTrue(e.getMessage().startsWith("bgnbd fit did not converge"), e.getMessage());
    }

    @Test
    void customersWithoutRepeatPurchasesCannotBeFitted() {
        double[] none = new double[50];
        double[] ages = new double[50];
        java.util.Arrays.fill(ages, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BetaGeoModel.fit(CustomerSummaries.of(none, none.clone(), ages)));
        assertTrue(e.getMessage().contains("no customer has a repeat purchase"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ModifiedBetaGeoModel.fit(CustomerSummaries.of(none, none.clone(), ages)));
    }

    @Test
    void heavyBuyersOverHundredThousandWeeksCanBeFitted() {
        // ages up to 100,000 and frequencies in the tens of thousands: the fit stays in log space
        double[] ages = new double[3000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 100_000 - (i % 183) * 100;
        }
        BetaGeoModel fitted = BetaGeoModel.fit(PAPER.simulate(ages, 3));
        assertEquals(PAPER.r(), fitted.r(), 5 * fitted.diagnostics().standardErrors().get("r"));
        assertTrue(Double.isFinite(fitted.diagnostics().logLikelihood()));
    }

    @Test
    void aPenalizerShrinksTheParameters() {
        BetaGeoModel penalized = BetaGeoModel.fit(Datasets.cdnow(), 0.1);
        assertTrue(penalized.diagnostics().logLikelihood() < FITTED.diagnostics().logLikelihood());
        assertEquals(0.1, penalized.diagnostics().penalizer());
    }
}
