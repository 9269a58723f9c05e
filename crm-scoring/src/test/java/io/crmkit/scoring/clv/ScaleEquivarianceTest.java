package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.ModelAssertions.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A maximum-likelihood fit does not depend on the units of the data: spend × c gives v × c, the
 * same p and q, and a log-likelihood lower by n·ln c (the Jacobian of z̄ → c z̄ for each of the n
 * customers); time × c gives the purchase and dropout rates per unit time (α, β × c), the same
 * shapes, and a log-likelihood lower by Σx · ln c (one factor per repeat purchase time).
 */
class ScaleEquivarianceTest {

    private static final double[][] CDNOW = Datasets.cdnowWithSpend();

    private static CustomerSummaries spendTimes(double c) {
        double[] spend = CDNOW[4].clone();
        for (int i = 0; i < spend.length; i++) {
            spend[i] *= c;
        }
        return CustomerSummaries.withMonetaryValue(CDNOW[1], CDNOW[2], CDNOW[3], spend);
    }

    /** A 4,000-customer simulated BG/NBD population (weeks), small enough to fit every model quickly. */
    private static final CustomerSummaries WEEKS = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426)
            .simulate(ages(), 7);

    private static double[] ages() {
        double[] ages = new double[4000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 39 - (i % 84) / 7.0;
        }
        return ages;
    }

    private static CustomerSummaries timeTimes(double c) {
        double[] tx = WEEKS.recencies();
        double[] age = WEEKS.ages();
        for (int i = 0; i < tx.length; i++) {
            tx[i] *= c;
            age[i] *= c;
        }
        return CustomerSummaries.of(WEEKS.frequencies(), tx, age);
    }

    private static double repeatPurchases() {
        double sum = 0;
        for (int i = 0; i < WEEKS.size(); i++) {
            sum += WEEKS.frequency(i);
        }
        return sum;
    }

    @Test
    void gammaGammaOnSpendInBillionsIsTheSameFit() {
        // issue example: CDNOW spend × 1e9 used to give p 1.19e6, q 2.67, v 5.1e4; × 1e7 and × 1e8 failed
        GammaGammaModel plain = GammaGammaModel.fit(spendTimes(1));
        for (double c : new double[] {1e7, 1e8, 1e9}) {
            GammaGammaModel scaled = GammaGammaModel.fit(spendTimes(c));
            assertRelative(plain.p(), scaled.p(), 1e-6);
            assertRelative(plain.q(), scaled.q(), 1e-6);
            assertRelative(plain.v() * c, scaled.v(), 1e-6);
            double n = plain.diagnostics().customers();
            assertEquals(plain.diagnostics().logLikelihood() - n * Math.log(c), scaled.diagnostics().logLikelihood(),
                    1e-6 * Math.abs(scaled.diagnostics().logLikelihood()));
        }
    }

    @Test
    void gammaGammaOnSpendNearTheLargestDoubleIsTheSameFit() {
        // CDNOW spend x 2^1015 (mean spends up to about 1e308): the weighted spend overflows a double
        // (946 repeat customers, mean about 1.2e307), the mean does not; the standardised fit is the same
        // and v carries the factor 2^1015 exactly as the money unit: v = plain v x 2^1015 (about 1.4e307)
        double c = Math.scalb(1.0, 1015);
        GammaGammaModel plain = GammaGammaModel.fit(spendTimes(1));
        GammaGammaModel huge = GammaGammaModel.fit(spendTimes(c));
        assertRelative(plain.p(), huge.p(), 1e-6);
        assertRelative(plain.q(), huge.q(), 1e-6);
        assertRelative(plain.v() * c, huge.v(), 1e-6);
        double n = plain.diagnostics().customers();
        assertEquals(plain.diagnostics().logLikelihood() - n * 1015 * Math.log(2), huge.diagnostics().logLikelihood(),
                1e-6 * Math.abs(huge.diagnostics().logLikelihood()));
        assertEquals(plain.frequencyMonetaryCorrelation().getAsDouble(),
                huge.frequencyMonetaryCorrelation().getAsDouble(), 1e-12);
    }

    @Property(tries = 6)
    void gammaGammaIsEquivariantUnderTheMoneyUnit(@ForAll @IntRange(min = -6, max = 12) int exponent) {
        double c = Math.pow(10, exponent);
        GammaGammaModel plain = GammaGammaModel.fit(spendTimes(1));
        GammaGammaModel scaled = GammaGammaModel.fit(spendTimes(c));
        assertRelative(plain.p(), scaled.p(), 1e-6);
        assertRelative(plain.q(), scaled.q(), 1e-6);
        assertRelative(plain.v() * c, scaled.v(), 1e-6);
        assertRelative(plain.conditionalExpectedAverageSpend(2, 22.35) * c,
                scaled.conditionalExpectedAverageSpend(2, 22.35 * c), 1e-6);
    }

    private static void assertTimeEquivariant(Function<CustomerSummaries, TransactionModel> fit, double c) {
        TransactionModel weeks = fit.apply(timeTimes(1));
        TransactionModel other = fit.apply(timeTimes(c));
        weeks.parameters().forEach((name, value) -> {
            boolean timeScale = name.equals("alpha") || name.equals("beta");
            assertRelative(timeScale ? value * c : value, other.parameters().get(name), 1e-5);
        });
        assertEquals(weeks.diagnostics().logLikelihood() - repeatPurchases() * Math.log(c),
                other.diagnostics().logLikelihood(), 1e-7 * Math.abs(other.diagnostics().logLikelihood()));
        assertRelative(weeks.conditionalExpectedPurchases(10, 2, 20, 30),
                other.conditionalExpectedPurchases(10 * c, 2, 20 * c, 30 * c), 1e-5);
    }

    /** Weeks to days (× 7), minutes (× 10,080), years (÷ 52) and back. */
    @Property(tries = 4)
    void purchaseModelsAreEquivariantUnderTheTimeUnit(@ForAll @IntRange(min = 0, max = 3) int unit) {
        double c = new double[] {7, 10_080, 1 / 52.0, 1e-4}[unit];
        assertTimeEquivariant(BetaGeoModel::fit, c);
        assertTimeEquivariant(ModifiedBetaGeoModel::fit, c);
        assertTimeEquivariant(ParetoNbdModel::fit, c);
    }
}
