package io.crmkit.scoring.clv;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pareto/NBD with static covariates in the parameterisation of CLVTools (Bachmann, Meierer &amp;
 * Näf 2021, "The Role of Time-Varying Contextual Factors in Latent Attrition Models for Customer
 * Base Analysis", <i>Marketing Science</i> 40(4), 783-809, and the CLVTools vignette, section
 * "Add static covariates"): the purchase process and the attrition process each have their own
 * covariates z<sub>trans</sub>, z<sub>life</sub>, and the rate parameters of the two gamma
 * distributions become, per customer i,
 * α<sub>i</sub> = α · exp(−γ<sub>trans</sub>ᵀ z<sub>trans,i</sub>) and
 * β<sub>i</sub> = β · exp(−γ<sub>life</sub>ᵀ z<sub>life,i</sub>): a positive γ<sub>trans</sub>
 * raises the expected purchase rate r/α<sub>i</sub>, a positive γ<sub>life</sub> the expected dropout
 * rate s/β<sub>i</sub>. Each customer's likelihood, P(alive) and conditional expectation are those of
 * {@link ParetoNbdModel} at (r, α<sub>i</sub>, s, β<sub>i</sub>).
 *
 * <p>Options, as CLVTools': a covariate named in {@code equal} gets one γ for both processes
 * (CLVTools' {@code names.cov.constr}); {@code regularization} λ (0 to {@link ClvModels#MAX_PENALIZER}) adds λ Σ γ² to the mean
 * negative log-likelihood (CLVTools' {@code reg.lambdas}, here one λ for both processes). The
 * fit starts from the Pareto/NBD fit without covariates (γ = 0) and maximises over
 * (ln r, ln α, ln s, ln β, γ) by BFGS with the analytic gradient; without any covariate it
 * <em>is</em> that fit. Standard errors of every parameter come from the observed information
 * (the Hessian of the objective by central differences of the analytic gradient), by the delta
 * method for r, α, s, β. {@link #likelihoodRatioTest} compares nested fits. The fit template is
 * shared with {@link BetaGeoCovariateModel}. Immutable, thread-safe and serializable (the
 * parameters with the covariate names in their keys); {@code ClvModels.named("pareto")} restores
 * it from {@link #parameters()}.
 *
 * <pre>{@code
 * ParetoNbdCovariateModel model = ParetoNbdCovariateModel.fit(data, trans, life, Set.of(), 0);
 * double gender = model.transactionCoefficients().get("gender");
 * }</pre>
 */
public final class ParetoNbdCovariateModel extends CovariateModelBase implements CovariateModel {

    private static final long serialVersionUID = 1L;
    /** α<sub>i</sub> = α exp(−γ<sub>trans</sub>ᵀz), β<sub>i</sub> = β exp(−γ<sub>life</sub>ᵀz); α and β carry 1/time. */
    static final CovariateFit.Spec SPEC = new CovariateFit.Spec("pareto", List.of("r", "alpha", "s", "beta"),
            new int[] {0, -1, 0, 0}, new int[] {0, 0, 0, -1}, new boolean[] {false, true, false, true});

    /** The parameters and the fit. */
    private ParetoNbdCovariateModel(CovariateFit.Result fit) {
        super(fit, SPEC);
    }

    /**
     * Fits the model.
     *
     * @param data the customers (x, t<sub>x</sub>, T), weight 1 or more each
     * @param transaction covariates of the purchase process, one row per row of {@code data}
     * @param life covariates of the attrition process, one row per row of {@code data}
     * @param equal names present in both with one common γ for both processes
     * @param regularization λ, 0 to {@link ClvModels#MAX_PENALIZER}, of the L2 penalty λ Σ γ² on the mean negative log-likelihood
     * @return the fitted model
     * @throws IllegalArgumentException if the rows do not match, a constrained name is not in both
     *     sets, λ is invalid, or the data cannot be fitted
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ParetoNbdCovariateModel fit(CustomerSummaries data, Covariates transaction, Covariates life,
            Set<String> equal, double regularization) {
        CovariateFit.checkArguments(data, transaction, life, equal, regularization);
        ParetoNbdModel start = ParetoNbdModel.fit(data);
        return new ParetoNbdCovariateModel(CovariateFit.fit(SPEC, ParetoNbdModel.CustomerLikelihood.forCovariateFit(), data,
                transaction, life, equal, regularization, new double[] {start.r(), start.alpha(), start.s(), start.beta()},
                start.diagnostics()));
    }

    /**
     * A model with known parameters, e.g. read back from a saved fit.
     *
     * @param parameters r, alpha, s, beta (each finite and &gt; 0) and the coefficients
     *     {@code trans.NAME}, {@code life.NAME}, {@code gamma.NAME} (each finite), as
     *     {@link #parameters()} names them
     * @return the model, reporting no fit in its diagnostics
     * @throws IllegalArgumentException naming the parameter that is missing, unknown or invalid
     */
    public static ParetoNbdCovariateModel of(Map<String, Double> parameters) {
        return restore(parameters, FitDiagnostics.notFitted(SPEC.name()));
    }

    static ParetoNbdCovariateModel restore(Map<String, Double> parameters, FitDiagnostics diagnostics) {
        CovariateFit.Result fit = CovariateFit.restore(SPEC, parameters, diagnostics);
        ParetoNbdModel.of(fit.base()[0], fit.base()[1], fit.base()[2], fit.base()[3]);
        return new ParetoNbdCovariateModel(fit);
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
    public static LikelihoodRatioTest likelihoodRatioTest(ParetoNbdCovariateModel restricted,
            ParetoNbdCovariateModel full) {
        return LikelihoodRatioTest.of(restricted, full);
    }

    /**
     * The Pareto/NBD of one customer: (r, α exp(−γ<sub>trans</sub>ᵀz<sub>trans</sub>), s,
     * β exp(−γ<sub>life</sub>ᵀz<sub>life</sub>)); ask it for P(alive), E[Y(t) | …] and the rest.
     *
     * @param transaction the customer's purchase-process covariates by name (every fitted name)
     * @param life the customer's attrition-process covariates by name (every fitted name)
     * @return the customer's Pareto/NBD
     * @throws IllegalArgumentException if a covariate is missing or not finite, or exp(γᵀz)
     *     overflows
     */
    @Override
    public ParetoNbdModel forCustomer(Map<String, Double> transaction, Map<String, Double> life) {
        double[] theta = customer(transaction, life);
        return ParetoNbdModel.of(theta[0], theta[1], theta[2], theta[3]);
    }

}
