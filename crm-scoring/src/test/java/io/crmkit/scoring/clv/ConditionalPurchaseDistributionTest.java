package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** P(X(T, T+t) = n | x, t_x, T) for BG/NBD, MBG/NBD and Pareto/NBD. */
class ConditionalPurchaseDistributionTest {

    private static final TransactionModel[] MODELS = {
        BetaGeoModel.of(0.24259, 4.41353, 0.79289, 2.42575),
        ModifiedBetaGeoModel.of(0.5, 5.0, 1.2, 3.0),
        ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667),
    };

    @Property(tries = 40)
    void sumsToOneAndHasTheConditionalExpectationAsMean(@ForAll @IntRange(min = 0, max = 30) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1, max = 80) double age,
            @ForAll @DoubleRange(min = 0.5, max = 60) double t) {
        double tx = x == 0 ? 0 : Math.max(recencyShare * age, 1e-3);
        for (TransactionModel model : MODELS) {
            double total = 0;
            double mean = 0;
            double tail = 1;
            int n = 0;
            // sum until the remaining mass is negligible (the mean's tail too)
            while (n < 20_000 && (tail > 1e-13 || n < 5)) {
                double p = model.conditionalProbabilityOfPurchases(n, t, x, tx, age);
                assertTrue(p >= 0 && p <= 1, model.name() + " P " + p);
                total += p;
                mean += n * p;
                tail = 1 - total;
                n++;
            }
            assertEquals(1.0, total, 1e-9, model.name() + " sum at x " + x + " T " + age + " t " + t);
            double expected = model.conditionalExpectedPurchases(t, x, tx, age);
            assertEquals(expected, mean, 1e-7 * Math.max(1, expected), model.name() + " mean");
        }
    }

    @Test
    void zeroPurchasesIncludesThoseWhoHaveLeft() {
        // P(X = 0 | .) >= 1 - P(alive): a customer who has left buys nothing
        for (TransactionModel model : MODELS) {
            double alive = model.probabilityAlive(2, 5, 38.86);
            double none = model.conditionalProbabilityOfPurchases(0, 39, 2, 5, 38.86);
            assertTrue(none >= 1 - alive, model.name());
            assertEquals(1.0, model.conditionalProbabilityOfPurchases(0, 0, 2, 5, 38.86), 1e-15);
            assertEquals(0.0, model.conditionalProbabilityOfPurchases(1, 0, 2, 5, 38.86), 1e-15);
            assertThrows(IllegalArgumentException.class, () -> model.conditionalProbabilityOfPurchases(-1, 1, 2, 5, 38.86));
            assertThrows(IllegalArgumentException.class, () -> model.conditionalProbabilityOfPurchases(0, 1, 2, 50, 38.86));
        }
    }

    @Property(tries = 30)
    void noNaNOrInfinityAtLargeHistories(@ForAll @IntRange(min = 0, max = 10_000) int x,
            @ForAll @DoubleRange(min = 1, max = 100_000) double age, @ForAll @IntRange(min = 0, max = 50) int n,
            @ForAll @DoubleRange(min = 0, max = 100_000) double t) {
        double tx = x == 0 ? 0 : age / 2;
        for (TransactionModel model : MODELS) {
            double p = model.conditionalProbabilityOfPurchases(n, t, x, tx, age);
            assertTrue(p >= 0 && p <= 1, model.name() + " P " + p);
        }
    }
}
