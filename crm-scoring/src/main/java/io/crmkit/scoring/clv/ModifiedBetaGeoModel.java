package io.crmkit.scoring.clv;



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
public final class ModifiedBetaGeoModel extends BetaGeoFamily {

    private static final long serialVersionUID = 2L;
    private static final String NAME = "mbgnbd";

    private ModifiedBetaGeoModel(BetaGeoKernel kernel, FitDiagnostics diagnostics) {
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
    public static ModifiedBetaGeoModel fit(CustomerSummaries data) {
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

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static ModifiedBetaGeoModel restore(double[] p, FitDiagnostics diagnostics) {
        return new ModifiedBetaGeoModel(new BetaGeoKernel(p[0], p[1], p[2], p[3], true), diagnostics);
    }
}
