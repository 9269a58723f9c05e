package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaximumLikelihoodTest {

    /** Poisson counts: the MLE of the rate is the mean and its standard error is sqrt(mean / n). */
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
        MaximumLikelihood.Estimate estimate =
                MaximumLikelihood.estimate("poisson", List.of("lambda"), poisson, n, counts.length, 0, new double[] {1});
        double mean = total / n;
        assertEquals(mean, estimate.params()[0], 1e-7);
        assertEquals(Math.sqrt(mean / n), estimate.diagnostics().standardErrors().get("lambda"), 1e-5);
        assertEquals(total * Math.log(mean) - n * mean, estimate.diagnostics().logLikelihood(), 1e-9);
    }

    @Test
    void aPenalizerShrinksTheEstimate() {
        LogLikelihood poisson = (theta, gradient) -> {
            gradient[0] = 30 / theta[0] - 10;
            return 30 * Math.log(theta[0]) - 10 * theta[0];
        };
        double plain = MaximumLikelihood.estimate("p", List.of("l"), poisson, 10, 10, 0, new double[] {1}).params()[0];
        double shrunk = MaximumLikelihood.estimate("p", List.of("l"), poisson, 10, 10, 0.1, new double[] {1}).params()[0];
        assertEquals(3.0, plain, 1e-7);
        assertTrue(shrunk < plain, "penalized " + shrunk + " vs " + plain);
    }

    @Test
    void aLikelihoodWithoutMaximumFailsLoudly() {
        // increasing in theta without bound: the estimate runs off to infinity
        LogLikelihood unbounded = (theta, gradient) -> {
            gradient[0] = 1;
            return theta[0];
        };
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> MaximumLikelihood.estimate("unbounded", List.of("x"), unbounded, 10, 10, 0, new double[] {1}));
        assertEquals("unbounded", e.model());
    }

    @Test
    void fewerCustomersThanParametersIsRejected() {
        LogLikelihood any = (theta, gradient) -> 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaximumLikelihood.estimate("m", List.of("a", "b", "c"), any, 2, 2, 0, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
    }
}
