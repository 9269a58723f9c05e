package io.crmkit.scoring.clv;

import java.util.SplittableRandom;

/** Gamma and beta random draws for the simulators. */
final class GammaBetaSampler {

    private GammaBetaSampler() {
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma
     * variables", ACM TOMS 26(3); shapes below 1 use the boost Gamma(k) = Gamma(k+1) · U^(1/k).
     *
     * @param random the source of randomness
     * @param shape the shape, &gt; 0
     * @return the draw, &gt; 0
     */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            double draw = gamma(random, shape + 1) * Math.pow(u, 1.0 / shape);
            return Math.max(draw, Double.MIN_NORMAL);
        }
        double d = shape - 1.0 / 3;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
     *
     * @param random the source of randomness
     * @param a the first shape, &gt; 0
     * @param b the second shape, &gt; 0
     * @return the draw, in [0, 1]
     */
    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    /** A standard normal draw by the polar method of Marsaglia. */
    private static double normal(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }
}
