package io.crmkit.scoring.internal.math;

/** A model's weighted log-likelihood over a data set, with its analytic gradient. */
@FunctionalInterface
public interface LogLikelihood {

    /**
     * Evaluates Σ<sub>i</sub> w<sub>i</sub> ℓ<sub>i</sub>(θ) and its gradient with respect to θ.
     *
     * @param params the model parameters θ, all &gt; 0; not modified
     * @param gradient receives ∂/∂θ of the weighted log-likelihood
     * @return the weighted log-likelihood; non-finite where the model breaks down
     */
    double evaluate(double[] params, double[] gradient);
}
