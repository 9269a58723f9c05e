package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * The models of this package by name, as the {@code crm clv} command names them: how each is
 * fitted and what it predicts for a table of customers. A program (or the command line) only
 * parses and formats; adding a model is one class and one line in {@link #MODELS}.
 *
 * <pre>{@code
 * ClvModels.Model kind = ClvModels.named("pareto");
 * ClvModel model = kind.fit(summaries, 0);
 * ImmutableMap<String, double[]> columns = kind.predict(model, summaries, 39);   // expected_purchases, p_alive
 * }</pre>
 */
public final class ClvModels {

    /** What the input table of a model holds. */
    public enum Input {
        /** frequency, recency, T in a unit of time. */
        CONTINUOUS_TIME,
        /** frequency, recency, and the number of transaction opportunities in place of T. */
        OPPORTUNITIES,
        /** frequency, recency, T and the mean repeat spend {@code monetary_value}. */
        SPEND
    }

    /** Fits a model on summaries with an L2 penalizer. */
    @FunctionalInterface
    public interface Fitter {
        /**
         * @param data the summaries
         * @param penalizer the penalizer, &ge; 0
         * @return the fitted model
         */
        ClvModel fit(CustomerSummaries data, double penalizer);
    }

    /**
     * One model kind.
     *
     * @param name the short name, e.g. {@code bgnbd}
     * @param title the model's name in the literature, e.g. {@code BG/NBD}
     * @param input what the input table holds
     * @param fitter how it is fitted
     */
    public record Model(String name, String title, Input input, Fitter fitter) {

        /**
         * Validates the entry.
         *
         * @param name the short name
         * @param title the model's name in the literature
         * @param input what the input table holds
         * @param fitter how it is fitted
         */
        public Model {
            requireNonNull(name, "name");
            requireNonNull(title, "title");
            requireNonNull(input, "input");
            requireNonNull(fitter, "fitter");
        }

        /**
         * Fits the model.
         *
         * @param data the summaries
         * @param penalizer the L2 penalizer, &ge; 0
         * @return the fitted model
         * @throws IllegalArgumentException if the data cannot be fitted
         * @throws ConvergenceException if the fit does not converge
         */
        public ClvModel fit(CustomerSummaries data, double penalizer) {
            return fitter.fit(requireNonNull(data, "data"), penalizer);
        }

        /** @return the names of the columns {@link #predict} returns, in order */
        public ImmutableList<String> predictionColumns() {
            return input == Input.SPEND ? ImmutableList.of("expected_average_spend")
                    : ImmutableList.of("expected_purchases", "p_alive");
        }

        /**
         * Predicts for every row of {@code data}: expected purchases over the horizon and
         * P(alive) for a purchase model; the expected average spend for a spend model (horizon
         * ignored; needs {@code monetary_value}).
         *
         * @param model a model of this kind
         * @param data the customers
         * @param horizon how far ahead, in the data's time unit (BG/BB: whole opportunities)
         * @return one column per name of {@link #predictionColumns()}, in that order
         * @throws IllegalArgumentException if the model is of another kind, the horizon or a row
         *     is invalid
         */
        public ImmutableMap<String, double[]> predict(ClvModel model, CustomerSummaries data, double horizon) {
            requireNonNull(model, "model");
            requireNonNull(data, "data");
            require(model.name().equals(name), "a %s model cannot predict as %s", model.name(), name);
            double[] x = data.frequencies();
            if (model instanceof SpendModel spend) {
                double[] out = new double[x.length];
                spend.conditionalExpectedAverageSpend(x, data.monetaryValues(), out);
                return ImmutableMap.of("expected_average_spend", out);
            }
            PurchaseModel purchases = (PurchaseModel) model;
            double[] tx = data.recencies();
            double[] age = data.ages();
            double[] expected = new double[x.length];
            double[] alive = new double[x.length];
            purchases.conditionalExpectedPurchases(horizon, x, tx, age, expected);
            purchases.probabilityAlive(x, tx, age, alive);
            return ImmutableMap.of("expected_purchases", expected, "p_alive", alive);
        }
    }

    /** Every model, in the order of the command-line contract. */
    private static final ImmutableList<Model> MODELS = ImmutableList.of(
            new Model("bgnbd", "BG/NBD", Input.CONTINUOUS_TIME, BetaGeoModel::fit),
            new Model("pareto", "Pareto/NBD", Input.CONTINUOUS_TIME, ParetoNbdModel::fit),
            new Model("mbgnbd", "MBG/NBD", Input.CONTINUOUS_TIME, ModifiedBetaGeoModel::fit),
            new Model("bgbb", "BG/BB", Input.OPPORTUNITIES, BetaGeoBetaBinomModel::fit),
            new Model("gammagamma", "Gamma-Gamma", Input.SPEND, GammaGammaModel::fit),
            new Model("ggomnbd", "GGom/NBD", Input.CONTINUOUS_TIME, GammaGompertzNbdModel::fit),
            new Model("bgcnbd", "BG/CNBD-k", Input.CONTINUOUS_TIME, (data, penalizer) -> ErlangBetaGeoModel.fit(data,
                    false, penalizer)),
            new Model("mbgcnbd", "MBG/CNBD-k", Input.CONTINUOUS_TIME, (data, penalizer) -> ErlangBetaGeoModel.fit(data,
                    true, penalizer)));

    private ClvModels() {
    }

    /** @return every model, in the order of the command-line contract */
    public static ImmutableList<Model> all() {
        return MODELS;
    }

    /** @return every model name, e.g. {@code bgnbd}, in the order of the command-line contract */
    public static ImmutableList<String> names() {
        return MODELS.stream().map(Model::name).collect(ImmutableList.toImmutableList());
    }

    /**
     * The model of a name.
     *
     * @param name a short name, e.g. {@code pareto}
     * @return the model
     * @throws IllegalArgumentException naming the valid names, if there is no such model
     */
    public static Model named(String name) {
        requireNonNull(name, "name");
        for (Model m : MODELS) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': choose one of " + String.join(", ",
                names()));
    }
}
