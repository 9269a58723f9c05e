package io.crmkit.scoring.clv;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;

/**
 * How a maximum-likelihood fit went: the log-likelihood reached, the number of customers and
 * rows, the optimiser's iterations and final gradient norm, and the standard errors of the
 * parameters from the inverse of the observed information (the Hessian of the negative
 * log-likelihood, by central differences of the analytic gradient, carried from log-parameters
 * to parameters by the delta method).
 *
 * @param model the model's short name, e.g. {@code bgnbd}
 * @param logLikelihood the weighted log-likelihood at the estimate, summed over customers on the
 *     data's own time scale
 * @param customers the sum of the row weights
 * @param rows the number of rows fitted (after compression)
 * @param iterations BFGS iterations
 * @param evaluations likelihood evaluations
 * @param gradientNorm Euclidean norm of the gradient of the mean negative log-likelihood with
 *     respect to the log-parameters at the estimate
 * @param penalizer the L2 penalizer coefficient used (0 for a plain maximum-likelihood fit)
 * @param standardErrors standard error per parameter name; empty when the Hessian is not positive
 *     definite (a flat or degenerate likelihood), or for a model made from known parameters
 * @serial exclude
 */
public record FitDiagnostics(String model, double logLikelihood, double customers, int rows, int iterations,
        int evaluations, double gradientNorm, double penalizer, ImmutableMap<String, Double> standardErrors)
        implements Serializable {

    /**
     * Validates the diagnostics.
     *
     * @param model the model's short name
     * @param logLikelihood the log-likelihood, finite
     * @param customers the sum of the weights
     * @param rows the number of rows
     * @param iterations BFGS iterations
     * @param evaluations likelihood evaluations
     * @param gradientNorm final gradient norm, finite
     * @param penalizer the L2 penalizer
     * @param standardErrors standard errors by parameter name, finite
     * @throws IllegalArgumentException if a number is not finite
     */
    public FitDiagnostics {
        requireNonNull(model, "model");
        requireNonNull(standardErrors, "standardErrors");
        if (!Double.isFinite(logLikelihood) || !Double.isFinite(gradientNorm) || !Double.isFinite(customers)) {
            throw new IllegalArgumentException("fit diagnostics of " + model + " are not finite: logLikelihood "
                    + logLikelihood + ", gradientNorm " + gradientNorm + ", customers " + customers);
        }
    }

    /**
     * Diagnostics for a model made from known parameters, not fitted: no iterations, no standard
     * errors.
     *
     * @param model the model's short name
     * @return diagnostics with zero counts and a log-likelihood of 0
     */
    static FitDiagnostics notFitted(String model) {
        return new FitDiagnostics(model, 0, 0, 0, 0, 0, 0, 0, ImmutableMap.of());
    }
}
