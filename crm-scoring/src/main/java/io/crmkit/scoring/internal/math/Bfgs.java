package io.crmkit.scoring.internal.math;

import java.util.Arrays;

/**
 * Unconstrained minimisation by the BFGS quasi-Newton method with a line search that satisfies
 * the strong Wolfe conditions: Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.
 * (2006), Algorithm 6.1 (BFGS, with the initial inverse-Hessian scaling of eq. 6.20) and
 * Algorithms 3.5 and 3.6 (line search and zoom, cubic interpolation eq. 3.59).
 *
 * <p>The models minimise a negative log-likelihood over log-parameters, a handful of dimensions,
 * so the dense inverse-Hessian update costs nothing next to one evaluation of the likelihood.
 * Non-finite function values are treated as +∞, which makes the line search step back.
 */
public final class Bfgs {

    /** Sufficient-decrease constant c1 of the Wolfe conditions. */
    private static final double C1 = 1e-4;
    /** Curvature constant c2 of the strong Wolfe conditions (0.9 is usual for quasi-Newton). */
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH_STEPS = 60;
    /**
     * Relative change of f below which values no longer tell points apart (a few ulps of a sum
     * over many customers): there the line search accepts a step by the curvature condition
     * alone, the "approximate Wolfe" conditions of Hager &amp; Zhang (2005), SIAM J. Optim. 16(1),
     * 170–192, so that BFGS keeps converging on the gradient once f has stopped resolving.
     */
    private static final double VALUE_NOISE = 1e-12;

    private static final String STALLED = "line search found no point with sufficient decrease";

    private Bfgs() {
    }

    /**
     * The outcome of a minimisation.
     *
     * @param point the last point reached
     * @param value f at that point
     * @param gradient ∇f at that point
     * @param iterations BFGS iterations taken
     * @param evaluations function evaluations taken
     * @param converged whether the gradient norm fell below the tolerance
     * @param message why the iteration stopped
     * @param predictedDecrease when the line search stalled, the decrease of f the quasi-Newton model
     *     predicted for the full step it could not take, −½ ∇fᵀd (N&amp;W eq. 6.1's quadratic model at
     *     its minimum), &ge; 0; 0 when the gradient met the tolerance; +∞ when the iteration limit
     *     was reached
     */
    public record Result(double[] point, double value, double[] gradient, int iterations, int evaluations,
            boolean converged, String message, double predictedDecrease) {

        /** @return whether the line search stalled: no step along the last direction decreased f enough */
        public boolean stalled() {
            return message.equals(STALLED);
        }

        /** @return the Euclidean norm of the gradient at the last point */
        public double gradientNorm() {
            return norm(gradient);
        }
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param f the objective
     * @param start the starting point; not modified
     * @param maxIterations the most BFGS iterations
     * @param gradientTolerance stop when the infinity norm of the gradient is at most this
     * @return the result; {@link Result#converged()} tells whether the tolerance was met
     */
    public static Result minimize(DifferentiableFunction f, double[] start, int maxIterations, double gradientTolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, g, 0, evaluations, false, "objective is not finite at the starting point",
                    Double.POSITIVE_INFINITY);
        }
        double[][] h = identity(n);
        boolean scaled = false;
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        LineSearch search = new LineSearch(f, n);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (normInf(g) <= gradientTolerance) {
                return new Result(x, fx, g, iteration, evaluations, true, "gradient below tolerance", 0);
            }
            multiply(h, g, direction);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = -direction[i];
                slope += direction[i] * g[i];
            }
            if (slope >= 0) {
                // lost descent (rounding in H): restart from steepest descent
                h = identity(n);
                scaled = false;
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            double initialStep = scaled ? 1.0 : Math.min(1.0, 1.0 / Math.max(norm(g), 1e-12));
            double fNew = search.search(x, fx, g, direction, slope, initialStep, xNew, gNew);
            evaluations += search.evaluations;
            if (!search.found) {
                boolean converged = normInf(g) <= gradientTolerance * 10;
                return new Result(x, fx, g, iteration, evaluations, converged, STALLED, -0.5 * slope);
            }
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * norm(s) * norm(y)) {
                if (!scaled) {
                    // N&W eq. 6.20: scale the first inverse Hessian before the first update
                    double gamma = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        Arrays.fill(h[i], 0.0);
                        h[i][i] = gamma;
                    }
                    scaled = true;
                }
                update(h, s, y, sy);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
        boolean converged = normInf(g) <= gradientTolerance;
        return new Result(x, fx, g, maxIterations, evaluations, converged,
                converged ? "gradient below tolerance" : "iteration limit reached",
                converged ? 0 : Double.POSITIVE_INFINITY);
    }

    /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, N&amp;W eq. 6.17. */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1.0 / sy;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    /** The strong-Wolfe line search of N&amp;W Algorithms 3.5 and 3.6. */
    private static final class LineSearch {
        private final DifferentiableFunction f;
        private final double[] trial;
        private final double[] trialGradient;
        int evaluations;
        boolean found;

        LineSearch(DifferentiableFunction f, int n) {
            this.f = f;
            this.trial = new double[n];
            this.trialGradient = new double[n];
        }

        /** Returns f at the accepted point, written into {@code xOut} and {@code gOut}. */
        double search(double[] x, double f0, double[] g0, double[] d, double slope0, double initialStep,
                double[] xOut, double[] gOut) {
            evaluations = 0;
            found = false;
            double previousStep = 0;
            double previousValue = f0;
            double previousSlope = slope0;
            double step = initialStep;
            for (int k = 0; k < MAX_LINE_SEARCH_STEPS; k++) {
                double value = evaluate(x, d, step);
                double slope = dot(trialGradient, d);
                if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                    // outside the region where the objective is defined: step back
                    step = previousStep + 0.1 * (step - previousStep);
                    continue;
                }
                if (approximatelyWolfe(value, slope, f0, slope0)) {
                    return accept(value, xOut, gOut);
                }
                if (value > f0 + C1 * step * slope0 || (k > 0 && value >= previousValue)) {
                    return zoom(x, f0, slope0, d, previousStep, previousValue, previousSlope, step, value, slope,
                            xOut, gOut);
                }
                if (Math.abs(slope) <= -C2 * slope0) {
                    return accept(value, xOut, gOut);
                }
                if (slope >= 0) {
                    return zoom(x, f0, slope0, d, step, value, slope, previousStep, previousValue, previousSlope,
                            xOut, gOut);
                }
                previousStep = step;
                previousValue = value;
                previousSlope = slope;
                step *= 2;
            }
            return f0;
        }

        private double zoom(double[] x, double f0, double slope0, double[] d, double lo, double fLo, double slopeLo,
                double hi, double fHi, double slopeHi, double[] xOut, double[] gOut) {
            for (int k = 0; k < MAX_LINE_SEARCH_STEPS; k++) {
                double step = cubicMinimizer(lo, fLo, slopeLo, hi, fHi, slopeHi);
                double value = evaluate(x, d, step);
                double slope = dot(trialGradient, d);
                if (Double.isFinite(value) && Double.isFinite(slope) && approximatelyWolfe(value, slope, f0, slope0)) {
                    return accept(value, xOut, gOut);
                }
                if (!Double.isFinite(value) || !Double.isFinite(slope)
                        || value > f0 + C1 * step * slope0 || value >= fLo) {
                    hi = step;
                    fHi = Double.isFinite(value) ? value : Double.MAX_VALUE;
                    slopeHi = Double.isFinite(slope) ? slope : 0;
                } else {
                    if (Math.abs(slope) <= -C2 * slope0) {
                        return accept(value, xOut, gOut);
                    }
                    if (slope * (hi - lo) >= 0) {
                        hi = lo;
                        fHi = fLo;
                        slopeHi = slopeLo;
                    }
                    lo = step;
                    fLo = value;
                    slopeLo = slope;
                }
                if (Math.abs(hi - lo) <= 1e-14 * Math.max(1.0, Math.abs(lo))) {
                    break;
                }
            }
            // the bracket collapsed: accept the best point if it decreased f enough
            if (lo != 0 && fLo < f0) {
                double value = evaluate(x, d, lo);
                if (Double.isFinite(value) && value < f0) {
                    return accept(value, xOut, gOut);
                }
            }
            return f0;
        }

        /** f is flat to within its own rounding and the slope has flattened enough (strong curvature). */
        private static boolean approximatelyWolfe(double value, double slope, double f0, double slope0) {
            return value <= f0 + VALUE_NOISE * Math.abs(f0) && Math.abs(slope) <= -C2 * slope0;
        }

        private double evaluate(double[] x, double[] d, double step) {
            for (int i = 0; i < x.length; i++) {
                trial[i] = x[i] + step * d[i];
            }
            evaluations++;
            return f.valueAndGradient(trial, trialGradient);
        }

        private double accept(double value, double[] xOut, double[] gOut) {
            System.arraycopy(trial, 0, xOut, 0, trial.length);
            System.arraycopy(trialGradient, 0, gOut, 0, trial.length);
            found = true;
            return value;
        }

        /** The minimiser of the cubic through both ends (N&amp;W eq. 3.59), kept inside the bracket. */
        private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
            double lower = Math.min(a, b);
            double upper = Math.max(a, b);
            double d1 = ga + gb - 3 * (fa - fb) / (a - b);
            double disc = d1 * d1 - ga * gb;
            double step;
            if (disc >= 0 && Double.isFinite(disc) && fb < Double.MAX_VALUE) {
                double d2 = Math.signum(b - a) * Math.sqrt(disc);
                step = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
            } else {
                step = Double.NaN;
            }
            double margin = 0.1 * (upper - lower);
            if (!(step >= lower + margin && step <= upper - margin)) {
                step = 0.5 * (a + b);
            }
            return step;
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double normInf(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
