package io.crmkit.cli.format;

import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A transaction log summarised per customer while it is read — frequency, recency, T, monetary
 * value (and optionally litt) as of a date, with the definitions and the arithmetic of crm-scoring's
 * {@link CustomerSummarizer#summarizeEpochDays}, to the last bit — in memory proportional to the
 * customers, not the transactions.
 *
 * <p>Per customer it keeps the first and last purchase day up to the as-of date, the number of
 * distinct purchase days and the running sum of the repeat purchases' amounts (about 30 bytes,
 * besides the id in the {@link CustomerIndex}). That is exact while a customer's rows come in date
 * order, the common case (exports grouped by customer or sorted by date). A customer whose rows
 * come out of order is marked; if there are any, a second pass over the file gathers, for those
 * customers only, one packed {@code long} (customer, day) per purchase, sorted at the end for the
 * distinct days, and sums the repeat amounts again in file order now that the first day is known,
 * so that the sum rounds exactly as the summarizer's. With {@code litt} the distinct days of every
 * customer are kept the same way (8 bytes per distinct customer-day), since the summarizer sums
 * the log gaps from the last purchase backwards. A repeat sum that would exceed the largest double
 * goes on scaled by 2^−32, as in the summarizer, so that the mean of amounts near 1.7e308 is still
 * right; only a mean beyond the largest double is refused.
 */
public final class LogSummary {

    /** Periods are days: recency and T are day counts times the unit's share of a day, as the summarizer computes them. */
    private static final long SECONDS_PER_DAY = 86_400;
    /** Moves every day of 0001–9999 to a non-negative 32-bit value for packing. */
    private static final long DAY_OFFSET = 1L << 30;

    /**
     * The power of two by which a customer's repeat amount is scaled once its plain sum overflows,
     * as in crm-scoring's summarizer: fewer than 2^32 amounts of one customer, each below 2^1024,
     * stay below the largest double once scaled.
     */
    private static final int SPEND_SCALE = 32;

    private static final byte NONE = 0;
    private static final byte ORDERED = 1;
    private static final byte UNORDERED = 2;

    /** The file's name, as messages give it. */
    public final String file;
    /** The customers, by index (first appearance in the file, every row counted). */
    public final CustomerIndex customers;
    private final int[] index;
    private final CustomerSummaries summaries;
    private final int firstOnAsOf;
    private final boolean reread;

    private LogSummary(String file, CustomerIndex customers, int[] index, CustomerSummaries summaries,
            int firstOnAsOf, boolean reread) {
        this.file = file;
        this.customers = customers;
        this.index = index;
        this.summaries = summaries;
        this.firstOnAsOf = firstOnAsOf;
        this.reread = reread;
    }

    /**
     * Reads and summarises a log.
     *
     * @param path the file
     * @param amountRequired whether the amount column must be present
     * @param dialect the delimiter, date format and zone
     * @param asOf the last day of observation
     * @param unit the unit of recency and T (days, or 7 days for weeks)
     * @param litt whether to compute the sum of log inter-purchase times
     * @return one row per customer with a purchase on or before the as-of date and a first purchase
     *     before it, in order of first appearance
     * @throws InputException naming file, line, field, value and rule of the first bad row; or the
     *     file when it has no rows, or no purchase on or before the as-of date; or the file and the
     *     customer whose mean repeat amount exceeds the largest double
     */
    public static LogSummary read(Path path, boolean amountRequired, CsvInput.Dialect dialect, LocalDate asOf,
            Duration unit, boolean litt) {
        Accumulators acc = new Accumulators((int) asOf.toEpochDay(), litt);
        CustomerIndex customers = new CustomerIndex();
        TransactionLog.Scanned scanned = TransactionLog.scan(path, amountRequired, dialect, customers, acc);
        String file = scanned.file();
        if (scanned.rows() == 0) {
            throw new InputException(file + ":1: has no data rows");
        }
        if (acc.earliest > acc.asOfDay) {
            throw new InputException(file + ": no purchase on or before the as-of date " + asOf
                    + " (the first is on " + LocalDate.ofEpochDay(acc.earliest) + ")");
        }
        boolean reread = acc.unordered > 0;
        if (reread) {
            acc.startSecondPass();
            TransactionLog.Scanned again = TransactionLog.scan(path, amountRequired, dialect, customers,
                    acc::secondPass);
            if (again.rows() != scanned.rows() || customers.size() != acc.customers) {
                throw new InputException(file + ": changed while it was read");
            }
        }
        return acc.summaries(file, customers, unit);
    }

    /** @return the number of rows */
    public int size() {
        return index.length;
    }

    /**
     * @param row a row index
     * @return the customer index of that row
     */
    public int customerIndex(int row) {
        return index[row];
    }

    /** @return the summaries, in the unit, with monetary value (0 without amounts) and litt if asked */
    public CustomerSummaries summaries() {
        return summaries;
    }

    /** @return the customers left out because their first purchase is on the as-of date (T would be 0) */
    public int firstPurchasesOnAsOf() {
        return firstOnAsOf;
    }

    /** @return whether rows out of date order made a second pass over the file necessary */
    public boolean reread() {
        return reread;
    }

    /** The per-customer state, grown with the customer index. */
    private static final class Accumulators implements TransactionLog.Rows {
        final int asOfDay;
        final boolean litt;
        int earliest = Integer.MAX_VALUE;
        int customers;
        int unordered;
        /** The first day of any purchase, as-of or not (for the note on first purchases on the as-of date). */
        int[] firstAny = new int[1 << 12];
        /** Of the purchases up to the as-of date: first and last day, distinct days, repeat amount. */
        int[] first = new int[1 << 12];
        int[] last = new int[1 << 12];
        int[] distinct = new int[1 << 12];
        double[] repeat = new double[1 << 12];
        /** The repeat amount scaled by 2^-32, of the customers whose plain sum overflowed (rare). */
        final Map<Integer, Double> scaledRepeat = new HashMap<>();
        byte[] state = new byte[1 << 12];
        /** (customer, day) packed, one per distinct day of the ordered customers when litt is asked. */
        long[] days = new long[0];
        int dayCount;
        /** Second pass: (customer, day) of every counted purchase of the unordered customers. */
        long[] spilled;
        int spilledCount;
        int[] lastSpilled;

        Accumulators(int asOfDay, boolean litt) {
            this.asOfDay = asOfDay;
            this.litt = litt;
        }

        @Override
        public void purchase(int c, int day, double amount) {
            if (c == customers) {
                if (c == first.length) {
                    grow();
                }
                firstAny[c] = day;
                customers++;
            } else if (day < firstAny[c]) {
                firstAny[c] = day;
            }
            if (day < earliest) {
                earliest = day;
            }
            if (day > asOfDay) {
                return;
            }
            byte s = state[c];
            if (s == NONE) {
                state[c] = ORDERED;
                first[c] = day;
                last[c] = day;
                distinct[c] = 1;
                if (litt) {
                    addDay(c, day);
                }
            } else if (s == ORDERED) {
                int l = last[c];
                if (day >= l) {
                    if (day > l) {
                        distinct[c]++;
                        last[c] = day;
                        if (litt) {
                            addDay(c, day);
                        }
                    }
                    if (day != first[c]) {
                        addRepeat(c, amount);
                    }
                } else {
                    state[c] = UNORDERED;
                    unordered++;
                    if (day < first[c]) {
                        first[c] = day;
                    }
                }
            } else if (day < first[c]) {
                first[c] = day;
            } else if (day > last[c]) {
                last[c] = day;
            }
        }

        /**
         * Adds a repeat amount to the customer's sum as the summarizer does: plainly, and once the
         * plain sum overflows (it is then infinite) on in {@link #scaledRepeat}, scaled by 2^−32 —
         * exact, so that the mean of amounts near the largest double comes out right while an
         * ordinary sum keeps every bit.
         */
        private void addRepeat(int c, double amount) {
            double sum = repeat[c] + amount;
            if (sum == Double.POSITIVE_INFINITY) {
                double before = repeat[c];
                double base = before == Double.POSITIVE_INFINITY ? scaledRepeat.get(c)
                        : Math.scalb(before, -SPEND_SCALE);
                scaledRepeat.put(c, base + Math.scalb(amount, -SPEND_SCALE));
            }
            repeat[c] = sum;
        }

        /**
         * The mean repeat amount of a customer over {@code count} repeat days.
         *
         * @throws InputException naming the file and the customer when the mean exceeds the
         *     largest double (repeat days whose purchases together exceed it)
         */
        private double meanRepeat(String file, CustomerIndex index, int c, int count) {
            double sum = repeat[c];
            if (sum != Double.POSITIVE_INFINITY) {
                return sum / count;
            }
            double scaledMean = scaledRepeat.get(c) / count;
            double mean = Math.scalb(scaledMean, SPEND_SCALE);
            if (mean == Double.POSITIVE_INFINITY) {
                throw new InputException(file + ": customer " + Values.quote(index.id(c)) + ": monetary_value "
                        + new BigDecimal(scaledMean).multiply(BigDecimal.valueOf(1L << SPEND_SCALE))
                                .round(new MathContext(6))
                        + ": the mean repeat amount must not exceed the largest double 1.7976931348623157e308");
            }
            return mean;
        }

        private void grow() {
            int n = first.length * 2;
            firstAny = Arrays.copyOf(firstAny, n);
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
            distinct = Arrays.copyOf(distinct, n);
            repeat = Arrays.copyOf(repeat, n);
            state = Arrays.copyOf(state, n);
        }

        private void addDay(int c, int day) {
            if (dayCount == days.length) {
                days = Arrays.copyOf(days, Math.max(1 << 12, dayCount + (dayCount >> 1)));
            }
            days[dayCount++] = pack(c, day);
        }

        void startSecondPass() {
            spilled = new long[1 << 12];
            lastSpilled = new int[customers];
            Arrays.fill(lastSpilled, Integer.MIN_VALUE);
            for (int c = 0; c < customers; c++) {
                if (state[c] == UNORDERED) {
                    repeat[c] = 0;
                    scaledRepeat.remove(c);
                }
            }
        }

        /** The unordered customers' purchases again, in file order, their first day now known. */
        void secondPass(int c, int day, double amount) {
            if (c >= customers || state[c] != UNORDERED || day > asOfDay) {
                return;
            }
            if (day != first[c]) {
                addRepeat(c, amount);
            }
            if (day != lastSpilled[c]) {
                lastSpilled[c] = day;
                if (spilledCount == spilled.length) {
                    spilled = Arrays.copyOf(spilled, spilledCount + (spilledCount >> 1));
                }
                spilled[spilledCount++] = pack(c, day);
            }
        }

        private static long pack(int c, int day) {
            return (long) c << 32 | (day + DAY_OFFSET);
        }

        private static int customerOf(long packed) {
            return (int) (packed >>> 32);
        }

        private static int dayOf(long packed) {
            return (int) ((packed & 0xffff_ffffL) - DAY_OFFSET);
        }

        LogSummary summaries(String file, CustomerIndex index, Duration unit) {
            long[] sortedDays = null;
            int sortedCount = 0;
            if (spilledCount > 0 || dayCount > 0) {
                // the ordered customers' days are already in order per customer, but interleaved across customers
                sortedDays = Arrays.copyOf(days, dayCount + spilledCount);
                System.arraycopy(spilled == null ? new long[0] : spilled, 0, sortedDays, dayCount, spilledCount);
                days = null;
                spilled = null;
                Arrays.sort(sortedDays);
                sortedCount = sortedDays.length;
            }
            double unitSeconds = unit.getSeconds() + unit.getNano() / 1e9;
            double scale = SECONDS_PER_DAY / unitSeconds;
            int rows = 0;
            int onAsOf = 0;
            for (int c = 0; c < customers; c++) {
                if (state[c] != NONE && first[c] != asOfDay) {
                    rows++;
                }
                if (firstAny[c] == asOfDay) {
                    onAsOf++;
                }
            }
            int[] order = new int[rows];
            // the rows go straight into the summaries' own columns
            CustomerSummaries.Builder summaries = CustomerSummaries.builder(rows).withMonetaryValue();
            if (litt) {
                summaries.withLogInterPurchaseTimes();
            }
            int row = 0;
            int cursor = 0;
            for (int c = 0; c < customers; c++) {
                int from = cursor;
                while (cursor < sortedCount && customerOf(sortedDays[cursor]) == c) {
                    cursor++;
                }
                int to = cursor;
                if (state[c] == NONE || first[c] == asOfDay) {
                    continue;
                }
                int n = distinct[c];
                if (state[c] == UNORDERED) {
                    n = 0;
                    for (int i = from; i < to; i++) {
                        if (i == from || sortedDays[i] != sortedDays[i - 1]) {
                            n++;
                        }
                    }
                }
                int firstLag = asOfDay - first[c];
                int lastLag = asOfDay - last[c];
                order[row] = c;
                double logGaps = 0;
                if (litt) {
                    // from the last purchase backwards, as the summarizer adds them
                    double sum = 0;
                    for (int i = to - 1; i > from; i--) {
                        int gap = dayOf(sortedDays[i]) - dayOf(sortedDays[i - 1]);
                        if (gap != 0) {
                            sum += Math.log(gap * scale);
                        }
                    }
                    logGaps = sum;
                }
                summaries.add(n - 1, (firstLag - lastLag) * scale, firstLag * scale,
                        n > 1 ? meanRepeat(file, index, c, n - 1) : 0, 1, logGaps);
                row++;
            }
            return new LogSummary(file, index, order, summaries.build().withTimeUnit(unit), onAsOf, unordered > 0);
        }
    }
}
