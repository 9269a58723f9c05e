package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BetaGeoCovariateModelTest {

    private static final double R = 0.6;
    private static final double ALPHA = 4.0;
    private static final double A = 0.8;
    private static final double B = 2.5;

    /** Customers with a 0/1 covariate ("gender") and a standard normal one ("spend"), simulated per customer. */
    private record Simulated(CustomerSummaries data, Covariates trans, Covariates life) {
    }

    /**
     * BG/NBD customers at (r, α e^(−γ_trans'z), a e^(γ_life'z), b e^(γ_life'z)), CLVTools'
     * bgnbd_staticcov parameterisation; life covariates gender and spend, trans covariates gender and spend.
     */
    static Simulated simulate(int n, double transGender, double transSpend, double lifeGender, double lifeSpend,
            long seed) {
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            double gender = draws.uniform() < 0.5 ? 1 : 0;
            double spend = Math.sqrt(-2 * Math.log(draws.uniform())) * Math.cos(2 * Math.PI * draws.uniform());
            double etaT = transGender * gender + transSpend * spend;
            double etaL = lifeGender * gender + lifeSpend * spend;
            BetaGeoModel one = BetaGeoModel.of(R, ALPHA * Math.exp(-etaT), A * Math.exp(etaL), B * Math.exp(etaL));
            age[i] = 30 + 22.0 * i / n;
            CustomerSummaries c = one.simulate(new double[] {age[i]}, seed * 1_000_003L + i);
            x[i] = c.frequency(0);
            tx[i] = c.recency(0);
            z[i] = new double[] {gender, spend};
        }
        Covariates both = Covariates.of(List.of("gender", "spend"), z);
        return new Simulated(CustomerSummaries.of(x, tx, age), both, both);
    }

    @Test
    void withoutCovariatesTheFitIsTheBgNbdFit() {
        CustomerSummaries cdnow = BtydDataFiles.cdnowWeeks();
        BetaGeoCovariateModel model = BetaGeoCovariateModel.fit(cdnow, Covariates.none(cdnow.size()),
                Covariates.none(cdnow.size()), Set.of(), 0);
        BetaGeoModel plain = BetaGeoModel.fit(cdnow);
        assertEquals(plain.parameters(), model.parameters());
        assertEquals(plain.diagnostics(), model.diagnostics());
        // FHL 2005 Table/section 5: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4 on CDNOW
        assertEquals(0.243, model.parameters().get("r"), 5e-4);
        assertEquals(-9582.4, model.diagnostics().logLikelihood(), 0.1);
        // the same parameters read back: not fitted, so no log-likelihood (not 0.0, a perfect fit)
        BetaGeoCovariateModel restored = BetaGeoCovariateModel.of(model.parameters());
        assertTrue(model.diagnostics().fitted() && !restored.diagnostics().fitted());
        assertThrows(IllegalStateException.class, () -> restored.diagnostics().logLikelihood());
        assertTrue(restored.toString().endsWith("[not fitted]"), restored.toString());
        assertTrue(ParetoNbdCovariateModel.of(Map.of("r", 0.5533, "alpha", 10.578, "s", 0.6062, "beta", 11.669))
                .toString().endsWith("[not fitted]"));
    }

    @Test
    void theCustomerLikelihoodIsTheDataSetLikelihoodRowByRow() {
        // the per-customer kernel of the covariate fit against the table-driven likelihood of the plain fit
        CustomerSummaries cdnow = BtydDataFiles.cdnowWeeks();
        double[] theta = {0.243, 4.414, 0.793, 2.426};
        double[] total = new double[4];
        double sum = 0;
        double[] g = new double[4];
        for (int i = 0; i < cdnow.size(); i++) {
            sum += BetaGeoLikelihood.customer(theta, cdnow.frequency(i), cdnow.recency(i), cdnow.age(i), false, g);
            for (int k = 0; k < 4; k++) {
                total[k] += g[k];
            }
        }
        double[] expectedGradient = new double[4];
        double expected = new BetaGeoLikelihood(cdnow, 1, false).evaluate(theta, expectedGradient);
        assertEquals(expected, sum, 1e-9 * Math.abs(expected));
        for (int k = 0; k < 4; k++) {
            assertEquals(expectedGradient[k], total[k], 1e-8 * (1 + Math.abs(expectedGradient[k])));
        }
        // and the gradient is the derivative: central differences at one customer
        double[] at = {2, 30.43, 38.86};
        BetaGeoLikelihood.customer(theta, at[0], at[1], at[2], false, g);
        for (int k = 0; k < 4; k++) {
            double h = 1e-6 * theta[k];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double d = (BetaGeoLikelihood.customer(up, at[0], at[1], at[2], false, new double[4])
                    - BetaGeoLikelihood.customer(down, at[0], at[1], at[2], false, new double[4])) / (2 * h);
            assertEquals(d, g[k], 1e-6 * (1 + Math.abs(d)));
        }
    }

    @Test
    void simulatedCoefficientsAreRecoveredWithStandardErrorsForEveryParameter() {
        Simulated s = simulate(4000, 0.6, -0.4, 0.9, 0.0, 7);
        Covariates life = Covariates.of(List.of("gender"), column(s.life(), 0));
        BetaGeoCovariateModel model = BetaGeoCovariateModel.fit(s.data(), s.trans(), life, Set.of(), 0);
        Map<String, Double> truth = Map.of("r", R, "alpha", ALPHA, "a", A, "b", B, "trans.gender", 0.6,
                "trans.spend", -0.4, "life.gender", 0.9);
        assertEquals(truth.keySet(), model.parameters().keySet());
        for (Map.Entry<String, Double> e : truth.entrySet()) {
            double se = model.diagnostics().standardErrors().get(e.getKey());
            double estimate = model.parameters().get(e.getKey());
            assertTrue(Math.abs(estimate - e.getValue()) < 3.5 * se, e + " estimated " + estimate + " se " + se);
        }
        // the fit beats the fit without covariates by far (gender and spend matter)
        assertTrue(model.diagnostics().logLikelihood() > BetaGeoModel.fit(s.data()).diagnostics().logLikelihood()
                + 50);
        // predictions per customer are the BG/NBD at the customer's own alpha_i, a_i, b_i
        Map<String, double[]> p = model.predict(s.data(), s.trans(), life, 10);
        Map<String, Double> q = model.parameters();
        for (int i : new int[] {3, 17, 1234}) {
            double etaT = q.get("trans.gender") * s.trans().value(i, 0) + q.get("trans.spend") * s.trans().value(i, 1);
            double etaL = q.get("life.gender") * life.value(i, 0);
            BetaGeoModel own = BetaGeoModel.of(q.get("r"), q.get("alpha") * Math.exp(-etaT),
                    q.get("a") * Math.exp(etaL), q.get("b") * Math.exp(etaL));
            double x = s.data().frequency(i);
            double tx = s.data().recency(i);
            double t = s.data().age(i);
            assertEquals(own.probabilityAlive(x, tx, t), p.get("p_alive")[i], 1e-12);
            assertEquals(own.conditionalExpectedPurchases(10, x, tx, t), p.get("expected_purchases")[i], 1e-12);
        }
    }

    private static double[][] column(Covariates c, int j) {
        double[][] out = new double[c.size()][1];
        for (int i = 0; i < c.size(); i++) {
            out[i][0] = c.value(i, j);
        }
        return out;
    }

    @Test
    void theNinetyFivePercentIntervalsCoverTheTrueCoefficients() {
        // seeded simulation study: 300 data sets of 800 customers (a few CPU seconds); intervals estimate +- 1.96 se
        // of the three gammas (trans.gender 0.6, trans.spend -0.4, life.gender 0.9); 900 intervals at 95 % must
        // cover the truth 93 to 97 % of the time (binomial sd 0.7 %)
        int covered = 0;
        int intervals = 0;
        Map<String, Double> truth = Map.of("trans.gender", 0.6, "trans.spend", -0.4, "life.gender", 0.9);
        for (int rep = 0; rep < 300; rep++) {
            Simulated s = simulate(800, 0.6, -0.4, 0.9, 0.0, 100 + rep);
            Covariates life = Covariates.of(List.of("gender"), column(s.life(), 0));
            BetaGeoCovariateModel model = BetaGeoCovariateModel.fit(s.data(), s.trans(), life, Set.of(), 0);
            for (Map.Entry<String, Double> e : truth.entrySet()) {
                Double se = model.diagnostics().standardErrors().get(e.getKey());
                intervals++;
                if (se != null && Math.abs(model.parameters().get(e.getKey()) - e.getValue()) <= 1.96 * se) {
                    covered++;
                }
            }
        }
        double coverage = (double) covered / intervals;
        assertTrue(coverage >= 0.93 && coverage <= 0.97, covered + " of " + intervals);
    }

    @Test
    void equalityConstraintsAndTheLikelihoodRatioTest() {
        // gender acts the same on both processes (0.7): the constraint costs little; a wrong one is rejected
        Simulated same = simulate(3000, 0.7, 0.0, 0.7, 0.0, 21);
        BetaGeoCovariateModel full = BetaGeoCovariateModel.fit(same.data(), same.trans(), same.life(), Set.of(), 0);
        BetaGeoCovariateModel equal = BetaGeoCovariateModel.fit(same.data(), same.trans(), same.life(),
                Set.of("gender"), 0);
        assertTrue(equal.parameters().containsKey("gamma.gender"), equal.parameters().toString());
        assertEquals(equal.transactionCoefficients().get("gender"), equal.lifetimeCoefficients().get("gender"));
        LikelihoodRatioTest test = BetaGeoCovariateModel.likelihoodRatioTest(equal, full);
        assertEquals(1, test.degreesOfFreedom());
        assertTrue(test.pValue() > 0.01, test.toString());
        Simulated different = simulate(3000, 1.0, 0.0, -1.0, 0.0, 22);
        BetaGeoCovariateModel fullD = BetaGeoCovariateModel.fit(different.data(), different.trans(),
                different.life(), Set.of(), 0);
        BetaGeoCovariateModel equalD = BetaGeoCovariateModel.fit(different.data(), different.trans(),
                different.life(), Set.of("gender"), 0);
        assertTrue(BetaGeoCovariateModel.likelihoodRatioTest(equalD, fullD).pValue() < 1e-3);
        // L2 regularisation pulls the coefficients towards 0, and regularised fits are not tested
        BetaGeoCovariateModel shrunk = BetaGeoCovariateModel.fit(same.data(), same.trans(), same.life(), Set.of(),
                1.0);
        assertTrue(Math.abs(shrunk.transactionCoefficients().get("gender"))
                < Math.abs(full.transactionCoefficients().get("gender")));
        assertThrows(IllegalArgumentException.class, () -> BetaGeoCovariateModel.likelihoodRatioTest(full, shrunk));
        // a Pareto/NBD fit is no nested BG/NBD fit
        ParetoNbdCovariateModel pareto = ParetoNbdCovariateModel.fit(same.data(), Covariates.none(3000),
                Covariates.none(3000), Set.of(), 0);
        assertThrows(IllegalArgumentException.class, () -> LikelihoodRatioTest.of(pareto, full));
    }

    @Test
    void savedAndRestoredModelsPredictExactlyAsTheFittedOne() throws IOException, ClassNotFoundException {
        Simulated s = simulate(1500, 0.5, -0.3, 0.6, 0.0, 31);
        for (CovariateModel fitted : List.<CovariateModel>of(
                BetaGeoCovariateModel.fit(s.data(), s.trans(), s.life(), Set.of("gender"), 0),
                ParetoNbdCovariateModel.fit(s.data(), s.trans(), s.life(), Set.of(), 0))) {
            Map<String, double[]> expected = fitted.predict(s.data(), s.trans(), s.life(), 26);
            CovariateModel read = roundTrip(fitted);
            assertEquals(fitted.parameters(), read.parameters());
            assertEquals(fitted.diagnostics(), read.diagnostics());
            ClvModel restored = ClvModels.named(fitted.name()).restore(fitted.parameters());
            assertInstanceOf(fitted.getClass(), restored);
            for (CovariateModel again : List.of(read, (CovariateModel) restored)) {
                Map<String, double[]> actual = again.predict(s.data(), s.trans(), s.life(), 26);
                for (String column : expected.keySet()) {
                    assertTrue(java.util.Arrays.equals(expected.get(column), actual.get(column)), column);
                }
            }
        }
    }

    @Test
    void aTamperedStreamIsRefusedByTheFactorysRules() throws IOException {
        Map<String, Double> params = new LinkedHashMap<>(Map.of("r", 0.5, "alpha", 4.0, "a", 0.8, "b", 2.5));
        params.put("life.z", 0.123456789);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(BetaGeoCovariateModel.of(params));
        }
        byte[] stream = bytes.toByteArray();
        byte[] from = java.nio.ByteBuffer.allocate(8).putDouble(0.123456789).array();
        byte[] to = java.nio.ByteBuffer.allocate(8).putDouble(Double.NaN).array();
        int at = -1;
        for (int i = 0; i + 8 <= stream.length && at < 0; i++) {
            if (java.util.Arrays.equals(stream, i, i + 8, from, 0, 8)) {
                at = i;
            }
        }
        assertTrue(at >= 0);
        System.arraycopy(to, 0, stream, at, 8);
        java.io.InvalidObjectException e = assertThrows(java.io.InvalidObjectException.class, () -> {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
                in.readObject();
            }
        });
        assertTrue(e.getMessage().contains("life.z"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Property(tries = 60)
    void restoredFromItsParametersAModelPredictsAsTheOneItWasMadeFrom(
            @ForAll @DoubleRange(min = 0.05, max = 5) double r, @ForAll @DoubleRange(min = 0.1, max = 50) double alpha,
            @ForAll @DoubleRange(min = 0.05, max = 5) double a, @ForAll @DoubleRange(min = 0.05, max = 10) double b,
            @ForAll @DoubleRange(min = -3, max = 3) double trans, @ForAll @DoubleRange(min = -3, max = 3) double life,
            @ForAll @DoubleRange(min = -2, max = 2) double z, @ForAll @IntRange(min = 0, max = 40) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare) throws Exception {
        Map<String, Double> params = new LinkedHashMap<>(Map.of("r", r, "alpha", alpha, "a", a, "b", b));
        params.put("trans.z", trans);
        params.put("life.z", life);
        BetaGeoCovariateModel model = BetaGeoCovariateModel.of(params);
        CovariateModel again = roundTrip((CovariateModel) ClvModels.named("bgnbd").restore(model.parameters()));
        double age = 52;
        double tx = x == 0 ? 0 : recencyShare * age;
        BetaGeoModel one = model.forCustomer(Map.of("z", z), Map.of("z", z));
        TransactionModel two = again.forCustomer(Map.of("z", z), Map.of("z", z));
        assertEquals(one.parameters(), two.parameters());
        assertEquals(one.probabilityAlive(x, tx, age), two.probabilityAlive(x, tx, age));
        assertEquals(one.conditionalExpectedPurchases(13, x, tx, age), two.conditionalExpectedPurchases(13, x, tx,
                age));
        // and it is the BG/NBD at CLVTools' alpha_i, a_i, b_i
        assertEquals(alpha * Math.exp(-trans * z), one.alpha(), 1e-15 * one.alpha());
        assertEquals(a * Math.exp(life * z), one.a(), 1e-15 * one.a());
        assertEquals(b * Math.exp(life * z), one.b(), 1e-15 * one.b());
    }

    @Test
    void largeCovariateEffectsAndLargeHistoriesGiveFiniteValuesOrARefusal() {
        Map<String, Double> params = new LinkedHashMap<>(Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426));
        params.put("trans.z", 1.0);
        params.put("life.z", 1.0);
        BetaGeoCovariateModel model = BetaGeoCovariateModel.of(params);
        double[][] histories = {{0, 0, 100_000}, {2, 30.43, 38.86}, {10_000, 99_999, 100_000}, {10_000, 10, 100_000},
            {1, 1, 100_000}};
        for (double eta : new double[] {-30, -20, -10, 0, 10, 30, 300, 700}) {
            BetaGeoModel one = model.forCustomer(Map.of("z", eta), Map.of("z", eta));
            for (double[] h : histories) {
                for (double t : new double[] {39, 100_000}) {
                    double e = one.conditionalExpectedPurchases(t, h[0], h[1], h[2]);
                    assertTrue(Double.isFinite(e) && e >= 0, eta + " " + java.util.Arrays.toString(h) + " " + e);
                }
                double p = one.probabilityAlive(h[0], h[1], h[2]);
                assertTrue(p >= 0 && p <= 1, eta + " " + java.util.Arrays.toString(h) + " " + p);
                assertTrue(Double.isFinite(one.logLikelihood(h[0], h[1], h[2])));
            }
        }
        // a huge b (a concentrated dropout Beta): E[Y] tends to the value at the mean dropout probability
        // p = a/(a+b) = 0.24638..., for x = 0, T = 0: (1 - (alpha/(alpha + p t))^r) / p with alpha -> alpha e^-eta
        BetaGeoModel concentrated = model.forCustomer(Map.of("z", 0.0), Map.of("z", 30.0));
        double p = 0.793 / (0.793 + 2.426);
        double limit = -Math.expm1(-0.243 * Math.log1p(p * 39 / 4.414)) / p;
        assertEquals(limit, concentrated.conditionalExpectedPurchases(39, 0, 0, 1e-9), 1e-9);
        // beyond the range of a double: refused by name, never NaN
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.forCustomer(Map.of("z", 0.0), Map.of("z", 800.0)));
        assertTrue(e.getMessage().contains("outside the range of a double"), e.getMessage());
        // the b + x - 1 of P(alive) keeps its digits for a tiny b: a/b here, 1 / (1 + 0.793/2.426 * 1) at tx = T
        BetaGeoModel tiny = model.forCustomer(Map.of("z", 0.0), Map.of("z", -40.0));
        assertEquals(1 / (1 + 0.793 / 2.426), tiny.probabilityAlive(1, 5, 5), 1e-12);
    }

    @Test
    void badInputIsRefusedByName() {
        CustomerSummaries two = CustomerSummaries.of(new double[] {1, 2}, new double[] {1, 2}, new double[] {3, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BetaGeoCovariateModel.fit(two,
                Covariates.of(List.of("a"), new double[][] {{1}, {0}}), Covariates.none(2), Set.of("a"), 0));
        assertTrue(e.getMessage().startsWith("covariate a cannot be constrained equal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BetaGeoCovariateModel.of(Map.of("r", 1.0, "alpha",
                1.0, "a", 1.0, "b", 1.0, "beta.z", 1.0)));
        assertTrue(e.getMessage().startsWith("parameter 'beta.z' is unknown for bgnbd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BetaGeoCovariateModel.of(Map.of("r", 1.0, "alpha",
                1.0, "a", 1.0, "b", 1.0, "trans.z", Double.NaN)));
        assertTrue(e.getMessage().contains("a coefficient must be finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BetaGeoCovariateModel.of(Map.of("r", 1.0, "alpha",
                1.0, "a", 1.0, "b", 1.0, "trans.z", 1.0, "gamma.z", 2.0)));
        assertTrue(e.getMessage().contains("two coefficients for one process"), e.getMessage());
        BetaGeoCovariateModel model = BetaGeoCovariateModel.of(Map.of("r", 1.0, "alpha", 1.0, "a", 1.0, "b", 1.0,
                "trans.z", 1.0));
        e = assertThrows(IllegalArgumentException.class, () -> model.forCustomer(Map.of(), Map.of()));
        assertEquals("transaction covariate z is null: every fitted covariate needs a finite value", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClvModels.named("bgnbd").predict(model, two, 1));
        assertTrue(e.getMessage().contains("predicts from its customers' covariates"), e.getMessage());
    }
}
