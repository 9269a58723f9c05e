package io.crmkit.cli.format;

import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A transaction log split at a calibration end and read once into what a holdout evaluation
 * needs, per customer — the calibration summary (frequency, recency, T as of the calibration end,
 * with the definitions and the arithmetic of crm-scoring's
 * {@link CustomerSummarizer#summarizeEpochDays}, to the last bit), the first purchase day and the
 * holdout purchases (distinct days after the calibration end up to the holdout end) — and, for the
 * whole log, the repeat purchases of the calibration customers per day up to the holdout end (the
 * tracking curve). Memory follows the customers and the days, not the transactions. Nothing after
 * the calibration end reaches the summaries.
 *
 * <p>Per customer it keeps the first and last purchase day, the last calibration day, the distinct
 * days of each period and the number of rows read while the customer's rows were in date order
 * (about 25 bytes, besides the id in the {@link CustomerIndex}); while a customer's rows come in
 * date order, each new day after the first is counted as it is read. A customer whose rows come
 * out of order is marked; if there are any, a second pass over the file takes back what those
 * customers counted in the first and gathers, for them only, one packed {@code long} (customer,
 * day) per purchase up to the holdout end, sorted at the end for the distinct days — the same
 * strategy as {@link LogSummary}.
 */
public final class HoldoutLog {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAY_OFFSET = 1L << 30;

    private static final byte NONE = 0;
    private static final byte ORDERED = 1;
    private static final byte UNORDERED = 2;

    /** The file's name, as messages give it. */
    public final String file;
    /** The customers, by index (first appearance in the file, every row counted). */
    public final CustomerIndex customers;
    private final CustomerSummarizer.IndexedSummaries calibration;
    private final int[] firstDay;
    private final int[] holdoutPurchases;
    private final int[] repeatsByDay;
    private final boolean reread;

    private HoldoutLog(String file, CustomerIndex customers, CustomerSummarizer.IndexedSummaries calibration,
            int[] firstDay, int[] holdoutPurchases, int[] repeatsByDay, boolean reread) {
        this.file = file;
        this.customers = customers;
        this.calibration = calibration;
        this.firstDay = firstDay;
        this.holdoutPurchases = holdoutPurchases;
        this.repeatsByDay = repeatsByDay;
        this.reread = reread;
    }

    /**
     * Reads a log and splits it at the calibration end.
     *
     * @param path the file
     * @param dialect the delimiter, date format and zone
     * @param calibrationEnd the last day of the calibration period
     * @param holdoutEnd the last day of the holdout period, after the calibration end
     * @param unit the unit of recency and T (days, or 7 days for weeks)
     * @return the calibration rows (customers whose first purchase is before the calibration end),
     *     in order of first appearance, with their counts; possibly none
     * @throws InputException naming file, line, field, value and rule of the first bad row
     * @throws IllegalArgumentException if the calibration end is not before the holdout end
     */
    public static HoldoutLog read(Path path, CsvInput.Dialect dialect, LocalDate calibrationEnd,
            LocalDate holdoutEnd, Duration unit) {
        if (!calibrationEnd.isBefore(holdoutEnd)) {
            throw new IllegalArgumentException("calibration end " + calibrationEnd + " must be before the holdout end "
                    + holdoutEnd);
        }
        Accumulators acc = new Accumulators((int) calibrationEnd.toEpochDay(), (int) holdoutEnd.toEpochDay());
        CustomerIndex customers = new CustomerIndex();
        TransactionLog.Scanned scanned = TransactionLog.scan(path, false, dialect, customers, acc);
        boolean reread = acc.unordered > 0;
        if (reread) {
            acc.startSecondPass();
            TransactionLog.Scanned again = TransactionLog.scan(path, false, dialect, customers, acc::secondPass);
            if (again.rows() != scanned.rows() || customers.size() != acc.customers) {
                throw new InputException(scanned.file() + ": changed while it was read");
            }
        }
        return acc.result(scanned.file(), customers, unit);
    }

    /** @return the calibration summaries as of the calibration end, monetary value 0, in the unit */
    public CustomerSummarizer.IndexedSummaries calibration() {
        return calibration;
    }

    /** @return per calibration row, the day of the first purchase ({@link LocalDate#toEpochDay()}) */
    public int[] firstDays() {
        return firstDay.clone();
    }

    /** @return per calibration row, the distinct days with a purchase after the calibration end up to the holdout end */
    public int[] holdoutPurchases() {
        return holdoutPurchases.clone();
    }

    /**
     * @return element i: the calibration customers' repeat purchases (distinct days after their
     *     first) on the day min(first days) + i, to the holdout end; empty without calibration rows
     */
    public int[] repeatsByDay() {
        return repeatsByDay.clone();
    }

    /** @return whether rows out of date order made a second pass over the file necessary */
    public boolean reread() {
        return reread;
    }

    /** The per-customer state, grown with the customer index. */
    private static final class Accumulators implements TransactionLog.Rows {
        final int calDay;
        final int endDay;
        int customers;
        int unordered;
        /** Of the purchases up to the holdout end: first and last day, rows read while in order. */
        int[] first = new int[1 << 12];
        int[] last = new int[1 << 12];
        int[] orderedRows = new int[1 << 12];
        /** Of the calibration period: last day and distinct days; of the holdout period: distinct days. */
        int[] calLast = new int[1 << 12];
        int[] calDistinct = new int[1 << 12];
        int[] holdout = new int[1 << 12];
        byte[] state = new byte[1 << 12];
        /** Repeat purchases of calibration customers on the day endDay − i. */
        int[] repeatsBack = new int[1 << 10];
        /** Second pass: rows replayed per unordered customer, and the replay's first and last day. */
        int[] replayed;
        int[] replayFirst;
        int[] replayLast;
        long[] spilled;
        int spilledCount;
        int[] lastSpilled;

        Accumulators(int calDay, int endDay) {
            this.calDay = calDay;
            this.endDay = endDay;
        }

        @Override
        public void purchase(int c, int day, double amount) {
            if (c == customers) {
                if (c == first.length) {
                    grow();
                }
                customers++;
            }
            if (day > endDay) {
                return;
            }
            byte s = state[c];
            if (s == NONE) {
                state[c] = ORDERED;
                first[c] = day;
                last[c] = day;
                orderedRows[c] = 1;
                if (day <= calDay) {
                    calLast[c] = day;
                    calDistinct[c] = 1;
                } else {
                    holdout[c] = 1;
                }
            } else if (s == ORDERED) {
                int l = last[c];
                if (day >= l) {
                    orderedRows[c]++;
                    if (day > l) {
                        last[c] = day;
                        if (day <= calDay) {
                            calLast[c] = day;
                            calDistinct[c]++;
                        } else {
                            holdout[c]++;
                        }
                        if (first[c] < calDay) {
                            count(day, 1);
                        }
                    }
                } else {
                    state[c] = UNORDERED;
                    unordered++;
                }
            }
        }

        /** Adds {@code delta} repeat purchases on a day, up to the holdout end. */
        private void count(int day, int delta) {
            int back = endDay - day;
            if (back >= repeatsBack.length) {
                repeatsBack = Arrays.copyOf(repeatsBack, Math.max(back + 1, repeatsBack.length * 2));
            }
            repeatsBack[back] += delta;
        }

        private void grow() {
            int n = first.length * 2;
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
            orderedRows = Arrays.copyOf(orderedRows, n);
            calLast = Arrays.copyOf(calLast, n);
            calDistinct = Arrays.copyOf(calDistinct, n);
            holdout = Arrays.copyOf(holdout, n);
            state = Arrays.copyOf(state, n);
        }

        void startSecondPass() {
            spilled = new long[1 << 12];
            replayed = new int[customers];
            replayFirst = new int[customers];
            replayLast = new int[customers];
            lastSpilled = new int[customers];
            Arrays.fill(lastSpilled, Integer.MIN_VALUE);
        }

        /**
         * The unordered customers' purchases again, in file order: the rows they read in order in
         * the first pass take back the repeat purchases they counted; every row up to the holdout
         * end is kept for sorting.
         */
        void secondPass(int c, int day, double amount) {
            if (c >= customers || state[c] != UNORDERED || day > endDay) {
                return;
            }
            int k = replayed[c];
            if (k < orderedRows[c]) {
                replayed[c] = k + 1;
                if (k == 0) {
                    replayFirst[c] = day;
                    replayLast[c] = day;
                } else if (day > replayLast[c]) {
                    replayLast[c] = day;
                    if (replayFirst[c] < calDay) {
                        count(day, -1);
                    }
                }
            }
            if (day != lastSpilled[c]) {
                lastSpilled[c] = day;
                if (spilledCount == spilled.length) {
                    spilled = Arrays.copyOf(spilled, spilledCount + (spilledCount >> 1));
                }
                spilled[spilledCount++] = (long) c << 32 | (day + DAY_OFFSET);
            }
        }

        /** Sorts the unordered customers' days and counts them as the ordered ones were counted. */
        private void settleUnordered() {
            if (spilledCount == 0) {
                return;
            }
            long[] days = spilled;
            int count = spilledCount;
            spilled = null;
            Arrays.sort(days, 0, count);
            int i = 0;
            while (i < count) {
                int c = (int) (days[i] >>> 32);
                int f = dayOf(days[i]);
                first[c] = f;
                calDistinct[c] = 0;
                holdout[c] = 0;
                int previous = Integer.MIN_VALUE;
                for (; i < count && (int) (days[i] >>> 32) == c; i++) {
                    int d = dayOf(days[i]);
                    if (d == previous) {
                        continue;
                    }
                    previous = d;
                    if (d <= calDay) {
                        calLast[c] = d;
                        calDistinct[c]++;
                    } else {
                        holdout[c]++;
                    }
                    if (d > f && f < calDay) {
                        count(d, 1);
                    }
                }
            }
        }

        private static int dayOf(long packed) {
            return (int) ((packed & 0xffff_ffffL) - DAY_OFFSET);
        }

        HoldoutLog result(String file, CustomerIndex index, Duration unit) {
            settleUnordered();
            double unitSeconds = unit.getSeconds() + unit.getNano() / 1e9;
            double scale = SECONDS_PER_DAY / unitSeconds;
            int rows = 0;
            for (int c = 0; c < customers; c++) {
                if (calDistinct[c] > 0 && first[c] < calDay) {
                    rows++;
                }
            }
            int[] order = new int[rows];
            int[] firstDay = new int[rows];
            int[] holdoutPurchases = new int[rows];
            double[] x = new double[rows];
            double[] tx = new double[rows];
            double[] age = new double[rows];
            double[] monetary = new double[rows];
            int origin = Integer.MAX_VALUE;
            int row = 0;
            for (int c = 0; c < customers; c++) {
                if (calDistinct[c] == 0 || first[c] >= calDay) {
                    continue;
                }
                int firstLag = calDay - first[c];
                int lastLag = calDay - calLast[c];
                order[row] = c;
                firstDay[row] = first[c];
                holdoutPurchases[row] = holdout[c];
                x[row] = calDistinct[c] - 1;
                tx[row] = (firstLag - lastLag) * scale;
                age[row] = firstLag * scale;
                origin = Math.min(origin, first[c]);
                row++;
            }
            int[] byDay = new int[rows == 0 ? 0 : endDay - origin + 1];
            for (int back = 0; back < byDay.length && back < repeatsBack.length; back++) {
                byDay[byDay.length - 1 - back] = repeatsBack[back];
            }
            CustomerSummaries s = CustomerSummaries.withMonetaryValue(x, tx, age, monetary).withTimeUnit(unit);
            return new HoldoutLog(file, index, CustomerSummarizer.IndexedSummaries.of(order, s), firstDay,
                    holdoutPurchases, byDay, unordered > 0);
        }
    }
}
