package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.clv.ParameterUncertainty.Method;
import org.junit.jupiter.api.Test;

class ParameterUncertaintyTest {

    @Test
    void theNormalQuantileIsTheTablesValue() {
        // A&S Table 26.5: z(0.975) = 1.959963985, z(0.95) = 1.644853627, z(0.995) = 2.575829304
        assertEquals(1.959963985, ParameterUncertainty.normalQuantile(0.975), 1e-8);
        assertEquals(1.644853627, ParameterUncertainty.normalQuantile(0.95), 1e-8);
        assertEquals(2.575829304, ParameterUncertainty.normalQuantile(0.995), 1e-8);
    }

    @Test
    void theDeltaMethodsParameterErrorsAreTheFitsStandardErrors() {
        // two routes to the same observed information: the fit's Hessian of the analytic gradient and the
        // second differences of the likelihood here; agreement within 1 %
        CustomerSummaries cdnow = Datasets.cdnow();
        BetaGeoModel model = BetaGeoModel.fit(cdnow);
        ParameterUncertainty u = ParameterUncertainty.of(model, cdnow);
        double[][] covariance = u.logParameterCovariance();
        int j = 0;
        for (var e : model.parameters().entrySet()) {
            double se = e.getValue() * Math.sqrt(covariance[j][j]);
            double fitted = model.diagnostics().standardErrors().get(e.getKey());
            assertEquals(fitted, se, 0.01 * fitted, e.getKey());
            j++;
        }
        ImmutableMap<String, Interval> intervals = u.parameterIntervals();
        assertTrue(intervals.get("r").contains(model.r()));
        assertTrue(intervals.get("r").lower() > 0.2 && intervals.get("r").upper() < 0.3, intervals.toString());
    }

    @Test
    void perCustomerIntervalsBracketTheEstimateAndTheTwoMethodsAgreeOnCdnow() {
        CustomerSummaries cdnow = Datasets.cdnow();
        BetaGeoModel model = BetaGeoModel.fit(cdnow);
        ParameterUncertainty u = ParameterUncertainty.of(model, cdnow).withBootstrap(30, 11);
        Interval delta = u.conditionalExpectedPurchases(Method.DELTA, 39, 2, 30.43, 38.86);
        assertTrue(delta.lower() < delta.estimate() && delta.estimate() < delta.upper(), delta.toString());
        Interval alive = u.probabilityAlive(Method.DELTA, 2, 30.43, 38.86);
        assertTrue(alive.lower() > 0 && alive.upper() < 1 && alive.contains(alive.estimate()), alive.toString());
        Interval dert = u.discountedExpectedResidualPurchases(Method.DELTA, 0.0027, 2, 30.43, 38.86);
        assertTrue(dert.contains(dert.estimate()), dert.toString());
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        Interval clv = u.residualValue(Method.DELTA, spend, 0.0027, 2, 30.43, 38.86, 22.35);
        double s = spend.conditionalExpectedAverageSpend(2, 22.35);
        assertEquals(dert.lower() * s, clv.lower(), 1e-9 * clv.lower());
        // the bootstrap (30 refits of 2,357 simulated customers) lands near the delta method: within half the width
        Interval boot = u.conditionalExpectedPurchases(Method.BOOTSTRAP, 39, 2, 30.43, 38.86);
        double width = delta.upper() - delta.lower();
        assertEquals(delta.lower(), boot.lower(), 0.5 * width, boot.toString());
        assertEquals(delta.upper(), boot.upper(), 0.5 * width, boot.toString());
    }

    @Test
    void parameterIntervalsCoverTheTruthInASeededSimulationStudy() {
        // 200 replications of 600 BG/NBD customers (T uniform over 26-52 weeks) at r 0.5, alpha 5, a 0.8, b 2.5;
        // pooled over the 4 parameters, 800 interval checks: accepted 93-97 % (about +-2.6 binomial standard
        // deviations of 0.77 % around 95 %); each parameter alone 88-99 % (200 checks, +-3.2 sd). Measured with these
        // seeds: 763 of 800 (95.4 %), r 190, alpha 189, a 194, b 190
        BetaGeoModel truth = BetaGeoModel.of(0.5, 5, 0.8, 2.5);
        double[] ages = new double[600];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 26 + 26.0 * i / (ages.length - 1);
        }
        int replications = 200;
        int[] covered = new int[4];
        String[] names = {"r", "alpha", "a", "b"};
        double[] values = {0.5, 5, 0.8, 2.5};
        for (int rep = 0; rep < replications; rep++) {
            CustomerSummaries data = truth.simulate(ages, 1000 + rep);
            BetaGeoModel fitted = BetaGeoModel.fit(data);
            ImmutableMap<String, Interval> intervals = ParameterUncertainty.of(fitted, data).parameterIntervals();
            for (int j = 0; j < 4; j++) {
                if (intervals.get(names[j]).contains(values[j])) {
                    covered[j]++;
                }
            }
        }
        int total = 0;
        for (int j = 0; j < 4; j++) {
            double share = covered[j] / (double) replications;
            assertTrue(share >= 0.88 && share <= 0.99, names[j] + " covered in " + share);
            total += covered[j];
        }
        double pooled = total / (4.0 * replications);
        assertTrue(pooled >= 0.93 && pooled <= 0.97, "pooled coverage " + pooled);
    }

    @Test
    void refusesOtherModelsAndBadSettings() {
        CustomerSummaries data = CustomerSummaries.of(new double[] {1, 0}, new double[] {2, 0}, new double[] {5, 5});
        assertThrows(IllegalArgumentException.class, () -> ParameterUncertainty.of(
                BetaGeoModel.of(0.5, 5, 0.8, 2.5), data).withLevel(1));
        assertThrows(IllegalArgumentException.class, () -> ParameterUncertainty.of(
                BetaGeoModel.of(0.5, 5, 0.8, 2.5), data).withBootstrap(5, 1));
    }
}
