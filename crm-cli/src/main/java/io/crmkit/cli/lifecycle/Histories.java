package io.crmkit.cli.lifecycle;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.TransactionLog;
import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import io.crmkit.lifecycle.stage.LifecycleClassifier;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import io.crmkit.lifecycle.stage.VisitDays;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers' visit days and spend per phase period from a transaction log, as of the start of
 * a day in a zone: each purchase is placed at the start of its day in the zone (the day counts, not
 * the time), and purchases on the as-of day are included. Customers named only in an optional
 * customers file (prospects) have no visits.
 *
 * <p>The log is read once into what the stages, the churn policies and the phase read of a
 * customer ({@link VisitDays} and the spend per period), never a list of purchases or an object per
 * row:
 * <ul>
 * <li>per customer its distinct visit days up to the as-of day, as varint-coded differences from the
 *     previous day kept (1 to 2 bytes a visit day for a log in date order, 3 for a customer's
 *     first day; a day coming out of order is coded as a negative difference and sorted out when
 *     the customer is classified), in one small array per customer: the median gap between visits
 *     needs every gap;</li>
 * <li>for the phase, the spend of each customer with a purchase in the phase window in each period,
 *     exact (cents, in pages of {@value #PAGE} cells; a {@link BigDecimal} beside them for the rare
 *     cell whose amounts have more decimals).</li>
 * </ul>
 * {@link #visits(int)} and {@link #spend(int)} then give one customer at a time.
 */
final class Histories {

    private static final long FIRST_DAY = PurchaseLog.EARLIEST_DATE.toEpochDay();
    private static final long LAST_DAY = PurchaseLog.LATEST_DATE.toEpochDay();
    private static final int PAGE_BITS = 14;
    /** Cells of spend per page. */
    static final int PAGE = 1 << PAGE_BITS;

    /** Whether the log has amounts (without them, the phase cannot be read). */
    final boolean amounts;
    private final CustomerIndex customers;
    private final int[] order;
    private final Visits visits;
    private final Instant end;
    private final ZoneId zone;

    private Histories(boolean amounts, CustomerIndex customers, int[] order, Visits visits, Instant end, ZoneId zone) {
        this.amounts = amounts;
        this.customers = customers;
        this.order = order;
        this.visits = visits;
        this.end = end;
        this.zone = zone;
    }

    /**
     * Reads the log and the optional customers file, without spend per period.
     *
     * @param log the transaction log, {@code customer_id,date[,amount]}
     * @param customersFile a CSV with a {@code customer_id} column (other columns carried), or null
     * @param asOf the day of the decision
     * @param zone the zone of the days
     * @return the histories
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    static Histories read(Path log, Path customersFile, LocalDate asOf, ZoneId zone) {
        return read(log, customersFile, asOf, zone, null, 0);
    }

    /**
     * Reads the log and the optional customers file, with the spend of each customer in each of
     * {@code periods} periods of {@code period} ending at the as-of instant when {@code period} is
     * not null (the input of {@link LifecycleClassifier#phase(VisitDays, Duration, List)}).
     *
     * @param log the transaction log, {@code customer_id,date[,amount]}
     * @param customersFile a CSV with a {@code customer_id} column (other columns carried), or null
     * @param asOf the day of the decision
     * @param zone the zone of the days
     * @param period the length of a phase period, positive, or null for no phase
     * @param periods the number of phase periods, 3 to {@link LifecycleClassifier#MAX_PERIODS} when
     *     {@code period} is given
     * @return the histories
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    static Histories read(Path log, Path customersFile, LocalDate asOf, ZoneId zone, Duration period, int periods) {
        Instant end = asOf.atStartOfDay(zone).toInstant();
        Visits visits = new Visits((int) asOf.toEpochDay(), zone, end, period, periods);
        CustomerIndex customers = new CustomerIndex();
        TransactionLog.Scanned scanned = TransactionLog.scan(log, false, CsvInput.Dialect.DEFAULT, customers, visits);
        String file = scanned.file();
        if (customersFile != null) {
            try (CsvInput in = CsvInput.open(customersFile,
                    CsvInput.Schema.of(CsvInput.Others.CARRY).required("customer_id", "id", "customer"))) {
                int id = in.column("customer_id");
                while (in.next()) {
                    customers.of(in.customerId(id));
                }
            }
        }
        int n = customers.size();
        if (n == 0) {
            throw new InputException(file + ":1: has no data rows");
        }
        int[] order = customers.sortedById();
        if (!visits.outOfRange.isEmpty()) {
            for (int c : order) {
                Integer day = visits.outOfRange.get(c);
                if (day != null) {
                    // the library's own refusal of that purchase, as building the whole history gives it
                    CustomerId id = CustomerId.of(customers.id(c));
                    try {
                        PurchaseHistory.of(id, List.of(Purchase.of(id, startOf(day, zone), Money.zero(
                                Money.currency("USD")))), end, zone);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(file + ": customer_id " + Values.quote(id.value()) + ": "
                                + e.getMessage());
                    }
                }
            }
        }
        visits.seal(n);
        return new Histories(scanned.hasAmount(), customers, order, visits, end, zone);
    }

    /** @return the number of customers, prospects included */
    int size() {
        return order.length;
    }

    /**
     * @param i 0 to {@link #size()} − 1, in order of customer id
     * @return the i-th customer's id, as its history gives it
     */
    String customerId(int i) {
        return CustomerId.of(customers.id(order[i])).value();
    }

    /**
     * @param i 0 to {@link #size()} − 1, in order of customer id
     * @return whether the i-th customer has a visit up to the as-of day
     */
    boolean hasVisits(int i) {
        return visits.used[order[i]] > 0;
    }

    /**
     * The visit days of the i-th customer by id.
     *
     * @param i 0 to {@link #size()} − 1, in order of customer id
     * @return the visit days as of the start of the as-of day
     */
    VisitDays visits(int i) {
        int c = order[i];
        return VisitDays.of(CustomerId.of(customers.id(c)), visits.days(c), end, zone);
    }

    /**
     * The spend of the i-th customer by id in each phase period, oldest first; only when read with
     * a period.
     *
     * @param i 0 to {@link #size()} − 1, in order of customer id
     * @return the exact spend per period
     */
    List<BigDecimal> spend(int i) {
        return visits.spend(order[i]);
    }

    private static Instant startOf(long day, ZoneId zone) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    }

    /** The rows as they are read: visit days coded per customer, spend per customer and period. */
    private static final class Visits implements TransactionLog.Rows {
        private static final byte[] NONE = new byte[0];

        final int asOfDay;
        final ZoneId zone;
        final Instant end;
        final Duration period;
        final int periods;
        /** The earliest day that may fall in a phase period, a day early for the zone's offset. */
        final long windowStart;
        /** Per customer: its visit days, each a zigzag varint of the difference from the day before. */
        byte[][] coded = new byte[1 << 12][];
        /** Per customer: the bytes of {@link #coded} in use. */
        int[] used = new int[1 << 12];
        /** Per customer: the last day coded, {@link Integer#MIN_VALUE} before the first. */
        int[] lastDay = new int[1 << 12];
        int customers;
        /** The first day per customer whose start in the zone lies outside the years 1 to 9999. */
        final Map<Integer, Integer> outOfRange = new HashMap<>();
        /** The phase period of each day from {@link #windowStart} to the as-of day, −2 not yet known. */
        final int[] cellOfDay;
        /** Per customer: its row of spend cells, −1 while it has no purchase in the phase window. */
        int[] spendRow = new int[0];
        int spendRows;
        long[][] centPages = new long[0][];
        final Map<Long, BigDecimal> beyondCents = new HashMap<>();

        Visits(int asOfDay, ZoneId zone, Instant end, Duration period, int periods) {
            this.asOfDay = asOfDay;
            this.zone = zone;
            this.end = end;
            this.period = period;
            this.periods = periods;
            long days = period == null ? 0 : Math.min(period.toDays() * periods + 2, LAST_DAY - FIRST_DAY + 2);
            this.windowStart = asOfDay - days;
            this.cellOfDay = new int[period == null ? 0 : (int) (asOfDay - windowStart + 1)];
            Arrays.fill(cellOfDay, -2);
            if (period != null) {
                spendRow = new int[1 << 12];
            }
        }

        @Override
        public void purchase(int c, int day, double amount) {
            if (c == customers) {
                if (c == lastDay.length) {
                    lastDay = Arrays.copyOf(lastDay, c * 2);
                    used = Arrays.copyOf(used, c * 2);
                    coded = Arrays.copyOf(coded, c * 2);
                    if (period != null) {
                        spendRow = Arrays.copyOf(spendRow, c * 2);
                    }
                }
                lastDay[c] = Integer.MIN_VALUE;
                coded[c] = NONE;
                if (period != null) {
                    spendRow[c] = -1;
                }
                customers++;
            }
            if (day <= FIRST_DAY + 1 || day >= LAST_DAY - 1) {
                Instant at = startOf(day, zone);
                if (at.isBefore(PurchaseLog.EARLIEST) || at.isAfter(PurchaseLog.LATEST)) {
                    outOfRange.putIfAbsent(c, day);
                }
            }
            if (day > asOfDay) {
                return;
            }
            int last = lastDay[c];
            if (day != last) {
                code(c, last == Integer.MIN_VALUE ? day : (long) day - last);
                lastDay[c] = day;
            }
            if (period != null && day >= windowStart) {
                spend(c, day, amount);
            }
        }

        /** Appends a zigzag varint: 7 bits a byte, the high bit set on every byte but the last. */
        private void code(int c, long difference) {
            long v = (difference << 1) ^ (difference >> 63);
            byte[] b = coded[c];
            int u = used[c];
            if (u + 5 > b.length) {
                b = Arrays.copyOf(b, Math.max(8, b.length * 2));
                coded[c] = b;
            }
            while (v >= 0x80) {
                b[u++] = (byte) (v | 0x80);
                v >>>= 7;
            }
            b[u++] = (byte) v;
            used[c] = u;
        }

        /** Customer c's coded days, in the order read (distinct but for days that came out of order). */
        long[] days(int c) {
            byte[] b = coded[c];
            int u = used[c];
            int n = 0;
            for (int k = 0; k < u; k++) {
                n += b[k] >= 0 ? 1 : 0;
            }
            long[] days = new long[n];
            long day = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                long v = 0;
                int shift = 0;
                byte x;
                do {
                    x = b[k++];
                    v |= (long) (x & 0x7f) << shift;
                    shift += 7;
                } while (x < 0);
                day += (v >>> 1) ^ -(v & 1);
                days[i] = day;
            }
            return days;
        }

        private void spend(int c, int day, double amount) {
            int d = (int) (day - windowStart);
            int cell = cellOfDay[d];
            if (cell == -2) {
                cell = LifecycleClassifier.periodOf(startOf(day, zone), end, period, periods);
                cellOfDay[d] = cell;
            }
            if (cell < 0) {
                return;
            }
            int row = spendRow[c];
            if (row < 0) {
                row = spendRows++;
                spendRow[c] = row;
            }
            long key = (long) row * periods + cell;
            if (key > Integer.MAX_VALUE - 9) {
                throw new InputException("the spend of " + customers + " customers in " + periods
                        + " periods exceeds the 2^31 cells of one table: ask for fewer --periods");
            }
            int page = (int) (key >>> PAGE_BITS);
            if (page >= centPages.length) {
                centPages = Arrays.copyOf(centPages, Math.max(page + 1, centPages.length * 2));
            }
            if (centPages[page] == null) {
                centPages[page] = new long[PAGE];
            }
            long[] cents = centPages[page];
            int at = (int) (key & (PAGE - 1));
            BigDecimal v = BigDecimal.valueOf(amount);
            if (v.scale() <= 2) {
                try {
                    cents[at] = Math.addExact(cents[at], v.movePointRight(2).longValueExact());
                    return;
                } catch (ArithmeticException tooLarge) {
                    // kept exactly beside the cents
                }
            }
            beyondCents.merge(key, v, BigDecimal::add);
        }

        /** Trims the per-customer arrays to the n customers (prospects included). */
        void seal(int n) {
            if (lastDay.length < n) {
                used = Arrays.copyOf(used, n);
                coded = Arrays.copyOf(coded, n);
                if (period != null) {
                    spendRow = Arrays.copyOf(spendRow, n);
                }
            }
            for (int c = customers; c < n; c++) {
                coded[c] = NONE;
                if (period != null) {
                    spendRow[c] = -1;
                }
            }
            lastDay = null;
        }

        /** Customer c's spend in each period, oldest first. */
        List<BigDecimal> spend(int c) {
            BigDecimal[] spend = new BigDecimal[periods];
            int row = spendRow[c];
            for (int cell = 0; cell < periods; cell++) {
                if (row < 0) {
                    spend[cell] = BigDecimal.ZERO;
                    continue;
                }
                long key = (long) row * periods + cell;
                long[] page = centPages[(int) (key >>> PAGE_BITS)];
                BigDecimal sum = BigDecimal.valueOf(page == null ? 0 : page[(int) (key & (PAGE - 1))], 2);
                BigDecimal beyond = beyondCents.isEmpty() ? null : beyondCents.get(key);
                spend[cell] = beyond == null ? sum : sum.add(beyond);
            }
            return Arrays.asList(spend);
        }
    }
}
