package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of BG/NBD and MBG/NBD over random parameters and customers. */
class TransactionModelPropertiesTest {

    /** A valid customer summary (x, t_x, T) with x and T up to 100,000. */
    record Customer(double x, double tx, double age) {
    }

    @Provide
    Arbitrary<Customer> customers() {
        Arbitrary<Double> age = Arbitraries.doubles().between(0.01, 100_000);
        Arbitrary<Integer> x = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(x, age, share).as((f, t, s) -> new Customer(f, f == 0 ? 0 : s * t, t));
    }

    @Provide
    Arbitrary<TransactionModel> models() {
        Arbitrary<Double> positive = Arbitraries.doubles().between(0.05, 20);
        return Combinators.combine(positive, positive, positive, positive, Arbitraries.of(true, false))
                .as((r, alpha, a, b, modified) -> modified ? ModifiedBetaGeoModel.of(r, alpha, a, b)
                        : BetaGeoModel.of(r, alpha, a, b));
    }

    @Property(tries = 300)
    void logLikelihoodIsFiniteForAnyValidCustomer(@ForAll("models") TransactionModel model,
            @ForAll("customers") Customer c) {
        double ll = model.logLikelihood(c.x(), c.tx(), c.age());
        assertTrue(Double.isFinite(ll), model + " " + c + " -> " + ll);
    }

    @Property(tries = 300)
    void probabilityAliveIsAProbability(@ForAll("models") TransactionModel model, @ForAll("customers") Customer c) {
        double p = model.probabilityAlive(c.x(), c.tx(), c.age());
        assertTrue(p >= 0 && p <= 1, model + " " + c + " -> " + p);
    }

    @Property(tries = 200)
    void moreTimeAheadMeansMorePurchases(@ForAll("models") TransactionModel model, @ForAll("customers") Customer c,
            @ForAll @DoubleRange(min = 0, max = 500) double t, @ForAll @DoubleRange(min = 0.01, max = 500) double more) {
        double near = model.conditionalExpectedPurchases(t, c.x(), c.tx(), c.age());
        double far = model.conditionalExpectedPurchases(t + more, c.x(), c.tx(), c.age());
        assertTrue(Double.isFinite(near) && Double.isFinite(far) && near >= 0, model + " " + c);
        assertTrue(far >= near * (1 - 1e-9), model + " " + c + ": " + near + " then " + far);
        double fresh = model.expectedPurchases(t);
        double later = model.expectedPurchases(t + more);
        assertTrue(Double.isFinite(fresh) && later >= fresh * (1 - 1e-9), model + ": " + fresh + " then " + later);
    }

    @Property(tries = 200)
    void aLaterLastPurchaseMakesACustomerMoreLikelyAlive(@ForAll("models") TransactionModel model,
            @ForAll @IntRange(min = 1, max = 1000) int x, @ForAll @DoubleRange(min = 1, max = 1000) double age,
            @ForAll @DoubleRange(min = 0, max = 1) double early, @ForAll @DoubleRange(min = 0, max = 1) double late) {
        double lo = Math.min(early, late) * age;
        double hi = Math.max(early, late) * age;
        assertTrue(model.probabilityAlive(x, hi, age) >= model.probabilityAlive(x, lo, age) - 1e-12);
    }

    @Property(tries = 100)
    void purchaseCountProbabilitiesAreProbabilities(@ForAll("models") TransactionModel model,
            @ForAll @IntRange(min = 0, max = 200) int n, @ForAll @DoubleRange(min = 0, max = 1000) double t) {
        double p = model.probabilityOfPurchases(n, t);
        assertTrue(p >= 0 && p <= 1, model + " n " + n + " t " + t + " -> " + p);
    }

    @Property(tries = 3)
    void fittingSimulatedBgNbdCustomersRecoversTheParameters(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        // 20,000 customers born over the first half of a 52-week window; standard errors at this size are
        // about 2-10% of the parameters, so 5 standard errors is a generous sampling band
        BetaGeoModel truth = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);
        assertRecovered(truth, BetaGeoModel.fit(truth.simulate(simulationAges(), seed)));
    }

    @Property(tries = 3)
    void fittingSimulatedMbgNbdCustomersRecoversTheParameters(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        ModifiedBetaGeoModel truth = ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614);
        assertRecovered(truth, ModifiedBetaGeoModel.fit(truth.simulate(simulationAges(), seed)));
    }

    /** 20,000 customers born over the first half of a 52-week window. */
    private static double[] simulationAges() {
        double[] ages = new double[20_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 52 - (i % 183) / 7.0;
        }
        return ages;
    }

    /** Every parameter of {@code fitted} lies within 5 of its standard errors of {@code truth}'s. */
    private static void assertRecovered(TransactionModel truth, TransactionModel fitted) {
        truth.parameters().forEach((name, value) -> {
            double se = fitted.diagnostics().standardErrors().get(name);
            assertEquals(value, fitted.parameters().get(name), 5 * se, name + " of " + fitted);
        });
    }
}
