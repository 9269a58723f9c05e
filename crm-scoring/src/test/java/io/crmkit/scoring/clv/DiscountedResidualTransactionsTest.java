package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * DERT: the Pareto/NBD closed form of Fader, Hardie &amp; Lee (2005), "RFM and CLV", JMR 42(4), eq. 2,
 * and the BG/NBD and MBG/NBD by quadrature of the conditional expectation.
 */
class DiscountedResidualTransactionsTest {

    /** CDNOW Pareto/NBD estimates (weeks), as lifetimes 0.11.3 and FHL 2005 report them. */
    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667);
    /** CDNOW BG/NBD estimates (weeks), Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way". */
    private static final BetaGeoModel BGNBD = BetaGeoModel.of(0.24259, 4.41353, 0.79289, 2.42575);
    /** FHL 2005 "RFM and CLV": 15 % a year compounded annually, continuously per week. */
    private static final double WEEKLY = 0.0027;

    @Test
    void paretoNbdMatchesEquationTwoEvaluatedIndependently() {
        // FHL 2005 eq. 2 evaluated literally in mpmath (30 digits): alpha^r beta^s delta^(s-1) Gamma(r+x+1)
        // hyperu(s, s, delta(beta+T)) / (Gamma(r) (alpha+T)^(r+x+1) L), L the Pareto/NBD likelihood with hyp2f1;
        // tolerance 1e-10 relative
        double[][] cases = {
            {2, 30.43, 38.86, WEEKLY, 6.482334604562811},
            {2, 30.43, 38.86, 0.1, 0.4067554201394351},
            {0, 0, 38.86, WEEKLY, 0.4769370401253974},
            {0, 0, 38.86, 0.1, 0.02992698433057026},
            {7, 35, 77.86, WEEKLY, 0.8919515514205603},
            {20, 35, 38.86, WEEKLY, 53.21185334560073},
            {20, 35, 38.86, 0.1, 3.338952874902943},
        };
        for (double[] c : cases) {
            assertEquals(c[4], PARETO.discountedExpectedResidualPurchases(c[3], c[0], c[1], c[2]), 1e-10 * c[4],
                    "customer " + c[0] + ", " + c[1] + ", " + c[2] + " at delta " + c[3]);
        }
    }

    @Test
    void bgNbdMatchesDirectIntegrationOverThePosterior() {
        // P(alive) * E[lambda / (delta + p lambda)], lambda ~ Gamma(r+x, alpha+T), p ~ Beta(a, b+x), the inner
        // mean as lambda/(lambda+delta) 2F1(1, b+x; a+b+x; lambda/(lambda+delta)), integrated over lambda with
        // mpmath.quad (30 digits); tolerance 1e-9 relative
        double[][] cases = {
            {2, 30.43, 38.86, WEEKLY, 5.156429704127423},
            {2, 30.43, 38.86, 0.1, 0.3422418522389699},
            {0, 0, 38.86, WEEKLY, 1.014196744904049},
            {0, 0, 38.86, 0.1, 0.05273898259312923},
            {7, 35, 77.86, WEEKLY, 0.6767870697122454},
            {7, 35, 77.86, 0.1, 0.04021787298095813},
        };
        for (double[] c : cases) {
            assertEquals(c[4], BGNBD.discountedExpectedResidualPurchases(c[3], c[0], c[1], c[2]), 1e-9 * c[4],
                    "customer " + c[0] + ", " + c[1] + ", " + c[2] + " at delta " + c[3]);
        }
    }

    @Test
    void mbgNbdMatchesDirectIntegrationOverThePosterior() {
        // as for BG/NBD with the MBG/NBD's P(alive) and p ~ Beta(a, b+x+1), mpmath (30 digits); tolerance 1e-9
        ModifiedBetaGeoModel model = ModifiedBetaGeoModel.of(0.5, 5.0, 1.2, 3.0);
        assertEquals(4.447218325439555, model.discountedExpectedResidualPurchases(WEEKLY, 2, 30.43, 38.86),
                1e-9 * 4.447);
        assertEquals(0.8221208536132962, model.discountedExpectedResidualPurchases(WEEKLY, 0, 0, 38.86), 1e-9 * 0.822);
    }

    @Test
    void theParetoClosedFormAgreesWithTheQuadratureOfItsConditionalExpectation() {
        TransactionModel generic = new TransactionModel() {
            @Override
            public String name() {
                return PARETO.name();
            }

            @Override
            public com.google.common.collect.ImmutableMap<String, Double> parameters() {
                return PARETO.parameters();
            }

            @Override
            public FitDiagnostics diagnostics() {
                return PARETO.diagnostics();
            }

            @Override
            public double logLikelihood(double x, double tx, double age) {
                return PARETO.logLikelihood(x, tx, age);
            }

            @Override
            public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
                return PARETO.conditionalExpectedPurchases(t, x, tx, age);
            }

            @Override
            public double probabilityAlive(double x, double tx, double age) {
                return PARETO.probabilityAlive(x, tx, age);
            }

            @Override
            public double expectedPurchases(double t) {
                return PARETO.expectedPurchases(t);
            }

            @Override
            public double probabilityOfPurchases(int n, double t) {
                return PARETO.probabilityOfPurchases(n, t);
            }
        };
        for (double[] c : new double[][] {{2, 30.43, 38.86}, {0, 0, 38.86}, {15, 70, 77.86}}) {
            double closed = PARETO.discountedExpectedResidualPurchases(0.01, c[0], c[1], c[2]);
            double quadrature = generic.discountedExpectedResidualPurchases(0.01, c[0], c[1], c[2]);
            assertEquals(closed, quadrature, 1e-8 * closed, "customer " + c[0]);
        }
    }

    @Property(tries = 40)
    void noNaNOrInfinityAtLargeHistories(@ForAll @IntRange(min = 0, max = 10_000) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
            @ForAll @DoubleRange(min = 1, max = 100_000) double age,
            @ForAll @DoubleRange(min = 1e-5, max = 10) @Scale(8) double delta) {
        double tx = x == 0 ? 0 : Math.max(recencyShare * age, 1e-3);
        for (TransactionModel model : new TransactionModel[] {PARETO, BGNBD}) {
            double dert = model.discountedExpectedResidualPurchases(delta, x, tx, age);
            assertTrue(Double.isFinite(dert) && dert >= 0, model.name() + " DERT " + dert);
        }
    }

    @Property(tries = 30)
    void dertFallsAsTheDiscountRateRises(@ForAll @IntRange(min = 0, max = 50) int x,
            @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(6) double delta) {
        double tx = x == 0 ? 0 : 30;
        for (TransactionModel model : new TransactionModel[] {PARETO, BGNBD}) {
            assertTrue(model.discountedExpectedResidualPurchases(delta, x, tx, 40)
                    >= model.discountedExpectedResidualPurchases(delta * 1.5, x, tx, 40), model.name());
        }
    }

    @Test
    void residualValueIsDertTimesTheExpectedSpend() {
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        LifetimeValue clv = LifetimeValue.of(PARETO, spend);
        double expected = 6.482334604562811 * spend.conditionalExpectedAverageSpend(2, 22.35);
        assertEquals(expected, clv.residualValue(WEEKLY, 2, 30.43, 38.86, 22.35), 1e-10 * expected);
        assertThrows(IllegalArgumentException.class, () -> clv.residualValue(0, 2, 30.43, 38.86, 22.35));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BGNBD.discountedExpectedResidualPurchases(Double.NaN, 2, 30.43, 38.86));
        assertTrue(e.getMessage().startsWith("discount rate delta NaN is invalid"), e.getMessage());
    }
}
