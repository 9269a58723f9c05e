package io.crmkit.loyalty;

import io.crmkit.core.customer.CustomerId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only journal of source events behind a {@link Ledger}: the storage seam. The ledger's
 * entries are derived from the journal (and the as-of instant), so a store that keeps these events
 * durably, never editing or deleting one, keeps the whole ledger. {@link #inMemory()} is the
 * default; a database-backed store implements the same three methods (one table keyed by event id
 * with an index on the member). Implementations must be thread-safe.
 */
public interface LedgerStore {

    /**
     * Appends an event unless one with its id is already stored.
     *
     * @param event the event
     * @return the stored event with the same id if there was one (nothing is appended then), or
     *         empty if the event was appended
     */
    Optional<LoyaltyEvent> appendIfAbsent(LoyaltyEvent event);

    /**
     * Looks an event up by id.
     *
     * @param id the event id
     * @return the stored event, or empty
     */
    Optional<LoyaltyEvent> find(String id);

    /**
     * The events of a member.
     *
     * @param customer the member
     * @return the member's events in the order they were appended; empty if none
     */
    List<LoyaltyEvent> events(CustomerId customer);

    /** @return the members with at least one event */
    Set<CustomerId> customers();

    /** @return a new, empty, thread-safe journal held in memory */
    static LedgerStore inMemory() {
        return new InMemoryLedgerStore();
    }
}
