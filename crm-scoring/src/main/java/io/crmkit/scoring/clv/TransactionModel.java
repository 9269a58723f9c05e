package io.crmkit.scoring.clv;

/**
 * A fitted (or given) continuous-time model of how often customers buy and when they silently
 * leave: BG/NBD, Pareto/NBD, MBG/NBD. Times are in the unit of the data the model was fitted on
 * (e.g. weeks). A customer is described by the repeat-purchase count x, the recency
 * t<sub>x</sub> and the age T of {@link CustomerSummaries}.
 *
 * <p>The continuous-time {@link PurchaseModel}s: besides the per-customer predictions they answer
 * questions about a new customer. Implementations are immutable and thread-safe. No method returns
 * NaN or infinity: inputs are validated and the formulas are evaluated in log space.
 *
 * <pre>{@code
 * TransactionModel model = BetaGeoModel.fit(summaries);
 * double next39Weeks = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 */
public interface TransactionModel extends PurchaseModel {

    /**
     * The expected number of repeat purchases of a new customer in (0, t]: E[X(t)].
     *
     * @param t the length of the period, &ge; 0
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    double expectedPurchases(double t);

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
}
