package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.ModelAssertions.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Parameters the factories accept, however extreme, give the right value or a refusal, never a
 * wrong finite number. The no-dropout limit (b, β or δ → ∞) is the hard case: the closed forms
 * there are differences that cancel. Limits: BG/NBD and Pareto/NBD without dropout are the
 * Gamma-Poisson (NBD) model, E[X(t)] = r t/α, E[Y(t) | x, T] = (r+x) t/(α+T), P(X(t) = 0) =
 * (α/(α+t))<sup>r</sup> (Fader, Hardie &amp; Lee 2005, section 2 and eq. 10 with p = 0).
 */
class ExtremeParametersTest {

    @Test
    void bgNbdWithoutDropoutGivesTheNbdLimit() {
        // issue examples: b = 1e16 gave 0.0, 1e17 gave 64, 1e19 gave 36,864, where the limit is 0.24·39/4.4 = 2.127
        double limit = 0.24 * 39 / 4.4;
        // mpmath quad of E[(1 - (4.4/(4.4+39p))^0.24)/p] over p ~ Beta(0.79, 1e16) = 2.1272727272727260987
        assertEquals(2.1272727272727260987, BetaGeoModel.of(0.24, 4.4, 0.79, 1e16).expectedPurchases(39), 1e-12);
        for (double b : new double[] {1e17, 1e19, 1e100, Double.MAX_VALUE}) {
            assertEquals(limit, BetaGeoModel.of(0.24, 4.4, 0.79, b).expectedPurchases(39), 1e-12, "b " + b);
            assertEquals(limit, ModifiedBetaGeoModel.of(0.24, 4.4, 0.79, b).expectedPurchases(39), 1e-12, "b " + b);
        }
        // b = 1e20 gave 8,192; the limit is (0.24 + 2)·39/(4.4 + 39) = 2.0129...
        assertEquals(2.24 * 39 / 43.4, BetaGeoModel.of(0.24, 4.4, 0.79, 1e20).conditionalExpectedPurchases(39, 2, 30,
                39), 1e-12);
        // b = Double.MAX_VALUE gave NaN; no dropout leaves the NBD zero class (4.4/43.4)^0.24
        assertEquals(Math.pow(4.4 / 43.4, 0.24), BetaGeoModel.of(0.24, 4.4, 0.79, Double.MAX_VALUE)
                .probabilityOfPurchases(0, 39), 1e-14);
        assertEquals(Math.pow(4.4 / 43.4, 0.24), ModifiedBetaGeoModel.of(0.24, 4.4, 0.79, Double.MAX_VALUE)
                .probabilityOfPurchases(0, 39), 1e-14);
    }

    @Test
    void paretoNbdWithoutDropoutGivesTheNbdLimit() {
        double limit = 0.55 * 39 / 10.58;
        for (double beta : new double[] {1e16, 1e100, Double.MAX_VALUE}) {
            ParetoNbdModel model = ParetoNbdModel.of(0.55, 10.58, 0.61, beta);
            assertEquals(limit, model.expectedPurchases(39), 1e-12, "beta " + beta);
            assertEquals(2.55 * 39 / (10.58 + 39), model.conditionalExpectedPurchases(39, 2, 30, 39), 1e-9);
            assertEquals(Math.pow(10.58 / 49.58, 0.55), model.probabilityOfPurchases(0, 39), 1e-12);
        }
    }

    @Test
    void bgBbWithoutDropoutGivesTheBetaBinomialLimit() {
        // δ → ∞: nobody dies, E[X(n)] = n α/(α+β) and P(alive) = 1
        for (double delta : new double[] {1e16, 1e100, Double.MAX_VALUE}) {
            BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.of(1.2, 0.75, 0.66, delta);
            assertEquals(6 * 1.2 / 1.95, model.expectedPurchases(6), 1e-12, "delta " + delta);
            assertEquals(1, model.probabilityAlive(3, 4, 6), 1e-12);
            // posterior mean of p after 3 of 6 is (1.2 + 3)/(1.95 + 6): five more opportunities
            assertEquals(5 * 4.2 / 7.95, model.conditionalExpectedPurchases(5, 3, 4, 6), 1e-9);
        }
    }

    @Test
    void modifiedBetaGeoLikelihoodAtTheLargestIntFrequencyIsFinite() {
        // used to throw ArrayIndexOutOfBounds (k = x + 1 overflowed an int); the value is the MBG/NBD likelihood
        // B(a, b+x+1)/B(a, b) Γ(r+x)α^r/Γ(r) (α+T)^-(r+x) + B(a+1, b+x)/B(a, b) Γ(r+x)α^r/Γ(r) (α+t_x)^-(r+x),
        // dominated here by the second term; compare with the same formula through log-gamma ratios at x = 1e6
        ModifiedBetaGeoModel model = ModifiedBetaGeoModel.of(0.24, 4.4, 0.79, 2.4);
        double big = model.logLikelihood(2147483647, 20, 40);
        assertTrue(Double.isFinite(big));
        BetaGeoModel plain = BetaGeoModel.of(0.24, 4.4, 0.79, 2.4);
        assertTrue(Double.isFinite(plain.logLikelihood(1e12, 20, 40)));
        // ln L grows like ln Γ(r+x) - x ln(α+t_x): check against its leading terms at x = 2^31 - 1
        double x = 2147483647;
        double leading = (x + 0.24 - 0.5) * Math.log(x + 0.24) - x - (x + 0.24) * Math.log(24.4);
        assertRelative(leading, big, 1e-8);
        assertTrue(model.probabilityOfPurchases(Integer.MAX_VALUE, 39) >= 0);
    }

    /** Any output of a fitted purchase model at b (or β, δ) from 1e-3 to the largest double is a number in range. */
    @Property(tries = 300)
    void everyOutputIsFiniteAndInRangeHoweverLargeTheDropoutParameter(
            @ForAll @DoubleRange(min = 0.05, max = 20) double r, @ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
            @ForAll @DoubleRange(min = 0.05, max = 20) double a, @ForAll @DoubleRange(min = -3, max = 308) double log10b,
            @ForAll @IntRange(min = 0, max = 200) int x, @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @DoubleRange(min = 0.1, max = 200) double age, @ForAll @DoubleRange(min = 0, max = 200) double t) {
        double b = Math.min(Double.MAX_VALUE, Math.pow(10, log10b));
        double tx = x == 0 ? 0 : share * age;
        for (TransactionModel m : new TransactionModel[] {BetaGeoModel.of(r, alpha, a, b),
                ModifiedBetaGeoModel.of(r, alpha, a, b), ParetoNbdModel.of(r, alpha, a, b)}) {
            double limit = r * t / alpha;
            double expected = m.expectedPurchases(t);
            assertTrue(expected >= 0 && expected <= limit * (1 + 1e-9) + 1e-12, m + " E[X(" + t + ")] " + expected);
            double conditional = m.conditionalExpectedPurchases(t, x, tx, age);
            assertTrue(conditional >= 0 && conditional <= (r + x) * t / (alpha + age) * (1 + 1e-9) + 1e-12,
                    m + " E[Y] " + conditional);
            double alive = m.probabilityAlive(x, tx, age);
            assertTrue(alive >= 0 && alive <= 1, m + " P(alive) " + alive);
            double p = m.probabilityOfPurchases(Math.min(x, 50), t);
            assertTrue(p >= 0 && p <= 1, m + " P(X = " + x + ") " + p);
            assertTrue(Double.isFinite(m.logLikelihood(x, tx, age)), m + " ln L");
        }
        BetaGeoBetaBinomModel bgbb = BetaGeoBetaBinomModel.of(r, alpha, a, b);
        int n = (int) Math.ceil(age);
        int xd = Math.min(x, n);
        int txd = xd == 0 ? 0 : Math.max(xd, (int) Math.round(share * n));
        double e = bgbb.conditionalExpectedPurchases(10, xd, txd, n);
        assertTrue(e >= 0 && e <= 10, bgbb + " E " + e);
        double alive = bgbb.probabilityAlive(xd, txd, n);
        assertTrue(alive >= 0 && alive <= 1, bgbb + " P(alive) " + alive);
        assertTrue(bgbb.logLikelihood(xd, txd, n) <= 0);
    }

    /** As b grows the predictions approach the no-dropout limit monotonically, without jumps. */
    @Property(tries = 100)
    void predictionsApproachTheNoDropoutLimitMonotonically(@ForAll @DoubleRange(min = 0.05, max = 20) double r,
            @ForAll @DoubleRange(min = 0.05, max = 20) double alpha, @ForAll @DoubleRange(min = 0.05, max = 20) double a,
            @ForAll @DoubleRange(min = 0.5, max = 200) double t) {
        DoubleFunction<Double> bg = b -> BetaGeoModel.of(r, alpha, a, b).expectedPurchases(t);
        DoubleFunction<Double> pareto = beta -> ParetoNbdModel.of(r, alpha, a, beta).expectedPurchases(t);
        double limit = r * t / alpha;
        for (DoubleFunction<Double> f : java.util.List.of(bg, pareto)) {
            double previous = 0;
            for (int k = 0; k <= 308; k += 4) {
                double value = f.apply(Math.pow(10, k));
                assertTrue(value >= previous * (1 - 1e-9), "b 1e" + k + ": " + value + " after " + previous);
                assertTrue(value <= limit * (1 + 1e-9), "b 1e" + k + ": " + value + " above the limit " + limit);
                previous = value;
            }
            assertEquals(limit, previous, 1e-9 * limit);
        }
    }

    @Test
    void parametersAtTheTopOfTheDoubleRangeGiveAFiniteExpectationOrAnArgumentError() {
        // BG/NBD with r = alpha = a = b = 1e308 used to throw IllegalStateException from the series
        for (BetaGeoFamily model : new BetaGeoFamily[] {BetaGeoModel.of(1e308, 1e308, 1e308, 1e308),
                ModifiedBetaGeoModel.of(1e308, 1e308, 1e308, 1e308)}) {
            try {
                double value = model.conditionalExpectedPurchases(10, 5, 3, 4);
                assertTrue(Double.isFinite(value) && value >= 0, model + ": " + value);
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().startsWith(model.name() + " parameters r 1.0E308, alpha 1.0E308, a "
                        + "1.0E308, b 1.0E308 are invalid"), refused.getMessage());
            }
        }
    }
}
