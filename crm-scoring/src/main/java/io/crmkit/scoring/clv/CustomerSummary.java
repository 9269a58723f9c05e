package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.io.Serializable;

/**
 * One customer's purchase history condensed to what the "buy till you die" models need, with
 * the definitions of the {@code lifetimes} library's {@code summary_data_from_transaction_data}:
 * purchases in the same period (by default the same day) count as one purchase whose value is
 * their sum.
 * <ul>
 *   <li>{@code frequency} x: the number of <em>repeat</em> purchase periods — distinct periods
 *       with a purchase, minus one;</li>
 *   <li>{@code recency} t<sub>x</sub>: time from the first to the last purchase period (0 when
 *       x = 0);</li>
 *   <li>{@code age} T: time from the first purchase period to the end of observation;</li>
 *   <li>{@code monetaryValue}: mean value of the repeat purchase periods, the first purchase
 *       excluded (0 when x = 0), in the currency of the purchases.</li>
 * </ul>
 * Times are in the unit chosen when summarising (e.g. weeks). Build summaries with
 * {@link CustomerSummarizer}; feed many of them to a model through {@link #toSummaries}.
 *
 * <pre>{@code
 * List<CustomerSummary> rows = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30)).inUnitsOf(Duration.ofDays(7)).summarize(purchases);
 * BetaGeoModel model = BetaGeoModel.fit(CustomerSummary.toSummaries(rows));
 * }</pre>
 *
 * @param customer the customer
 * @param frequency x, repeat purchases, &ge; 0
 * @param recency t<sub>x</sub>, in [0, T], 0 when x = 0
 * @param age T, &gt; 0
 * @param monetaryValue mean repeat purchase value, &ge; 0, 0 when x = 0
 * @serial exclude
 */
public record CustomerSummary(CustomerId customer, int frequency, double recency, double age, double monetaryValue)
        implements Serializable {

    /**
     * Validates the summary.
     *
     * @param customer the customer
     * @param frequency x, repeat purchases, &ge; 0
     * @param recency t<sub>x</sub>, in [0, T], 0 when x = 0
     * @param age T, &gt; 0 and finite
     * @param monetaryValue mean repeat purchase value, finite, &ge; 0
     * @throws IllegalArgumentException naming the customer, the field, the value and the rule
     */
    public CustomerSummary {
        requireNonNull(customer, "customer");
        CustomerSummaries.requireValid(frequency, recency, age, " of customer " + customer.masked());
        require(Double.isFinite(monetaryValue) && monetaryValue >= 0,
                "monetary value of customer %s is invalid: it must be finite and >= 0", customer.masked());
    }

    /**
     * Columns for fitting: one row per summary, weight 1, with the monetary value.
     *
     * @param summaries the customers, in any order
     * @return the summaries as columns, in the same order
     */
    public static CustomerSummaries toSummaries(Iterable<CustomerSummary> summaries) {
        requireNonNull(summaries, "summaries");
        int n = 0;
        for (CustomerSummary ignored : summaries) {
            n++;
        }
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        int i = 0;
        for (CustomerSummary s : summaries) {
            x[i] = s.frequency;
            tx[i] = s.recency;
            t[i] = s.age;
            m[i] = s.monetaryValue;
            i++;
        }
        return CustomerSummaries.withMonetaryValue(x, tx, t, m);
    }
}
