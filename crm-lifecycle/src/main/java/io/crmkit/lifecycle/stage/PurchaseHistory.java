package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One customer's purchases as of an instant, oldest first: the input of the life-cycle stages and
 * churn policies. Days, zones and the as-of rule are those of {@link PurchaseLog}: purchases after
 * the as-of instant are left out, and a purchase's day is its calendar date in the history's zone
 * (UTC unless chosen). The purchase <em>rhythm</em> is measured between <em>visits</em>, the days
 * with a purchase, not between rows: a basket booked as several rows minutes apart is one visit.
 * Also gives the summary statistics of the BTYD literature (frequency, recency, age T, in whole
 * days between visit days, as crm-scoring's customer summaries count them), so probability-alive
 * models plug in through {@link ChurnPolicy#probabilityAlive}.
 *
 * <pre>{@code
 * PurchaseHistory h = PurchaseHistory.of(CustomerId.of("c-17"), purchases, Instant.parse("2026-06-30T00:00:00Z"));
 * Optional<Duration> rhythm = h.medianGap();
 * }</pre>
 */
public final class PurchaseHistory {

    private final CustomerId customer;
    private final ImmutableList<Purchase> purchases;
    private final Instant asOf;
    private final ZoneId zone;
    /** The distinct purchase days (epoch days in the zone), ascending. */
    private final long[] visits;
    /** The as-of day (epoch day in the zone). */
    private final long asOfDay;

    private PurchaseHistory(CustomerId customer, ImmutableList<Purchase> purchases, Instant asOf, ZoneId zone) {
        this.customer = customer;
        this.purchases = purchases;
        this.asOf = asOf;
        this.zone = zone;
        PurchaseLog log = PurchaseLog.of(purchases, zone);
        long[] days = new long[log.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = log.epochDay(i);
        }
        this.visits = Arrays.stream(days).distinct().sorted().toArray();
        this.asOfDay = PurchaseLog.epochDay(asOf.getEpochSecond(), zone);
    }

    /**
     * Collects a customer's purchases up to an instant, with days in UTC.
     *
     * @param customer the customer
     * @param purchases purchases, in any order, possibly of other customers (ignored)
     * @param asOf the instant, within {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST};
     *     later purchases are left out
     * @return the history
     * @throws IllegalArgumentException if the customer's purchases mix currencies, or an instant is
     *     out of range
     */
    public static PurchaseHistory of(CustomerId customer, Collection<Purchase> purchases, Instant asOf) {
        return of(customer, purchases, asOf, ZoneOffset.UTC);
    }

    /**
     * Collects a customer's purchases up to an instant, with days in a zone.
     *
     * @param customer the customer
     * @param purchases purchases, in any order, possibly of other customers (ignored)
     * @param asOf the instant, within {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST};
     *     later purchases are left out
     * @param zone the zone whose calendar days are the customer's visit days
     * @return the history
     * @throws IllegalArgumentException if the customer's purchases mix currencies, or an instant is
     *     out of range
     */
    public static PurchaseHistory of(CustomerId customer, Collection<Purchase> purchases, Instant asOf, ZoneId zone) {
        requireNonNull(customer, "customer");
        PurchaseLog.requireInRange("asOf", asOf);
        requireNonNull(zone, "zone");
        List<Purchase> mine = new ArrayList<>();
        for (Purchase p : requireNonNull(purchases, "purchases")) {
            if (p.customer().equals(customer)) {
                PurchaseLog.requireInRange("time of purchase by customer " + customer.masked(), p.time());
                if (!p.time().isAfter(asOf)) {
                    mine.add(p);
                }
            }
        }
        mine.sort(Comparator.comparing(Purchase::time));
        return new PurchaseHistory(customer, ImmutableList.copyOf(mine), asOf, zone);
    }

    /**
     * Takes a customer's history from a purchase log, with days in the log's zone.
     *
     * @param log the purchase log
     * @param customer the customer; a customer absent from the log has an empty history
     * @param asOf the instant, within {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST};
     *     later purchases are left out
     * @return the history; its purchases carry customer, time and amount
     * @throws IllegalArgumentException if the instant is out of range
     */
    public static PurchaseHistory of(PurchaseLog log, CustomerId customer, Instant asOf) {
        requireNonNull(log, "log");
        requireNonNull(customer, "customer");
        PurchaseLog.requireInRange("asOf", asOf);
        List<Purchase> mine = new ArrayList<>();
        for (int row : log.rowsOf(customer)) {
            if (log.counts(row, asOf)) {
                mine.add(Purchase.of(customer, log.time(row), log.money(row)));
            }
        }
        mine.sort(Comparator.comparing(Purchase::time));
        return new PurchaseHistory(customer, ImmutableList.copyOf(mine), asOf, log.zone());
    }

    /**
     * Returns the same customer's history as of an earlier instant.
     *
     * @param earlier the instant, not after this history's
     * @return the shorter history, in the same zone
     * @throws IllegalArgumentException if {@code earlier} is after this history's instant or out of
     *     range
     */
    public PurchaseHistory asOf(Instant earlier) {
        requireNonNull(earlier, "earlier");
        checkArgument(!earlier.isAfter(asOf), "asOf %s is after the history's %s", earlier, asOf);
        return of(customer, purchases, earlier, zone);
    }

    /**
     * The history just before the last visit: the purchases on earlier days, as of the first
     * purchase of the last visit (what the customer looked like when coming back).
     *
     * @return the earlier history, in the same zone; empty if there is at most one visit
     */
    public Optional<PurchaseHistory> beforeLastVisit() {
        if (visits.length < 2) {
            return Optional.empty();
        }
        long lastVisit = visits[visits.length - 1];
        List<Purchase> earlier = new ArrayList<>();
        Instant comeback = null;
        for (Purchase p : purchases) {
            if (PurchaseLog.epochDay(p.time().getEpochSecond(), zone) < lastVisit) {
                earlier.add(p);
            } else if (comeback == null) {
                comeback = p.time();
            }
        }
        return Optional.of(new PurchaseHistory(customer, ImmutableList.copyOf(earlier), comeback, zone));
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the purchases, oldest first */
    public List<Purchase> purchases() {
        return purchases;
    }

    /** @return the instant the history is taken at */
    public Instant asOf() {
        return asOf;
    }

    /** @return the zone whose calendar days are the visit days */
    public ZoneId zone() {
        return zone;
    }

    /** @return the number of purchases (rows, not visits) */
    public int count() {
        return purchases.size();
    }

    /** @return the number of visits: distinct days with a purchase */
    public int visits() {
        return visits.length;
    }

    /** @return when the customer first bought, if ever */
    public Optional<Instant> first() {
        return purchases.isEmpty() ? Optional.empty() : Optional.of(purchases.get(0).time());
    }

    /** @return when the customer last bought, if ever */
    public Optional<Instant> last() {
        return purchases.isEmpty() ? Optional.empty() : Optional.of(purchases.get(purchases.size() - 1).time());
    }

    /** @return the time since the last purchase, if any */
    public Optional<Duration> sinceLast() {
        return last().map(l -> Duration.between(l, asOf));
    }

    /**
     * The gaps between consecutive visits, in whole days between their calendar days: purchases
     * on one day are one visit and make no gap.
     *
     * @return the gaps, oldest first, each at least one day
     */
    public List<Duration> gaps() {
        ImmutableList.Builder<Duration> gaps = ImmutableList.builder();
        for (int i = 1; i < visits.length; i++) {
            gaps.add(Duration.ofDays(visits[i] - visits[i - 1]));
        }
        return gaps.build();
    }

    /**
     * @return the median gap between visits (the mean of the two middle gaps for an even count),
     *     if two or more visits
     */
    public Optional<Duration> medianGap() {
        List<Duration> sorted = new ArrayList<>(gaps());
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }

    /**
     * Repeat purchases as in the BTYD models (and the {@code lifetimes} library): the number of
     * visits (distinct purchase days in the zone) after the first.
     *
     * @return the frequency x, zero or more
     */
    public int frequency() {
        return Math.max(visits.length - 1, 0);
    }

    /** @return recency t_x: whole days from the first to the last visit day, 0 if fewer than two visits */
    public double recencyDays() {
        return visits.length == 0 ? 0.0 : visits[visits.length - 1] - visits[0];
    }

    /** @return age T: whole days from the first visit day to the as-of day, 0 if none */
    public double ageDays() {
        return visits.length == 0 ? 0.0 : asOfDay - visits[0];
    }

    @Override
    public String toString() {
        return "PurchaseHistory[" + customer.masked() + ", " + purchases.size() + " purchases as of " + asOf + "]";
    }
}
