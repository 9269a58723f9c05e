package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A purchase model with static covariates in the parameterisation of CLVTools: the population
 * parameters are shifted per customer by exp(γ<sub>trans</sub>ᵀz<sub>trans</sub>) on the purchase
 * process and exp(γ<sub>life</sub>ᵀz<sub>life</sub>) on the attrition process, and each customer
 * is the plain model at its own parameters ({@link #forCustomer}). {@link #parameters()} lists the
 * population parameters first, then one coefficient per covariate and process:
 * {@code trans.NAME}, {@code life.NAME}, or {@code gamma.NAME} for a covariate constrained to one
 * coefficient in both processes. Immutable, thread-safe and serializable; a model
 * {@linkplain ClvModels.Model#restore restored} from those parameters predicts exactly as the fitted one.
 */
public sealed interface CovariateModel extends ClvModel permits ParetoNbdCovariateModel, BetaGeoCovariateModel {

    /** @return γ<sub>trans</sub> by covariate name, in the fitted order */
    ImmutableMap<String, Double> transactionCoefficients();

    /** @return γ<sub>life</sub> by covariate name, in the fitted order */
    ImmutableMap<String, Double> lifetimeCoefficients();

    /**
     * The plain model of one customer, at the customer's own parameters.
     *
     * @param transaction the customer's purchase-process covariates by name (every fitted name;
     *     others are ignored)
     * @param life the customer's attrition-process covariates by name
     * @return the customer's model
     * @throws IllegalArgumentException if a fitted covariate is missing or not finite, or the
     *     covariates put a parameter outside the range of a double
     */
    TransactionModel forCustomer(Map<String, Double> transaction, Map<String, Double> life);

    /**
     * E[Y(t) | x, t<sub>x</sub>, T] and P(alive) for every row of summaries with its covariates,
     * each from the customer's own model.
     *
     * @param data the customers
     * @param transaction their purchase-process covariates (the fitted names, in any order; others
     *     ignored), one row per customer
     * @param life their attrition-process covariates, one row per customer
     * @param horizon t, &ge; 0, in the data's time unit
     * @return {@code expected_purchases} and {@code p_alive}, one value per row
     * @throws IllegalArgumentException naming the row if the rows do not match, a value is invalid,
     *     or a customer's prediction cannot be evaluated to a finite number
     */
    default ImmutableMap<String, double[]> predict(CustomerSummaries data, Covariates transaction, Covariates life,
            double horizon) {
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(transaction, "transaction");
        java.util.Objects.requireNonNull(life, "life");
        Checks.require(transaction.size() == data.size() && life.size() == data.size(), "covariates have %s and %s"
                + " rows for %s customers: give one row per customer", transaction.size(), life.size(), data.size());
        Checks.require(Double.isFinite(horizon) && horizon >= 0, "horizon %s is invalid: it must be finite and >= 0",
                horizon);
        double[] expected = new double[data.size()];
        double[] alive = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            try {
                TransactionModel one = forCustomer(CovariateFit.row(transaction, i), CovariateFit.row(life, i));
                expected[i] = one.conditionalExpectedPurchases(horizon, data.frequency(i), data.recency(i),
                        data.age(i));
                alive[i] = one.probabilityAlive(data.frequency(i), data.recency(i), data.age(i));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // a parameter out of a double's range, or a value the numerics cannot reach: refused by row
                throw new IllegalArgumentException(e.getMessage() + " at row " + i, e);
            }
        }
        return ImmutableMap.of("expected_purchases", expected, "p_alive", alive);
    }
}
