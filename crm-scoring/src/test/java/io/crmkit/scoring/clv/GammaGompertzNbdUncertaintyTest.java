package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.clv.ParameterUncertainty.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intervals of GGom/NBD through {@link ParameterUncertainty}. */
class GammaGompertzNbdUncertaintyTest {

    /** A rising Gompertz hazard with η varying across customers: every parameter is identified. */
    private static final GammaGompertzNbdModel TRUTH = GammaGompertzNbdModel.of(0.7, 6, 0.05, 0.5, 1.5);

    private static double[] ages(int n) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 52 + 52.0 * i / (n - 1);
        }
        return ages;
    }

    private static final CustomerSummaries DATA = TRUTH.simulate(ages(400), 2000);
    private static final GammaGompertzNbdModel FITTED = GammaGompertzNbdModel.fit(DATA);

    @Test
    void everyParameterHasTheFitsStandardErrorAndAnIntervalAroundTheTruth() {
        assertTrue(FITTED.diagnostics().warnings().isEmpty(), FITTED.diagnostics().warnings().toString());
        ParameterUncertainty u = ParameterUncertainty.of(FITTED, DATA);
        assertEquals(List.of("r", "alpha", "b", "s", "beta"), u.standardErrors().keySet().asList());
        // two routes to the observed information, both from the analytic score: the fit's Hessian on its
        // standardised scale and the differences in ln theta here; agreement within 1 %
        for (var e : u.standardErrors().entrySet()) {
            double fitted = FITTED.diagnostics().standardErrors().get(e.getKey());
            assertEquals(fitted, e.getValue(), 0.01 * fitted, e.getKey());
        }
        // this seed's 95 % intervals cover all five true values (r 0.7, alpha 6, b 0.05, s 0.5, beta 1.5)
        var intervals = u.parameterIntervals();
        double[] truth = {0.7, 6, 0.05, 0.5, 1.5};
        int j = 0;
        for (var e : intervals.entrySet()) {
            assertTrue(e.getValue().contains(truth[j++]), e.toString());
        }
    }

    @Test
    void perCustomerIntervalsAreAroundTheModelsOwnPredictions() {
        ParameterUncertainty u = ParameterUncertainty.of(FITTED, DATA);
        Interval expected = u.conditionalExpectedPurchases(Method.DELTA, 39, 3, 40, 60);
        assertEquals(FITTED.conditionalExpectedPurchases(39, 3, 40, 60), expected.estimate(), 0);
        assertTrue(expected.lower() < expected.estimate() && expected.estimate() < expected.upper(),
                expected.toString());
        Interval alive = u.probabilityAlive(Method.DELTA, 3, 40, 60);
        assertEquals(FITTED.probabilityAlive(3, 40, 60), alive.estimate(), 0);
        assertTrue(alive.lower() > 0 && alive.lower() < alive.estimate() && alive.upper() < 1, alive.toString());
        Interval newcomer = u.interval(GammaGompertzNbdModel.class, m -> m.expectedPurchases(52), Method.DELTA);
        assertEquals(FITTED.expectedPurchases(52), newcomer.estimate(), 0);
        IllegalArgumentException dert = assertThrows(IllegalArgumentException.class,
                () -> u.discountedExpectedResidualPurchases(Method.DELTA, 0.003, 3, 40, 60));
        assertTrue(dert.getMessage().contains("ggomnbd offers no DERT"), dert.getMessage());
    }

    @Test
    void longHistoriesGetAFiniteIntervalOrAClearRefusal() {
        ParameterUncertainty u = ParameterUncertainty.of(FITTED, DATA);
        double[][] histories = {{10_000, 99_999, 100_000}, {10_000, 1, 100_000}, {0, 0, 100_000}, {10_000, 50_000,
            100_000}, {1, 100_000, 100_000}, {10_000, 10, 10}, {10_000, 9.99, 10}};
        for (double[] h : histories) {
            for (int which = 0; which < 2; which++) {
                try {
                    Interval i = which == 0 ? u.conditionalExpectedPurchases(Method.DELTA, 39, h[0], h[1], h[2])
                            : u.probabilityAlive(Method.DELTA, h[0], h[1], h[2]);
                    assertTrue(Double.isFinite(i.lower()) && Double.isFinite(i.upper()) && i.contains(i.estimate()),
                            i.toString());
                    assertTrue(which == 0 || i.lower() >= 0 && i.upper() <= 1, i.toString());
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().contains("no delta-method interval"), e.getMessage());
                    assertFalse(e.getMessage().contains("NaN"), e.getMessage());
                }
            }
        }
    }

    @Test
    void aParameterThatRanTowardsInfinityIsRefusedByName() {
        // with eta barely varying in this sample the fit runs s and beta towards infinity together (only s/beta
        // is identified): their Wald intervals are beyond the range of a double, which is refused, not returned
        // as [0, Infinity]
        CustomerSummaries flat = GammaGompertzNbdModel.of(0.7, 6, 0.05, 0.3, 1.0).simulate(ages(400), 1);
        GammaGompertzNbdModel fitted = GammaGompertzNbdModel.fit(flat);
        ParameterUncertainty u = ParameterUncertainty.of(fitted, flat);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, u::parameterIntervals);
        assertTrue(e.getMessage().contains("is beyond the range of a double"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the Wald interval of s ") || e.getMessage().startsWith(
                "the Wald interval of beta "), e.getMessage());
    }
}
