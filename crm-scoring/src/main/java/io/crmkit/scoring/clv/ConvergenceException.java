package io.crmkit.scoring.clv;

/**
 * Thrown when maximum-likelihood fitting does not converge: the optimiser stopped before the
 * gradient of the log-likelihood vanished. A fit that fails is never returned as if it had
 * succeeded. Typical causes are too few customers, data with no repeat purchases at all, or a
 * time unit so small that T runs into the millions (rescale to weeks); a small
 * {@code penalizer} often helps.
 */
public final class ConvergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The model's short name. */
    private final String model;
    /** Iterations taken. */
    private final int iterations;
    /** Gradient norm where the optimiser stopped. */
    private final double gradientNorm;

    ConvergenceException(String model, int iterations, double gradientNorm, String reason) {
        super(model + " fit did not converge after " + iterations + " iterations (gradient norm " + gradientNorm
                + "): " + reason);
        this.model = model;
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
    }

    /** @return the model's short name, e.g. {@code bgnbd} */
    public String model() {
        return model;
    }

    /** @return the iterations taken before the optimiser stopped */
    public int iterations() {
        return iterations;
    }

    /** @return the gradient norm where it stopped; may be non-finite when the likelihood broke down */
    public double gradientNorm() {
        return gradientNorm;
    }
}
