package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One customer's purchases as of an instant, oldest first: the input of the life-cycle stages and
 * churn policies. Purchases after the instant are left out; the customer's other purchases are
 * ignored. Also gives the summary statistics of the BTYD literature (frequency, recency, age T,
 * in days), so probability-alive models plug in through {@link ChurnPolicy#probabilityAlive}.
 *
 * <pre>{@code
 * PurchaseHistory h = PurchaseHistory.of(CustomerId.of("c-17"), purchases, Instant.parse("2026-06-30T00:00:00Z"));
 * Optional<Duration> rhythm = h.medianGap();
 * }</pre>
 */
public final class PurchaseHistory {

    private static final double DAY_SECONDS = 86_400.0;

    private final CustomerId customer;
    private final ImmutableList<Purchase> purchases;
    private final Instant asOf;

    private PurchaseHistory(CustomerId customer, ImmutableList<Purchase> purchases, Instant asOf) {
        this.customer = customer;
        this.purchases = purchases;
        this.asOf = asOf;
    }

    /**
     * Collects a customer's purchases up to an instant.
     *
     * @param customer the customer
     * @param purchases purchases, in any order, possibly of other customers (ignored)
     * @param asOf the instant; later purchases are left out
     * @return the history
     */
    public static PurchaseHistory of(CustomerId customer, Collection<Purchase> purchases, Instant asOf) {
        requireNonNull(customer, "customer");
        requireNonNull(asOf, "asOf");
        List<Purchase> mine = new ArrayList<>();
        for (Purchase p : requireNonNull(purchases, "purchases")) {
            if (p.customer().equals(customer) && !p.time().isAfter(asOf)) {
                mine.add(p);
            }
        }
        mine.sort(Comparator.comparing(Purchase::time));
        return new PurchaseHistory(customer, ImmutableList.copyOf(mine), asOf);
    }

    /**
     * Returns the same customer's history as of an earlier instant.
     *
     * @param earlier the instant, not after this history's
     * @return the shorter history
     * @throws IllegalArgumentException if {@code earlier} is after this history's instant
     */
    public PurchaseHistory asOf(Instant earlier) {
        checkArgument(!earlier.isAfter(asOf), "asOf %s is after the history's %s", earlier, asOf);
        return of(customer, purchases, earlier);
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

    /** @return the number of purchases */
    public int count() {
        return purchases.size();
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

    /** @return the gaps between consecutive purchases, oldest first */
    public List<Duration> gaps() {
        ImmutableList.Builder<Duration> gaps = ImmutableList.builder();
        for (int i = 1; i < purchases.size(); i++) {
            gaps.add(Duration.between(purchases.get(i - 1).time(), purchases.get(i).time()));
        }
        return gaps.build();
    }

    /** @return the median gap between purchases (the mean of the two middle gaps for an even count), if two or more purchases */
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
     * distinct purchase days (UTC) after the first.
     *
     * @return the frequency x, zero or more
     */
    public int frequency() {
        return (int) purchases.stream().map(p -> Math.floorDiv(p.time().getEpochSecond(), 86_400L)).distinct().count()
                - (purchases.isEmpty() ? 0 : 1);
    }

    /** @return recency t_x: days from the first to the last purchase, 0 if fewer than two */
    public double recencyDays() {
        return first().map(f -> Duration.between(f, last().orElseThrow()).getSeconds() / DAY_SECONDS).orElse(0.0);
    }

    /** @return age T: days from the first purchase to the history's instant, 0 if none */
    public double ageDays() {
        return first().map(f -> Duration.between(f, asOf).getSeconds() / DAY_SECONDS).orElse(0.0);
    }

    @Override
    public String toString() {
        return "PurchaseHistory[" + customer + ", " + purchases.size() + " purchases as of " + asOf + "]";
    }
}
