package io.crmkit.scoring.clv;

/**
 * A fitted model of how often customers buy and when they silently leave, asked about a customer
 * described by the repeat-purchase count x, the recency t<sub>x</sub> and the age T of
 * {@link CustomerSummaries}: the continuous-time {@link TransactionModel}s (BG/NBD, MBG/NBD,
 * Pareto/NBD), with times in the unit of the data, and the discrete-time BG/BB, where T and
 * t<sub>x</sub> count transaction opportunities and horizons are whole numbers of them.
 *
 * <p>No method returns NaN or infinity.
 */
public interface PurchaseModel extends ClvModel {

    /**
     * The log-likelihood of one customer's (x, t<sub>x</sub>, T).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if the triple is not a valid summary for the model
     */
    double logLikelihood(double x, double tx, double age);

    /**
     * The expected number of purchases in the next t of a customer with history
     * (x, t<sub>x</sub>, T): E[Y(t) | x, t<sub>x</sub>, T].
     *
     * @param t the length of the period ahead, &ge; 0 (a whole number of opportunities for BG/BB)
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the conditional expectation
     * @throws IllegalArgumentException if t is invalid or the triple is not a valid summary
     */
    double conditionalExpectedPurchases(double t, double x, double tx, double age);

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) is still active (for BG/BB:
     * at the next opportunity).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return P(alive | x, t<sub>x</sub>, T), in [0, 1]
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    double probabilityAlive(double x, double tx, double age);

    /**
     * Bulk {@link #conditionalExpectedPurchases(double, double, double, double)} over columns:
     * {@code out[i]} receives the value for row i.
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the expectations; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    default void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        for (int i = 0; i < x.length; i++) {
            out[i] = conditionalExpectedPurchases(t, x[i], tx[i], age[i]);
        }
    }

    /**
     * Bulk {@link #probabilityAlive(double, double, double)} over columns.
     *
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the probabilities; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    default void probabilityAlive(double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        for (int i = 0; i < x.length; i++) {
            out[i] = probabilityAlive(x[i], tx[i], age[i]);
        }
    }
}
