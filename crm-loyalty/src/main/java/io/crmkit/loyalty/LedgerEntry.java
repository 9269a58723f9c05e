package io.crmkit.loyalty;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a member's points ledger. Entries are only ever appended: a correction is a new
 * entry (a reverse or an adjust), never an edit. The balance at an instant is the sum of
 * {@link #points()} over the entries up to and including it.
 *
 * @param customer the member
 * @param at when the points moved (an expiry is dated at its lot's expiry instant)
 * @param kind what moved them
 * @param points the signed change of the balance: positive for earn, bonus and an upward adjust,
 *        negative for redeem, expire, reverse and a downward adjust
 * @param sourceEventId the id of the event that caused the entry (for an expiry, the event that
 *        created the lot; for a debt settled by an earning, the refund)
 * @param lot the id of the lot the points came from or went to; empty for the part of a reversal no
 *        lot could cover (a negative balance)
 * @param note the campaign, bonus reason, adjustment actor and reason, or refund share; may be empty
 */
public record LedgerEntry(CustomerId customer, Instant at, EntryKind kind, long points, String sourceEventId,
        Optional<String> lot, String note) {

    /**
     * Validates the entry.
     *
     * @param customer the member
     * @param at the instant
     * @param kind the kind
     * @param points the signed change
     * @param sourceEventId the source event's id
     * @param lot the lot, or empty
     * @param note the note
     */
    public LedgerEntry {
        requireNonNull(customer, "customer");
        requireNonNull(at, "at");
        requireNonNull(kind, "kind");
        requireNonNull(sourceEventId, "sourceEventId");
        requireNonNull(lot, "lot");
        requireNonNull(note, "note");
    }
}
