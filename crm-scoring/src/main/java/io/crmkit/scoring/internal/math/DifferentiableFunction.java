package io.crmkit.scoring.internal.math;

/** An objective to minimise: its value and gradient at a point, computed together. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Evaluates the function and its gradient.
     *
     * @param x the point; not modified
     * @param gradient receives ∇f(x); same length as {@code x}
     * @return f(x); may be non-finite where the function is undefined, which the optimiser treats
     *     as +∞
     */
    double valueAndGradient(double[] x, double[] gradient);
}
