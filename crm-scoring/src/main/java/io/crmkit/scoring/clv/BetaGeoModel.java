package io.crmkit.scoring.clv;


import com.google.common.collect.ImmutableMap;
import java.io.InvalidObjectException;
import java.io.Serializable;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of Fader, Hardie &amp; Lee
 * (2005), "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model",
 * <i>Marketing Science</i> 24(2), 275–284. While alive, a customer buys at the times of a
 * Poisson process with rate λ ~ Gamma(r, α); after each <em>repeat</em> purchase the customer
 * drops out for good with probability p ~ Beta(a, b). Times are in the unit of the data the model
 * was fitted on (for CDNOW: weeks).
 *
 * <p>Fitted by maximum likelihood (the paper's eq. 6, in log space, with its analytic gradient)
 * over log-parameters by BFGS, on rows compressed into weights; {@code penalizer} is the L2
 * penalty of the {@code lifetimes} library's {@code penalizer_coef} (applied, as there, to the
 * parameters on a time axis rescaled so that the largest T is 10). Predictions: E[X(t)] (eq. 9),
 * P(X(t) = n) (eq. 8), E[Y(t) | x, t<sub>x</sub>, T] (eq. 10) and P(alive | x, t<sub>x</sub>, T)
 * (FHL's note "Computing P(alive) using the BG/NBD model"), each evaluated without overflow or
 * NaN for frequencies and ages up to at least 100,000. Fitting compresses identical rows into
 * weights first; above 100,000 distinct rows the likelihood is summed in chunks on the common
 * fork-join pool.
 *
 * <p><b>One-time buyers are alive.</b> In BG/NBD a customer can only drop out right after a repeat
 * purchase, so a customer with x = 0 has P(alive) = 1 whatever T is — the model's own
 * behaviour, faithfully reproduced here. If that is not wanted, use
 * {@link ModifiedBetaGeoModel MBG/NBD}, where one-time buyers can already be gone.
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * BetaGeoModel model = BetaGeoModel.fit(summaries);                          // CDNOW: r 0.243, α 4.414, a 0.793, b 2.426
 * double next39Weeks = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86); // 1.226
 * }</pre>
 */
public final class BetaGeoModel implements TransactionModel, Serializable {

    /** 2: the parameters moved into {@link BetaGeoKernel}; streams of version 1 are refused, not misread. */
    private static final long serialVersionUID = 2L;
    private static final String NAME = "bgnbd";

    /** The parameters and the formulas shared with the other beta-geometric model. */
    private final BetaGeoKernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private BetaGeoModel(BetaGeoKernel kernel, FitDiagnostics diagnostics) {
        this.kernel = kernel;
        this.diagnostics = diagnostics;
    }

    /**
     * Fits the model by maximum likelihood, without penalty.
     *
     * @param data the customers' (x, t<sub>x</sub>, T), optionally weighted
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer customers than the 4 parameters
     * @throws ConvergenceException if BFGS does not converge
     */
    public static BetaGeoModel fit(CustomerSummaries data) {
        return fit(data, 0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalty on the parameters.
     *
     * @param data the customers' (x, t<sub>x</sub>, T), optionally weighted
     * @param penalizer the penalty coefficient, &ge; 0, as {@code lifetimes}' {@code penalizer_coef}
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer customers than parameters, or the
     *     penalizer is negative
     * @throws ConvergenceException if BFGS does not converge
     */
    public static BetaGeoModel fit(CustomerSummaries data, double penalizer) {
        ModelFit.Estimate e = BetaGeoMath.fit(NAME, data, penalizer, false);
        return new BetaGeoModel(BetaGeoKernel.of(e.params(), false), e.diagnostics());
    }

    /**
     * A model with known parameters, e.g. from a paper or an earlier fit.
     *
     * @param r shape of the purchase-rate Gamma, &gt; 0
     * @param alpha rate of the purchase-rate Gamma, &gt; 0, in 1 / time unit
     * @param a first shape of the dropout Beta, &gt; 0
     * @param b second shape of the dropout Beta, &gt; 0
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static BetaGeoModel of(double r, double alpha, double a, double b) {
        return new BetaGeoModel(new BetaGeoKernel(r, alpha, a, b, false), FitDiagnostics.notFitted(NAME));
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

    /** @return {@code bgnbd} */
    @Override
    public String name() {
        return NAME;
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
     * The log-likelihood of one customer, FHL 2005 eq. 6.
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
     * E[X(t)], FHL 2005 eq. 9: (a+b−1)/(a−1) · [1 − (α/(α+t))<sup>r</sup> ₂F₁(r, b; a+b−1; t/(α+t))].
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
     * alive customer whose rate and dropout posteriors are Gamma(r+x, α+T) and Beta(a, b+x).
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
     * P(alive | x, t<sub>x</sub>, T) = 1 / (1 + [x &gt; 0] a/(b+x−1) ((α+T)/(α+t<sub>x</sub>))<sup>r+x</sup>);
     * 1 for x = 0 (see the class comment).
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
     * P(X(t) = n), FHL 2005 eq. 8.
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
    private Object writeReplace() {
        return new SerializedModel(NAME, new double[] {r(), alpha(), a(), b()}, diagnostics, Double.NaN);
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

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static BetaGeoModel restore(double[] p, FitDiagnostics diagnostics) {
        return new BetaGeoModel(new BetaGeoKernel(p[0], p[1], p[2], p[3], false), diagnostics);
    }

    /** @return the name and parameters, e.g. {@code bgnbd[r=0.243, alpha=4.414, a=0.793, b=2.426]} */
    @Override
    public String toString() {
        return kernel.toString();
    }
}
