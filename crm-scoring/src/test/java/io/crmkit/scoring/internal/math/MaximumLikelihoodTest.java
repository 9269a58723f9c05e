package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaximumLikelihoodTest {

    /** Poisson counts: the MLE of the rate is the mean and its standard error is sqrt(mean / n) (closed form). */
    @Test
    void poissonRateHasTheTextbookEstimateAndStandardError() {
        double[] counts = {0, 1, 1, 2, 3, 5, 2, 0, 1, 4};
        double n = counts.length;
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        double total = sum;
        LogLikelihood poisson = (theta, gradient) -> {
            gradient[0] = total / theta[0] - n;
            return total * Math.log(theta[0]) - n * theta[0];
        };
        MaximumLikelihood.Estimate estimate = MaximumLikelihood.estimate(poisson, n, 0, new double[] {1});
        double mean = total / n;
        assertTrue(estimate.converged(), estimate.message());
        assertEquals(mean, estimate.params()[0], 1e-7);
        assertEquals(Math.sqrt(mean / n), estimate.standardErrors()[0], 1e-5);
        assertEquals(total * Math.log(mean) - n * mean, estimate.logLikelihood(), 1e-9);
    }

    @Test
    void aPenalizerShrinksTheEstimate() {
        // objective -ll/10 + λθ² = 10θ/10 - 3 ln θ + λθ²: stationary where 1 - 3/θ + 2λθ = 0, so θ = 3 at λ = 0
        // and θ = (-1 + √(1 + 24λ)) / (4λ) = 2.2749... at λ = 0.1 (closed form of the quadratic)
        LogLikelihood poisson = (theta, gradient) -> {
            gradient[0] = 30 / theta[0] - 10;
            return 30 * Math.log(theta[0]) - 10 * theta[0];
        };
        double plain = MaximumLikelihood.estimate(poisson, 10, 0, new double[] {1}).params()[0];
        double shrunk = MaximumLikelihood.estimate(poisson, 10, 0.1, new double[] {1}).params()[0];
        assertEquals(3.0, plain, 1e-7);
        assertEquals((-1 + Math.sqrt(1 + 24 * 0.1)) / (4 * 0.1), shrunk, 1e-7);
    }

    @Test
    void aLikelihoodWithoutMaximumDoesNotConverge() {
        // increasing in theta without bound: the estimate runs off to infinity
        LogLikelihood unbounded = (theta, gradient) -> {
            gradient[0] = 1;
            return theta[0];
        };
        MaximumLikelihood.Estimate e = MaximumLikelihood.estimate(unbounded, 10, 0, new double[] {1});
        assertFalse(e.converged());
        assertNull(e.standardErrors());
    }

    @Test
    void inverseDiagonalMatchesTheClosedFormOfATwoByTwoInverse() {
        // [[4, 2], [2, 3]]^-1 = [[3, -2], [-2, 4]] / 8
        assertArrayEquals(new double[] {3.0 / 8, 4.0 / 8}, MaximumLikelihood.inverseDiagonal(
                new double[][] {{4, 2}, {2, 3}}), 1e-15);
        assertNull(MaximumLikelihood.inverseDiagonal(new double[][] {{1, 2}, {2, 1}}), "indefinite");
    }

    private static Bfgs.Result stalledAt(double gradient, double predictedDecrease) {
        return new Bfgs.Result(new double[] {0}, 2.7, new double[] {gradient}, 43, 90, false,
                "line search found no point with sufficient decrease", predictedDecrease);
    }

    /**
     * A stalled line search counts as convergence where the gradient is negligible, or where the
     * whole log-likelihood can gain at most 1e-4 more by the quasi-Newton model (mean gain × W).
     */
    @Test
    void aStalledSearchIsAcceptedOnlyWhereTheRemainingGainIsNegligible() {
        assertTrue(MaximumLikelihood.accepted(stalledAt(9e-7, 1e-3), 400), "gradient below 1e-6");
        // 5e-9 per customer × 400 customers = 2e-6 of log-likelihood left
        assertTrue(MaximumLikelihood.accepted(stalledAt(1.9e-6, 5e-9), 400));
        // the same mean gain over a million customers is 5e-3: not negligible
        assertFalse(MaximumLikelihood.accepted(stalledAt(1.9e-6, 5e-9), 1e6));
        // a gradient of 1e-3 is never accepted from a stall, whatever the model predicts
        assertFalse(MaximumLikelihood.accepted(stalledAt(1e-3, 1e-12), 400));
        Bfgs.Result limit = new Bfgs.Result(new double[] {0}, 2.7, new double[] {1.9e-6}, 500, 900, false,
                "iteration limit reached", Double.POSITIVE_INFINITY);
        assertFalse(MaximumLikelihood.accepted(limit, 400), "only a stall may pass on the predicted gain");
        Bfgs.Result infinite = new Bfgs.Result(new double[] {0}, Double.NaN, new double[] {0}, 1, 1, true,
                "gradient below tolerance", 0);
        assertFalse(MaximumLikelihood.accepted(infinite, 400), "not a finite objective");
    }
}
