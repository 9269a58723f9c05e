package io.crmkit.cli.rfm;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.TransactionLog;
import io.crmkit.core.money.Money;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.rfm.RfmScores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm rfm}: recency, frequency, monetary scores and segments from a transaction log. The
 * log streams into per-customer totals (last day, count, exact sum of the amounts), so memory
 * grows with the customers, not the purchases; the totals are scored by
 * {@link RfmScorer#scoreColumns}, exactly as {@link RfmScorer#score} scores purchases.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = {"Scores customers by recency, frequency and monetary value (quintiles, ties never split) and names their segment.",
            "Input: CSV customer_id,date,amount (date yyyy-MM-dd); purchases after the as-of date are left out.",
            "Output: CSV customer_id,recency_days,frequency,monetary,r,f,m,segment."})
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
        int[] last = new int[1 << 12];
        long[] count = new long[1 << 12];
        BigDecimal[] sum = new BigDecimal[1 << 12];
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
                in.number(value); // the grammar and range of every number
                BigDecimal amount = new BigDecimal(in.text(value));
                if (amount.signum() < 0) {
                    throw in.refuse(value, "negative: a purchase amount must be 0 or more");
                }
                earliest = Math.min(earliest, day);
                if (day > asOfDay) {
                    continue;
                }
                int c = customers.of(customer);
                if (c == last.length) {
                    int grown = c + (c >> 1);
                    last = Arrays.copyOf(last, grown);
                    count = Arrays.copyOf(count, grown);
                    sum = Arrays.copyOf(sum, grown);
                }
                if (count[c] == 0 || day > last[c]) {
                    last[c] = day;
                }
                count[c]++;
                sum[c] = sum[c] == null ? amount : sum[c].add(amount);
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
            rec[k] = asOfDay - last[c];
            freq[k] = count[c];
            BigDecimal total = sum[c].scale() < scale ? sum[c].setScale(scale, RoundingMode.UNNECESSARY) : sum[c];
            shown[k] = monetary == RfmScorer.Monetary.SUM ? total
                    : Money.of(total.divide(BigDecimal.valueOf(count[c]), scale, RoundingMode.HALF_EVEN), money).amount();
            mon[k] = shown[k].doubleValue();
            if (!Double.isFinite(mon[k])) {
                throw new InputException(file + ": the amounts of customer '" + customers.id(c)
                        + "' add up beyond the range of a double");
            }
        }
        RfmScores scores = RfmScorer.builder().monetary(monetary).build().scoreColumns(rec, freq, mon);
        try {
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            csv.printRecord("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");
            for (int k = 0; k < n; k++) {
                csv.print(customers.id(order[k]));
                csv.print(Long.toString((long) rec[k]));
                csv.print(Long.toString((long) freq[k]));
                csv.print(shown[k].toPlainString());
                csv.print(Integer.toString(scores.r(k)));
                csv.print(Integer.toString(scores.f(k)));
                csv.print(Integer.toString(scores.m(k)));
                csv.print(scores.segment(k));
                csv.println();
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
