package io.crmkit.scoring.clv;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BG/NBD ({@link BetaGeoModel}) with static covariates in the parameterisation of CLVTools
 * ({@code bgnbd} on data with static covariates; its C++ likelihood {@code bgnbd_staticcov_LL_ind},
 * which cites Fader &amp; Hardie 2007, "Incorporating time-invariant covariates into the Pareto/NBD
 * and BG/NBD models", brucehardie.com note 019): the purchase process and the dropout process
 * each have their own covariates z<sub>trans</sub>, z<sub>life</sub>, and per customer i
 * <pre>
 *   α_i = α · exp(−γ_transᵀ z_trans,i)
 *   a_i = a · exp(γ_lifeᵀ z_life,i)
 *   b_i = b · exp(γ_lifeᵀ z_life,i)
 * </pre>
 * Each customer's likelihood (FHL 2005 eq. 6), P(alive) and conditional expectation (eq. 10) are
 * those of {@link BetaGeoModel} at (r, α<sub>i</sub>, a<sub>i</sub>, b<sub>i</sub>). A positive
 * γ<sub>trans</sub> raises the expected purchase rate r/α<sub>i</sub>. Because one γ<sub>life</sub>
 * scales a and b alike, the mean dropout probability a/(a+b) is the same for every customer; the
 * attrition covariates move the concentration a<sub>i</sub> + b<sub>i</sub> of the dropout
 * probabilities — a positive γ<sub>life</sub> makes them more alike around that mean (CLVTools'
 * choice, kept here so that estimates compare with its output).
 *
 * <p>Options, fit and standard errors as {@link ParetoNbdCovariateModel} (the same fit template):
 * a covariate named in {@code equal} gets one γ for both processes, {@code regularization} λ adds
 * λ Σ γ² to the mean negative log-likelihood; the fit starts from {@link BetaGeoModel#fit} (γ = 0)
 * and, without any covariate, <em>is</em> that fit. Immutable, thread-safe and serializable;
 * {@code ClvModels.named("bgnbd")} restores it from {@link #parameters()}.
 *
 * <pre>{@code
 * BetaGeoCovariateModel model = BetaGeoCovariateModel.fit(data, trans, life, Set.of(), 0);
 * double gender = model.transactionCoefficients().get("gender");
 * }</pre>
 */
public final class BetaGeoCovariateModel extends CovariateModelBase implements CovariateModel {

    private static final long serialVersionUID = 1L;
    /** α<sub>i</sub> = α exp(−γ<sub>trans</sub>ᵀz), a<sub>i</sub>, b<sub>i</sub> = a, b exp(γ<sub>life</sub>ᵀz); α carries 1/time. */
    static final CovariateFit.Spec SPEC = new CovariateFit.Spec("bgnbd", List.of("r", "alpha", "a", "b"),
            new int[] {0, -1, 0, 0}, new int[] {0, 0, 1, 1}, new boolean[] {false, true, false, false});

    /** The parameters and the fit. */
    private BetaGeoCovariateModel(CovariateFit.Result fit) {
        super(fit, SPEC);
    }

    /**
     * Fits the model.
     *
     * @param data the customers (x, t<sub>x</sub>, T), weight 1 or more each
     * @param transaction covariates of the purchase process, one row per row of {@code data}
     * @param life covariates of the dropout process, one row per row of {@code data}
     * @param equal names present in both with one common γ for both processes
     * @param regularization λ, 0 to {@link ClvModels#MAX_PENALIZER}, of the L2 penalty λ Σ γ² on the mean negative log-likelihood
     * @return the fitted model
     * @throws IllegalArgumentException if the rows do not match, a constrained name is not in both
     *     sets, λ is invalid, or the data cannot be fitted
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static BetaGeoCovariateModel fit(CustomerSummaries data, Covariates transaction, Covariates life,
            Set<String> equal, double regularization) {
        CovariateFit.checkArguments(data, transaction, life, equal, regularization);
        BetaGeoModel start = BetaGeoModel.fit(data);
        return new BetaGeoCovariateModel(CovariateFit.fit(SPEC,
                (theta, x, tx, age, gradient) -> BetaGeoLikelihood.customer(theta, x, tx, age, false, gradient), data,
                transaction, life, equal, regularization, new double[] {start.r(), start.alpha(), start.a(), start.b()},
                start.diagnostics()));
    }

    /**
     * A model with known parameters, e.g. read back from a saved fit.
     *
     * @param parameters r, alpha, a, b (each finite and &gt; 0) and the coefficients
     *     {@code trans.NAME}, {@code life.NAME}, {@code gamma.NAME} (each finite), as
     *     {@link #parameters()} names them
     * @return the model, reporting no fit in its diagnostics
     * @throws IllegalArgumentException naming the parameter that is missing, unknown or invalid
     */
    public static BetaGeoCovariateModel of(Map<String, Double> parameters) {
        return restore(parameters, FitDiagnostics.notFitted(SPEC.name()));
    }

    static BetaGeoCovariateModel restore(Map<String, Double> parameters, FitDiagnostics diagnostics) {
        CovariateFit.Result fit = CovariateFit.restore(SPEC, parameters, diagnostics);
        BetaGeoModel.of(fit.base()[0], fit.base()[1], fit.base()[2], fit.base()[3]);
        return new BetaGeoCovariateModel(fit);
    }

    /**
     * The likelihood-ratio test of a restricted fit against a fuller fit of the same customers;
     * see {@link LikelihoodRatioTest#of}.
     *
     * @param restricted the nested fit, e.g. without a covariate or with γ constrained equal
     * @param full the fuller fit
     * @return the test
     * @throws IllegalArgumentException if {@code full} has not more parameters, or a fit is regularised
     */
    public static LikelihoodRatioTest likelihoodRatioTest(BetaGeoCovariateModel restricted,
            BetaGeoCovariateModel full) {
        return LikelihoodRatioTest.of(restricted, full);
    }

    /**
     * The BG/NBD of one customer: (r, α exp(−γ<sub>trans</sub>ᵀz<sub>trans</sub>),
     * a exp(γ<sub>life</sub>ᵀz<sub>life</sub>), b exp(γ<sub>life</sub>ᵀz<sub>life</sub>)); ask it
     * for P(alive), E[Y(t) | …] and the rest.
     *
     * @param transaction the customer's purchase-process covariates by name (every fitted name)
     * @param life the customer's dropout-process covariates by name (every fitted name)
     * @return the customer's BG/NBD
     * @throws IllegalArgumentException if a covariate is missing or not finite, or exp(γᵀz)
     *     overflows
     */
    @Override
    public BetaGeoModel forCustomer(Map<String, Double> transaction, Map<String, Double> life) {
        double[] theta = customer(transaction, life);
        return BetaGeoModel.of(theta[0], theta[1], theta[2], theta[3]);
    }

}
