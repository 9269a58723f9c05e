package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.SpecialFunctions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BetaGeoBetaBinomModelTest {

    /** Fader, Hardie &amp; Shang (2010) estimates on the donations (issue 5 gives them to 4 decimals). */
    private static final BetaGeoBetaBinomModel PAPER = BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834);

    @Test
    void fitOnTheDonationsReproducesThePublishedEstimates() {
        BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.fit(BtydDataFiles.donations());
        // FHS 2010: 1.204, 0.750, 0.657, 2.783, LL -33,225.6; lifetimes: 1.2035, 0.7497, 0.6567, 2.7834
        assertEquals(1.2035, model.alpha(), 1e-4 * 1.2035);
        assertEquals(0.7497, model.beta(), 1e-4 * 0.7497);
        assertEquals(0.6567, model.gamma(), 1e-4 * 0.6567);
        assertEquals(2.7834, model.delta(), 1e-4 * 2.7834);
        assertEquals(-33225.58, model.diagnostics().logLikelihood(), 0.01);
        assertEquals(11104, model.diagnostics().customers(), 0);
        assertEquals("bgbb", model.name());
        assertEquals(4, model.diagnostics().standardErrors().size());
    }

    @Test
    void theAnalyticGradientMatchesCentralDifferences() {
        double[] params = {1.3, 0.7, 0.6, 2.9};
        double[][] histories = {{0, 0, 6}, {2, 4, 6}, {3, 3, 6}, {6, 6, 6}, {1, 1, 40}, {5, 30, 100}};
        for (double[] h : histories) {
            double[] gradient = new double[4];
            BetaGeoBetaBinomModel.logLikelihood(params, h[0], h[1], h[2], gradient);
            for (int j = 0; j < 4; j++) {
                double[] up = params.clone();
                double[] down = params.clone();
                double step = 1e-6 * params[j];
                up[j] += step;
                down[j] -= step;
                double numeric = (BetaGeoBetaBinomModel.logLikelihood(up, h[0], h[1], h[2], new double[4])
                        - BetaGeoBetaBinomModel.logLikelihood(down, h[0], h[1], h[2], new double[4])) / (2 * step);
                assertEquals(numeric, gradient[j], 1e-6 * Math.max(1, Math.abs(numeric)),
                        "d/d" + j + " at history " + h[0] + "," + h[1] + "," + h[2]);
            }
        }
    }

    @Test
    void expectedTransactionsOfANewDonorMatchThePapersClosedForm() {
        // FHS 2010 closed form of E[X(n)], evaluated here directly:
        // a/(a+b) * d/(g-1) * [1 - G(g+d)G(1+d+n) / (G(g+d+n)G(1+d))]
        double a = 1.2035;
        double b = 0.7497;
        double g = 0.6567;
        double d = 2.7834;
        for (int n : new int[] {1, 5, 6, 11, 2000}) {
            double ratio = Math.exp(SpecialFunctions.logGamma(g + d) + SpecialFunctions.logGamma(1 + d + n)
                    - SpecialFunctions.logGamma(g + d + n) - SpecialFunctions.logGamma(1 + d));
            double expected = a / (a + b) * d / (g - 1) * (1 - ratio);
            assertEquals(expected, PAPER.expectedPurchases(n), 1e-9 * Math.max(1, expected), "n " + n);
        }
        assertEquals(0.0, PAPER.expectedPurchases(0), 0);
    }

    @Test
    void conditionalExpectationMatchesThePapersClosedForm() {
        // FHS 2010 closed form of E[X(n, n+n*)] with its Gamma-function bracket, evaluated here directly
        double a = 1.2035;
        double b = 0.7497;
        double g = 0.6567;
        double d = 2.7834;
        double[][] histories = {{0, 0, 6}, {1, 1, 6}, {3, 5, 6}, {6, 6, 6}};
        for (double[] h : histories) {
            double x = h[0];
            double n = h[2];
            int future = 5;
            double logL = PAPER.logLikelihood(x, h[1], n);
            double bracket = Math.exp(SpecialFunctions.logGamma(1 + d + n) - SpecialFunctions.logGamma(g + d + n))
                    - Math.exp(SpecialFunctions.logGamma(1 + d + n + future)
                            - SpecialFunctions.logGamma(g + d + n + future));
            double expected = Math.exp(SpecialFunctions.logBeta(a + x + 1, b + n - x) - SpecialFunctions.logBeta(a, b)
                    - logL) * d / (g - 1)
                    * Math.exp(SpecialFunctions.logGamma(g + d) - SpecialFunctions.logGamma(1 + d))
                    * bracket;
            assertEquals(expected, PAPER.conditionalExpectedPurchases(future, x, h[1], n), 1e-10,
                    "history " + x + "," + h[1]);
        }
    }

    @Test
    void theDistributionOfTransactionsSumsToOneAndHasTheExpectedMean() {
        for (int n : new int[] {1, 6, 25}) {
            double total = 0;
            double mean = 0;
            for (int x = 0; x <= n; x++) {
                double p = PAPER.probabilityOfPurchases(x, n);
                total += p;
                mean += x * p;
            }
            assertEquals(1.0, total, 1e-12, "n " + n);
            assertEquals(PAPER.expectedPurchases(n), mean, 1e-11, "n " + n);
        }
        assertEquals(0.0, PAPER.probabilityOfPurchases(7, 6), 0);
    }

    @Test
    void aMoreRecentLastDonationMeansMoreLikelyAliveAndMoreDonationsAhead() {
        double recent = PAPER.probabilityAlive(3, 6, 6);
        double lapsed = PAPER.probabilityAlive(3, 3, 6);
        assertTrue(recent > lapsed, recent + " vs " + lapsed);
        assertTrue(PAPER.conditionalExpectedPurchases(5, 3, 6, 6) > PAPER.conditionalExpectedPurchases(5, 3, 3, 6));
        // the model's own behaviour: three gifts then three misses signal death more than never giving
        assertTrue(lapsed < PAPER.probabilityAlive(0, 0, 6));
    }

    @Test
    void bulkPredictionsEqualTheSingleCustomerOnes() {
        double[] x = {0, 1, 2, 6};
        double[] tx = {0, 3, 6, 6};
        double[] n = {6, 6, 6, 6};
        double[] alive = new double[4];
        double[] expected = new double[4];
        PAPER.probabilityAlive(x, tx, n, alive);
        PAPER.conditionalExpectedPurchases(5, x, tx, n, expected);
        for (int i = 0; i < 4; i++) {
            assertEquals(PAPER.probabilityAlive(x[i], tx[i], n[i]), alive[i], 0);
            assertEquals(PAPER.conditionalExpectedPurchases(5, x[i], tx[i], n[i]), expected[i], 0);
        }
    }

    @Test
    void fittingSimulatedDonorsRecoversTheParameters() {
        CustomerSummaries simulated = PAPER.simulate(20_000, 8, 20_101);
        BetaGeoBetaBinomModel fitted = BetaGeoBetaBinomModel.fit(simulated);
        double[] truth = {PAPER.alpha(), PAPER.beta(), PAPER.gamma(), PAPER.delta()};
        double[] estimate = {fitted.alpha(), fitted.beta(), fitted.gamma(), fitted.delta()};
        String[] names = {"alpha", "beta", "gamma", "delta"};
        for (int j = 0; j < 4; j++) {
            double se = fitted.diagnostics().standardErrors().get(names[j]);
            assertTrue(Math.abs(estimate[j] - truth[j]) < 4 * se,
                    names[j] + " " + estimate[j] + " vs " + truth[j] + " (se " + se + ")");
        }
        assertArrayEquals(PAPER.simulate(50, 8, 7).recencies(), PAPER.simulate(50, 8, 7).recencies());
    }

    @Test
    void simulationSizesWhoseColumnsCannotExistAreRefused() {
        // Integer.MAX_VALUE customers used to throw OutOfMemoryError allocating three 17 GB columns
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> PAPER.simulate(Integer.MAX_VALUE, Integer.MAX_VALUE, 1));
        assertEquals("customers 2147483647 is invalid: simulate 1 to 10000000", many.getMessage());
        IllegalArgumentException long_ = assertThrows(IllegalArgumentException.class,
                () -> PAPER.simulate(1, Integer.MAX_VALUE, 1));
        assertEquals("periods 2147483647 is invalid: observe 1 to 100000 opportunities", long_.getMessage());
    }

    @Test
    void simulatedMeanTransactionsMatchTheModel() {
        CustomerSummaries simulated = PAPER.simulate(40_000, 6, 99);
        double sum = 0;
        for (double x : simulated.frequencies()) {
            sum += x;
        }
        double mean = sum / 40_000;
        // standard deviation of X(6) is below 3, so the standard error of the mean is below 0.015
        assertEquals(PAPER.expectedPurchases(6), mean, 0.05);
    }

    @Test
    void aWeightedRowCountsAsThatManyIdenticalDonors() {
        CustomerSummaries weighted = BtydDataFiles.donations();
        int total = (int) weighted.totalWeight();
        double[] x = new double[total];
        double[] tx = new double[total];
        double[] n = new double[total];
        int at = 0;
        for (int row = 0; row < weighted.size(); row++) {
            for (int k = 0; k < weighted.weight(row); k++) {
                x[at] = weighted.frequency(row);
                tx[at] = weighted.recency(row);
                n[at] = weighted.age(row);
                at++;
            }
        }
        BetaGeoBetaBinomModel expanded = BetaGeoBetaBinomModel.fit(CustomerSummaries.of(x, tx, n));
        BetaGeoBetaBinomModel compact = BetaGeoBetaBinomModel.fit(weighted);
        assertEquals(compact.diagnostics().logLikelihood(), expanded.diagnostics().logLikelihood(), 1e-6);
        assertEquals(compact.alpha(), expanded.alpha(), 1e-9);
        assertEquals(11104, expanded.diagnostics().customers(), 0);
    }

    @Test
    void aPenalizerPullsTheParametersTowardsZero() {
        BetaGeoBetaBinomModel plain = BetaGeoBetaBinomModel.fit(BtydDataFiles.donations());
        BetaGeoBetaBinomModel penalized = BetaGeoBetaBinomModel.fit(BtydDataFiles.donations(), 0.01);
        // the penalized optimum cannot have a larger penalty term than the plain one
        assertTrue(squares(penalized) < squares(plain), squares(penalized) + " vs " + squares(plain));
        assertTrue(penalized.diagnostics().logLikelihood() < plain.diagnostics().logLikelihood());
        assertEquals(0.01, penalized.diagnostics().penalizer(), 0);
    }

    @Test
    void donorsWhoNeverGaveAgainCannotBeFitted() {
        CustomerSummaries none = CustomerSummaries.of(new double[5], new double[5], new double[] {6, 6, 6, 6, 6});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BetaGeoBetaBinomModel.fit(none));
        assertEquals("frequency is 0 for all 5.0 customers: bgbb cannot be fitted without any repeat purchase",
                e.getMessage());
    }

    private static double squares(BetaGeoBetaBinomModel m) {
        return m.alpha() * m.alpha() + m.beta() * m.beta() + m.gamma() * m.gamma() + m.delta() * m.delta();
    }

    @Test
    void invalidHistoriesAreRejectedNamingFieldValueAndRule() {
        IllegalArgumentException moreThanRecency =
                assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityAlive(4, 3, 6));
        assertEquals("frequency 4.0 exceeds recency 3.0: x transactions need at least x opportunities",
                moreThanRecency.getMessage());
        IllegalArgumentException fractional =
                assertThrows(IllegalArgumentException.class, () -> PAPER.logLikelihood(1, 2, 6.5));
        assertTrue(fractional.getMessage().startsWith("opportunities n 6.5 is invalid"), fractional.getMessage());
        IllegalArgumentException endless =
                assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityAlive(0, 0, 2e7));
        assertEquals("opportunities n 2.0E7 is invalid: it must be a whole number from 1 to 10000000",
                endless.getMessage());
        IllegalArgumentException beyond =
                assertThrows(IllegalArgumentException.class, () -> PAPER.conditionalExpectedPurchases(1, 2, 7, 6));
        assertTrue(beyond.getMessage().startsWith("recency 7.0 exceeds opportunities n 6.0"), beyond.getMessage());
        // rows 0 and 1 are identical, so the bad row 3 is row 2 after compression: the message names row 3
        CustomerSummaries continuous = CustomerSummaries.of(new double[] {1, 1, 0, 2, 3},
                new double[] {1, 1, 0, 2.5, 3}, new double[] {6, 6, 6, 6, 6});
        IllegalArgumentException row =
                assertThrows(IllegalArgumentException.class, () -> BetaGeoBetaBinomModel.fit(continuous));
        assertTrue(row.getMessage().startsWith("recency 2.5 at row 3 is invalid"), row.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BetaGeoBetaBinomModel.of(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityOfPurchases(-1, 6));
        assertThrows(IllegalArgumentException.class,
                () -> PAPER.probabilityAlive(new double[] {1}, new double[] {1}, new double[] {6, 6}, new double[2]));
    }

    @Test
    void hundredThousandOpportunitiesStayFinite() {
        assertTrue(Double.isFinite(PAPER.logLikelihood(100_000, 100_000, 100_000)));
        assertTrue(Double.isFinite(PAPER.logLikelihood(0, 0, 100_000)));
        double alive = PAPER.probabilityAlive(1, 1, 100_000);
        assertTrue(alive >= 0 && alive <= 1, "p_alive " + alive);
        double ahead = PAPER.conditionalExpectedPurchases(100_000, 50_000, 99_999, 100_000);
        assertTrue(Double.isFinite(ahead) && ahead > 0 && ahead <= 100_000, "E " + ahead);
        double p = PAPER.probabilityOfPurchases(3, 100_000);
        assertTrue(p >= 0 && p <= 1, "P " + p);
    }

    @Property(tries = 200)
    void logLikelihoodIsFiniteAndAliveIsAProbability(@ForAll @IntRange(min = 1, max = 2000) int n,
            @ForAll @IntRange(min = 0, max = 2000) int rawTx, @ForAll @IntRange(min = 0, max = 2000) int rawX,
            @ForAll @DoubleRange(min = 0.01, max = 50) double a, @ForAll @DoubleRange(min = 0.01, max = 50) double b,
            @ForAll @DoubleRange(min = 0.01, max = 50) double g, @ForAll @DoubleRange(min = 0.01, max = 50) double d) {
        int tx = rawTx % (n + 1);
        int x = tx == 0 ? 0 : 1 + rawX % tx;
        BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.of(a, b, g, d);
        double ll = model.logLikelihood(x, tx, n);
        assertTrue(Double.isFinite(ll) && ll <= 0, "LL " + ll);
        double alive = model.probabilityAlive(x, tx, n);
        assertTrue(alive >= 0 && alive <= 1, "p_alive " + alive);
    }

    @Property(tries = 200)
    void moreOpportunitiesAheadNeverMeanFewerExpectedTransactions(@ForAll @IntRange(min = 0, max = 200) int future,
            @ForAll @IntRange(min = 1, max = 50) int extra, @ForAll @IntRange(min = 0, max = 6) int x,
            @ForAll @DoubleRange(min = 0.05, max = 20) double g) {
        BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.of(1.2, 0.75, g, 2.8);
        double tx = x == 0 ? 0 : 6;
        double near = model.conditionalExpectedPurchases(future, x, tx, 6);
        double far = model.conditionalExpectedPurchases(future + extra, x, tx, 6);
        assertTrue(far >= near, far + " < " + near);
        assertTrue(model.expectedPurchases(future + extra) >= model.expectedPurchases(future));
    }
}
