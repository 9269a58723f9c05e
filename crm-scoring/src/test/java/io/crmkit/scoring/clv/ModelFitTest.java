package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.LogLikelihood;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFitTest {

    private static ModelFit.Problem problem(String model, List<String> names, LogLikelihood likelihood,
            double customers, double scale, double[] exponents) {
        return new ModelFit.Problem(model, names, likelihood, customers, (int) customers, scale, exponents, 0,
                (name, infinite) -> infinite ? "grew" : "shrank");
    }

    @Test
    void aLikelihoodWithoutMaximumFailsLoudly() {
        LogLikelihood unbounded = (theta, gradient) -> {
            gradient[0] = 1;
            return theta[0];
        };
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> ModelFit.fit(problem("unbounded", List.of("x"), unbounded, 10, 1, new double[1]), 0));
        assertEquals("unbounded", e.model());
    }

    @Test
    void fewerCustomersThanParametersIsRejected() {
        LogLikelihood any = (theta, gradient) -> 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFit.fit(problem("m", List.of("a", "b", "c"), any, 2, 1, new double[3]), 0));
        assertTrue(e.getMessage().contains("too few"), e.getMessage());
    }

    @Test
    void estimatesAreCarriedBackToTheDataUnits() {
        // Poisson rate per unit time of 30 events in 10 exposures, fitted on time × 0.5: the standardised rate is
        // 6, the rate per data unit 3 (θ_data = θ_fit · scale^1), its standard error √(3/10)
        LogLikelihood poisson = (theta, gradient) -> {
            gradient[0] = 30 / theta[0] - 10 * 0.5;
            return 30 * Math.log(theta[0]) - 10 * 0.5 * theta[0];
        };
        ModelFit.Estimate e = ModelFit.fit(problem("poisson", List.of("lambda"), poisson, 10, 0.5,
                new double[] {1}), 0);
        assertEquals(3.0, e.params()[0], 1e-7);
        assertEquals(Math.sqrt(3.0 / 10), e.diagnostics().standardErrors().get("lambda"), 1e-5);
        assertTrue(e.diagnostics().warnings().isEmpty(), e.diagnostics().warnings().toString());
    }
}
