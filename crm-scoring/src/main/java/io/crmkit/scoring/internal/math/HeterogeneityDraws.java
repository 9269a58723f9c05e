package io.crmkit.scoring.internal.math;

import java.util.SplittableRandom;

/**
 * Random draws from the mixing distributions of the "buy till you die" models (gamma for
 * purchase and dropout rates, beta for purchase and dropout probabilities), for the seeded
 * simulators of every model in this package (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB). One instance
 * per simulation run; not thread-safe, not shared.
 */
public final class HeterogeneityDraws {

    private final SplittableRandom random;

    /**
     * Draws from a seeded stream: equal seeds give equal draws.
     *
     * @param seed the random seed
     */
    public HeterogeneityDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return a uniform draw in (0, 1), never exactly 0 */
    public double uniform() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0.0);
        return u;
    }

    /**
     * An exponential waiting time.
     *
     * @param rate the rate, &gt; 0
     * @return a draw from Exponential(rate)
     */
    public double exponential(double rate) {
        return -Math.log(uniform()) / rate;
    }

    /**
     * A gamma draw by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma
     * variables", ACM TOMS 26(3); shapes below 1 use their boost Gamma(k) = Gamma(k + 1) U^(1/k).
     *
     * @param shape the shape k, &gt; 0
     * @param rate the rate (inverse scale), &gt; 0
     * @return a draw from Gamma(shape, rate), mean shape / rate
     */
    public double gamma(double shape, double rate) {
        if (shape < 1.0) {
            // U^(1/k) in log space: a tiny shape would underflow the power but not the log
            double boosted = Math.log(standardGamma(shape + 1.0)) + Math.log(uniform()) / shape;
            return Math.exp(boosted) / rate;
        }
        return standardGamma(shape) / rate;
    }

    private double standardGamma(double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniform();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * A beta draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
     *
     * @param a the first shape, &gt; 0
     * @param b the second shape, &gt; 0
     * @return a draw from Beta(a, b), in [0, 1]
     */
    public double beta(double a, double b) {
        while (true) {
            double x = gamma(a, 1.0);
            double y = gamma(b, 1.0);
            if (x + y > 0) {
                return x / (x + y);
            }
        }
    }
}
