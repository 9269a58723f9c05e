package io.crmkit.scoring.clv;

import io.crmkit.scoring.internal.math.DiscountedIntegral;

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

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) makes exactly n purchases
     * in (T, T+t]: P(X(T, T+t) = n | x, t<sub>x</sub>, T). lifetimes offers only the unconditional
     * P(X(t) = n) of a new customer.
     *
     * <p>Derivation (the argument of Fader &amp; Hardie, "Deriving the conditional PMF of the
     * Pareto/NBD model", 2014, brucehardie.com note 028, which applies to the BG/NBD alike): a
     * customer who is no longer alive at T makes no purchase; one who is alive at T has the posterior
     * λ ~ Gamma(r+x, α+T) and, independently, μ ~ Gamma(s, β+T) (Pareto/NBD) or p ~ Beta(a, b+x)
     * (BG/NBD; Beta(a, b+x+1) for the MBG/NBD, who survived x+1 dropout chances), and from T on
     * behaves as a new customer of the same model with these parameters. Hence
     * P(X(T, T+t) = n | ·) = [n = 0]·(1 − P(alive)) + P(alive)·P<sub>post</sub>(X(t) = n), with
     * P<sub>post</sub> the model's {@linkplain #probabilityOfPurchases unconditional PMF} (Pareto/NBD:
     * Fader &amp; Hardie 2006 note 012; BG/NBD: Fader, Hardie &amp; Lee 2005, "Counting your
     * customers the easy way", eq. 8) at the posterior parameters. The probabilities sum to 1 over n
     * and their mean is {@link #conditionalExpectedPurchases}.
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if n or t is invalid or the triple is not a valid summary
     * @throws UnsupportedOperationException if the model does not offer it (every model of this
     *     package does)
     */
    default double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        throw new UnsupportedOperationException(name() + " has no conditional distribution of future purchases");
    }

    /**
     * DERT, the discounted expected residual transactions of a customer with history
     * (x, t<sub>x</sub>, T): E[∫<sub>T</sub><sup>∞</sup> e<sup>−δ(τ−T)</sup> dX(τ) | x,
     * t<sub>x</sub>, T], the expected number of her future purchases, each discounted continuously
     * at rate δ to time T (Fader, Hardie &amp; Lee 2005, "RFM and CLV", <i>Journal of Marketing
     * Research</i> 42(4), eq. 1). Multiplied by the expected spend per purchase it is her residual
     * lifetime value ({@link LifetimeValue#residualValue}).
     *
     * <p>By default it is computed, for any model, from the conditional expectation
     * E(τ) = E[X(T, T+τ) | x, t<sub>x</sub>, T] as DERT = δ ∫<sub>0</sub><sup>∞</sup>
     * e<sup>−δτ</sup> E(τ) dτ (integration by parts), by Gauss-Legendre quadrature in ln τ
     * (about 900 evaluations of E, relative error below 10<sup>−12</sup> in the tests against
     * direct integration over the posterior of λ and p). BG/NBD and MBG/NBD use this; Pareto/NBD
     * overrides it with its closed form.
     *
     * @param delta the continuous discount rate per unit of the data's time, &gt; 0 and finite
     *     (an annual rate d compounded annually is ln(1+d)/52 per week)
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return DERT, &ge; 0
     * @throws IllegalArgumentException if δ is invalid or the triple is not a valid summary
     */
    default double discountedExpectedResidualPurchases(double delta, double x, double tx, double age) {
        Checks.require(Double.isFinite(delta) && delta > 0, "discount rate delta %s is invalid: it must be finite"
                + " and > 0", delta);
        probabilityAlive(x, tx, age);
        double value = DiscountedIntegral.of(tau -> conditionalExpectedPurchases(tau, x, tx, age), delta);
        Checks.require(Double.isFinite(value), "DERT of (%s, %s, %s) at delta %s is beyond the range of a double", x,
                tx, age, delta);
        return value;
    }
}
