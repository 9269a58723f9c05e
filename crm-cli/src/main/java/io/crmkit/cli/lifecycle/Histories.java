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
import io.crmkit.lifecycle.stage.PurchaseHistory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers' purchase histories from a transaction log, as of the start of a day in a zone:
 * each purchase is placed at the start of its day in the zone (the day counts, not the time), and
 * purchases on the as-of day are included. Customers named only in an optional customers file
 * (prospects) get an empty history.
 *
 * <p>The log is read once into what the stages, the churn policies and the phase read of a
 * history — never a list of purchases: per customer its distinct visit days up to the as-of day
 * (4 bytes a day once sorted; 8 while read, one packed (customer, day) per run of rows of one
 * customer on one day) and, when a phase is asked for, its spend in each of the phase periods (8
 * bytes a period, exact: cents while every amount has at most two decimals, a {@link BigDecimal}
 * beside them for the rare cell that has more). {@link #history(int)} then builds one customer's
 * {@link PurchaseHistory} at a time: one purchase at the start of each visit day, the first visit
 * of each phase period carrying the period's spend and the others zero, which gives the library
 * the visits, first and last days, gaps and period sums of the log itself.
 */
final class Histories {

    private static final long DAY_OFFSET = 1L << 30;
    private static final long FIRST_DAY = PurchaseLog.EARLIEST_DATE.toEpochDay();
    private static final long LAST_DAY = PurchaseLog.LATEST_DATE.toEpochDay();

    /** Whether the log has amounts (without them, the phase cannot be read). */
    final boolean amounts;
    private final CustomerIndex customers;
    private final int[] order;
    private final int[] start;
    private final int[] days;
    private final Instant end;
    private final ZoneId zone;
    private final Money zero;
    private final Phase phase;

    private Histories(boolean amounts, CustomerIndex customers, int[] order, int[] start, int[] days, Instant end,
            ZoneId zone, Money zero, Phase phase) {
        this.amounts = amounts;
        this.customers = customers;
        this.order = order;
        this.start = start;
        this.days = days;
        this.end = end;
        this.zone = zone;
        this.zero = zero;
        this.phase = phase;
    }

    /**
     * Reads the log and the optional customers file, without spend per period.
     *
     * @param log the transaction log, {@code customer_id,date[,amount]}
     * @param customersFile a CSV with a {@code customer_id} column (other columns carried), or null
     * @param asOf the day of the decision
     * @param zone the zone of the days
     * @param currency the currency of the amounts
     * @return the histories
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    static Histories read(Path log, Path customersFile, LocalDate asOf, ZoneId zone, Currency currency) {
        return read(log, customersFile, asOf, zone, currency, null, 0);
    }

    /**
     * Reads the log and the optional customers file, with the spend of each customer in each of
     * {@code periods} periods of {@code period} ending at the as-of instant when {@code period} is
     * not null (the input of {@link io.crmkit.lifecycle.stage.LifecycleClassifier#phase}).
     *
     * @param log the transaction log, {@code customer_id,date[,amount]}
     * @param customersFile a CSV with a {@code customer_id} column (other columns carried), or null
     * @param asOf the day of the decision
     * @param zone the zone of the days
     * @param currency the currency of the amounts
     * @param period the length of a phase period, positive, or null for no phase
     * @param periods the number of phase periods, at least 3 when {@code period} is given
     * @return the histories
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    static Histories read(Path log, Path customersFile, LocalDate asOf, ZoneId zone, Currency currency,
            Duration period, int periods) {
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
        Money zero = Money.zero(currency);
        if (!visits.outOfRange.isEmpty()) {
            for (int c : order) {
                Integer day = visits.outOfRange.get(c);
                if (day != null) {
                    // the library's own refusal of that purchase, as building the whole history gives it
                    CustomerId id = CustomerId.of(customers.id(c));
                    try {
                        PurchaseHistory.of(id, List.of(Purchase.of(id, startOf(day, zone), zero)), end, zone);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(file + ": customer_id " + Values.quote(id.value()) + ": "
                                + e.getMessage());
                    }
                }
            }
        }
        long[] packed = visits.packed;
        int count = visits.count;
        visits.packed = null;
        Arrays.sort(packed, 0, count);
        int[] start = new int[n + 1];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || packed[i] != packed[i - 1]) {
                k++;
            }
        }
        int[] days = new int[k];
        k = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && packed[i] == packed[i - 1]) {
                continue;
            }
            int c = (int) (packed[i] >>> 32);
            start[c + 1]++;
            days[k++] = (int) ((packed[i] & 0xffff_ffffL) - DAY_OFFSET);
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        Phase phase = period == null ? null : visits.phase(n);
        return new Histories(scanned.hasAmount(), customers, order, start, days, end, zone, zero, phase);
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
     * Builds the history of the i-th customer by id.
     *
     * @param i 0 to {@link #size()} − 1, in order of customer id
     * @return the history as of the start of the as-of day
     */
    PurchaseHistory history(int i) {
        int c = order[i];
        CustomerId id = CustomerId.of(customers.id(c));
        List<Purchase> purchases = new ArrayList<>(start[c + 1] - start[c]);
        int lastCell = -1;
        for (int k = start[c]; k < start[c + 1]; k++) {
            Instant at = startOf(days[k], zone);
            Money amount = zero;
            if (phase != null) {
                int cell = phase.cellOf(at);
                if (cell >= 0 && cell != lastCell) {
                    lastCell = cell;
                    amount = phase.spend(c, cell, zero.currency());
                }
            }
            purchases.add(Purchase.of(id, at, amount));
        }
        return PurchaseHistory.of(id, purchases, end, zone);
    }

    /**
     * The phase period a purchase at {@code at} counts in, as the classifier places it: ceil(age /
     * period) periods back from {@code end}, the newest period last; −1 when it lies further back.
     */
    private static int cellOf(Instant at, Instant end, Duration period, int periods) {
        Duration age = Duration.between(at, end);
        long q = age.dividedBy(period);
        long back = q + (age.equals(period.multipliedBy(q)) ? 0 : 1);
        return back <= periods ? (int) Math.min(periods - back, periods - 1) : -1;
    }

    private static Instant startOf(long day, ZoneId zone) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    }

    /** The spend of every customer in each phase period, exact. */
    private static final class Phase {
        final Instant end;
        final Duration period;
        final int periods;
        final long[] cents;
        final Map<Long, BigDecimal> beyondCents;

        Phase(Instant end, Duration period, int periods, long[] cents, Map<Long, BigDecimal> beyond) {
            this.end = end;
            this.period = period;
            this.periods = periods;
            this.cents = cents;
            this.beyondCents = beyond;
        }

        int cellOf(Instant at) {
            return Histories.cellOf(at, end, period, periods);
        }

        /** The spend of customer {@code c} in period {@code cell}, as the money of one purchase. */
        Money spend(int c, int cell, Currency currency) {
            long key = (long) c * periods + cell;
            BigDecimal sum = BigDecimal.valueOf(cents[(int) key], 2);
            BigDecimal beyond = beyondCents.get(key);
            return Money.of(beyond == null ? sum : sum.add(beyond), currency);
        }
    }

    /** The rows as they are read: visit days packed per customer, spend per customer and period. */
    private static final class Visits implements TransactionLog.Rows {
        final int asOfDay;
        final ZoneId zone;
        final Instant end;
        final Duration period;
        final int periods;
        /** The earliest day that may fall in a phase period, a day early for the zone's offset. */
        final long windowStart;
        long[] packed = new long[1 << 12];
        int count;
        int[] lastDay = new int[1 << 12];
        int customers;
        /** The first day per customer whose start in the zone lies outside the years 1 to 9999. */
        final Map<Integer, Integer> outOfRange = new HashMap<>();
        /** The phase period of each day read in the window, −1 before it. */
        final Map<Integer, Integer> cellOfDay = new HashMap<>();
        long[] cents = new long[0];
        final Map<Long, BigDecimal> beyondCents = new HashMap<>();

        Visits(int asOfDay, ZoneId zone, Instant end, Duration period, int periods) {
            this.asOfDay = asOfDay;
            this.zone = zone;
            this.end = end;
            this.period = period;
            this.periods = periods;
            long days = period == null ? 0 : Math.min(period.toDays() * periods + 2, LAST_DAY - FIRST_DAY + 2);
            this.windowStart = asOfDay - days;
        }

        @Override
        public void purchase(int c, int day, double amount) {
            if (c == customers) {
                if (c == lastDay.length) {
                    lastDay = Arrays.copyOf(lastDay, c * 2);
                }
                lastDay[c] = Integer.MIN_VALUE;
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
            if (day != lastDay[c]) {
                lastDay[c] = day;
                if (count == packed.length) {
                    packed = Arrays.copyOf(packed, count + (count >> 1));
                }
                packed[count++] = (long) c << 32 | (day + DAY_OFFSET);
            }
            if (period != null && day >= windowStart) {
                spend(c, day, amount);
            }
        }

        private void spend(int c, int day, double amount) {
            int cell = cellOfDay.computeIfAbsent(day, d -> cellOf(startOf(d, zone), end, period, periods));
            if (cell < 0) {
                return;
            }
            long key = (long) c * periods + cell;
            if (key > Integer.MAX_VALUE - 9) {
                throw new InputException("the spend of " + customers + " customers in " + periods
                        + " periods exceeds the 2^31 cells of one table: ask for fewer --periods");
            }
            if (key >= cents.length) {
                cents = Arrays.copyOf(cents, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(key + 1, Math.max(1 << 12, (long) cents.length * 2))));
            }
            BigDecimal v = BigDecimal.valueOf(amount);
            if (v.scale() <= 2) {
                try {
                    cents[(int) key] = Math.addExact(cents[(int) key], v.movePointRight(2).longValueExact());
                    return;
                } catch (ArithmeticException tooLarge) {
                    // kept exactly beside the cents
                }
            }
            beyondCents.merge(key, v, BigDecimal::add);
        }

        Phase phase(int n) {
            long cells = (long) n * periods;
            return new Phase(end, period, periods, Arrays.copyOf(cents, (int) Math.max(cells, cents.length)),
                    beyondCents);
        }
    }
}
