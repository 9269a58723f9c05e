package io.crmkit.examples.readme;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CohortUncertainty;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.ParameterUncertainty;
import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.ShiftedBetaGeometricModel;

/** The README snippets of the sBG model, DERT, the conditional purchase counts and the intervals, compiled. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class ClvOutputsSnippets {

    private ClvOutputsSnippets() {
    }

    /** The README's {@code sbg} snippet. */
    static void sbg() {
        // tag::sbg[]
        // customers of a 1,000-strong cohort still subscribed after years 0..7 (Fader & Hardie 2007, "Regular")
        long[] alive = {1000, 631, 468, 382, 326, 289, 262, 241};
        ShiftedBetaGeometricModel sbg = ShiftedBetaGeometricModel.fit(alive);   // alpha 0.704, beta 1.182
        double year12 = sbg.survival(12);                                         // 0.170 of the cohort
        double renewal = sbg.retentionRate(8);                                    // rises as the cohort sorts itself
        double del = sbg.discountedExpectedLifetime(0.10);                        // 3.69 payments at 10 % a year
        double derl = sbg.discountedExpectedResidualLifetime(0.10, 4);            // after 4 renewals: 5.89

        CohortUncertainty uncertainty = CohortUncertainty.of(sbg, alive);
        ParameterUncertainty.Interval s12 = uncertainty.survival(ParameterUncertainty.Method.DELTA, 12);   // [0.146, 0.198]
        ParameterUncertainty.Interval delRange = uncertainty.withBootstrap(200, 1L)
                .discountedExpectedLifetime(ParameterUncertainty.Method.BOOTSTRAP, 0.10);               // [3.48, 3.93]
        // end::sbg[]
    }

    /** The README's {@code dert} snippet. */
    static void dert(CustomerSummaries weeks, GammaGammaModel spend) {
        // tag::dert[]
        ParetoNbdModel pareto = ParetoNbdModel.fit(weeks);                      // CDNOW, weeks
        double delta = Math.log(1.15) / 52;                                      // 15 % a year, continuously per week
        double dert = pareto.discountedExpectedResidualPurchases(delta, 2, 30.43, 38.86);
        double residualClv = LifetimeValue.of(pareto, spend).residualValue(delta, 2, 30.43, 38.86, 22.35);
        double noneIn39 = pareto.conditionalProbabilityOfPurchases(0, 39, 2, 30.43, 38.86);

        BetaGeoModel bgnbd = BetaGeoModel.fit(weeks);
        ParameterUncertainty uncertainty = ParameterUncertainty.of(bgnbd, weeks);
        ParameterUncertainty.Interval next39 = uncertainty.conditionalExpectedPurchases(
                ParameterUncertainty.Method.DELTA, 39, 2, 30.43, 38.86);
        ParameterUncertainty.Interval alive = uncertainty.withBootstrap(200, 7L)
                .probabilityAlive(ParameterUncertainty.Method.BOOTSTRAP, 2, 30.43, 38.86);
        // end::dert[]
    }
}
