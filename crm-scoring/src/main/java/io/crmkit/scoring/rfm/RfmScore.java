package io.crmkit.scoring.rfm;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;

/**
 * One customer's RFM result: the raw recency (days since the last purchase up to the as-of date),
 * frequency (number of purchases) and monetary value (sum or mean of the amounts), the scores
 * 1..bins (recency reversed: the most recent buyers score highest) and the segment.
 *
 * @param customer the customer
 * @param recencyDays days from the last purchase to the as-of date, 0 or more
 * @param frequency the number of purchases, at least 1
 * @param monetary the sum or mean of the purchase amounts, as configured
 * @param r the recency score
 * @param f the frequency score
 * @param m the monetary score
 * @param segment the segment's name
 */
public record RfmScore(CustomerId customer, long recencyDays, long frequency, Money monetary, int r, int f, int m, String segment) {

    /**
     * Validates the result.
     *
     * @param customer the customer
     * @param recencyDays days from the last purchase to the as-of date
     * @param frequency the number of purchases
     * @param monetary the sum or mean of the purchase amounts
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @param segment the segment's name
     */
    public RfmScore {
        requireNonNull(customer, "customer");
        requireNonNull(monetary, "monetary");
        requireNonNull(segment, "segment");
    }

    /** @return the three scores as the usual code, e.g. {@code 545} */
    public String code() {
        return "" + r + f + m;
    }
}
