package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableMap;
import java.io.InvalidObjectException;
import java.io.Serializable;

/**
 * What the covariate models share: a fitted {@link CovariateFit.Result}, its parameters,
 * coefficients and diagnostics, and serialisation through {@link SerializedModel}. Immutable and
 * thread-safe.
 */
abstract class CovariateModelBase implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The fit; transient because the model is written through its proxy. */
    final transient CovariateFit.Result fit;
    private final transient CovariateFit.Spec spec;

    CovariateModelBase(CovariateFit.Result fit, CovariateFit.Spec spec) {
        this.fit = fit;
        this.spec = spec;
    }

    /** @return the registry name of the model without covariates ({@code pareto}, {@code bgnbd}) */
    public String name() {
        return spec.name();
    }

    /**
     * @return the base parameters in the model's order (r, alpha, s, beta for Pareto/NBD; r, alpha,
     *     a, b for BG/NBD), then trans.NAME, life.NAME (gamma.NAME when constrained equal)
     */
    public ImmutableMap<String, Double> parameters() {
        return fit.parameters();
    }

    /** @return γ<sub>trans</sub> by covariate name */
    public ImmutableMap<String, Double> transactionCoefficients() {
        return fit.transaction();
    }

    /** @return γ<sub>life</sub> by covariate name */
    public ImmutableMap<String, Double> lifetimeCoefficients() {
        return fit.life();
    }

    /** @return how the fit went, with the standard errors of every parameter */
    public FitDiagnostics diagnostics() {
        return fit.diagnostics();
    }

    /** @return the base model's parameters for one customer's covariates, in the model's order */
    double[] customer(java.util.Map<String, Double> transaction, java.util.Map<String, Double> life) {
        return fit.customer(spec, transaction, life);
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    final Object writeReplace() {
        return SerializedModel.withCovariates(name(), parameters(), diagnostics());
    }

    /**
     * Refuses a stream that claims to hold a covariate model directly: models are read through their proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws InvalidObjectException {
        throw SerializedModel.proxyRequired();
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters() + "[" + diagnostics().fitSummary() + "]";
    }
}
