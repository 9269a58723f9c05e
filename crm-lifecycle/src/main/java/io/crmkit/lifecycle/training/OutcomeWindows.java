package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.complaint.Complaint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The two equal windows of a level-4 comparison around a course: the {@code days} days before its
 * first session, {@code [first − days, first)}, and the {@code days} days after its last session,
 * {@code [last + 1, last + days]} (the training period itself is in neither). The same calendar
 * windows serve trained and comparison customers, so a trend common to both cancels in the
 * difference-in-differences. Events are placed on dates in the windows' zone.
 *
 * <pre>{@code
 * OutcomeWindows w = OutcomeWindows.around(course, 90, ZoneId.of("Asia/Shanghai"));
 * List<CustomerOutcome> trained = w.complaints(trainedIds, complaints);
 * }</pre>
 *
 * @param beforeStart the first day of the window before
 * @param afterStart the first day of the window after (the day after the last session)
 * @param days the length of each window in days, 1 to 3660
 * @param zone the zone that dates the events
 */
public record OutcomeWindows(LocalDate beforeStart, LocalDate afterStart, int days, ZoneId zone) {

    /**
     * Validates the windows.
     *
     * @param beforeStart the first day before
     * @param afterStart the first day after
     * @param days the length in days
     * @param zone the zone
     * @throws IllegalArgumentException if the length is outside 1–3660 days or the windows overlap
     */
    public OutcomeWindows {
        requireNonNull(beforeStart, "beforeStart");
        requireNonNull(afterStart, "afterStart");
        requireNonNull(zone, "zone");
        checkArgument(days >= 1 && days <= 3660, "window of %s days is outside 1-3660 days", days);
        checkArgument(!beforeStart.plusDays(days).isAfter(afterStart),
                "the window before (from %s, %s days) overlaps the window after (from %s)", beforeStart, days,
                afterStart);
    }

    /**
     * Returns the windows of {@code days} days before a course's first session and after its last.
     *
     * @param course the course
     * @param days each window's length in days, 1 to 3660
     * @param zone the zone that dates events
     * @return the windows
     */
    public static OutcomeWindows around(Course course, int days, ZoneId zone) {
        requireNonNull(course, "course");
        checkArgument(days >= 1 && days <= 3660, "window of %s days is outside 1-3660 days", days);
        return new OutcomeWindows(course.firstDay().minusDays(days), course.lastDay().plusDays(1), days, zone);
    }

    /** @return the last day of the window after */
    public LocalDate afterEnd() {
        return afterStart.plusDays(days - 1L);
    }

    /**
     * Tells whether the window after is over by a date, so that both windows are complete.
     *
     * @param asOf the date
     * @return true if the window's last day is on or before {@code asOf}
     */
    public boolean isOverBy(LocalDate asOf) {
        return !afterEnd().isAfter(requireNonNull(asOf, "asOf"));
    }

    /**
     * Counts each customer's complaints (by {@link Complaint#receivedAt()}) in both windows.
     *
     * @param customers the customers to measure (a customer without complaints counts 0)
     * @param complaints complaints of any customers and dates
     * @return one outcome per customer, sorted by customer
     */
    public ImmutableList<CustomerOutcome> complaints(Collection<CustomerId> customers,
            Collection<Complaint> complaints) {
        return count(customers, complaints, Complaint::customer, Complaint::receivedAt);
    }

    /**
     * Counts each customer's events of any kind (e.g. support calls, or complaints kept outside
     * {@link Complaint}) in both windows.
     *
     * @param <T> the event type
     * @param customers the customers to measure (a customer without events counts 0)
     * @param events events of any customers and dates
     * @param customer the customer of an event
     * @param at the instant of an event
     * @return one outcome per customer, sorted by customer
     */
    public <T> ImmutableList<CustomerOutcome> count(Collection<CustomerId> customers, Collection<T> events,
            Function<? super T, CustomerId> customer, Function<? super T, Instant> at) {
        requireNonNull(customer, "customer");
        requireNonNull(at, "at");
        Tally tally = new Tally(customers);
        for (T e : requireNonNull(events, "events")) {
            tally.add(customer.apply(e), at.apply(e), BigDecimal.ONE);
        }
        return tally.outcomes();
    }

    /**
     * Counts each customer's purchases (repeat purchases) in both windows.
     *
     * @param customers the customers to measure (a customer without purchases counts 0)
     * @param purchases purchases of any customers and dates
     * @return one outcome per customer, sorted by customer
     */
    public ImmutableList<CustomerOutcome> purchases(Collection<CustomerId> customers,
            Collection<Purchase> purchases) {
        return count(customers, purchases, Purchase::customer, Purchase::time);
    }

    /**
     * Sums each customer's spend in both windows, in units of the purchases' one currency.
     *
     * @param customers the customers to measure (a customer without purchases spends 0)
     * @param purchases purchases of any customers and dates
     * @return one outcome per customer, sorted by customer
     * @throws IllegalArgumentException if the purchases in the windows are in more than one currency
     */
    public ImmutableList<CustomerOutcome> spend(Collection<CustomerId> customers, Collection<Purchase> purchases) {
        Tally tally = new Tally(customers);
        Currency currency = null;
        for (Purchase p : requireNonNull(purchases, "purchases")) {
            if (tally.add(p.customer(), p.time(), p.amount().amount())) {
                Currency c = p.amount().currency();
                checkArgument(currency == null || currency.equals(c),
                        "spend mixes currencies %s and %s: give the purchases in one currency", currency, c);
                currency = c;
            }
        }
        return tally.outcomes();
    }

    /**
     * Measures each customer's outcome in both windows.
     *
     * @param measure what to measure
     * @param customers the customers
     * @param complaints the complaints (for {@link OutcomeMeasure#COMPLAINTS})
     * @param purchases the purchases (for the other measures)
     * @return one outcome per customer, sorted by customer
     */
    public ImmutableList<CustomerOutcome> measure(OutcomeMeasure measure, Collection<CustomerId> customers,
            Collection<Complaint> complaints, Collection<Purchase> purchases) {
        return switch (requireNonNull(measure, "measure")) {
            case COMPLAINTS -> complaints(customers, complaints);
            case PURCHASES -> purchases(customers, purchases);
            case SPEND -> spend(customers, purchases);
        };
    }

    /** Sums per customer and window. */
    private final class Tally {
        private final Map<CustomerId, BigDecimal[]> sums = new HashMap<>();

        Tally(Collection<CustomerId> customers) {
            for (CustomerId c : new TreeSet<>(requireNonNull(customers, "customers"))) {
                sums.put(c, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            }
        }

        /** Adds a value if the customer is measured and the instant falls in a window. */
        boolean add(CustomerId customer, Instant at, BigDecimal value) {
            BigDecimal[] s = sums.get(customer);
            if (s == null) {
                return false;
            }
            LocalDate day = at.atZone(zone).toLocalDate();
            int window = !day.isBefore(beforeStart) && day.isBefore(beforeStart.plusDays(days)) ? 0
                    : !day.isBefore(afterStart) && !day.isAfter(afterEnd()) ? 1 : -1;
            if (window < 0) {
                return false;
            }
            s[window] = s[window].add(value);
            return true;
        }

        ImmutableList<CustomerOutcome> outcomes() {
            return sums.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> CustomerOutcome.of(e.getKey(), e.getValue()[0].doubleValue(),
                            e.getValue()[1].doubleValue()))
                    .collect(ImmutableList.toImmutableList());
        }
    }
}
