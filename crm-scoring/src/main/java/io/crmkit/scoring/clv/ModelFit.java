package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.MaximumLikelihood;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one weighted maximum-likelihood fit every model of this package goes through, so that
 * scaling, convergence, boundaries, identifiability, standard errors and warnings follow the same
 * rules everywhere.
 *
 * <ol>
 *   <li><b>Standardised scale.</b> The model hands over its likelihood on data multiplied by a
 *       scale it chose from the data alone (time so that the largest T is 10, as the
 *       {@code lifetimes} library does; spend so that the mean spend is 1), and says how each
 *       parameter carries the unit (θ<sub>data</sub> = θ<sub>fit</sub> ·
 *       scale<sup>exponent</sup>). BFGS starts at all ones there, so a fit of the same data in
 *       days, weeks or minutes, or in cents or millions, is the same fit: rates come out per unit
 *       time, v in money, and the log-likelihood shifts by the Jacobian of the change of unit.
 *       The penalizer acts on the standardised parameters.</li>
 *   <li><b>Convergence.</b> A fit whose optimiser stops before the gradient vanishes throws
 *       {@link ConvergenceException}; it is never returned.</li>
 *   <li><b>Boundary optima.</b> A converged fit with a standardised parameter below
 *       {@value #BOUNDARY} or above its inverse has followed a likelihood that keeps rising
 *       towards the edge of the parameter space. The model is returned (its predictions are
 *       those of the limit), with a {@link FitWarning} per such parameter naming the edge and,
 *       in the model's words, what it means (e.g. "no dropout detected").</li>
 *   <li><b>Identifiability.</b> Fewer distinct customer histories than parameters is reported as
 *       {@link FitWarning.Kind#NOT_IDENTIFIABLE}.</li>
 *   <li><b>Standard errors.</b> Every parameter without a standard error (Hessian not positive
 *       definite, or the parameter on a boundary) gets a
 *       {@link FitWarning.Kind#NO_STANDARD_ERROR} warning; none is silently missing.</li>
 * </ol>
 */
final class ModelFit {

    /** Standardised parameters outside [BOUNDARY, 1/BOUNDARY] have run to the edge of the parameter space. */
    static final double BOUNDARY = 1e-6;
    /**
     * A search that stalls with a parameter beyond the boundary and a gradient of the mean
     * objective at most this small has found the likelihood's supremum at the edge.
     */
    private static final double BOUNDARY_GRADIENT = 1e-4;

    private ModelFit() {
    }

    /**
     * What the model says a parameter at an edge of the parameter space means for the data.
     */
    @FunctionalInterface
    interface Meaning {
        /**
         * @param parameter the parameter's name
         * @param atInfinity true if it grew without bound, false if it shrank towards 0
         * @return the meaning in words, e.g. "no dropout detected"
         */
        String of(String parameter, boolean atInfinity);
    }

    /**
     * A model's fitting problem on the standardised scale.
     *
     * @param model the model's short name
     * @param names the parameter names, in order
     * @param likelihood the weighted log-likelihood of the standardised data
     * @param customers the sum of the weights
     * @param rows the number of (compressed) rows, i.e. distinct customer histories
     * @param scale what the data were multiplied by, &gt; 0
     * @param exponents θ<sub>data</sub> = θ<sub>fit</sub> · scale<sup>exponent</sup>, per parameter
     * @param logLikelihoodShift added to the standardised log-likelihood to give the data's own
     * @param meaning what a parameter at an edge means
     */
    record Problem(String model, List<String> names, LogLikelihood likelihood, double customers, int rows,
            double scale, double[] exponents, double logLikelihoodShift, Meaning meaning) {
    }

    /**
     * The estimate in the data's units.
     *
     * @param params θ, in the order of the names
     * @param diagnostics how the fit went, with its warnings
     */
    record Estimate(double[] params, FitDiagnostics diagnostics) {
    }

    /**
     * Fits the problem from all ones on the standardised scale.
     *
     * @param problem the model's problem
     * @param penalizer λ, 0 to {@link ClvModels#MAX_PENALIZER}, on the standardised parameters
     * @return the estimate
     * @throws IllegalArgumentException if λ is invalid or there are fewer customers than parameters
     * @throws ConvergenceException if the optimiser does not converge
     */
    /** A number of customers as a count ({@code 1}, not {@code 1.0}); weighted rows may make it a fraction. */
    private static String count(double customers) {
        return customers == Math.rint(customers) && Math.abs(customers) < 0x1p53
                ? Long.toString((long) customers) : Double.toString(customers);
    }

    static Estimate fit(Problem problem, double penalizer) {
        String model = problem.model();
        List<String> names = problem.names();
        int k = names.size();
        require(penalizer >= 0 && penalizer <= ClvModels.MAX_PENALIZER,
                "penalizer %s is invalid: it must be 0 to %s (ClvModels.MAX_PENALIZER)", penalizer,
                (long) ClvModels.MAX_PENALIZER);
        require(problem.customers() >= k,
                "%s customers are too few to fit %s: the model has %s parameters", count(problem.customers()), model, k);
        double[] start = new double[k];
        java.util.Arrays.fill(start, 1.0);
        MaximumLikelihood.Estimate e = MaximumLikelihood.estimate(problem.likelihood(), problem.customers(),
                penalizer, start);
        String note = boundaryNote(names, e.params());
        // a stalled search far out on a flattening likelihood is a boundary optimum, not a failure
        boolean boundaryStall = !note.isEmpty() && Double.isFinite(e.logLikelihood())
                && e.gradientNorm() <= BOUNDARY_GRADIENT;
        if (!e.converged() && !boundaryStall) {
            throw new ConvergenceException(model, e.iterations(), e.gradientNorm(), e.message() + note);
        }
        ImmutableList.Builder<FitWarning> warnings = ImmutableList.builder();
        boolean[] onBoundary = new boolean[k];
        for (int j = 0; j < k; j++) {
            double theta = e.params()[j];
            if (theta < BOUNDARY || theta > 1 / BOUNDARY) {
                onBoundary[j] = true;
                boolean infinite = theta > 1;
                warnings.add(new FitWarning(infinite ? FitWarning.Kind.PARAMETER_AT_INFINITY
                        : FitWarning.Kind.PARAMETER_AT_ZERO, names.get(j), String.format(java.util.Locale.ROOT,
                        "ran to %s (%.3g on the standardised scale): the likelihood has no maximum inside the"
                                + " parameter space; %s", infinite ? "infinity" : "0", theta,
                        problem.meaning().of(names.get(j), infinite))));
            }
        }
        if (problem.rows() < k) {
            warnings.add(new FitWarning(FitWarning.Kind.NOT_IDENTIFIABLE, "", problem.rows()
                    + (problem.rows() == 1 ? " distinct customer history" : " distinct customer histories") + " for "
                    + k + " parameters: the parameters are not identifiable from these data, only some combinations"
                    + " of them are"));
        }
        double[] params = new double[k];
        ImmutableMap.Builder<String, Double> errors = ImmutableMap.builder();
        for (int j = 0; j < k; j++) {
            double unit = Math.pow(problem.scale(), problem.exponents()[j]);
            params[j] = e.params()[j] * unit;
            double @Nullable [] se = e.standardErrors();
            if (se != null && !onBoundary[j] && Double.isFinite(se[j] * unit)) {
                errors.put(names.get(j), se[j] * unit);
            } else {
                warnings.add(new FitWarning(FitWarning.Kind.NO_STANDARD_ERROR, names.get(j), onBoundary[j]
                        ? "no standard error: the estimate lies on the boundary of the parameter space"
                        : "no standard error: the observed information is not positive definite (a flat or"
                                + " degenerate likelihood)"));
            }
            require(Double.isFinite(params[j]) && params[j] > 0, "%s parameter %s came out as %s in the data's"
                    + " units: rescale the data", model, names.get(j), params[j]);
        }
        double logLikelihood = e.logLikelihood() + problem.logLikelihoodShift();
        FitDiagnostics diagnostics = new FitDiagnostics(model, logLikelihood, problem.customers(), problem.rows(),
                e.iterations(), e.evaluations(), e.gradientNorm(), penalizer, errors.buildOrThrow(),
                warnings.build());
        return new Estimate(params, diagnostics);
    }

    private static String boundaryNote(List<String> names, double[] params) {
        StringBuilder note = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            if (!(params[j] >= BOUNDARY && params[j] <= 1 / BOUNDARY)) {
                note.append(note.length() == 0 ? "; " : ", ").append("parameter ").append(names.get(j))
                        .append(" ran off to ").append(params[j]);
            }
        }
        return note.toString();
    }

    /** The boundary meaning of the purchase-rate Gamma(r, α) shared by BG/NBD, MBG/NBD and Pareto/NBD. */
    static String purchaseRateMeaning(String parameter, boolean atInfinity) {
        if (atInfinity) {
            return "purchase rates do not vary across customers (the Gamma of rates collapses to one rate r/alpha):"
                    + " r and alpha are not identifiable, only their ratio";
        }
        return parameter.equals("r") ? "purchase rates vary extremely across customers"
                : "the time scale of purchases is far below the data's resolution";
    }
}
