package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * A marketing contact already made: which customer, by which campaign, on which channel, when.
 * The contact cap counts these across every campaign.
 *
 * @param customer the customer contacted
 * @param campaignId the campaign that made the contact, non-blank
 * @param channel the channel used
 * @param at the instant of the contact
 */
public record MarketingContact(CustomerId customer, String campaignId, Channel channel, Instant at) {

    /**
     * Validates the contact.
     *
     * @param customer the customer
     * @param campaignId the campaign, non-blank
     * @param channel the channel
     * @param at the instant
     * @throws IllegalArgumentException if the campaign id is blank
     */
    public MarketingContact {
        requireNonNull(customer, "customer");
        requireNonNull(campaignId, "campaignId");
        requireNonNull(channel, "channel");
        requireNonNull(at, "at");
        checkArgument(!campaignId.isBlank(), "campaignId '%s' is blank: a contact names its campaign", campaignId);
    }

    /**
     * Returns the contact.
     *
     * @param customer the customer
     * @param campaignId the campaign, non-blank
     * @param channel the channel
     * @param at the instant
     * @return the contact
     */
    public static MarketingContact of(CustomerId customer, String campaignId, Channel channel, Instant at) {
        return new MarketingContact(customer, campaignId, channel, at);
    }
}
