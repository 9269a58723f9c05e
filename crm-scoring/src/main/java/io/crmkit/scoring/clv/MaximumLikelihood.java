package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum-likelihood estimation of positive parameters θ = exp(u), shared by every model.
 *
 * <p>The objective is the one of the {@code lifetimes} library, so that {@code penalizer} means
 * the same as its {@code penalizer_coef}: f(u) = −ℓ(θ)/W + λ Σ θ<sub>j</sub>², where W is the
 * sum of the weights. It is minimised over u by {@link Bfgs}, with the gradient
 * ∂f/∂u<sub>j</sub> = θ<sub>j</sub> ∂f/∂θ<sub>j</sub>. Standard errors come from the Hessian of
 * W·f with respect to u (central differences of the analytic gradient), inverted, and carried to
 * θ by the delta method: se(θ<sub>j</sub>) = θ<sub>j</sub> √(H⁻¹)<sub>jj</sub>.
 */
final class MaximumLikelihood {

    static final int MAX_ITERATIONS = 500;
    /** Tolerance on the infinity norm of ∇f, f being a mean per customer. */
    static final double GRADIENT_TOLERANCE = 1e-9;
    /** A stalled line search is accepted as converged below this gradient norm. */
    private static final double ACCEPTABLE_GRADIENT = 1e-6;

    private MaximumLikelihood() {
    }

    /**
     * An estimate: the parameters and how the fit went.
     *
     * @param params θ at the maximum
     * @param diagnostics log-likelihood, iterations, standard errors
     */
    record Estimate(double[] params, FitDiagnostics diagnostics) {
    }

    /**
     * Fits the model.
     *
     * @param model the model's short name, for messages
     * @param names the parameter names, in order
     * @param likelihood the weighted log-likelihood
     * @param customers the sum of the weights W
     * @param rows the number of rows
     * @param penalizer λ &ge; 0
     * @param start θ to start from, all &gt; 0
     * @return the estimate
     * @throws IllegalArgumentException if there are fewer customers than parameters or λ is invalid
     * @throws ConvergenceException if the optimiser does not converge
     */
    static Estimate estimate(String model, List<String> names, LogLikelihood likelihood, double customers, int rows,
            double penalizer, double[] start) {
        int k = names.size();
        require(Double.isFinite(penalizer) && penalizer >= 0,
                "penalizer %s is invalid: it must be finite and >= 0", penalizer);
        require(customers >= k,
                "%s customers are too few to fit %s: the model has %s parameters", customers, model, k);
        double[] theta = new double[k];
        double[] gradTheta = new double[k];
        DifferentiableFunction objective = (u, gradient) -> {
            for (int j = 0; j < k; j++) {
                theta[j] = Math.exp(u[j]);
            }
            double ll = likelihood.evaluate(theta, gradTheta);
            double penalty = 0;
            for (int j = 0; j < k; j++) {
                penalty += theta[j] * theta[j];
                gradient[j] = theta[j] * (-gradTheta[j] / customers) + 2 * penalizer * theta[j] * theta[j];
            }
            return -ll / customers + penalizer * penalty;
        };
        double[] u0 = new double[k];
        for (int j = 0; j < k; j++) {
            u0[j] = Math.log(start[j]);
        }
        Bfgs.Result result = Bfgs.minimize(objective, u0, MAX_ITERATIONS, GRADIENT_TOLERANCE);
        double gradientNorm = result.gradientNorm();
        boolean acceptable = result.converged() || (Double.isFinite(result.value()) && gradientNorm <= ACCEPTABLE_GRADIENT);
        if (!acceptable || !Double.isFinite(result.value())) {
            throw new ConvergenceException(model, result.iterations(), gradientNorm, result.message());
        }
        double[] params = new double[k];
        for (int j = 0; j < k; j++) {
            params[j] = Math.exp(result.point()[j]);
            if (!Double.isFinite(params[j]) || params[j] <= 0) {
                throw new ConvergenceException(model, result.iterations(), gradientNorm,
                        "parameter " + names.get(j) + " ran off to " + params[j]);
            }
        }
        double logLikelihood = likelihood.evaluate(params, new double[k]);
        ImmutableMap<String, Double> errors = standardErrors(objective, result.point(), params, names, customers);
        FitDiagnostics diagnostics = new FitDiagnostics(model, logLikelihood, customers, rows, result.iterations(),
                result.evaluations(), gradientNorm, penalizer, errors);
        return new Estimate(params, diagnostics);
    }

    private static ImmutableMap<String, Double> standardErrors(DifferentiableFunction objective, double[] u,
            double[] params, List<String> names, double customers) {
        int k = u.length;
        double[][] hessian = new double[k][k];
        double[] plus = new double[k];
        double[] minus = new double[k];
        double[] point = u.clone();
        for (int j = 0; j < k; j++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(u[j]));
            point[j] = u[j] + h;
            objective.valueAndGradient(point, plus);
            point[j] = u[j] - h;
            objective.valueAndGradient(point, minus);
            point[j] = u[j];
            for (int i = 0; i < k; i++) {
                hessian[i][j] = customers * (plus[i] - minus[i]) / (2 * h);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (hessian[i][j] + hessian[j][i]);
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
        }
        double[] variance = inverseDiagonal(hessian);
        if (variance == null) {
            return ImmutableMap.of();
        }
        ImmutableMap.Builder<String, Double> errors = ImmutableMap.builder();
        for (int j = 0; j < k; j++) {
            double se = params[j] * Math.sqrt(variance[j]);
            if (!Double.isFinite(se)) {
                return ImmutableMap.of();
            }
            errors.put(names.get(j), se);
        }
        return errors.buildOrThrow();
    }

    /** The diagonal of the inverse of a symmetric matrix by Cholesky, or null if not positive definite. */
    static double[] inverseDiagonal(double[][] matrix) {
        int k = matrix.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] diagonal = new double[k];
        double[] column = new double[k];
        for (int c = 0; c < k; c++) {
            // solve L y = e_c, then (A^-1)_cc = |y|^2 since A^-1 = L^-T L^-1
            Arrays.fill(column, 0);
            for (int i = c; i < k; i++) {
                double sum = i == c ? 1.0 : 0.0;
                for (int m = c; m < i; m++) {
                    sum -= l[i][m] * column[m];
                }
                column[i] = sum / l[i][i];
            }
            double norm = 0;
            for (int i = c; i < k; i++) {
                norm += column[i] * column[i];
            }
            diagonal[c] = norm;
        }
        return diagonal;
    }
}
