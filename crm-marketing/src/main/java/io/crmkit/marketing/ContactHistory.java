package io.crmkit.marketing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableListMultimap;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The marketing contacts already made to each customer, across campaigns, indexed for the
 * {@link ContactCap} check. Immutable and thread-safe.
 */
public final class ContactHistory {

    private static final ContactHistory EMPTY = new ContactHistory(ImmutableListMultimap.of(), 0);

    private final ImmutableListMultimap<CustomerId, Instant> contacts;
    private final int size;

    private ContactHistory(ImmutableListMultimap<CustomerId, Instant> contacts, int size) {
        this.contacts = contacts;
        this.size = size;
    }

    /**
     * Indexes the contacts, given in any order.
     *
     * @param contacts the contacts made
     * @return the history
     */
    public static ContactHistory of(Collection<MarketingContact> contacts) {
        requireNonNull(contacts, "contacts");
        ImmutableListMultimap.Builder<CustomerId, Instant> b = ImmutableListMultimap.builder();
        contacts.stream().map(c -> requireNonNull(c, "contact"))
                .sorted(Comparator.comparing(MarketingContact::at))
                .forEach(c -> b.put(c.customer(), c.at()));
        return new ContactHistory(b.build(), contacts.size());
    }

    /** @return a history without contacts */
    public static ContactHistory empty() {
        return EMPTY;
    }

    /**
     * Counts the customer's contacts in the rolling period ending at {@code at}: instants {@code s}
     * with {@code at - period < s <= at}.
     *
     * @param customer the customer
     * @param at the end of the period, inclusive
     * @param cap the cap whose period is counted
     * @return the number of contacts in the period, 0 or more
     */
    public int countInPeriod(CustomerId customer, Instant at, ContactCap cap) {
        requireNonNull(customer, "customer");
        requireNonNull(at, "at");
        requireNonNull(cap, "cap");
        Instant from = at.minus(cap.period());
        List<Instant> times = contacts.get(customer);
        int n = 0;
        for (Instant s : times) {
            if (s.isAfter(at)) {
                break;
            }
            if (s.isAfter(from)) {
                n++;
            }
        }
        return n;
    }

    /** @return the number of contacts recorded */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "ContactHistory[" + size + " contacts]";
    }
}
