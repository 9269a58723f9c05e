package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Set;

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

    /**
     * The largest L2 penalizer (and covariate regularization) a fit accepts: 10,000. The penalty
     * λ Σ θ² is added to the mean negative log-likelihood per customer on the standardised scale,
     * so λ = 1 already outweighs the data (on CDNOW it shrinks BG/NBD's r from 0.24 to 0.11;
     * {@code lifetimes}' examples use 0.001 to 0.1). At 10,000 every model still fits CDNOW, with
     * all its parameters pressed toward 0; from about 10^8 on the optimiser cannot resolve the
     * penalised optimum any more and a fit would fail or mislead, so larger values are refused.
     */
    public static final double MAX_PENALIZER = 10_000;

    /** What the input table of a model holds. */
    public enum Input {
        /** frequency, recency, T in a unit of time. */
        CONTINUOUS_TIME,
        /** frequency, recency, and the number of transaction opportunities in place of T. */
        OPPORTUNITIES,
        /** frequency, recency, T and the mean repeat spend {@code monetary_value}. */
        SPEND,
        /**
         * A contractual cohort: customers still active at the end of each period
         * ({@code period,alive}), entered as {@link ShiftedBetaGeometricModel#cohort(long[])} encodes it.
         */
        SURVIVORS
    }

    /** Fits a model on summaries with an L2 penalizer. */
    @FunctionalInterface
    public interface Fitter {
        /**
         * @param data the summaries
         * @param penalizer the penalizer, 0 to {@link #MAX_PENALIZER}
         * @return the fitted model
         * @throws IllegalArgumentException if the penalizer is out of range or the data cannot be fitted
         */
        ClvModel fit(CustomerSummaries data, double penalizer);
    }

    /** Makes a model from known parameters through the model's own factory (its {@code of}). */
    @FunctionalInterface
    public interface Restorer {
        /**
         * @param parameters the parameters in the order of {@link Model#parameterNames()}
         * @return the model
         * @throws IllegalArgumentException if a parameter is outside its range
         */
        ClvModel restore(double[] parameters);
    }

    /**
     * One model kind.
     *
     * @param name the short name, e.g. {@code bgnbd}
     * @param title the model's name in the literature, e.g. {@code BG/NBD}
     * @param input what the input table holds
     * @param fitter how it is fitted
     * @param parameterNames the names of {@link ClvModel#parameters()}, in the paper's order;
     *     empty when the model cannot be restored from parameters
     * @param restorer how a model is made from known parameters
     */
    public record Model(String name, String title, Input input, Fitter fitter, ImmutableList<String> parameterNames,
            Restorer restorer) {

        /**
         * Validates the entry.
         *
         * @param name the short name
         * @param title the model's name in the literature
         * @param input what the input table holds
         * @param fitter how it is fitted
         * @param parameterNames the parameter names in the paper's order
         * @param restorer how a model is made from known parameters
         */
        public Model {
            requireNonNull(name, "name");
            requireNonNull(title, "title");
            requireNonNull(input, "input");
            requireNonNull(fitter, "fitter");
            requireNonNull(parameterNames, "parameterNames");
            requireNonNull(restorer, "restorer");
        }

        /**
         * An entry that fits but cannot be {@linkplain #restore restored} from parameters.
         *
         * @param name the short name
         * @param title the model's name in the literature
         * @param input what the input table holds
         * @param fitter how it is fitted
         */
        public Model(String name, String title, Input input, Fitter fitter) {
            this(name, title, input, fitter, ImmutableList.of(), p -> {
                throw new IllegalArgumentException("model " + name + " cannot be restored from parameters");
            });
        }

        /**
         * The model of this kind with known parameters, e.g. read back from a saved fit: exactly
         * the parameter names of {@link #parameterNames()}, each validated by the model's factory
         * as when it is made directly.
         *
         * @param parameters the parameters by name
         * @return the model, reporting no fit in its {@linkplain ClvModel#diagnostics() diagnostics}
         * @throws IllegalArgumentException naming the parameter if one is missing, unknown, not
         *     finite or outside its range, or if this kind cannot be restored. With covariate
         *     coefficients ({@link #isCovariateParameter}) among them, the kind's
         *     {@link CovariateModel} is restored.
         */
        public ClvModel restore(Map<String, Double> parameters) {
            requireNonNull(parameters, "parameters");
            require(!parameterNames.isEmpty(), "model %s cannot be restored from parameters", name);
            if (takesCovariates() && parameters.keySet().stream().anyMatch(this::isCovariateParameter)) {
                return name.equals("pareto") ? ParetoNbdCovariateModel.of(parameters)
                        : BetaGeoCovariateModel.of(parameters);
            }
            for (String key : parameters.keySet()) {
                require(parameterNames.contains(key), "parameter '%s' is unknown for %s: its parameters are %s", key,
                        name, String.join(", ", parameterNames));
            }
            double[] values = new double[parameterNames.size()];
            for (int i = 0; i < values.length; i++) {
                String key = parameterNames.get(i);
                Double value = parameters.get(key);
                require(value != null, "parameter '%s' of %s is missing", key, name);
                require(Double.isFinite(value) && value > 0, "parameter '%s' of %s is %s: it must be finite and > 0",
                        key, name, value);
                values[i] = value;
            }
            return restorer.restore(values);
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

        /**
         * @return whether the kind has a version with static covariates ({@link CovariateModel}):
         *     {@code pareto} and {@code bgnbd}
         */
        public boolean takesCovariates() {
            return name.equals("pareto") || name.equals("bgnbd");
        }

        /**
         * Whether a parameter name is a covariate coefficient of this kind's covariate model
         * ({@code trans.NAME}, {@code life.NAME} or {@code gamma.NAME}), which {@link #restore}
         * accepts besides {@link #parameterNames()}.
         *
         * @param parameter a parameter name
         * @return true for a coefficient of a kind that {@linkplain #takesCovariates() takes covariates}
         */
        public boolean isCovariateParameter(String parameter) {
            String covariate = CovariateFit.covariateName(requireNonNull(parameter, "parameter"));
            return takesCovariates() && covariate != null && !covariate.isBlank();
        }

        /**
         * Fits this kind's model with static covariates: {@link ParetoNbdCovariateModel#fit} or
         * {@link BetaGeoCovariateModel#fit}.
         *
         * @param data the summaries
         * @param transaction purchase-process covariates, one row per customer
         * @param life attrition-process covariates, one row per customer
         * @param equal covariates of both with one coefficient
         * @param regularization the L2 penalty λ on the coefficients, 0 to {@link #MAX_PENALIZER}
         * @return the fitted model
         * @throws IllegalArgumentException if the kind takes no covariates or the data cannot be fitted
         * @throws ConvergenceException if the fit does not converge
         */
        public CovariateModel fitWithCovariates(CustomerSummaries data, Covariates transaction, Covariates life,
                Set<String> equal, double regularization) {
            require(takesCovariates(), "model %s takes no covariates: pareto and bgnbd do", name);
            return name.equals("pareto") ? ParetoNbdCovariateModel.fit(data, transaction, life, equal, regularization)
                    : BetaGeoCovariateModel.fit(data, transaction, life, equal, regularization);
        }

        /** @return the names of the columns {@link #predict} returns, in order */
        public ImmutableList<String> predictionColumns() {
            return switch (input) {
                case SPEND -> ImmutableList.of("expected_average_spend");
                case SURVIVORS -> ImmutableList.of("period", "survival", "retention");
                default -> ImmutableList.of("expected_purchases", "p_alive");
            };
        }

        /**
         * Predicts for every row of {@code data}: expected purchases over the horizon and
         * P(alive) for a purchase model; the expected average spend for a spend model (horizon
         * ignored; needs {@code monetary_value}). A {@link Input#SURVIVORS} model projects its cohort
         * instead: one row per period 0 to n + horizon (n the periods observed), with the survival
         * S(t) and the retention rate r<sub>t</sub> (1 at period 0).
         *
         * @param model a model of this kind
         * @param data the customers
         * @param horizon how far ahead, in the data's time unit (BG/BB: whole opportunities)
         * @return one column per name of {@link #predictionColumns()}, in that order (one row per
         *     customer, or per period for a cohort)
         * @throws IllegalArgumentException if the model is of another kind or has covariates, the
         *     horizon or a row is invalid
         */
        public ImmutableMap<String, double[]> predict(ClvModel model, CustomerSummaries data, double horizon) {
            requireNonNull(model, "model");
            requireNonNull(data, "data");
            require(model.name().equals(name), "a %s model cannot predict as %s", model.name(), name);
            require(!(model instanceof CovariateModel), "a %s model with covariates predicts from its customers'"
                    + " covariates: use CovariateModel.predict", name);
            double[] x = data.frequencies();
            if (model instanceof ShiftedBetaGeometricModel sbg) {
                require(horizon >= 0 && horizon <= 1_000_000 && horizon == Math.rint(horizon),
                        "horizon %s is invalid: an sBG projection runs a whole number of periods, 0 to 1000000", horizon);
                int observed = 0;
                for (int i = 0; i < data.size(); i++) {
                    observed = Math.max(observed, (int) data.age(i));
                }
                int periods = observed + (int) horizon + 1;
                double[] period = new double[periods];
                double[] survival = new double[periods];
                double[] retention = new double[periods];
                for (int t = 0; t < periods; t++) {
                    period[t] = t;
                    survival[t] = sbg.survival(t);
                    retention[t] = t == 0 ? 1 : sbg.retentionRate(t);
                }
                return ImmutableMap.of("period", period, "survival", survival, "retention", retention);
            }
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
            new Model("bgnbd", "BG/NBD", Input.CONTINUOUS_TIME, BetaGeoModel::fit, names("r", "alpha", "a", "b"),
                    p -> BetaGeoModel.of(p[0], p[1], p[2], p[3])),
            new Model("pareto", "Pareto/NBD", Input.CONTINUOUS_TIME, ParetoNbdModel::fit,
                    names("r", "alpha", "s", "beta"), p -> ParetoNbdModel.of(p[0], p[1], p[2], p[3])),
            new Model("mbgnbd", "MBG/NBD", Input.CONTINUOUS_TIME, ModifiedBetaGeoModel::fit,
                    names("r", "alpha", "a", "b"), p -> ModifiedBetaGeoModel.of(p[0], p[1], p[2], p[3])),
            new Model("bgbb", "BG/BB", Input.OPPORTUNITIES, BetaGeoBetaBinomModel::fit,
                    names("alpha", "beta", "gamma", "delta"), p -> BetaGeoBetaBinomModel.of(p[0], p[1], p[2], p[3])),
            new Model("gammagamma", "Gamma-Gamma", Input.SPEND, GammaGammaModel::fit, names("p", "q", "v"),
                    p -> GammaGammaModel.of(p[0], p[1], p[2])),
            new Model("sbg", "sBG", Input.SURVIVORS, ShiftedBetaGeometricModel::fit, names("alpha", "beta"),
                    p -> ShiftedBetaGeometricModel.of(p[0], p[1])),
            new Model("ggomnbd", "GGom/NBD", Input.CONTINUOUS_TIME, GammaGompertzNbdModel::fit,
                    names("r", "alpha", "b", "s", "beta"), p -> GammaGompertzNbdModel.of(p[0], p[1], p[2], p[3], p[4])),
            new Model("bgcnbd", "BG/CNBD-k", Input.CONTINUOUS_TIME, (data, penalizer) -> ErlangBetaGeoModel.fit(data,
                    false, penalizer), names("k", "r", "alpha", "a", "b"),
                    p -> ErlangBetaGeoModel.of(false, shape(p[0]), p[1], p[2], p[3], p[4])),
            new Model("mbgcnbd", "MBG/CNBD-k", Input.CONTINUOUS_TIME, (data, penalizer) -> ErlangBetaGeoModel.fit(data,
                    true, penalizer), names("k", "r", "alpha", "a", "b"),
                    p -> ErlangBetaGeoModel.of(true, shape(p[0]), p[1], p[2], p[3], p[4])));

    private ClvModels() {
    }

    private static ImmutableList<String> names(String... names) {
        return ImmutableList.copyOf(names);
    }

    /** The Erlang shape k of a restored BG/CNBD-k or MBG/CNBD-k: a whole number (the model checks its range). */
    private static int shape(double k) {
        Checks.require(k == Math.rint(k) && Math.abs(k) <= Integer.MAX_VALUE,
                "k %s is invalid: the Erlang shape must be a whole number", k);
        return (int) k;
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
