package io.crmkit.cli.rfm;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.MoneyText;
import io.crmkit.cli.format.TransactionLog;
import io.crmkit.cli.format.Values;
import io.crmkit.core.money.Money;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.rfm.RfmScores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm rfm}: recency, frequency, monetary scores and segments from a transaction log. The
 * log streams into per-customer totals (last day, count, exact sum of the amounts), so memory
 * grows with the customers, not the purchases; the totals are scored by
 * {@link RfmScorer#scoreColumns}, exactly as {@link RfmScorer#score} scores purchases. The
 * monetary column is written by {@link MoneyText}: at the currency's fraction digits, half-even.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = {"Scores customers by recency, frequency and monetary value (quintiles, ties never split) and names their segment.",
            "Input: CSV customer_id,date,amount (date yyyy-MM-dd); purchases after the as-of date are left out.",
            "Output: CSV customer_id,recency_days,frequency,monetary,r,f,m,segment; monetary at the currency's "
                + "fraction digits (USD 12.50, JPY 301), from 1e21 on in scientific form (1.0E308)."})
public final class RfmCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "transactions CSV: customer_id,date,amount")
    Path input;

    @Option(names = "--as-of", required = true, description = "the date recency is measured to (yyyy-MM-dd)")
    LocalDate asOf;

    @Option(names = "--monetary", defaultValue = "SUM", description = "sum or mean of the amounts (default: ${DEFAULT-VALUE})")
    RfmScorer.Monetary monetary;

    @Option(names = "--currency", defaultValue = "USD", description = "ISO currency of the amounts (default: ${DEFAULT-VALUE})")
    String currency;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Currency money;
        try {
            money = Money.currency(currency);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--currency " + currency
                    + " is not an ISO 4217 currency code, e.g. USD or CNY");
        }
        int scale = Math.max(0, money.getDefaultFractionDigits());
        int asOfDay = (int) asOf.toEpochDay();
        CustomerIndex customers = new CustomerIndex();
        Totals totals = new Totals(scale);
        int earliest = Integer.MAX_VALUE;
        String file;
        try (CsvInput in = CsvInput.open(input, TransactionLog.schema(true))) {
            file = in.file();
            int id = in.column("customer_id");
            int date = in.column("date");
            int value = in.column("amount");
            while (in.next()) {
                String customer = in.customerId(id);
                int day = in.epochDay(date);
                String text = in.text(value);
                long units = Totals.units(text);
                BigDecimal exact = null;
                if (units == Totals.NOT_PLAIN) {
                    exact = in.amount(value, money); // the one money grammar: number grammar, range, decimals
                    if (exact.signum() < 0) {
                        throw in.refuse(value, "negative: a purchase amount must be 0 or more");
                    }
                } else {
                    if (Totals.scale(text) > scale) {
                        in.amount(value, money); // more decimals than the currency has, unless trailing zeros
                    }
                    if (units < 0) {
                        throw in.refuse(value, "negative: a purchase amount must be 0 or more");
                    }
                }
                earliest = Math.min(earliest, day);
                if (day > asOfDay) {
                    continue;
                }
                int c = customers.of(customer);
                if (exact == null) {
                    totals.add(c, day, units, Totals.scale(text));
                } else {
                    totals.add(c, day, exact);
                }
            }
        }
        if (earliest == Integer.MAX_VALUE) {
            throw new InputException(file + ":1: has no data rows");
        }
        if (customers.size() == 0) {
            throw new InputException(file + ": no purchase on or before the as-of date " + asOf + " (the first is on "
                    + LocalDate.ofEpochDay(earliest) + ")");
        }
        int n = customers.size();
        int[] order = customers.sortedById();
        double[] rec = new double[n];
        double[] freq = new double[n];
        double[] mon = new double[n];
        BigDecimal[] shown = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            int c = order[k];
            rec[k] = asOfDay - totals.last[c];
            freq[k] = totals.count[c];
            BigDecimal total = totals.sum(c);
            shown[k] = monetary == RfmScorer.Monetary.SUM ? total
                    : Money.of(total.divide(BigDecimal.valueOf(totals.count[c]), scale, RoundingMode.HALF_EVEN), money)
                            .amount();
            mon[k] = shown[k].doubleValue();
            if (!Double.isFinite(mon[k])) {
                throw new InputException(file + ": the amounts of customer " + Values.quote(customers.id(c))
                        + " add up beyond the range of a double");
            }
        }
        RfmScores scores = RfmScorer.builder().monetary(monetary).build().scoreColumns(rec, freq, mon);
        CsvRows csv = CsvRows.to(spec.commandLine().getOut());
        csv.row("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");
        for (int k = 0; k < n; k++) {
            csv.text(customers.id(order[k])).integer((long) rec[k]).integer((long) freq[k])
                    .text(MoneyText.format(shown[k], money)).integer(scores.r(k)).integer(scores.f(k))
                    .integer(scores.m(k)).text(scores.segment(k)).endRow();
        }
        csv.flush();
        return 0;
    }

    /**
     * Per-customer totals in primitive columns: last day, count, and the exact sum of the amounts
     * as a {@code long} number of units at the customer's scale (the most decimals seen, at least
     * the currency's), falling back to {@link BigDecimal} for a customer whose sum leaves the
     * {@code long} range or who has an amount in scientific notation. The sum equals that of
     * crm-core's {@link Money} amounts, scale included.
     */
    static final class Totals {
        /** {@link #units(String)} of a text that is not a plain decimal of at most 17 digits. */
        static final long NOT_PLAIN = Long.MIN_VALUE;
        private static final long[] POW10 = new long[19];

        static {
            POW10[0] = 1;
            for (int i = 1; i < POW10.length; i++) {
                POW10[i] = POW10[i - 1] * 10;
            }
        }

        private final int minScale;
        int[] last = new int[1 << 12];
        long[] count = new long[1 << 12];
        private long[] units = new long[1 << 12];
        private byte[] scale = new byte[1 << 12];
        private BigDecimal[] exact;

        Totals(int minScale) {
            this.minScale = minScale;
        }

        /** The digits of a plain decimal without its point, signed; {@link #NOT_PLAIN} otherwise. */
        static long units(String text) {
            int n = text.length();
            int i = 0;
            boolean negative = false;
            if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
                negative = text.charAt(0) == '-';
                i = 1;
            }
            long u = 0;
            int digits = 0;
            boolean point = false;
            for (; i < n; i++) {
                char ch = text.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    if (++digits > 17) {
                        return NOT_PLAIN;
                    }
                    u = u * 10 + (ch - '0');
                } else if (ch == '.' && !point) {
                    point = true;
                } else {
                    return NOT_PLAIN;
                }
            }
            return digits == 0 ? NOT_PLAIN : negative ? -u : u;
        }

        /** The number of decimals of a plain decimal. */
        static int scale(String text) {
            int point = text.indexOf('.');
            return point < 0 ? 0 : text.length() - point - 1;
        }

        private void ensure(int c) {
            if (c == last.length) {
                int grown = c + (c >> 1);
                last = Arrays.copyOf(last, grown);
                count = Arrays.copyOf(count, grown);
                units = Arrays.copyOf(units, grown);
                scale = Arrays.copyOf(scale, grown);
                if (exact != null) {
                    exact = Arrays.copyOf(exact, grown);
                }
            }
        }

        private void day(int c, int day) {
            ensure(c);
            if (count[c] == 0) {
                scale[c] = (byte) minScale;
                last[c] = day;
            } else if (day > last[c]) {
                last[c] = day;
            }
            count[c]++;
        }

        void add(int c, int day, long amount, int amountScale) {
            day(c, day);
            if (exact == null || exact[c] == null) {
                int s = scale[c];
                try {
                    if (amountScale > s) {
                        units[c] = Math.multiplyExact(units[c], POW10[amountScale - s]);
                        scale[c] = (byte) amountScale;
                        s = amountScale;
                    }
                    units[c] = Math.addExact(units[c], Math.multiplyExact(amount, POW10[s - amountScale]));
                    return;
                } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
                    toExact(c);
                }
            }
            exact[c] = exact[c].add(BigDecimal.valueOf(amount, amountScale));
        }

        void add(int c, int day, BigDecimal amount) {
            day(c, day);
            if (exact == null || exact[c] == null) {
                toExact(c);
            }
            exact[c] = exact[c].add(amount);
        }

        private void toExact(int c) {
            if (exact == null) {
                exact = new BigDecimal[last.length];
            }
            exact[c] = BigDecimal.valueOf(units[c], scale[c]);
        }

        BigDecimal sum(int c) {
            BigDecimal total = exact != null && exact[c] != null ? exact[c] : BigDecimal.valueOf(units[c], scale[c]);
            return total.scale() < minScale ? total.setScale(minScale, RoundingMode.UNNECESSARY) : total;
        }
    }
}
