package io.crmkit.cli.clv;

import io.crmkit.cli.format.SummaryCsv;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.BetaGeoBetaBinomModel;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.FitDiagnostics;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.ModifiedBetaGeoModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.TransactionModel;
import java.util.List;

/**
 * The models {@code crm clv} knows by name, and how each is fitted and asked for predictions.
 * Continuous-time purchase models ({@link TransactionModel}: BG/NBD, Pareto/NBD, MBG/NBD) go
 * through {@link #purchaseModel}; the discrete-opportunity BG/BB (whose input has
 * {@code periods} in the T column) through {@link #discreteModel}; the spend model through
 * {@link #spendModel}.
 */
public final class ModelRegistry {

    /** Every model name of the command-line contract, in the order of the README's command table. */
    static final List<String> NAMES = List.of("bgnbd", "pareto", "mbgnbd", "bgbb", "gammagamma");

    private ModelRegistry() {
    }

    /** Predictions for every row of the input, with their CSV column names. */
    interface Predictor {
        /**
         * @param input the parsed CSV
         * @param horizon how far ahead (time units, or opportunities for BG/BB)
         * @return one column of values per name in {@link Fitted#predictionColumns()}
         */
        double[][] predict(SummaryCsv input, double horizon);
    }

    /** A fitted model as the command line shows it. */
    record Fitted(String model, ImmutableMap<String, Double> params, FitDiagnostics diagnostics,
            ImmutableList<String> warnings, ImmutableList<String> predictionColumns, Predictor predictor) {
    }

    /** @return whether the model reads {@code periods} instead of {@code T} */
    static boolean discrete(String model) {
        return model.equals("bgbb");
    }

    /** @return whether the model needs {@code monetary_value} */
    static boolean needsMonetaryValue(String model) {
        return model.equals("gammagamma");
    }

    /**
     * Fits a model by name.
     *
     * @param model one of {@link #NAMES}
     * @param data the summaries
     * @param penalizer the L2 penalizer
     * @return the fitted model
     * @throws IllegalArgumentException if this build cannot fit the model
     */
    static Fitted fit(String model, CustomerSummaries data, double penalizer) {
        return switch (model) {
            case "bgnbd" -> purchaseModel(BetaGeoModel.fit(data, penalizer));
            case "mbgnbd" -> purchaseModel(ModifiedBetaGeoModel.fit(data, penalizer));
            case "pareto" -> purchaseModel(ParetoNbdModel.fit(data, penalizer));
            case "bgbb" -> discreteModel(BetaGeoBetaBinomModel.fit(data, penalizer));
            case "gammagamma" -> spendModel(GammaGammaModel.fit(data, penalizer));
            default -> throw new IllegalArgumentException("unknown model '" + model + "': choose one of "
                    + String.join(", ", NAMES));
        };
    }

    static Fitted purchaseModel(TransactionModel m) {
        Predictor predictor = (input, horizon) -> {
            double[] expected = new double[input.size()];
            double[] alive = new double[input.size()];
            m.conditionalExpectedPurchases(horizon, input.frequency, input.recency, input.age, expected);
            m.probabilityAlive(input.frequency, input.recency, input.age, alive);
            return new double[][] {expected, alive};
        };
        return new Fitted(m.name(), m.parameters(), m.diagnostics(), ImmutableList.of(),
                ImmutableList.of("expected_purchases", "p_alive"), predictor);
    }

    /**
     * BG/BB: the horizon counts future opportunities, and P(alive) is the probability of being
     * alive at the next opportunity (Fader, Hardie &amp; Shang 2010).
     */
    static Fitted discreteModel(BetaGeoBetaBinomModel m) {
        Predictor predictor = (input, horizon) -> {
            int n = (int) horizon;
            if (n != horizon || n < 0) {
                throw new IllegalArgumentException("horizon " + horizon + " is invalid for " + m.name()
                        + ": it must be a whole number of opportunities >= 0");
            }
            double[] expected = new double[input.size()];
            double[] alive = new double[input.size()];
            m.conditionalExpectedPurchases(n, input.frequency, input.recency, input.age, expected);
            m.probabilityAlive(input.frequency, input.recency, input.age, alive);
            return new double[][] {expected, alive};
        };
        return new Fitted(m.name(), m.parameters(), m.diagnostics(), ImmutableList.of(),
                ImmutableList.of("expected_purchases", "p_alive"), predictor);
    }

    static Fitted spendModel(GammaGammaModel m) {
        Predictor predictor = (input, horizon) -> {
            double[] spend = new double[input.size()];
            m.conditionalExpectedAverageSpend(input.frequency, input.monetary, spend);
            return new double[][] {spend};
        };
        return new Fitted(m.name(), m.parameters(), m.diagnostics(), m.warnings(),
                ImmutableList.of("expected_average_spend"), predictor);
    }
}
