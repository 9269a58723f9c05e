package io.crmkit.core.purchase;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A purchase log in columns: for each row the customer (interned to an index), the instant and the
 * amount, all in one currency, read in one time zone. It is the one input from which RFM scores,
 * customer summaries for lifetime value and life-cycle histories are derived, so that they agree
 * on the three rules stated here, once:
 * <ul>
 * <li><b>Day.</b> The day of a purchase is its calendar date in the log's {@link #zone() zone}
 *     (UTC unless chosen); a <em>visit</em> is a day with at least one purchase, so a basket
 *     booked as several rows minutes apart is one visit.</li>
 * <li><b>As of.</b> An analysis "as of" an instant counts the purchases at or before that instant;
 *     a purchase after it never counts, whatever the grouping. An analysis as of a
 *     <em>date</em> is one as of {@link #endOf(LocalDate) the last instant of that date} in the
 *     log's zone: purchases on the as-of date count, later ones do not.</li>
 * <li><b>Range.</b> Instants lie from {@link #EARLIEST} (0001-01-01T00:00Z) to {@link #LATEST}
 *     (9999-12-31T23:59:59.999999999Z), and as-of dates from 0001-01-01 to 9999-12-31. Everything
 *     outside is refused with an {@link IllegalArgumentException}, so that day and period
 *     arithmetic downstream never overflows.</li>
 * </ul>
 * Amounts are kept exactly ({@link BigDecimal}, the purchase's own objects, not copies); customer
 * indices and instants are primitive columns, so a log of millions of rows holds no object per
 * row beyond the amount.
 *
 * <pre>{@code
 * PurchaseLog log = PurchaseLog.of(purchases, ZoneId.of("Asia/Shanghai"));
 * Instant asOf = log.endOf(LocalDate.of(2026, 6, 30));   // 2026-06-30T15:59:59.999999999Z
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PurchaseLog {

    /** The earliest instant a purchase or an as-of instant may have: 0001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant a purchase or an as-of instant may have: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The earliest as-of date: 0001-01-01. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    /** The latest as-of date: 9999-12-31. */
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final @Nullable Currency currency;
    private final ImmutableList<CustomerId> customers;
    private final int[] customer;
    private final long[] epochSecond;
    private final int[] nano;
    private final BigDecimal[] amount;

    private PurchaseLog(ZoneId zone, @Nullable Currency currency, ImmutableList<CustomerId> customers, int[] customer,
            long[] epochSecond, int[] nano, BigDecimal[] amount) {
        this.zone = zone;
        this.currency = currency;
        this.customers = customers;
        this.customer = customer;
        this.epochSecond = epochSecond;
        this.nano = nano;
        this.amount = amount;
    }

    /**
     * A log of purchases read in UTC.
     *
     * @param purchases the purchases, in any order, all in one currency
     * @return the log, rows in the order given
     * @throws IllegalArgumentException if the purchases mix currencies or an instant is outside
     *     [{@link #EARLIEST}, {@link #LATEST}]
     */
    public static PurchaseLog of(Iterable<Purchase> purchases) {
        return of(purchases, ZoneOffset.UTC);
    }

    /**
     * A log of purchases read in a zone, which decides the calendar day of each purchase.
     *
     * @param purchases the purchases, in any order, all in one currency
     * @param zone the zone
     * @return the log, rows in the order given; customers indexed in order of first appearance
     * @throws IllegalArgumentException if the purchases mix currencies or an instant is outside
     *     [{@link #EARLIEST}, {@link #LATEST}]
     */
    public static PurchaseLog of(Iterable<Purchase> purchases, ZoneId zone) {
        requireNonNull(purchases, "purchases");
        Builder b = builder(zone);
        for (Purchase p : purchases) {
            b.add(requireNonNull(p, "purchase"));
        }
        return b.build();
    }

    /**
     * A builder for logs read in a zone, filled row by row.
     *
     * @param zone the zone that decides the calendar day of each purchase
     * @return the builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(requireNonNull(zone, "zone"));
    }

    /**
     * Checks that an instant lies in the accepted range.
     *
     * @param field the name of the value, for the message
     * @param instant the instant
     * @return the instant
     * @throws IllegalArgumentException if it is before {@link #EARLIEST} or after {@link #LATEST}
     */
    public static Instant requireInRange(String field, Instant instant) {
        requireNonNull(instant, field);
        checkArgument(!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST),
                "%s %s is out of range: purchase instants lie from %s to %s", field, instant, EARLIEST, LATEST);
        return instant;
    }

    /**
     * Checks that an as-of date lies in the accepted range.
     *
     * @param field the name of the value, for the message
     * @param date the date
     * @return the date
     * @throws IllegalArgumentException if it is before 0001-01-01 or after 9999-12-31
     */
    public static LocalDate requireInRange(String field, LocalDate date) {
        requireNonNull(date, field);
        checkArgument(!date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE),
                "%s %s is out of range: as-of dates lie from %s to %s", field, date, EARLIEST_DATE, LATEST_DATE);
        return date;
    }

    /**
     * Checks that an instant given in seconds since 1970-01-01T00:00Z lies in the accepted range.
     *
     * @param field the name of the value, for the message
     * @param epochSecond the instant in seconds
     * @return the value
     * @throws IllegalArgumentException if it lies before {@link #EARLIEST} or after {@link #LATEST}
     */
    public static long requireInRange(String field, long epochSecond) {
        checkArgument(epochSecond >= EARLIEST.getEpochSecond() && epochSecond <= LATEST.getEpochSecond(),
                "%s %s is out of range: purchase instants lie from %s to %s seconds since 1970-01-01T00:00Z (%s to %s)",
                field, epochSecond, EARLIEST.getEpochSecond(), LATEST.getEpochSecond(), EARLIEST, LATEST);
        return epochSecond;
    }

    /**
     * The as-of instant of an analysis as of a date in a zone: the last instant of that date, so
     * that purchases on the date count and later ones do not.
     *
     * @param date the as-of date, from 0001-01-01 to 9999-12-31
     * @param zone the zone
     * @return one nanosecond before the start of the next day in the zone
     * @throws IllegalArgumentException if the date is out of range
     */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        requireInRange("asOf", date);
        requireNonNull(zone, "zone");
        return date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
    }

    /**
     * The as-of instant of an analysis as of a date in this log's zone.
     *
     * @param date the as-of date, from 0001-01-01 to 9999-12-31
     * @return the last instant of that date in the zone
     * @throws IllegalArgumentException if the date is out of range
     */
    public Instant endOf(LocalDate date) {
        return endOf(date, zone);
    }

    /** @return the zone in which instants become calendar days */
    public ZoneId zone() {
        return zone;
    }

    /** @return the currency of every amount, empty for an empty log */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** @return the number of rows */
    public int size() {
        return customer.length;
    }

    /** @return the distinct customers, in order of first appearance; position = customer index */
    public ImmutableList<CustomerId> customers() {
        return customers;
    }

    /**
     * @param row a row, in [0, size())
     * @return the index of the row's customer in {@link #customers()}
     */
    public int customerIndex(int row) {
        return customer[row];
    }

    /**
     * @param row a row, in [0, size())
     * @return the row's customer
     */
    public CustomerId customer(int row) {
        return customers.get(customer[row]);
    }

    /**
     * @param row a row, in [0, size())
     * @return when the purchase happened
     */
    public Instant time(int row) {
        return Instant.ofEpochSecond(epochSecond[row], nano[row]);
    }

    /**
     * @param row a row, in [0, size())
     * @return the purchase instant in whole seconds since 1970-01-01T00:00Z (rounded down)
     */
    public long epochSecond(int row) {
        return epochSecond[row];
    }

    /**
     * The calendar day of a purchase in the log's zone.
     *
     * @param row a row, in [0, size())
     * @return the day as {@link LocalDate#toEpochDay()}
     */
    public long epochDay(int row) {
        return epochDay(epochSecond[row], zone);
    }

    /**
     * The calendar day of an instant in a zone, the rule every reader of a log uses.
     *
     * @param epochSecond the instant in seconds since 1970-01-01T00:00Z, within the accepted range
     * @param zone the zone
     * @return the local date as {@link LocalDate#toEpochDay()}
     * @throws IllegalArgumentException if the instant is out of range
     */
    public static long epochDay(long epochSecond, ZoneId zone) {
        requireInRange("epochSecond", epochSecond);
        ZoneRules rules = zone.getRules();
        long offset = rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY);
    }

    /**
     * @param row a row, in [0, size())
     * @return the amount paid, exactly, zero or more
     */
    public BigDecimal amount(int row) {
        return amount[row];
    }

    /**
     * @param row a row, in [0, size())
     * @return the amount paid as money in the log's currency
     */
    public Money money(int row) {
        return Money.of(amount[row], currency);
    }

    /**
     * Whether a row counts in an analysis as of an instant: its instant is at or before it.
     *
     * @param row a row, in [0, size())
     * @param asOf the as-of instant
     * @return whether the purchase counts
     */
    public boolean counts(int row, Instant asOf) {
        long s = asOf.getEpochSecond();
        return epochSecond[row] < s || epochSecond[row] == s && nano[row] <= asOf.getNano();
    }

    /**
     * The rows that count as of an instant.
     *
     * @param asOf the as-of instant, within [{@link #EARLIEST}, {@link #LATEST}]
     * @return the log of the purchases at or before it, same zone, customers and customer indices
     * @throws IllegalArgumentException if the instant is out of range
     */
    public PurchaseLog upTo(Instant asOf) {
        requireInRange("asOf", asOf);
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (counts(i, asOf)) {
                n++;
            }
        }
        if (n == size()) {
            return this;
        }
        int[] c = new int[n];
        long[] s = new long[n];
        int[] ns = new int[n];
        BigDecimal[] a = new BigDecimal[n];
        int j = 0;
        for (int i = 0; i < size(); i++) {
            if (counts(i, asOf)) {
                c[j] = customer[i];
                s[j] = epochSecond[i];
                ns[j] = nano[i];
                a[j] = amount[i];
                j++;
            }
        }
        return new PurchaseLog(zone, currency, customers, c, s, ns, a);
    }

    /**
     * The rows of one customer, in the order of the log.
     *
     * @param id the customer
     * @return the rows, empty if the customer has no purchase in the log
     */
    public int[] rowsOf(CustomerId id) {
        int index = customers.indexOf(requireNonNull(id, "customer"));
        if (index < 0) {
            return new int[0];
        }
        return java.util.stream.IntStream.range(0, size()).filter(i -> customer[i] == index).toArray();
    }

    /** @return a copy of the customer-index column */
    public int[] customerIndexColumn() {
        return customer.clone();
    }

    /** @return a copy of the instant column, in whole seconds since 1970-01-01T00:00Z */
    public long[] epochSecondColumn() {
        return epochSecond.clone();
    }

    /**
     * The amounts as {@code double}, for statistics.
     *
     * @return a new array; an amount beyond the range of {@code double} is refused
     * @throws IllegalArgumentException if an amount does not fit a finite {@code double}
     */
    public double[] amountColumn() {
        double[] out = new double[amount.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = amount[i].doubleValue();
            checkArgument(Double.isFinite(out[i]), "amount %s at row %s does not fit a double: statistics need "
                    + "amounts below 1.8e308", amount[i], i);
        }
        return out;
    }

    /** @return the size, zone and currency, never the data */
    @Override
    public String toString() {
        return "PurchaseLog[" + size() + " rows, " + customers.size() + " customers, " + zone + ", "
                + (currency == null ? "no currency" : currency.getCurrencyCode()) + "]";
    }

    /** Fills a log row by row. Not thread-safe; the log it builds is. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<CustomerId, Integer> index = new HashMap<>();
        private final List<CustomerId> ids = new ArrayList<>();
        private @Nullable Currency currency;
        private int size;
        private int[] customer = new int[16];
        private long[] epochSecond = new long[16];
        private int[] nano = new int[16];
        private BigDecimal[] amount = new BigDecimal[16];

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Adds a purchase.
         *
         * @param purchase the purchase
         * @return this builder
         * @throws IllegalArgumentException if its currency differs from the earlier rows' or its
         *     instant is out of range
         */
        public Builder add(Purchase purchase) {
            return add(purchase.customer(), purchase.time(), purchase.amount());
        }

        /**
         * Adds a purchase given by its parts.
         *
         * @param id the customer
         * @param time when it happened, within [{@link #EARLIEST}, {@link #LATEST}]
         * @param paid what was paid, zero or more, in the log's one currency
         * @return this builder
         * @throws IllegalArgumentException if the amount is negative, its currency differs from the
         *     earlier rows' or the instant is out of range
         */
        public Builder add(CustomerId id, Instant time, Money paid) {
            requireNonNull(id, "customer");
            requireNonNull(paid, "amount");
            requireInRange("time of purchase by customer " + id.masked(), time);
            checkArgument(!paid.isNegative(), "amount %s of purchase by customer %s is negative: a purchase amount "
                    + "must be zero or more", paid, id.masked());
            checkArgument(currency == null || currency.equals(paid.currency()),
                    "purchases mix currencies %s and %s (customer %s): a purchase log holds one currency; "
                    + "convert or split it first", currency, paid.currency(), id.masked());
            currency = paid.currency();
            if (size == customer.length) {
                int grown = Math.max(16, size + (size >> 1));
                customer = Arrays.copyOf(customer, grown);
                epochSecond = Arrays.copyOf(epochSecond, grown);
                nano = Arrays.copyOf(nano, grown);
                amount = Arrays.copyOf(amount, grown);
            }
            Integer c = index.get(id);
            if (c == null) {
                c = ids.size();
                index.put(id, c);
                ids.add(id);
            }
            customer[size] = c;
            epochSecond[size] = time.getEpochSecond();
            nano[size] = time.getNano();
            amount[size] = paid.amount();
            size++;
            return this;
        }

        /** @return the log of the rows added so far */
        public PurchaseLog build() {
            return new PurchaseLog(zone, currency, ImmutableList.copyOf(ids), Arrays.copyOf(customer, size),
                    Arrays.copyOf(epochSecond, size), Arrays.copyOf(nano, size), Arrays.copyOf(amount, size));
        }
    }
}
