package io.crmkit.loyalty;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only journal of source events behind a {@link Ledger}: the storage seam. The ledger's
 * entries are derived from the journal (and the as-of instant), so a store that keeps these events
 * durably, never editing or deleting one, keeps the whole ledger. {@link #inMemory()} is the
 * default; a database-backed store implements the same four methods (and overrides the bulk reads) (one table keyed by event id
 * with an index on the member; crm-store's {@code CrmStore.loyalty()} is one). Implementations
 * must be thread-safe.
 *
 * <p>The contract every implementation keeps: an event id is stored at most once, and the first
 * event stored under an id wins, even if a later append of that id carries different fields (the
 * later caller gets the stored event back and can compare); among concurrent appends of one id
 * exactly one is stored; a member's events come back in the order they were stored; nothing
 * stored is ever changed or removed.
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
     * Appends events in the order given, each unless one with its id is already stored (or an
     * earlier one of the batch has its id): {@link #appendIfAbsent} for each. A store backed by a
     * database overrides this to write the batch in one transaction, all or nothing; this default
     * appends one by one.
     *
     * @param events the events, in append order
     * @return for each event, in the order given, the stored event with its id if there was one
     *         (nothing is appended for it then), or empty if it was appended
     */
    default List<Optional<LoyaltyEvent>> appendAllIfAbsent(List<? extends LoyaltyEvent> events) {
        requireNonNull(events, "events");
        List<Optional<LoyaltyEvent>> stored = new ArrayList<>(events.size());
        for (LoyaltyEvent event : events) {
            stored.add(appendIfAbsent(requireNonNull(event, "event")));
        }
        return List.copyOf(stored);
    }

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

    /**
     * The events of several members: {@link #events(CustomerId)} for each. A store backed by a
     * database overrides this to read them in a number of queries that does not grow with the
     * members (the ledger asks for its members in chunks); this default asks member by member.
     *
     * @param customers the members
     * @return each member's events in the order they were appended; a member without events maps
     *         to an empty list
     */
    default Map<CustomerId, List<LoyaltyEvent>> events(Collection<CustomerId> customers) {
        requireNonNull(customers, "customers");
        Map<CustomerId, List<LoyaltyEvent>> events = new HashMap<>();
        for (CustomerId customer : customers) {
            events.put(customer, events(requireNonNull(customer, "customer")));
        }
        return events;
    }

    /**
     * Looks events up by id: {@link #find} for each. A store backed by a database overrides this
     * to look them up in a number of queries that does not grow with the ids.
     *
     * @param ids the event ids
     * @return the stored events among them, by id; ids not stored are absent
     */
    default Map<String, LoyaltyEvent> findAll(Collection<String> ids) {
        requireNonNull(ids, "ids");
        Map<String, LoyaltyEvent> found = new HashMap<>();
        for (String id : ids) {
            find(requireNonNull(id, "id")).ifPresent(e -> found.put(id, e));
        }
        return found;
    }

    /** @return the members with at least one event */
    Set<CustomerId> customers();

    /** @return a new, empty, thread-safe journal held in memory */
    static LedgerStore inMemory() {
        return new InMemoryLedgerStore();
    }
}
