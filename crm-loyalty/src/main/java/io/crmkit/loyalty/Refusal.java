package io.crmkit.loyalty;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * An event the ledger refused at its instant: a redemption or downward adjustment beyond the
 * balance (or, in a journal written before the ledger rejected them, a refund of an unknown
 * purchase or beyond its amount). A refused event produces no entry and changes no balance.
 *
 * @param eventId the refused event's id
 * @param customer the member
 * @param at the event's instant
 * @param reason why, naming the balance where it matters
 */
public record Refusal(String eventId, CustomerId customer, Instant at, String reason) {
}
