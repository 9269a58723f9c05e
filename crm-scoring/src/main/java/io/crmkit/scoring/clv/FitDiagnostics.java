package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.Serializable;

/**
 * How a maximum-likelihood fit went: the log-likelihood reached, the number of customers and
 * rows, the optimiser's iterations and final gradient norm, and the standard errors of the
 * parameters from the inverse of the observed information (the Hessian of the negative
 * log-likelihood, by central differences of the analytic gradient, carried from log-parameters
 * to parameters by the delta method).
 *
 * <p>A model made from known parameters ({@code XxxModel.of(...)}, {@code ClvModels.Model.restore})
 * was not fitted: its diagnostics have {@code rows} 0 and {@link #fitted()} false, and there is no
 * log-likelihood to report: {@link #logLikelihood()} refuses rather than return 0, which would read
 * as a perfect fit (a probability of 1). {@code toString} says "not fitted".
 *
 * @param model the model's short name, e.g. {@code bgnbd}
 * @param logLikelihood the weighted log-likelihood at the estimate, summed over customers on the
 *     data's own time scale; only for a fitted model (0 is stored for one that was not)
 * @param customers the sum of the row weights (0 for a model that was not fitted)
 * @param rows the number of rows fitted (after compression); 0 exactly when the model was not
 *     fitted
 * @param iterations BFGS iterations
 * @param evaluations likelihood evaluations
 * @param gradientNorm Euclidean norm of the gradient of the mean negative log-likelihood with
 *     respect to the log-parameters at the estimate
 * @param penalizer the L2 penalizer coefficient used (0 for a plain maximum-likelihood fit)
 * @param standardErrors standard error per parameter name; a parameter without one (the Hessian is
 *     not positive definite, e.g. on a boundary) is missing here and named by a
 *     {@link FitWarning.Kind#NO_STANDARD_ERROR} warning; empty for a model made from known
 *     parameters
 * @param warnings why the numbers may mislead, e.g. a parameter that ran to a boundary of the
 *     parameter space and what that means ("no dropout detected"); empty when nothing is amiss
 * @serial exclude
 */
public record FitDiagnostics(String model, double logLikelihood, double customers, int rows, int iterations,
        int evaluations, double gradientNorm, double penalizer, ImmutableMap<String, Double> standardErrors,
        ImmutableList<FitWarning> warnings) implements Serializable {

    /**
     * Validates the diagnostics. A record is deserialised through this constructor, so a
     * tampered stream is refused by the same rules.
     *
     * @param model the model's short name
     * @param logLikelihood the log-likelihood, finite
     * @param customers the sum of the weights
     * @param rows the number of rows
     * @param iterations BFGS iterations
     * @param evaluations likelihood evaluations
     * @param gradientNorm final gradient norm, finite
     * @param penalizer the L2 penalizer
     * @param standardErrors standard errors by parameter name, finite and &ge; 0
     * @param warnings the warnings
     * @throws IllegalArgumentException if a number is not finite, a count, the penalizer or a
     *     standard error is negative, or the model name is blank
     */
    public FitDiagnostics {
        requireNonNull(model, "model");
        requireNonNull(standardErrors, "standardErrors");
        requireNonNull(warnings, "warnings");
        require(!model.isBlank(), "fit diagnostics need a model name");
        if (!Double.isFinite(logLikelihood) || !Double.isFinite(gradientNorm) || !Double.isFinite(customers)) {
            throw new IllegalArgumentException("fit diagnostics of " + model + " are not finite: logLikelihood "
                    + logLikelihood + ", gradientNorm " + gradientNorm + ", customers " + customers);
        }
        require(customers >= 0 && gradientNorm >= 0, "fit diagnostics of %s are invalid: customers %s and"
                + " gradientNorm %s must be >= 0", model, customers, gradientNorm);
        require(rows >= 0 && iterations >= 0 && evaluations >= 0, "fit diagnostics of %s are invalid: rows %s,"
                + " iterations %s, evaluations %s must be >= 0", model, rows, iterations, evaluations);
        require(Double.isFinite(penalizer) && penalizer >= 0,
                "penalizer %s of %s is invalid: it must be finite and >= 0", penalizer, model);
        standardErrors.forEach((name, se) -> require(se != null && Double.isFinite(se) && se >= 0,
                "standard error %s of %s in %s is invalid: it must be finite and >= 0", se, name, model));
        warnings.forEach(w -> requireNonNull(w, "warning"));
        require(rows > 0 || (logLikelihood == 0 && customers == 0 && iterations == 0 && evaluations == 0
                && standardErrors.isEmpty()), "fit diagnostics of %s are invalid: no rows were fitted, yet a"
                + " log-likelihood %s, %s customers, %s iterations, %s evaluations or standard errors are given",
                model, logLikelihood, customers, iterations, evaluations);
    }

    /**
     * Whether these diagnostics come from a fit to data.
     *
     * @return true for a fitted model (at least one row), false for one made from known parameters
     */
    public boolean fitted() {
        return rows > 0;
    }

    /**
     * The weighted log-likelihood at the estimate, summed over customers on the data's own time scale.
     *
     * @return the log-likelihood, finite and at most 0 for discrete data
     * @throws IllegalStateException if the model was not fitted ({@link #fitted()} is false): it has
     *     no log-likelihood, and 0 would claim a perfect fit
     */
    @Override
    public double logLikelihood() {
        if (!fitted()) {
            throw new IllegalStateException("model " + model + " was made from known parameters, not fitted: it has no"
                    + " log-likelihood");
        }
        return logLikelihood;
    }

    /**
     * The log-likelihood as the models' {@code toString} shows it.
     *
     * @return {@code logLikelihood=-9582.4...}, or {@code not fitted}
     */
    String fitSummary() {
        return fitted() ? "logLikelihood=" + logLikelihood : "not fitted";
    }

    /**
     * The diagnostics in words; a model that was not fitted shows only its name and that fact.
     *
     * @return e.g. {@code FitDiagnostics[model=bgnbd, not fitted]}
     */
    @Override
    public String toString() {
        if (!fitted()) {
            return "FitDiagnostics[model=" + model + ", not fitted]";
        }
        return "FitDiagnostics[model=" + model + ", logLikelihood=" + logLikelihood + ", customers=" + customers
                + ", rows=" + rows + ", iterations=" + iterations + ", evaluations=" + evaluations + ", gradientNorm="
                + gradientNorm + ", penalizer=" + penalizer + ", standardErrors=" + standardErrors + ", warnings="
                + warnings + "]";
    }

    /**
     * Diagnostics without warnings (the shape of this record before warnings were added).
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
     * @throws IllegalArgumentException as the canonical constructor
     */
    public FitDiagnostics(String model, double logLikelihood, double customers, int rows, int iterations,
            int evaluations, double gradientNorm, double penalizer, ImmutableMap<String, Double> standardErrors) {
        this(model, logLikelihood, customers, rows, iterations, evaluations, gradientNorm, penalizer, standardErrors,
                ImmutableList.of());
    }

    /**
     * These diagnostics with more warnings.
     *
     * @param more warnings to append
     * @return the diagnostics with {@code more} after the existing warnings
     */
    FitDiagnostics withWarnings(Iterable<FitWarning> more) {
        return new FitDiagnostics(model, logLikelihood, customers, rows, iterations, evaluations, gradientNorm,
                penalizer, standardErrors, ImmutableList.<FitWarning>builder().addAll(warnings).addAll(more).build());
    }

    /**
     * Diagnostics for a model made from known parameters, not fitted: no iterations, no standard
     * errors.
     *
     * @param model the model's short name
     * @return diagnostics with zero counts, {@link #fitted()} false
     */
    static FitDiagnostics notFitted(String model) {
        return new FitDiagnostics(model, 0, 0, 0, 0, 0, 0, 0, ImmutableMap.of());
    }
}
