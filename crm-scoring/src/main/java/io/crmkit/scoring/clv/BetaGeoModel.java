package io.crmkit.scoring.clv;



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
public final class BetaGeoModel extends BetaGeoFamily {

    private static final long serialVersionUID = 2L;
    private static final String NAME = "bgnbd";

    private BetaGeoModel(BetaGeoKernel kernel, FitDiagnostics diagnostics) {
        super(kernel, diagnostics);
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
     * @param penalizer the penalty coefficient, 0 to {@link ClvModels#MAX_PENALIZER}, as {@code lifetimes}' {@code penalizer_coef}
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer customers than parameters, or the
     *     penalizer is out of range
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

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static BetaGeoModel restore(double[] p, FitDiagnostics diagnostics) {
        return new BetaGeoModel(new BetaGeoKernel(p[0], p[1], p[2], p[3], false), diagnostics);
    }
}
