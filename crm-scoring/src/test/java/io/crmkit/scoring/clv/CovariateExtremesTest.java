package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Customers of the covariate models whose covariates push their own parameters far out: with
 * γ<sub>life</sub>ᵀz = −250 the BG/NBD customer has a<sub>i</sub>, b<sub>i</sub> of order 1e-109,
 * where E[X(t)] and E[Y(t) | …] used to throw "expected purchases could not be evaluated". The
 * right values are the limits of the BG/NBD as a, b → 0 with a/(a+b) fixed: the dropout
 * probability is 1 with chance a/(a+b) (gone at the first repeat purchase) and 0 otherwise, so
 * E[X(t)] = b/(a+b) · r t/α + a/(a+b) · (1 − (α/(α+t))<sup>r</sup>) (Fader, Hardie &amp; Lee 2005,
 * eq. 9 with p ∈ {0, 1}: the Gamma-Poisson mean and the chance of at least one purchase).
 */
class CovariateExtremesTest {

    private static final double R = 0.243;
    private static final double ALPHA = 4.414;
    private static final double A = 0.793;
    private static final double B = 2.426;

    private static BetaGeoCovariateModel bgNbd(double gammaTrans, double gammaLife) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", R);
        p.put("alpha", ALPHA);
        p.put("a", A);
        p.put("b", B);
        p.put("trans.z", gammaTrans);
        p.put("life.z", gammaLife);
        return BetaGeoCovariateModel.of(p);
    }

    private static ParetoNbdCovariateModel paretoNbd(double gammaTrans, double gammaLife) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", 0.553);
        p.put("alpha", 10.58);
        p.put("s", 0.606);
        p.put("beta", 11.67);
        p.put("trans.z", gammaTrans);
        p.put("life.z", gammaLife);
        return ParetoNbdCovariateModel.of(p);
    }

    @Test
    void aCustomerWithVanishingDropoutShapesGetsTheirLimit() {
        // gamma_life 5, z -50: a_i = 0.793 e^-250, b_i = 2.426 e^-250; gamma_trans 0
        BetaGeoModel one = bgNbd(0, 5).forCustomer(Map.of("z", -50.0), Map.of("z", -50.0));
        assertTrue(one.a() < 1e-100 && one.b() < 1e-100, one.toString());
        double gone = A / (A + B);
        for (double t : new double[] {1, 39, 1000, 100_000}) {
            double limit = (1 - gone) * R * t / ALPHA + gone * (1 - Math.pow(ALPHA / (ALPHA + t), R));
            assertEquals(limit, one.expectedPurchases(t), 1e-12 * limit, "t " + t);
            // x = 0: alive for sure, posterior Gamma(r, alpha + T), the same Beta
            double after = (1 - gone) * R * t / (ALPHA + 39) + gone * (1 - Math.pow((ALPHA + 39) / (ALPHA + 39 + t), R));
            assertEquals(after, one.conditionalExpectedPurchases(t, 0, 0, 39), 1e-12 * after, "t " + t);
            // x = 1: posterior Beta(a_i, b_i + 1) is the point mass at p = 0, and P(alive) = 1/(1 + a/b ((α+T)/(α+t_x))^(r+1))
            double alive = 1 / (1 + A / B * Math.pow((ALPHA + 39) / (ALPHA + 20), R + 1));
            assertEquals(alive, one.probabilityAlive(1, 20, 39), 1e-13);
            double expected = alive * (R + 1) * t / (ALPHA + 39);
            assertEquals(expected, one.conditionalExpectedPurchases(t, 1, 20, 39), 1e-12 * expected, "t " + t);
        }
        // P(X(t) = 0) in the limit: never buys, (α/(α+t))^r, whichever p
        assertEquals(Math.pow(ALPHA / (ALPHA + 39), R), one.probabilityOfPurchases(0, 39), 1e-13);
        // the whole covariate model, as the CLI calls it
        assertEquals((1 - gone) * R * 39 / (ALPHA + 39) + gone * (1 - Math.pow((ALPHA + 39) / (ALPHA + 78), R)),
                bgNbd(0, 5).predict(CustomerSummaries.of(new double[] {0}, new double[] {0}, new double[] {39}),
                        Covariates.of(java.util.List.of("z"), new double[][] {{-50}}),
                        Covariates.of(java.util.List.of("z"), new double[][] {{-50}}), 39).get("expected_purchases")[0],
                1e-12);
    }

    /**
     * Every customer with finite covariates gets a finite E[Y(t) | …] between the bounds of the
     * two extreme dropout probabilities, g(1) ≤ E[Y]/P(alive) ≤ g(0): no dropout gives
     * (r+x) t/(α<sub>i</sub>+T), dropout at the next purchase 1 − ((α<sub>i</sub>+T)/(α<sub>i</sub>+T+t))<sup>r+x</sup>.
     */
    @Property(tries = 300)
    void bgNbdCustomersStayFiniteAndBetweenTheirDropoutBounds(@ForAll @DoubleRange(min = -5, max = 5) double gammaTrans,
            @ForAll @DoubleRange(min = -5, max = 5) double gammaLife, @ForAll @DoubleRange(min = -50, max = 50) double z,
            @ForAll @IntRange(min = 0, max = 10_000) int x, @ForAll @DoubleRange(min = 1, max = 100_000) double age,
            @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll @DoubleRange(min = 0, max = 1000) double t) {
        BetaGeoModel one = bgNbd(gammaTrans, gammaLife).forCustomer(Map.of("z", z), Map.of("z", z));
        double tx = x == 0 ? 0 : Math.max(share * age, 1e-9);
        double alive = one.probabilityAlive(x, tx, age);
        assertTrue(alive >= 0 && alive <= 1, "P(alive) " + alive);
        double e = one.conditionalExpectedPurchases(t, x, tx, age);
        double beta = one.alpha() + age;
        double upper = alive * (R + x) * t / beta;
        double lower = alive * -Math.expm1(-(R + x) * Math.log1p(t / beta));
        assertTrue(Double.isFinite(e) && e >= lower * (1 - 1e-9) - 1e-300 && e <= upper * (1 + 1e-9) + 1e-300,
                lower + " <= " + e + " <= " + upper + " for " + one);
        double mean = one.expectedPurchases(t);
        assertTrue(Double.isFinite(mean) && mean <= R * t / one.alpha() * (1 + 1e-9) + 1e-300, mean + " " + one);
        double none = one.probabilityOfPurchases(0, t);
        assertTrue(none >= 0 && none <= 1, "P(X(t) = 0) " + none);
    }

    @Test
    void aCustomerWhoseDropoutBetaIsConcentratedByTheCovariate() {
        // the case a random seed found (2026-11-30): gamma_life -2.18, z -36.63 scale a and b by e^79.9,
        // to 3.8e34 and 1.2e35, and the expected purchases were refused
        bgNbdCustomersStayFiniteAndBetweenTheirDropoutBounds(0.0, -2.18, -36.63, 0, 1.0, 0.0, 0.04);
        bgNbdCustomersStayFiniteAndBetweenTheirDropoutBounds(0.0, -2.18, -36.63, 7, 400.0, 0.5, 39);
        // and with alpha scaled down to 2.8e-8 (rho 4.3e6), where the first bound of the limit was too loose
        bgNbdCustomersStayFiniteAndBetweenTheirDropoutBounds(-0.48, -2.03, -39.33, 0, 1.0, 0.0, 0.12);
    }

    @Property(tries = 300)
    void paretoNbdCustomersStayFiniteAndBelowTheNoDropoutBound(@ForAll @DoubleRange(min = -5, max = 5) double gammaTrans,
            @ForAll @DoubleRange(min = -5, max = 5) double gammaLife, @ForAll @DoubleRange(min = -50, max = 50) double z,
            @ForAll @IntRange(min = 0, max = 10_000) int x, @ForAll @DoubleRange(min = 1, max = 100_000) double age,
            @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll @DoubleRange(min = 0, max = 1000) double t) {
        ParetoNbdModel one = paretoNbd(gammaTrans, gammaLife).forCustomer(Map.of("z", z), Map.of("z", z));
        double tx = x == 0 ? 0 : Math.max(share * age, 1e-9);
        double alive = one.probabilityAlive(x, tx, age);
        assertTrue(alive >= 0 && alive <= 1, "P(alive) " + alive);
        double e = one.conditionalExpectedPurchases(t, x, tx, age);
        double upper = alive * (0.553 + x) * t / (one.alpha() + age);
        assertTrue(Double.isFinite(e) && e >= 0 && e <= upper * (1 + 1e-9) + 1e-300, e + " <= " + upper + " " + one);
        double mean = one.expectedPurchases(t);
        assertTrue(Double.isFinite(mean) && mean >= 0 && mean <= 0.553 * t / one.alpha() * (1 + 1e-9) + 1e-300,
                mean + " " + one);
    }
}
