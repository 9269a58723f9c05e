package io.crmkit.marketing;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * One recorded change of a customer's marketing consent on one channel: given or withdrawn at an
 * instant. Personal-data law asks that consent be recorded with its date and channel and that a
 * withdrawal be honoured from the moment it is made; a {@link ConsentLedger} replays these events.
 *
 * <pre>{@code
 * ConsentEvent yes = ConsentEvent.granted(CustomerId.of("c-1"), Channel.EMAIL, Instant.parse("2026-01-05T09:00:00Z"));
 * }</pre>
 *
 * @param customer the customer
 * @param channel the channel the consent covers
 * @param kind given or withdrawn
 * @param at the instant the customer gave or withdrew consent
 */
public record ConsentEvent(CustomerId customer, Channel channel, Kind kind, Instant at) {

    /** Whether the event gives or withdraws consent. */
    public enum Kind {
        /** The customer agrees to marketing on the channel from this instant. */
        GRANTED,
        /** The customer refuses marketing on the channel from this instant. */
        WITHDRAWN
    }

    /**
     * Validates the event.
     *
     * @param customer the customer
     * @param channel the channel
     * @param kind given or withdrawn
     * @param at the instant
     */
    public ConsentEvent {
        requireNonNull(customer, "customer");
        requireNonNull(channel, "channel");
        requireNonNull(kind, "kind");
        requireNonNull(at, "at");
    }

    /**
     * Consent given on a channel.
     *
     * @param customer the customer
     * @param channel the channel
     * @param at the instant consent was given
     * @return the event
     */
    public static ConsentEvent granted(CustomerId customer, Channel channel, Instant at) {
        return new ConsentEvent(customer, channel, Kind.GRANTED, at);
    }

    /**
     * Consent withdrawn on a channel.
     *
     * @param customer the customer
     * @param channel the channel
     * @param at the instant consent was withdrawn
     * @return the event
     */
    public static ConsentEvent withdrawn(CustomerId customer, Channel channel, Instant at) {
        return new ConsentEvent(customer, channel, Kind.WITHDRAWN, at);
    }
}
