package io.crmkit.scoring.clv;


import com.google.common.collect.ImmutableMap;
import java.io.InvalidObjectException;
import java.io.Serializable;

/**
 * The MBG/NBD ("modified" BG/NBD) model of Batislam, Denizel &amp; Filiztekin (2007), "Empirical
 * validation and comparison of models for customer base analysis", <i>International Journal of
 * Research in Marketing</i> 24(3), 201–209, with the corrections of Wagner &amp; Hoppe (2008),
 * "Erratum on the MBG/NBD model", IJRM 25(3), 225–226. As {@link BetaGeoModel BG/NBD}, a customer
 * buys at Poisson rate λ ~ Gamma(r, α) while alive and drops out with probability
 * p ~ Beta(a, b) after each purchase — but here also right after the <em>first</em> purchase, so
 * a one-time buyer can already be gone: P(alive | x = 0) &lt; 1.
 *
 * <p>Likelihood (Batislam et al. eq. 3), per customer:
 * B(a, b+x+1)/B(a, b) · Γ(r+x)α<sup>r</sup>/Γ(r) · (α+T)<sup>−(r+x)</sup>
 * + B(a+1, b+x)/B(a, b) · Γ(r+x)α<sup>r</sup>/Γ(r) · (α+t<sub>x</sub>)<sup>−(r+x)</sup>, fitted
 * like BG/NBD (log space, analytic gradient, BFGS from all ones on the rescaled time axis of
 * {@code lifetimes}). Predictions:
 * E[X(t)] = b/(a−1) · [1 − (α/(α+t))<sup>r</sup> ₂F₁(r, b+1; a+b; t/(α+t))];
 * E[Y(t) | x, t<sub>x</sub>, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))<sup>r+x</sup>
 * ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive); P(alive) = 1 / (1 + a/(b+x) ·
 * ((α+T)/(α+t<sub>x</sub>))<sup>r+x</sup>).
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * ModifiedBetaGeoModel model = ModifiedBetaGeoModel.fit(summaries);   // CDNOW: r 0.525, α 6.183, a 0.891, b 1.614
 * double alive = model.probabilityAlive(0, 0, 38.86);                 // a one-time buyer may be gone
 * }</pre>
 */
public final class ModifiedBetaGeoModel implements TransactionModel, Serializable {

    /** 2: the parameters moved into {@link BetaGeoKernel}; streams of version 1 are refused, not misread. */
    private static final long serialVersionUID = 2L;
    private static final String NAME = "mbgnbd";

    /** The parameters and the formulas shared with the other beta-geometric model. */
    private final BetaGeoKernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private ModifiedBetaGeoModel(BetaGeoKernel kernel, FitDiagnostics diagnostics) {
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
    public static ModifiedBetaGeoModel fit(CustomerSummaries data) {
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
    public static ModifiedBetaGeoModel fit(CustomerSummaries data, double penalizer) {
        ModelFit.Estimate e = BetaGeoMath.fit(NAME, data, penalizer, true);
        return new ModifiedBetaGeoModel(BetaGeoKernel.of(e.params(), true), e.diagnostics());
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
    public static ModifiedBetaGeoModel of(double r, double alpha, double a, double b) {
        return new ModifiedBetaGeoModel(new BetaGeoKernel(r, alpha, a, b, true), FitDiagnostics.notFitted(NAME));
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

    /** @return {@code mbgnbd} */
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
     * The log-likelihood of one customer, Batislam et al. (2007) eq. 3.
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
     * E[X(t)] = b/(a−1) · [1 − (α/(α+t))<sup>r</sup> ₂F₁(r, b+1; a+b; t/(α+t))] (Batislam et al.
     * 2007; {@code lifetimes} agrees): the chance b/(a+b) of surviving the first purchase times
     * the BG/NBD expectation with dropout Beta(a, b+1).
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
     * E[Y(t) | x, t<sub>x</sub>, T] (Wagner &amp; Hoppe 2008): P(alive) times the expected
     * purchases of an alive customer whose rate and dropout posteriors are Gamma(r+x, α+T) and
     * Beta(a, b+x+1).
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
     * P(alive | x, t<sub>x</sub>, T) = 1 / (1 + a/(b+x) ((α+T)/(α+t<sub>x</sub>))<sup>r+x</sup>)
     * (Batislam et al. 2007, appendix A eq. 5), below 1 also for one-time buyers.
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
     * P(X(t) = n) (Batislam et al. 2007): B(a, b+n+1)/B(a, b) · NB(n) + B(a+1, b+n)/B(a, b) ·
     * P(NB &ge; n), NB the negative-binomial count of a buyer who stays alive.
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
    static ModifiedBetaGeoModel restore(double[] p, FitDiagnostics diagnostics) {
        return new ModifiedBetaGeoModel(new BetaGeoKernel(p[0], p[1], p[2], p[3], true), diagnostics);
    }

    /** @return the name and parameters, e.g. {@code mbgnbd[r=0.525, alpha=6.183, a=0.891, b=1.614]} */
    @Override
    public String toString() {
        return kernel.toString();
    }
}
