package io.crmkit.loyalty;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.crmkit.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory journal: a map by id and a list per member (hash maps: the ledger puts members in
 * id order where it needs to), guarded by the instance's lock.
 */
final class InMemoryLedgerStore implements LedgerStore {

    private final Map<String, LoyaltyEvent> byId = new HashMap<>();
    private final Map<CustomerId, List<LoyaltyEvent>> byCustomer = new HashMap<>();
    /** The member last appended to and their list: a batch appends member by member. */
    private @Nullable CustomerId lastCustomer;
    private List<LoyaltyEvent> lastList = new ArrayList<>();

    @Override
    public synchronized Optional<LoyaltyEvent> appendIfAbsent(LoyaltyEvent event) {
        requireNonNull(event, "event");
        LoyaltyEvent existing = byId.get(event.id());
        if (existing != null) {
            return Optional.of(existing);
        }
        byId.put(event.id(), event);
        if (!event.customer().equals(lastCustomer)) {
            lastCustomer = event.customer();
            lastList = byCustomer.computeIfAbsent(lastCustomer, c -> new ArrayList<>(4));
        }
        lastList.add(event);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<LoyaltyEvent> find(String id) {
        return Optional.ofNullable(byId.get(requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<LoyaltyEvent> events(CustomerId customer) {
        return ImmutableList.copyOf(byCustomer.getOrDefault(requireNonNull(customer, "customer"), List.of()));
    }

    @Override
    public synchronized Set<CustomerId> customers() {
        return ImmutableSet.copyOf(byCustomer.keySet());
    }
}
