package io.crmkit.scoring.clv;

/**
 * A fitted model of how much customers spend per transaction (Gamma-Gamma), independent of how
 * often they buy, so that it pairs with any {@link PurchaseModel} in {@link LifetimeValue}.
 */
public interface SpendModel extends ClvModel {

    /**
     * The expected mean spend per future transaction of a customer with x repeat purchases of
     * mean z̄.
     *
     * @param x repeat purchases, a whole number &ge; 0
     * @param meanSpend z̄, &ge; 0 (ignored when x = 0)
     * @return the expected mean spend, in the money unit of the data
     * @throws IllegalArgumentException if an input is invalid or the expectation does not exist
     */
    double conditionalExpectedAverageSpend(double x, double meanSpend);

    /**
     * Bulk {@link #conditionalExpectedAverageSpend(double, double)}.
     *
     * @param x repeat purchases per customer
     * @param meanSpend z̄ per customer
     * @param out receives the expected mean spend
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    void conditionalExpectedAverageSpend(double[] x, double[] meanSpend, double[] out);
}
