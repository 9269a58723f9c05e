package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableMap;
import java.io.InvalidObjectException;
import java.io.Serializable;

/**
 * The one implementation of the two beta-geometric models, BG/NBD ({@link BetaGeoModel}) and
 * MBG/NBD ({@link ModifiedBetaGeoModel}), which differ only in whether a customer can drop out
 * right after the first purchase; the public classes add their factories and documentation. The
 * parameters and per-customer formulas live in {@link BetaGeoKernel}, the shared numerics in
 * {@link BetaGeoMath}. Immutable, thread-safe and serializable (through {@link SerializedModel}).
 */
abstract sealed class BetaGeoFamily implements TransactionModel, Serializable
        permits BetaGeoModel, ModifiedBetaGeoModel {

    private static final long serialVersionUID = 1L;

    /** The parameters and the formulas. */
    private final BetaGeoKernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    BetaGeoFamily(BetaGeoKernel kernel, FitDiagnostics diagnostics) {
        this.kernel = kernel;
        this.diagnostics = java.util.Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** @return r, the shape of the purchase-rate Gamma distribution */
    public double r() {
        return kernel.r();
    }

    /** @return α, the rate of the purchase-rate Gamma distribution */
    public double alpha() {
        return kernel.alpha();
    }

    /** @return a, the first shape of the dropout Beta distribution */
    public double a() {
        return kernel.a();
    }

    /** @return b, the second shape of the dropout Beta distribution */
    public double b() {
        return kernel.b();
    }

    /** @return {@code bgnbd} or {@code mbgnbd} */
    @Override
    public String name() {
        return kernel.name();
    }

    /** @return r, alpha, a, b */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return kernel.parameters();
    }

    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The log-likelihood of one customer: FHL 2005 eq. 6 (BG/NBD), Batislam et al. 2007 eq. 3
     * (MBG/NBD).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double logLikelihood(double x, double tx, double age) {
        return kernel.logLikelihood(x, tx, age);
    }

    /**
     * E[X(t)], FHL 2005 eq. 9: (a+b−1)/(a−1) · [1 − (α/(α+t))<sup>r</sup> ₂F₁(r, b; a+b−1; t/(α+t))]
     * (MBG/NBD: b/(a+b) times the same with b+1, survival of the first purchase).
     *
     * @param t the length of the period, &ge; 0
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    @Override
    public double expectedPurchases(double t) {
        return kernel.expectedPurchases(t);
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T], FHL 2005 eq. 10: P(alive) times the expected purchases of an
     * alive customer whose rate and dropout posteriors are Gamma(r+x, α+T) and Beta(a, b+x)
     * (MBG/NBD: Beta(a, b+x+1)).
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the conditional expectation
     * @throws IllegalArgumentException if t is negative or the triple is not a valid summary
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        return kernel.conditionalExpectedPurchases(t, x, tx, age);
    }


    /**
     * P(alive | x, t<sub>x</sub>, T) = 1 / (1 + [x &gt; 0] a/(b+x−1) ((α+T)/(α+t<sub>x</sub>))<sup>r+x</sup>),
     * 1 for x = 0 (BG/NBD); 1 / (1 + a/(b+x) ((α+T)/(α+t<sub>x</sub>))<sup>r+x</sup>) (MBG/NBD).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return kernel.probabilityAlive(x, tx, age);
    }


    /**
     * P(X(t) = n), FHL 2005 eq. 8 (MBG/NBD: with the dropout after the first purchase).
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period, &ge; 0
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if n or t is negative
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        return kernel.probabilityOfPurchases(n, t);
    }

    /**
     * P(X(T, T+t) = n | x, t<sub>x</sub>, T): see {@link TransactionModel#conditionalProbabilityOfPurchases};
     * the BG/NBD unconditional PMF (FHL 2005 eq. 8) at r+x, α+T, a and b+x (MBG/NBD: b+x+1), weighted
     * by P(alive).
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if n or t is invalid or the triple is not a valid summary
     */
    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        Checks.require(n >= 0, "purchases n %s is invalid: it must be >= 0", n);
        double alive = probabilityAlive(x, tx, age);
        double dropouts = b() + x + (this instanceof ModifiedBetaGeoModel ? 1 : 0);
        double future = new BetaGeoKernel(r() + x, alpha() + age, a(), dropouts, false).probabilityOfPurchases(n, t);
        return Math.min(1, (n == 0 ? 1 - alive : 0) + alive * future);
    }

    /**
     * Bulk conditional expected purchases: one small coefficient table per call, nothing per
     * customer; parameter-only terms are hoisted out of the loop.
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the expectations
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out) {
        kernel.conditionalExpectedPurchases(t, x, tx, age, out);
    }

    /**
     * Bulk P(alive), allocation-free: one logarithm and one exponential per customer.
     *
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the probabilities
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void probabilityAlive(double[] x, double[] tx, double[] age, double[] out) {
        kernel.probabilityAlive(x, tx, age, out);
    }

    /**
     * {@link LifetimeValue}'s discounted monthly sum, every month of a customer at once, with the
     * doubles of month-by-month bulk calls ({@link BetaGeoMath#monthlyValues}).
     */
    void monthlyValues(double[] horizons, double[] discounts, double[] x, double[] tx, double[] age, double[] spend,
            double[] out, double[] last) {
        kernel.monthlyValues(horizons, discounts, x, tx, age, spend, out, last);
    }

    /**
     * Simulates customers of this population, for what-if studies and tests: customer i is
     * observed for {@code ages[i]} time units after its first purchase.
     *
     * @param ages T per customer, each finite and &gt; 0
     * @param seed the random seed; equal seeds give equal summaries
     * @return the simulated (x, t<sub>x</sub>, T), weight 1 each
     * @throws IllegalArgumentException if an age is invalid
     */
    public CustomerSummaries simulate(double[] ages, long seed) {
        return kernel.simulate(ages, seed);
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    final Object writeReplace() {
        return new SerializedModel(name(), new double[] {r(), alpha(), a(), b()}, diagnostics, Double.NaN);
    }

    /**
     * Refuses a stream that claims to hold this class directly: models are read through their proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws InvalidObjectException {
        throw SerializedModel.proxyRequired();
    }

    /** @return the model's class, parameters and log-likelihood, never data */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[r=" + r() + ", alpha=" + alpha() + ", a=" + a() + ", b=" + b()
                + ", " + diagnostics.fitSummary() + "]";
    }
}
