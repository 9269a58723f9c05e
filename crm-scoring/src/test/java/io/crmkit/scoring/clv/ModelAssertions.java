package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions that the tests of several transaction models share. */
final class ModelAssertions {

    private ModelAssertions() {
    }

    /** {@code actual} equals {@code expected} to {@code tolerance} relative to {@code expected}. */
    static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, "expected " + expected + ", got " + actual);
    }

    /**
     * The bulk P(alive) and conditional expectation over horizon {@code t} equal the
     * single-customer ones row by row, to {@code tolerance}.
     */
    static void assertBulkEqualsSingle(TransactionModel model, double t, double[] x, double[] tx, double[] age,
            double tolerance) {
        double[] expected = new double[x.length];
        double[] alive = new double[x.length];
        model.conditionalExpectedPurchases(t, x, tx, age, expected);
        model.probabilityAlive(x, tx, age, alive);
        for (int i = 0; i < x.length; i++) {
            assertEquals(model.conditionalExpectedPurchases(t, x[i], tx[i], age[i]), expected[i], tolerance);
            assertEquals(model.probabilityAlive(x[i], tx[i], age[i]), alive[i], tolerance);
        }
    }

    /**
     * P(X(39) = n) for n below 400 sums to 1 (to 1e-9) and its mean is E[X(39)] (to 1e-6).
     */
    static void assertPurchaseCountsSumToOneWithTheExpectedMean(TransactionModel model) {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 400; n++) {
            double p = model.probabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(model.expectedPurchases(39), mean, 1e-6);
    }
}
