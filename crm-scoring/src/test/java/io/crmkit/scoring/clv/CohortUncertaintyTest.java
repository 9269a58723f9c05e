package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.clv.ParameterUncertainty.Method;
import org.junit.jupiter.api.Test;

/** Intervals of the sBG model: Fader & Hardie (2007), "How to project customer retention", the Regular cohort. */
class CohortUncertaintyTest {

    /** FH 2007, Table 1: the Regular cohort's survivors, years 0-7. */
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    private static final ShiftedBetaGeometricModel FIT = ShiftedBetaGeometricModel.fit(REGULAR);
    private static final CohortUncertainty UNCERTAINTY = CohortUncertainty.of(FIT, REGULAR);

    @Test
    void theDeltaMethodUsesTheFitsStandardErrors() {
        // the fit's standard errors come from its own Hessian (in theta, not ln theta): sd(ln a) = se(a)/a
        double[][] covariance = UNCERTAINTY.logParameterCovariance();
        double seAlpha = FIT.diagnostics().standardErrors().get("alpha");
        double seBeta = FIT.diagnostics().standardErrors().get("beta");
        assertEquals(seAlpha / FIT.alpha(), Math.sqrt(covariance[0][0]), 0.01 * seAlpha / FIT.alpha());
        assertEquals(seBeta / FIT.beta(), Math.sqrt(covariance[1][1]), 0.01 * seBeta / FIT.beta());
        Interval alpha = UNCERTAINTY.parameterIntervals().get("alpha");
        assertEquals(FIT.alpha(), alpha.estimate(), 0);
        assertEquals(Math.log(alpha.upper() / alpha.estimate()), 1.959964 * seAlpha / FIT.alpha(),
                0.01 * seAlpha / FIT.alpha());
    }

    @Test
    void theObservedYearsEightToTwelveLieInsideTheProjectionsIntervals() {
        // FH 2007, Table 1: the Regular cohort's survival observed in years 8-12 (not used in the fit)
        double[] observed = {0.223, 0.207, 0.194, 0.183, 0.173};
        for (int i = 0; i < observed.length; i++) {
            long year = 8 + i;
            for (Method method : Method.values()) {
                Interval survival = UNCERTAINTY.survival(method, year);
                assertTrue(survival.contains(observed[i]), method + " year " + year + " " + survival);
                assertTrue(survival.lower() > 0.1 && survival.upper() < 0.35, method + " " + survival);
            }
        }
    }

    @Test
    void bootstrapAndDeltaAgreeOnALargeCohort() {
        // 1,000 customers over 7 periods: the likelihood is close to quadratic, so the two methods'
        // intervals should agree to a small part of their width
        Interval[] pairs = {
            UNCERTAINTY.survival(Method.DELTA, 12), UNCERTAINTY.survival(Method.BOOTSTRAP, 12),
            UNCERTAINTY.retentionRate(Method.DELTA, 5), UNCERTAINTY.retentionRate(Method.BOOTSTRAP, 5),
            UNCERTAINTY.discountedExpectedLifetime(Method.DELTA, 0.1),
            UNCERTAINTY.discountedExpectedLifetime(Method.BOOTSTRAP, 0.1),
            UNCERTAINTY.discountedExpectedResidualLifetime(Method.DELTA, 0.1, 4),
            UNCERTAINTY.discountedExpectedResidualLifetime(Method.BOOTSTRAP, 0.1, 4),
        };
        for (int i = 0; i < pairs.length; i += 2) {
            Interval delta = pairs[i];
            Interval bootstrap = pairs[i + 1];
            double width = delta.upper() - delta.lower();
            assertTrue(delta.contains(delta.estimate()) && width > 0, delta.toString());
            assertEquals(delta.estimate(), bootstrap.estimate(), 0);
            assertEquals(delta.lower(), bootstrap.lower(), 0.25 * width, delta + " vs " + bootstrap);
            assertEquals(delta.upper(), bootstrap.upper(), 0.25 * width, delta + " vs " + bootstrap);
        }
        // DEL(0.1) = 3.6949 (ShiftedBetaGeometricModelTest, from the series)
        assertEquals(3.6949084073, pairs[4].estimate(), 1e-7);
    }

    @Test
    void theDeltaIntervalsCoverTheTruthInASeededSimulationStudy() {
        // 300 cohorts of 1,000 customers observed for 7 periods from the Regular cohort's parameters
        ShiftedBetaGeometricModel truth = ShiftedBetaGeometricModel.of(0.704, 1.182);
        int covered = 0;
        int checks = 0;
        for (int replication = 0; replication < 300; replication++) {
            long[] alive = truth.simulate(1000, 7, 1_000 + replication);
            CohortUncertainty u = CohortUncertainty.of(ShiftedBetaGeometricModel.fit(alive), alive);
            covered += u.parameterIntervals().get("alpha").contains(0.704) ? 1 : 0;
            covered += u.parameterIntervals().get("beta").contains(1.182) ? 1 : 0;
            checks += 2;
        }
        double coverage = (double) covered / checks;
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage + " of " + checks);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UNCERTAINTY.survival(Method.DELTA, 0));
        assertEquals("period 0 is invalid: a survival interval needs t >= 1 (S(0) = 1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.withLevel(1));
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.withBootstrap(5, 1));
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.discountedExpectedLifetime(Method.DELTA, 0));
        // alpha 0.704 < 1: the expected lifetime is infinite and has no interval
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.expectedLifetime(Method.DELTA));
        ShiftedBetaGeometricModel finite = ShiftedBetaGeometricModel.of(2.5, 4);
        long[] alive = finite.simulate(2000, 8, 5);
        Interval lifetime = CohortUncertainty.of(ShiftedBetaGeometricModel.fit(alive), alive)
                .expectedLifetime(Method.DELTA);
        assertTrue(lifetime.contains((2.5 + 4 - 1) / (2.5 - 1)), lifetime.toString());
    }
}
