package io.crmkit.scoring.internal.math;

/**
 * The 16-point Gauss-Legendre rule on [−1, 1], for the panel quadratures of
 * {@link LogConcaveIntegral}, {@link ConfluentHypergeometric} and {@link DiscountedIntegral}: nodes from Newton's method on
 * the Legendre polynomial, weights 2 / ((1 − x²) P′(x)²) (Davis &amp; Rabinowitz, <i>Methods of
 * Numerical Integration</i>, 2nd ed., §2.7).
 */
final class GaussLegendre {

    static final int ORDER = 16;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];

    static {
        for (int i = 0; i < ORDER; i++) {
            double root = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
            double derivative = 1;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = root;
                for (int k = 2; k <= ORDER; k++) {
                    double p2 = ((2 * k - 1) * root * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = ORDER * (root * p1 - p0) / (root * root - 1);
                double step = p1 / derivative;
                root -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            NODES[i] = root;
            WEIGHTS[i] = 2 / ((1 - root * root) * derivative * derivative);
        }
    }

    private GaussLegendre() {
    }

    /** @return the i-th node in [−1, 1] */
    static double node(int i) {
        return NODES[i];
    }

    /** @return the i-th weight; the weights sum to 2 */
    static double weight(int i) {
        return WEIGHTS[i];
    }
}
