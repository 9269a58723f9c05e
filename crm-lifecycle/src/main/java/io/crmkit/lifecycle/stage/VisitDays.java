package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One customer's visit days as of an instant: the distinct calendar days (in a zone) with a
 * purchase, and nothing else. It is all that the stages ({@link LifecycleClassifier#stage(VisitDays)})
 * and the fixed-window and rhythm churn policies read of a customer, kept in one {@code long} a
 * visit, so that a whole transaction log can be classified from per-customer day lists (or a
 * compact encoding of them) without building a {@link Purchase} per row.
 *
 * <p>A purchase is taken to happen at the start of its day in the zone. With that, every decision,
 * reason and date of the stages and of {@link ChurnPolicy#fixedWindow} and
 * {@link ChurnPolicy#relativeRhythm} equals the one they give for {@link #toHistory()}, the
 * {@link PurchaseHistory} with one purchase at the start of each visit day; any other policy is
 * given that history. The phase needs the spend per period as well:
 * {@link LifecycleClassifier#phase(VisitDays, Duration, List)}.
 *
 * <pre>{@code
 * VisitDays v = VisitDays.of(CustomerId.of("c-17"), new long[] {20_270, 20_300, 20_330},
 *         Instant.parse("2025-12-31T00:00:00Z"), ZoneOffset.UTC);
 * StageAssessment a = LifecycleClassifier.standard().stage(v);
 * }</pre>
 */
public final class VisitDays {

    /** ISO 4217 "no currency": the zero amount of the purchases of {@link #toHistory()}. */
    private static final Currency NO_CURRENCY = Currency.getInstance("XXX");
    /** Days whose start lies within the range in every zone (offsets are at most 18 hours). */
    private static final long SAFE_FIRST = PurchaseLog.EARLIEST_DATE.toEpochDay() + 1;
    private static final long SAFE_LAST = PurchaseLog.LATEST_DATE.toEpochDay() - 1;

    private final CustomerId customer;
    /** The visit days (epoch days in the zone) at or before the as-of instant's day, ascending, distinct. */
    private final long[] days;
    private final Instant asOf;
    private final ZoneId zone;
    /** The median gap between visits, or null with fewer than two visits. */
    private final Duration medianGap;

    private VisitDays(CustomerId customer, long[] days, Instant asOf, ZoneId zone) {
        this.customer = customer;
        this.days = days;
        this.asOf = asOf;
        this.zone = zone;
        this.medianGap = median(days);
    }

    /**
     * A customer's visit days as of an instant.
     *
     * @param customer the customer
     * @param epochDays the days with a purchase, as {@link LocalDate#toEpochDay()} in {@code zone}, in
     *     any order and possibly repeated (one visit a day); days that start after {@code asOf} are
     *     left out; the array is copied
     * @param asOf the instant, within {@link PurchaseLog#EARLIEST} to {@link PurchaseLog#LATEST}
     * @param zone the zone whose calendar days the days are
     * @return the visit days
     * @throws IllegalArgumentException if {@code asOf} or the start of a day in the zone is out of
     *     range, as {@link PurchaseHistory#of(CustomerId, java.util.Collection, Instant, ZoneId)}
     *     refuses a purchase at that instant
     */
    public static VisitDays of(CustomerId customer, long[] epochDays, Instant asOf, ZoneId zone) {
        requireNonNull(customer, "customer");
        requireNonNull(epochDays, "epochDays");
        PurchaseLog.requireInRange("asOf", asOf);
        requireNonNull(zone, "zone");
        long asOfDay = PurchaseLog.epochDay(asOf.getEpochSecond(), zone);
        long[] kept = new long[epochDays.length];
        int n = 0;
        boolean ascending = true;
        for (long day : epochDays) {
            if (day < SAFE_FIRST || day > SAFE_LAST) {
                requireStartInRange(customer, day, zone);
            }
            // the start of a day is at or before every instant of that day, after every earlier one
            if (day <= asOfDay) {
                ascending &= n == 0 || day > kept[n - 1];
                kept[n++] = day;
            }
        }
        if (!ascending) {
            Arrays.sort(kept, 0, n);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || kept[i] != kept[distinct - 1]) {
                    kept[distinct++] = kept[i];
                }
            }
            n = distinct;
        }
        return new VisitDays(customer, n == kept.length ? kept : Arrays.copyOf(kept, n), asOf, zone);
    }

    private static void requireStartInRange(CustomerId customer, long day, ZoneId zone) {
        String field = "time of purchase by customer " + customer.masked();
        checkArgument(day >= PurchaseLog.EARLIEST_DATE.toEpochDay() - 1 && day <= PurchaseLog.LATEST_DATE.toEpochDay() + 1,
                "%s on epoch day %s is out of range [%s, %s]", field, day, PurchaseLog.EARLIEST, PurchaseLog.LATEST);
        PurchaseLog.requireInRange(field, startOf(day, zone));
    }

    private static Instant startOf(long day, ZoneId zone) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    }

    /** The median gap, as {@link PurchaseHistory#medianGap()} computes it, or null. */
    private static Duration median(long[] days) {
        int n = days.length - 1;
        if (n < 1) {
            return null;
        }
        long[] gaps = new long[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = days[i + 1] - days[i];
        }
        Arrays.sort(gaps);
        return n % 2 == 1 ? Duration.ofDays(gaps[n / 2])
                : Duration.ofDays(gaps[n / 2 - 1]).plus(Duration.ofDays(gaps[n / 2])).dividedBy(2);
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the instant the visits are taken at */
    public Instant asOf() {
        return asOf;
    }

    /** @return the zone whose calendar days are the visit days */
    public ZoneId zone() {
        return zone;
    }

    /** @return the number of visits: distinct days with a purchase, up to the as-of instant */
    public int visits() {
        return days.length;
    }

    /**
     * @param i 0 to {@link #visits()} − 1, oldest first
     * @return the i-th visit day, as {@link LocalDate#toEpochDay()} in the zone
     * @throws IndexOutOfBoundsException if there is no such visit
     */
    public long epochDay(int i) {
        return days[i];
    }

    /** @return the start of the first visit day in the zone, if any visit */
    public Optional<Instant> first() {
        return days.length == 0 ? Optional.empty() : Optional.of(startOf(days[0], zone));
    }

    /** @return the start of the last visit day in the zone, if any visit */
    public Optional<Instant> last() {
        return days.length == 0 ? Optional.empty() : Optional.of(startOf(days[days.length - 1], zone));
    }

    /** @return the time from the start of the last visit day to the as-of instant, if any visit */
    public Optional<Duration> sinceLast() {
        return last().map(l -> Duration.between(l, asOf));
    }

    /**
     * @return the median gap between visits in whole days (the mean of the two middle gaps for an
     *     even count), if two or more visits: {@link PurchaseHistory#medianGap()} of the same days
     */
    public Optional<Duration> medianGap() {
        return Optional.ofNullable(medianGap);
    }

    /**
     * The visits before the last one, as of the start of the last visit day (what the customer
     * looked like when coming back): {@link PurchaseHistory#beforeLastVisit()} of the same days.
     *
     * @return the earlier visits, in the same zone; empty if there is at most one visit
     */
    public Optional<VisitDays> beforeLastVisit() {
        if (days.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new VisitDays(customer, Arrays.copyOf(days, days.length - 1),
                startOf(days[days.length - 1], zone), zone));
    }

    /**
     * The purchase history these visits stand for: one purchase of zero amount (in ISO 4217's
     * {@code XXX}, "no currency") at the start of each visit day in the zone, as of the same instant.
     * Policies other than the built-in window and rhythm ones are given this history.
     *
     * @return the history
     */
    public PurchaseHistory toHistory() {
        Money zero = Money.zero(NO_CURRENCY);
        List<Purchase> purchases = new ArrayList<>(days.length);
        for (long day : days) {
            purchases.add(Purchase.of(customer, startOf(day, zone), zero));
        }
        return PurchaseHistory.of(customer, purchases, asOf, zone);
    }

    @Override
    public String toString() {
        return "VisitDays[" + customer.masked() + ", " + days.length + " visits as of " + asOf + "]";
    }
}
