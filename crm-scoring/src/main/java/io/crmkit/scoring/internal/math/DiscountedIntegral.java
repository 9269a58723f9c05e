package io.crmkit.scoring.internal.math;

import java.util.function.DoubleUnaryOperator;

/**
 * The present value of a stream of events under continuous discounting at rate δ, from the
 * expected cumulative count E(τ) of the events in (0, τ]:
 * ∫<sub>0</sub><sup>∞</sup> e<sup>−δτ</sup> dE(τ) = δ ∫<sub>0</sub><sup>∞</sup>
 * e<sup>−δτ</sup> E(τ) dτ (integration by parts, with E(0) = 0 and E growing at most linearly).
 *
 * <p>The second integral is taken in u = ln τ, where the integrand δτ·e<sup>−δτ</sup>·E(τ) is
 * smooth and falls off at both ends (as τ² towards 0 and as e<sup>−δτ</sup> beyond 1/δ): 16-point
 * Gauss-Legendre panels of width {@value #WIDTH} cover δτ from {@value #LOWER} to {@value #UPPER}.
 * Below, E(τ) ≈ E′(0)·τ contributes about E′(0)·δτ²/2, a relative 10<sup>−20</sup> of the total;
 * above, less than e<sup>−60</sup> of it. Each value costs about 900 evaluations of E.
 */
public final class DiscountedIntegral {

    private static final double WIDTH = 0.5;
    private static final double LOWER = 1e-10;
    private static final double UPPER = 65;

    private DiscountedIntegral() {
    }

    /**
     * δ ∫<sub>0</sub><sup>∞</sup> e<sup>−δτ</sup> E(τ) dτ.
     *
     * @param cumulative E(τ): finite, &ge; 0, E(0) = 0, growing at most linearly
     * @param delta δ &gt; 0, finite
     * @return the discounted count, &ge; 0
     * @throws IllegalArgumentException if δ is not positive and finite
     */
    public static double of(DoubleUnaryOperator cumulative, double delta) {
        if (!(delta > 0 && Double.isFinite(delta))) {
            throw new IllegalArgumentException("discount rate " + delta + " is invalid: it must be finite and > 0");
        }
        double from = Math.log(LOWER / delta);
        double to = Math.log(UPPER / delta);
        int panels = (int) Math.ceil((to - from) / WIDTH);
        double width = (to - from) / panels;
        double half = 0.5 * width;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double centre = from + (p + 0.5) * width;
            for (int i = 0; i < GaussLegendre.ORDER; i++) {
                double tau = Math.exp(centre + half * GaussLegendre.node(i));
                double x = delta * tau;
                sum += half * GaussLegendre.weight(i) * x * Math.exp(-x) * cumulative.applyAsDouble(tau);
            }
        }
        return sum;
    }
}
