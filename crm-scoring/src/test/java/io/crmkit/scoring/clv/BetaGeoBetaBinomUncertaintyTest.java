package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.clv.ParameterUncertainty.Method;
import org.junit.jupiter.api.Test;

/** Intervals of the BG/BB model on Fader, Hardie & Shang (2010)'s donations and in a seeded simulation study. */
class BetaGeoBetaBinomUncertaintyTest {

    private static final CustomerSummaries DONATIONS = BtydDataFiles.donations();
    private static final BetaGeoBetaBinomModel FIT = BetaGeoBetaBinomModel.fit(DONATIONS);
    private static final BetaGeoBetaBinomUncertainty UNCERTAINTY = BetaGeoBetaBinomUncertainty.of(FIT, DONATIONS);

    @Test
    void theDeltaMethodUsesTheFitsStandardErrors() {
        // the fit's standard errors come from its own Hessian in theta: sd(ln theta) = se/theta
        double[][] covariance = UNCERTAINTY.logParameterCovariance();
        String[] names = {"alpha", "beta", "gamma", "delta"};
        for (int j = 0; j < 4; j++) {
            double relative = FIT.diagnostics().standardErrors().get(names[j]) / FIT.parameters().get(names[j]);
            assertEquals(relative, Math.sqrt(covariance[j][j]), 0.01 * relative, names[j]);
            Interval interval = UNCERTAINTY.parameterIntervals().get(names[j]);
            assertTrue(interval.contains(FIT.parameters().get(names[j])), names[j]);
        }
    }

    @Test
    void bootstrapAndDeltaAgreeOnElevenThousandDonors() {
        BetaGeoBetaBinomUncertainty u = UNCERTAINTY.withBootstrap(60, 3);
        Interval[] pairs = {
            u.conditionalExpectedPurchases(Method.DELTA, 5, 3, 4, 6),
            u.conditionalExpectedPurchases(Method.BOOTSTRAP, 5, 3, 4, 6),
            u.probabilityAlive(Method.DELTA, 3, 4, 6), u.probabilityAlive(Method.BOOTSTRAP, 3, 4, 6),
            u.conditionalExpectedPurchases(Method.DELTA, 5, 6, 6, 6),
            u.conditionalExpectedPurchases(Method.BOOTSTRAP, 5, 6, 6, 6),
        };
        for (int i = 0; i < pairs.length; i += 2) {
            Interval delta = pairs[i];
            Interval bootstrap = pairs[i + 1];
            double width = delta.upper() - delta.lower();
            assertTrue(delta.contains(delta.estimate()) && width > 0, delta.toString());
            assertEquals(delta.lower(), bootstrap.lower(), 0.3 * width, delta + " vs " + bootstrap);
            assertEquals(delta.upper(), bootstrap.upper(), 0.3 * width, delta + " vs " + bootstrap);
        }
        // the interval is around the model's own prediction, a probability stays inside (0, 1)
        assertEquals(FIT.conditionalExpectedPurchases(5, 3, 4, 6), pairs[0].estimate(), 0);
        assertTrue(pairs[2].upper() < 1 && pairs[2].lower() > 0);
    }

    @Test
    void theDeltaIntervalsCoverTheTruthInASeededSimulationStudy() {
        // 150 cohorts of 2,000 customers over 6 opportunities at FHS 2010's estimates: 570 of 600 (95.0 %)
        BetaGeoBetaBinomModel truth = BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834);
        String[] names = {"alpha", "beta", "gamma", "delta"};
        double[] values = {1.2035, 0.7497, 0.6567, 2.7834};
        int covered = 0;
        int checks = 0;
        for (int replication = 0; replication < 150; replication++) {
            CustomerSummaries data = truth.simulate(2000, 6, 5_000 + replication);
            BetaGeoBetaBinomUncertainty u = BetaGeoBetaBinomUncertainty.of(BetaGeoBetaBinomModel.fit(data), data);
            for (int j = 0; j < 4; j++) {
                covered += u.parameterIntervals().get(names[j]).contains(values[j]) ? 1 : 0;
                checks++;
            }
        }
        double coverage = (double) covered / checks;
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage + " of " + checks);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UNCERTAINTY.conditionalExpectedPurchases(Method.DELTA, 0, 3, 4, 6));
        assertEquals("future periods 0 is invalid: an interval needs at least 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.withLevel(0));
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.withBootstrap(10, 1));
        assertThrows(IllegalArgumentException.class, () -> UNCERTAINTY.probabilityAlive(Method.DELTA, 3, 7, 6));
    }
}
