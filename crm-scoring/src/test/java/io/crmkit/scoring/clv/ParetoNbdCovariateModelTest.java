package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ParetoNbdCovariateModelTest {

    /** Customers with a 0/1 covariate ("gender") and a standard normal one ("spend"), simulated per customer. */
    private record Simulated(CustomerSummaries data, Covariates trans, Covariates life) {
    }

    private static Simulated simulate(int n, double gammaTransGender, double gammaLifeGender, double gammaTransSpend,
            long seed) {
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[][] trans = new double[n][];
        double[][] life = new double[n][];
        for (int i = 0; i < n; i++) {
            double gender = draws.uniform() < 0.5 ? 1 : 0;
            double spend = Math.sqrt(-2 * Math.log(draws.uniform())) * Math.cos(2 * Math.PI * draws.uniform());
            double etaT = gammaTransGender * gender + gammaTransSpend * spend;
            double etaL = gammaLifeGender * gender;
            ParetoNbdModel one = ParetoNbdModel.of(0.8, 5 * Math.exp(-etaT), 0.6, 8 * Math.exp(-etaL));
            age[i] = 40 + 12.0 * i / n;
            CustomerSummaries c = one.simulate(new double[] {age[i]}, seed * 1_000_003L + i);
            x[i] = c.frequency(0);
            tx[i] = c.recency(0);
            trans[i] = new double[] {gender, spend};
            life[i] = new double[] {gender};
        }
        return new Simulated(CustomerSummaries.of(x, tx, age), Covariates.of(List.of("gender", "spend"), trans),
                Covariates.of(List.of("gender"), life));
    }

    @Property(tries = 300)
    void aCustomersLikelihoodWithSharedRAndSIsThePerCustomerLikelihoodExactly(
            @ForAll @DoubleRange(min = 0.05, max = 5) double r, @ForAll @DoubleRange(min = 0.05, max = 5) double s,
            @ForAll @DoubleRange(min = 0.1, max = 50) double alpha, @ForAll @DoubleRange(min = 0.1, max = 50) double beta,
            @ForAll @IntRange(max = 200) int x, @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @DoubleRange(min = 0.5, max = 500) double age) {
        // the covariate model evaluates every customer with its own alpha and beta through one
        // CustomerLikelihood per evaluation (r's terms once, work arrays reused); it must give what a
        // fresh per-customer evaluation gives, bit for bit, also after serving another customer
        double tx = x == 0 ? 0 : share * age;
        ParetoNbdModel.CustomerLikelihood shared = new ParetoNbdModel.CustomerLikelihood(r, s);
        double[] other = new double[4];
        shared.logLikelihood(2 * alpha, beta / 2, x + 3, age / 2, age, other);
        double[] reused = new double[4];
        double[] fresh = new double[4];
        double value = shared.logLikelihood(alpha, beta, x, tx, age, reused);
        assertEquals(ParetoNbdModel.logLikelihood(new double[] {r, alpha, s, beta}, x, tx, age, fresh), value, 0.0);
        for (int j = 0; j < 4; j++) {
            assertEquals(fresh[j], reused[j], 0.0);
        }
    }

    @Test
    void withoutCovariatesTheFitIsTheParetoNbdFit() {
        CustomerSummaries cdnow = BtydDataFiles.cdnowWeeks();
        ParetoNbdCovariateModel model = ParetoNbdCovariateModel.fit(cdnow, Covariates.none(cdnow.size()),
                Covariates.none(cdnow.size()), Set.of(), 0);
        ParetoNbdModel plain = ParetoNbdModel.fit(cdnow);
        assertEquals(plain.parameters(), model.parameters());
        assertEquals(plain.diagnostics(), model.diagnostics());
    }

    @Test
    void simulatedCoefficientsAreRecoveredWithStandardErrorsForEveryParameter() {
        Simulated s = simulate(3000, 0.6, 0.9, -0.4, 7);
        ParetoNbdCovariateModel model = ParetoNbdCovariateModel.fit(s.data(), s.trans(), s.life(), Set.of(), 0);
        Map<String, Double> truth = Map.of("r", 0.8, "alpha", 5.0, "s", 0.6, "beta", 8.0, "trans.gender", 0.6,
                "trans.spend", -0.4, "life.gender", 0.9);
        assertEquals(truth.keySet(), model.parameters().keySet());
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            double se = model.diagnostics().standardErrors().get(e.getKey());
            double estimate = model.parameters().get(e.getKey());
            assertTrue(Math.abs(estimate - e.getValue()) < 3.5 * se, e + " estimated " + estimate + " se " + se);
        }
        // predictions per customer are the Pareto/NBD of the customer's own alpha_i and beta_i
        Map<String, double[]> p = model.predict(s.data(), s.trans(), s.life(), 10);
        double g = s.trans().value(3, 0);
        double z = s.trans().value(3, 1);
        ParetoNbdModel own = ParetoNbdModel.of(model.parameters().get("r"), model.parameters().get("alpha")
                * Math.exp(-model.parameters().get("trans.gender") * g - model.parameters().get("trans.spend") * z),
                model.parameters().get("s"), model.parameters().get("beta")
                * Math.exp(-model.parameters().get("life.gender") * s.life().value(3, 0)));
        assertEquals(own.probabilityAlive(s.data().frequency(3), s.data().recency(3), s.data().age(3)),
                p.get("p_alive")[3], 1e-12);
        assertEquals(own.conditionalExpectedPurchases(10, s.data().frequency(3), s.data().recency(3),
                s.data().age(3)), p.get("expected_purchases")[3], 1e-12);
    }

    @Test
    void theNinetyFivePercentIntervalsCoverTheTrueCoefficients() {
        // seeded simulation study: 40 data sets of 600 customers; intervals estimate +- 1.96 se of the three
        // gammas; 120 intervals at 95 % cover 114 on average (binomial sd 2.4), so at least 105 must (this seeded
        // study covers 113)
        int covered = 0;
        int intervals = 0;
        for (int rep = 0; rep < 40; rep++) {
            Simulated s = simulate(600, 0.6, 0.9, -0.4, 100 + rep);
            ParetoNbdCovariateModel model = ParetoNbdCovariateModel.fit(s.data(), s.trans(), s.life(), Set.of(), 0);
            for (Map.Entry<String, Double> e : Map.of("trans.gender", 0.6, "trans.spend", -0.4, "life.gender", 0.9)
                    .entrySet()) {
                double se = model.diagnostics().standardErrors().get(e.getKey());
                intervals++;
                if (Math.abs(model.parameters().get(e.getKey()) - e.getValue()) <= 1.96 * se) {
                    covered++;
                }
            }
        }
        assertTrue(covered >= 105 && covered <= intervals, covered + " of " + intervals);
    }

    @Test
    void equalityConstraintsAndTheLikelihoodRatioTest() {
        // gender acts the same on both processes (0.7): the constraint costs little; a wrong constraint is rejected
        Simulated same = simulate(3000, 0.7, 0.7, 0.0, 21);
        ParetoNbdCovariateModel full = ParetoNbdCovariateModel.fit(same.data(), same.trans(), same.life(), Set.of(), 0);
        ParetoNbdCovariateModel equal = ParetoNbdCovariateModel.fit(same.data(), same.trans(), same.life(),
                Set.of("gender"), 0);
        assertTrue(equal.parameters().containsKey("gamma.gender"), equal.parameters().toString());
        assertEquals(equal.transactionCoefficients().get("gender"), equal.lifetimeCoefficients().get("gender"));
        LikelihoodRatioTest test = ParetoNbdCovariateModel.likelihoodRatioTest(equal, full);
        assertEquals(1, test.degreesOfFreedom());
        assertTrue(test.pValue() > 0.01, test.toString());
        Simulated different = simulate(3000, 0.0, 1.2, 0.0, 22);
        ParetoNbdCovariateModel fullD = ParetoNbdCovariateModel.fit(different.data(), different.trans(),
                different.life(), Set.of(), 0);
        ParetoNbdCovariateModel equalD = ParetoNbdCovariateModel.fit(different.data(), different.trans(),
                different.life(), Set.of("gender"), 0);
        assertTrue(ParetoNbdCovariateModel.likelihoodRatioTest(equalD, fullD).pValue() < 1e-3);
        // L2 regularisation pulls the coefficients towards 0
        ParetoNbdCovariateModel shrunk = ParetoNbdCovariateModel.fit(same.data(), same.trans(), same.life(), Set.of(),
                1.0);
        assertTrue(Math.abs(shrunk.lifetimeCoefficients().get("gender"))
                < Math.abs(full.lifetimeCoefficients().get("gender")));
        assertThrows(IllegalArgumentException.class, () -> ParetoNbdCovariateModel.likelihoodRatioTest(full, shrunk));
    }

    @Test
    void chiSquareTailsMatchTheTables() {
        // chi-square table: P(chi2_1 >= 3.841459) = 0.05, P(chi2_2 >= 5.991465) = 0.05, P(chi2_10 >= 18.307038) = 0.05;
        // Q(1, x) = e^-x exactly
        assertEquals(0.05, SpecialFunctions.regularizedGammaQ(0.5, 3.841459 / 2), 1e-6);
        assertEquals(0.05, SpecialFunctions.regularizedGammaQ(1, 5.991465 / 2), 1e-6);
        assertEquals(0.05, SpecialFunctions.regularizedGammaQ(5, 18.307038 / 2), 1e-6);
        assertEquals(Math.exp(-0.3), SpecialFunctions.regularizedGammaQ(1, 0.3), 1e-15);
        assertEquals(Math.exp(-7), SpecialFunctions.regularizedGammaQ(1, 7), 1e-15);
    }

    @Test
    void badCovariatesAreRefusedByName() {
        CustomerSummaries two = CustomerSummaries.of(new double[] {1, 2}, new double[] {1, 2}, new double[] {3, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Covariates.of(List.of("a"), new double[][] {{1}, {Double.NaN}}));
        assertEquals("covariate a NaN at row 1 is invalid: it must be finite", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ParetoNbdCovariateModel.fit(two,
                Covariates.of(List.of("a"), new double[][] {{1}, {0}}), Covariates.none(2), Set.of("a"), 0));
        assertTrue(e.getMessage().startsWith("covariate a cannot be constrained equal"), e.getMessage());
    }
}
