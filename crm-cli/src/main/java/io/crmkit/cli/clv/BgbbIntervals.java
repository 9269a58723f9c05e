package io.crmkit.cli.clv;

import io.crmkit.cli.format.SummaryCsv;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.BetaGeoBetaBinomModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.BetaGeoBetaBinomUncertainty;
import io.crmkit.scoring.clv.ParameterUncertainty;
import java.util.Map;

/**
 * {@code crm clv predict --model bgbb --intervals delta|bootstrap}: a {@code _lower} and an
 * {@code _upper} column after {@code expected_purchases} and {@code p_alive}
 * ({@link BetaGeoBetaBinomUncertainty}).
 */
final class BgbbIntervals {

    private BgbbIntervals() {
    }

    /**
     * The predictions with their intervals.
     *
     * @param model the fitted (or saved) BG/BB model
     * @param data the input rows
     * @param predictions {@code expected_purchases} and {@code p_alive} per row
     * @param horizon the opportunities ahead, a whole number
     * @param method delta method or bootstrap
     * @param replications bootstrap refits, 20 to 100,000
     * @param seed the bootstrap's seed
     * @return the columns, each followed by its {@code _lower} and {@code _upper}
     * @throws IllegalArgumentException if the model's information is not positive definite or a row
     *     has no interval (the message names the row)
     */
    static ImmutableMap<String, double[]> append(BetaGeoBetaBinomModel model, SummaryCsv data,
            ImmutableMap<String, double[]> predictions, double horizon, ParameterUncertainty.Method method,
            int replications, long seed) {
        BetaGeoBetaBinomUncertainty uncertainty = BetaGeoBetaBinomUncertainty.of(model, data.summaries())
                .withBootstrap(replications, seed);
        ImmutableMap.Builder<String, double[]> out = ImmutableMap.builder();
        CustomerSummaries rows = data.summaries();
        for (Map.Entry<String, double[]> column : predictions.entrySet()) {
            double[] lower = new double[data.size()];
            double[] upper = new double[data.size()];
            for (int i = 0; i < lower.length; i++) {
                double x = rows.frequency(i);
                double tx = rows.recency(i);
                double n = rows.age(i);
                double estimate = column.getValue()[i];
                ParameterUncertainty.Interval interval;
                try {
                    boolean expected = column.getKey().equals("expected_purchases");
                    if (expected && horizon == 0 || !expected && (estimate == 1 || estimate == 0)) {
                        interval = new ParameterUncertainty.Interval(estimate, estimate, estimate);
                    } else if (expected) {
                        interval = uncertainty.conditionalExpectedPurchases(method, (int) horizon, x, tx, n);
                    } else {
                        interval = uncertainty.probabilityAlive(method, x, tx, n);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " at row " + i, e);
                }
                lower[i] = interval.lower();
                upper[i] = interval.upper();
            }
            out.put(column.getKey(), column.getValue());
            out.put(column.getKey() + "_lower", lower);
            out.put(column.getKey() + "_upper", upper);
        }
        return out.buildOrThrow();
    }
}
