package io.crmkit.scoring.internal.math;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
public final class MaximumLikelihood {

    /** The most BFGS iterations of one fit. */
    public static final int MAX_ITERATIONS = 500;
    /** Tolerance on the infinity norm of ∇f, f being a mean per customer. */
    public static final double GRADIENT_TOLERANCE = 1e-9;
    /** A stalled line search is accepted as converged below this gradient norm. */
    private static final double ACCEPTABLE_GRADIENT = 1e-6;
    /**
     * A stalled line search is also accepted where the quasi-Newton model predicts that the whole
     * log-likelihood (not the mean) can rise by at most this much more: the estimate is then within
     * about √(2 · 1e-4) ≈ 0.014 standard errors of the optimum in every direction, far inside its
     * sampling error, while the likelihood's own rounding (2F1 and quadrature at 1e-11 or so) keeps
     * the line search from resolving a smaller gain.
     */
    private static final double NEGLIGIBLE_LOG_LIKELIHOOD_GAIN = 1e-4;
    /** ... and only below this gradient norm, so that a poor model of the curvature cannot pass. */
    private static final double STALL_GRADIENT = 1e-4;

    private MaximumLikelihood() {
    }

    /**
     * An estimate: the parameters and how the optimiser got there.
     *
     * @param params θ where the optimiser stopped
     * @param logLikelihood the weighted log-likelihood ℓ(θ), without the penalty; NaN when a
     *     parameter ran off to 0 or infinity
     * @param iterations BFGS iterations
     * @param evaluations objective evaluations
     * @param gradientNorm Euclidean norm of ∇f with respect to u = ln θ
     * @param standardErrors se(θ<sub>j</sub>), or null when the Hessian is not positive definite
     *     or ℓ is not finite
     * @param converged whether the optimiser met its tolerance (or stalled where the gradient is
     *     negligible) at a finite objective with every θ<sub>j</sub> finite and positive
     * @param message why the optimiser stopped
     */
    public record Estimate(double[] params, double logLikelihood, int iterations, int evaluations,
            double gradientNorm, double @Nullable [] standardErrors, boolean converged, String message) {
    }

    /**
     * Maximises the penalised likelihood from {@code start}. The caller checks its inputs (λ
     * finite and &ge; 0, W &gt; 0, θ &gt; 0) and decides what a non-converged estimate means.
     *
     * @param likelihood the weighted log-likelihood ℓ(θ)
     * @param customers the sum of the weights W, &gt; 0
     * @param penalizer λ &ge; 0
     * @param start θ to start from, all &gt; 0
     * @return the estimate
     */
    public static Estimate estimate(LogLikelihood likelihood, double customers, double penalizer, double[] start) {
        int k = start.length;
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
        boolean converged = accepted(result, customers);
        String message = result.message();
        double[] params = new double[k];
        boolean inside = true;
        for (int j = 0; j < k; j++) {
            params[j] = Math.exp(result.point()[j]);
            inside &= Double.isFinite(params[j]) && params[j] > 0;
        }
        if (!inside) {
            converged = false;
            message += "; a parameter ran off to 0 or infinity";
        }
        double logLikelihood = inside ? likelihood.evaluate(params, new double[k]) : Double.NaN;
        double @Nullable [] errors = inside && Double.isFinite(logLikelihood)
                ? standardErrors(objective, result.point(), params, customers) : null;
        return new Estimate(params, logLikelihood, result.iterations(), result.evaluations(), gradientNorm, errors,
                converged, message);
    }

    /**
     * Whether a minimisation of a mean negative log-likelihood reached the maximum-likelihood
     * estimate: a finite objective, and the gradient below the tolerance, or a stalled line search
     * where the gradient is negligible or the predicted remaining gain of the whole log-likelihood
     * is (at most 1e-4 of log-likelihood). Every fit in the library judges its
     * optimiser's result by this one rule.
     *
     * @param result the optimiser's result on the mean objective
     * @param customers the sum of the weights W the objective was divided by, &gt; 0
     * @return whether the estimate may be reported as converged
     */
    public static boolean accepted(Bfgs.Result result, double customers) {
        if (!Double.isFinite(result.value())) {
            return false;
        }
        double gradientNorm = result.gradientNorm();
        return result.converged() || gradientNorm <= ACCEPTABLE_GRADIENT
                || result.stalled() && gradientNorm <= STALL_GRADIENT
                        && result.predictedDecrease() * customers <= NEGLIGIBLE_LOG_LIKELIHOOD_GAIN;
    }

    /**
     * The Hessian of {@code scale · f} at {@code u}, by central differences of the analytic
     * gradient (step 1e-5 · max(1, |u<sub>j</sub>|)), made symmetric by averaging.
     *
     * @param objective f, with its gradient
     * @param u the point, e.g. the optimum in log-parameters
     * @param scale the factor, e.g. the number of customers when f is a mean
     * @return the k × k matrix
     */
    public static double[][] hessian(DifferentiableFunction objective, double[] u, double scale) {
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
                hessian[i][j] = scale * (plus[i] - minus[i]) / (2 * h);
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (hessian[i][j] + hessian[j][i]);
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
        }
        return hessian;
    }

    private static double @Nullable [] standardErrors(DifferentiableFunction objective, double[] u, double[] params,
            double customers) {
        int k = u.length;
        double @Nullable [] variance = inverseDiagonal(hessian(objective, u, customers));
        if (variance == null) {
            return null;
        }
        double[] errors = new double[k];
        for (int j = 0; j < k; j++) {
            errors[j] = params[j] * Math.sqrt(variance[j]);
            if (!Double.isFinite(errors[j])) {
                return null;
            }
        }
        return errors;
    }

    /**
     * The diagonal of the inverse of a symmetric matrix, by Cholesky factorisation.
     *
     * @param matrix a symmetric matrix; not modified
     * @return the diagonal of its inverse, or null if it is not positive definite
     */
    public static double @Nullable [] inverseDiagonal(double[][] matrix) {
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
