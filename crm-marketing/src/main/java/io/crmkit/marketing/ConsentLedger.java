package io.crmkit.marketing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Every customer's marketing consent over time, replayed from {@link ConsentEvent}s.
 *
 * <p>The rule at an instant {@code t}: the latest event on the channel at or before {@code t}
 * decides, so an event takes effect <em>at</em> its own instant. A withdrawal recorded at
 * {@code 10:00:00} forbids a contact at {@code 10:00:00} and after; consent given at
 * {@code 10:00:00} allows a contact from {@code 10:00:00}. When a grant and a withdrawal share the
 * same instant the withdrawal wins. A customer with no event on the channel has not consented
 * (opt-in, as personal-data law asks for marketing).
 *
 * <pre>{@code
 * ConsentLedger ledger = ConsentLedger.of(List.of(ConsentEvent.granted(id, Channel.EMAIL, joined)));
 * boolean ok = ledger.permits(id, Channel.EMAIL, contactAt);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ConsentLedger {

    private static final ConsentLedger EMPTY = new ConsentLedger(ImmutableListMultimap.of());

    private static final Comparator<ConsentEvent> ORDER = Comparator.comparing(ConsentEvent::at)
            // at the same instant a withdrawal sorts last, so it is the one in force
            .thenComparing(e -> e.kind() == ConsentEvent.Kind.WITHDRAWN);

    private final ImmutableListMultimap<Key, ConsentEvent> events;

    private record Key(CustomerId customer, Channel channel) {
    }

    private ConsentLedger(ImmutableListMultimap<Key, ConsentEvent> events) {
        this.events = events;
    }

    /**
     * Builds the ledger from events in any order.
     *
     * @param events the consent events; order does not matter
     * @return the ledger
     */
    public static ConsentLedger of(Collection<ConsentEvent> events) {
        requireNonNull(events, "events");
        ImmutableListMultimap.Builder<Key, ConsentEvent> b = ImmutableListMultimap.builder();
        events.stream().map(e -> requireNonNull(e, "consent event")).sorted(ORDER)
                .forEach(e -> b.put(new Key(e.customer(), e.channel()), e));
        return new ConsentLedger(b.build());
    }

    /** @return a ledger in which nobody has consented to anything */
    public static ConsentLedger empty() {
        return EMPTY;
    }

    /**
     * Whether the customer may receive marketing on the channel at the instant.
     *
     * @param customer the customer
     * @param channel the channel of the contact
     * @param at the instant of the contact
     * @return true if the latest event at or before {@code at} gave consent
     */
    public boolean permits(CustomerId customer, Channel channel, Instant at) {
        requireNonNull(customer, "customer");
        requireNonNull(channel, "channel");
        requireNonNull(at, "at");
        List<ConsentEvent> history = events.get(new Key(customer, channel));
        ConsentEvent inForce = null;
        for (ConsentEvent e : history) {
            if (e.at().isAfter(at)) {
                break;
            }
            inForce = e;
        }
        return inForce != null && inForce.kind() == ConsentEvent.Kind.GRANTED;
    }

    /**
     * The events of one customer on one channel, oldest first.
     *
     * @param customer the customer
     * @param channel the channel
     * @return the events, possibly empty
     */
    public List<ConsentEvent> history(CustomerId customer, Channel channel) {
        return ImmutableList.copyOf(events.get(new Key(requireNonNull(customer, "customer"), requireNonNull(channel, "channel"))));
    }

    /** @return the number of recorded events */
    public int size() {
        return events.size();
    }

    @Override
    public String toString() {
        return "ConsentLedger[" + events.size() + " events]";
    }
}
