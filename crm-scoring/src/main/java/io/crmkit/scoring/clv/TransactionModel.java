package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableMap;

/**
 * A fitted (or given) continuous-time model of how often customers buy and when they silently
 * leave: BG/NBD, Pareto/NBD, MBG/NBD. Times are in the unit of the data the model was fitted on
 * (e.g. weeks). A customer is described by the repeat-purchase count x, the recency
 * t<sub>x</sub> and the age T of {@link CustomerSummaries}.
 *
 * <p>Implementations are immutable and thread-safe. No method returns NaN or infinity: inputs
 * are validated and the formulas are evaluated in log space.
 *
 * <pre>{@code
 * TransactionModel model = BetaGeoModel.fit(summaries);
 * double next39Weeks = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 */
public interface TransactionModel {

    /** @return the model's short name as on the command line, e.g. {@code bgnbd} */
    String name();

    /** @return the parameters by their names in the paper, in the paper's order */
    ImmutableMap<String, Double> parameters();

    /** @return how the fit went; a model made from known parameters reports no iterations */
    FitDiagnostics diagnostics();

    /**
     * The log-likelihood of one customer's (x, t<sub>x</sub>, T).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the log-likelihood
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    double logLikelihood(double x, double tx, double age);

    /**
     * The expected number of repeat purchases of a new customer in (0, t]: E[X(t)].
     *
     * @param t the length of the period, &ge; 0
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    double expectedPurchases(double t);

    /**
     * The expected number of purchases in the next t time units of a customer with history
     * (x, t<sub>x</sub>, T): E[Y(t) | x, t<sub>x</sub>, T].
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the conditional expectation
     * @throws IllegalArgumentException if t is negative or the triple is not a valid summary
     */
    double conditionalExpectedPurchases(double t, double x, double tx, double age);

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) is still active at T.
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return P(alive | x, t<sub>x</sub>, T), in [0, 1]
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    double probabilityAlive(double x, double tx, double age);

    /**
     * The probability that a new customer makes exactly n repeat purchases in (0, t]:
     * P(X(t) = n).
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period, &ge; 0
     * @return P(X(t) = n), in [0, 1]
     * @throws IllegalArgumentException if n or t is negative
     */
    double probabilityOfPurchases(int n, double t);

    /**
     * Bulk {@link #conditionalExpectedPurchases(double, double, double, double)} over columns,
     * without allocating: {@code out[i]} receives the value for row i.
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
     * Bulk {@link #probabilityAlive(double, double, double)} over columns, without allocating.
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
