package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.SpecialFunctions;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricModelTest {

    /** Fader &amp; Hardie (2007), "How to project customer retention", Table 1: "Regular" cohort, years 0-7, of 1,000. */
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    /** The same table, "High End" cohort, years 0-7. */
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    @Test
    void theRegularCohortGivesThePapersParameters() {
        // FH 2007, section "Estimating model parameters": alpha = 0.704, beta = 1.182, LL = -1680.27
        // (the LL and the 5-digit parameters recomputed independently by a Nelder-Mead fit in mpmath);
        // tolerance: the paper's three decimals
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.fit(REGULAR);
        assertEquals(0.704, model.alpha(), 5e-4);
        assertEquals(1.182, model.beta(), 5e-4);
        assertEquals(0.704077, model.alpha(), 1e-5);
        assertEquals(1.182043, model.beta(), 1e-5);
        assertEquals(-1680.2652, model.diagnostics().logLikelihood(), 1e-3);
        assertTrue(model.diagnostics().standardErrors().containsKey("alpha"));
        assertTrue(model.warnings().isEmpty(), model.warnings().toString());
    }

    @Test
    void theHighEndCohortGivesThePapersParameters() {
        // FH 2007: "High End" alpha = 0.668, beta = 3.806; LL -1611.158 recomputed in mpmath
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.fit(HIGH_END);
        assertEquals(0.668, model.alpha(), 5e-4);
        assertEquals(3.806, model.beta(), 5e-4);
        assertEquals(-1611.1581, model.diagnostics().logLikelihood(), 1e-3);
    }

    @Test
    void theRegularCohortsProjectionTracksTheObservedYearsEightToTwelve() {
        // projection of S(t) = B(a, b+t)/B(a, b) at the fitted parameters, computed in mpmath (30 digits):
        // 22.008, 20.441, 19.119, 17.986, 17.004 % for years 8-12 (tolerance 0.01 points); FH 2007, Table 1,
        // observed 22.3, 20.7, 19.4, 18.3, 17.3 %, which the paper's projection tracks within 0.4 points
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.fit(REGULAR);
        double[] projected = {22.008, 20.441, 19.119, 17.986, 17.004};
        double[] observed = {22.3, 20.7, 19.4, 18.3, 17.3};
        for (int i = 0; i < 5; i++) {
            long year = 8 + i;
            assertEquals(projected[i], 100 * model.survival(year), 0.01, "year " + year);
            assertEquals(observed[i], 100 * model.survival(year), 0.4, "year " + year);
        }
        ShiftedBetaGeometricModel high = ShiftedBetaGeometricModel.fit(HIGH_END);
        double[] highProjected = {46.044, 43.578, 41.417, 39.506, 37.800};
        for (int i = 0; i < 5; i++) {
            assertEquals(highProjected[i], 100 * high.survival(8 + i), 0.01, "high end year " + (8 + i));
        }
    }

    @Test
    void survivalRetentionAndCancellationAgree() {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(0.704, 1.182);
        // P(T = 1) = alpha / (alpha + beta), r_1 = beta / (alpha + beta) by hand
        assertEquals(0.704 / 1.886, model.cancellationProbability(1), 1e-12);
        assertEquals(1.182 / 1.886, model.retentionRate(1), 1e-12);
        for (long t = 1; t < 40; t++) {
            assertEquals(model.survival(t - 1) - model.survival(t), model.cancellationProbability(t), 1e-12, "t " + t);
            assertEquals(model.survival(t) / model.survival(t - 1), model.retentionRate(t), 1e-12, "t " + t);
            assertTrue(model.retentionRate(t + 1) > model.retentionRate(t), "retention rises, t " + t);
        }
    }

    @Test
    void discountedLifetimesMatchTheSeriesComputedIndependently() {
        // FH 2010 eq. 6 and 8 evaluated with mpmath's hyp2f1 at the Regular parameters (0.70407732, 1.18204308),
        // d = 10 %: DEL 3.6949084, DERL after 0, 4, 9 renewals 2.9643992, 5.8940953, 7.2783335 (tolerance 1e-7)
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(0.70407732084166, 1.182043075745342);
        assertEquals(3.6949084073, model.discountedExpectedLifetime(0.1), 1e-7);
        assertEquals(2.9643992481, model.discountedExpectedResidualLifetime(0.1, 0), 1e-7);
        assertEquals(5.8940952817, model.discountedExpectedResidualLifetime(0.1, 4), 1e-7);
        assertEquals(7.2783334953, model.discountedExpectedResidualLifetime(0.1, 9), 1e-7);
        ShiftedBetaGeometricModel high = ShiftedBetaGeometricModel.of(0.6680883506763271, 3.806094926874609);
        assertEquals(5.9222534792, high.discountedExpectedLifetime(0.1), 1e-7);
    }

    @Property(tries = 200)
    void discountedLifetimeIsTheDiscountedSumOfSurvival(@ForAll @DoubleRange(min = 0.1, max = 20) double alpha,
            @ForAll @DoubleRange(min = 0.1, max = 20) double beta, @ForAll @DoubleRange(min = 0.02, max = 1) double d) {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(alpha, beta);
        // DEL = sum_t S(t) / (1+d)^t, summed here term by term with S from the beta functions
        double sum = 0;
        for (int t = 0; t < 5000; t++) {
            sum += Math.exp(SpecialFunctions.logBeta(alpha, beta + t) - SpecialFunctions.logBeta(alpha, beta)
                    - t * Math.log1p(d));
        }
        double del = model.discountedExpectedLifetime(d);
        assertEquals(sum, del, 1e-9 * sum);
        // the first payment, then the residual lifetime after no renewal discounted one period
        assertEquals(del, 1 + model.discountedExpectedResidualLifetime(d, 0) / (1 + d), 1e-9 * del);
    }

    @Test
    void expectedLifetimeIsTheUndiscountedSumAndIsRefusedWhenInfinite() {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(3, 2);
        // (a + b - 1)/(a - 1) = 4/2 by hand
        assertEquals(2.0, model.expectedLifetime(), 1e-15);
        assertEquals(2.0, model.discountedExpectedLifetime(ShiftedBetaGeometricModel.MIN_DISCOUNT), 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShiftedBetaGeometricModel.of(0.704, 1.182).expectedLifetime());
        assertTrue(e.getMessage().contains("alpha 0.704"), e.getMessage());
    }

    @Property(tries = 60)
    void noNaNOrInfinityAtExtremePeriods(@ForAll @DoubleRange(min = 0.01, max = 1000) double alpha,
            @ForAll @DoubleRange(min = 0.01, max = 1000) double beta,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long t) {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(alpha, beta);
        double s = model.survival(t);
        assertTrue(s >= 0 && s <= 1, "S " + s);
        double derl = model.discountedExpectedResidualLifetime(0.01, t);
        assertTrue(Double.isFinite(derl) && derl >= 0 && derl <= 101 + 1e-9, "DERL " + derl);
        if (t >= 1) {
            double p = model.cancellationProbability(t);
            assertTrue(p >= 0 && p <= 1, "P " + p);
        }
    }

    @Test
    void aSimulatedCohortGivesBackItsParameters() {
        ShiftedBetaGeometricModel truth = ShiftedBetaGeometricModel.of(0.9, 2.5);
        long[] alive = truth.simulate(100_000, 12, 7);
        ShiftedBetaGeometricModel fitted = ShiftedBetaGeometricModel.fit(alive);
        // 100,000 customers: standard errors about 0.02 and 0.08; allow four of them
        assertEquals(0.9, fitted.alpha(), 4 * fitted.diagnostics().standardErrors().get("alpha"));
        assertEquals(2.5, fitted.beta(), 4 * fitted.diagnostics().standardErrors().get("beta"));
    }

    @Test
    void badCohortsAreRefusedByName() {
        IllegalArgumentException rising = assertThrows(IllegalArgumentException.class,
                () -> ShiftedBetaGeometricModel.fit(new long[] {100, 80, 90}));
        assertEquals("alive 90 at period 2 is invalid: it exceeds 80 at period 1, and a cohort only shrinks",
                rising.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new long[] {100}));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new long[] {100, 100, 100}));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.fit(new long[] {100, 0}));
        assertThrows(IllegalArgumentException.class, () -> ShiftedBetaGeometricModel.of(0, 1));
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.of(1, 1);
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> model.discountedExpectedLifetime(0));
        assertTrue(d.getMessage().startsWith("discount 0.0 is invalid"), d.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.survival(-1));
    }

    @Test
    void aFittedModelSurvivesSerialisation() throws Exception {
        ShiftedBetaGeometricModel model = ShiftedBetaGeometricModel.fit(REGULAR);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ShiftedBetaGeometricModel copy = (ShiftedBetaGeometricModel) in.readObject();
            assertEquals(model.parameters(), copy.parameters());
            assertEquals(model.diagnostics(), copy.diagnostics());
            assertEquals(model.survival(12), copy.survival(12));
        }
    }

    @Test
    void theRegistryProjectsACohort() {
        ClvModels.Model kind = ClvModels.named("sbg");
        ClvModel fitted = kind.fit(ShiftedBetaGeometricModel.cohort(REGULAR), 0);
        var columns = kind.predict(fitted, ShiftedBetaGeometricModel.cohort(REGULAR), 5);
        assertEquals(java.util.List.of("period", "survival", "retention"), java.util.List.copyOf(columns.keySet()));
        assertEquals(13, columns.get("period").length);
        assertEquals(0.17004, columns.get("survival")[12], 1e-4);
        assertEquals(1.0, columns.get("retention")[0]);
    }

    @Test
    void theRegistryFitsACohort() {
        ClvModels.Model kind = ClvModels.named("sbg");
        assertEquals(ClvModels.Input.SURVIVORS, kind.input());
        ClvModel fitted = kind.fit(ShiftedBetaGeometricModel.cohort(REGULAR), 0);
        assertEquals(0.704, fitted.parameters().get("alpha"), 5e-4);
    }
}
