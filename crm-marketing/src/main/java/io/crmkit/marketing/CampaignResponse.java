package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.time.Instant;

/**
 * Something a customer did after a campaign's contact instant: responded (opened the offer,
 * redeemed the coupon, replied) and/or bought. Control customers' responses are recorded the same
 * way, so the baseline counts what they did without a contact.
 *
 * @param customer the customer
 * @param at when it happened
 * @param responded whether this event counts as a response
 * @param revenue the revenue of a purchase made with it, zero when there was none, not negative
 */
public record CampaignResponse(CustomerId customer, Instant at, boolean responded, Money revenue) {

    /**
     * Validates the response.
     *
     * @param customer the customer
     * @param at the instant
     * @param responded whether a response
     * @param revenue the revenue, not negative
     * @throws IllegalArgumentException if the revenue is negative
     */
    public CampaignResponse {
        requireNonNull(customer, "customer");
        requireNonNull(at, "at");
        requireNonNull(revenue, "revenue");
        checkArgument(!revenue.isNegative(), "revenue %s for customer %s is negative", revenue, customer.masked());
    }

    /**
     * Returns the response.
     *
     * @param customer the customer
     * @param at the instant
     * @param responded whether a response
     * @param revenue the revenue, zero when none
     * @return the response
     */
    public static CampaignResponse of(CustomerId customer, Instant at, boolean responded, Money revenue) {
        return new CampaignResponse(customer, at, responded, revenue);
    }
}
