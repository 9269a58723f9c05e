package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * A member's points over the period (from, to]: the balance at {@code from}, the points that moved
 * in the period by kind, and the balance at {@code to}. Redeemed, expired and reversed are counted
 * as positive amounts; adjusted is the net of adjustments, signed. Always
 * {@code closing = opening + earned + bonus + adjusted − redeemed − expired − reversed}, and the
 * statements over (a, b] and (b, c] chain into the one over (a, c].
 *
 * @param customer the member
 * @param from the start of the period (exclusive)
 * @param to the end of the period (inclusive)
 * @param opening the balance at from
 * @param earned base points earned by purchases
 * @param bonus campaign and one-off bonus points
 * @param adjusted the net of adjustments
 * @param redeemed points spent
 * @param expired points expired
 * @param reversed points reversed by refunds
 * @param closing the balance at to
 */
public record Statement(CustomerId customer, Instant from, Instant to, long opening, long earned, long bonus,
        long adjusted, long redeemed, long expired, long reversed, long closing) {

    /**
     * Checks that the statement balances.
     *
     * @param customer the member
     * @param from the start (exclusive)
     * @param to the end (inclusive)
     * @param opening the opening balance
     * @param earned earned points
     * @param bonus bonus points
     * @param adjusted net adjustment
     * @param redeemed redeemed points
     * @param expired expired points
     * @param reversed reversed points
     * @param closing the closing balance
     * @throws IllegalArgumentException if the figures do not balance
     */
    public Statement {
        long computed = Math.subtractExact(Math.subtractExact(Math.subtractExact(
                Math.addExact(Math.addExact(Math.addExact(opening, earned), bonus), adjusted), redeemed), expired), reversed);
        checkArgument(computed == closing, "statement does not balance: opening %s + earned %s + bonus %s + adjusted %s"
                + " - redeemed %s - expired %s - reversed %s is %s, closing is %s",
                opening, earned, bonus, adjusted, redeemed, expired, reversed, computed, closing);
    }
}
