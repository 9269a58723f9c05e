package io.crmkit.cli.format;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV output format of the commands ({@code crm rfm}, {@code crm tier}, {@code crm clv}),
 * and readers of the bundled sample data as purchases and metrics for {@code crm tour}, on top of
 * {@link CsvInput}, the reader of every command.
 */
public final class Csv {

    /** One row of a metrics file: the customer and its metrics by column name. */
    public record MetricsRow(long line, String customerId, Map<String, Double> metrics) {
    }

    /** CSV output of the commands: RFC 4180 quoting, lines ended by a bare {@code \n} on every platform. */
    private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private Csv() {
    }

    /**
     * A printer of CSV output to {@code out}; the caller prints the header record first. The
     * commands whose output has a row per customer write through {@link CsvRows} instead, which
     * gives the same characters at a fraction of the cost; this printer stays for small outputs
     * and for cells copied from a parsed input.
     *
     * @param out where the records go
     * @return the printer
     * @throws IOException if {@code out} fails
     */
    public static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, OUTPUT);
    }

    public static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Reads {@code customer_id,date,amount} rows with {@link CsvInput} (the dialect of every
     * command); purchases after {@code asOf} are left out.
     *
     * @param in the CSV text
     * @param name the name messages give it
     * @param currency the currency of the amounts (the one money grammar, {@link Values#money})
     * @param asOf the last day kept
     * @return the purchases, in file order
     * @throws InputException naming the file, line, field, value and rule of the first bad row
     */
    public static List<Purchase> readTransactions(Reader in, String name, Currency currency, LocalDate asOf) {
        List<Purchase> purchases = new ArrayList<>();
        try (CsvInput csv = CsvInput.read(in, name, TransactionLog.schema(true))) {
            int id = csv.column("customer_id");
            int date = csv.column("date");
            int amount = csv.column("amount");
            while (csv.next()) {
                CustomerId customer = CustomerId.of(csv.customerId(id));
                LocalDate day = LocalDate.ofEpochDay(csv.epochDay(date));
                Money money = csv.money(amount, currency);
                if (money.amount().signum() < 0) {
                    throw csv.refuse(amount, "negative: a purchase amount must be 0 or more");
                }
                if (!day.isAfter(asOf)) {
                    purchases.add(Purchase.of(customer, day.atStartOfDay(ZoneOffset.UTC).toInstant(), money));
                }
            }
        }
        return purchases;
    }

    /**
     * Reads {@code customer_id,<metric>,<metric>...} rows with {@link CsvInput}; an empty cell
     * leaves the metric out.
     *
     * @param in the CSV text
     * @param name the name messages give it
     * @return the rows, in file order
     * @throws InputException naming the file, line, field, value and rule of the first bad row
     */
    public static List<MetricsRow> readMetrics(Reader in, String name) {
        List<MetricsRow> rows = new ArrayList<>();
        try (CsvInput csv = CsvInput.read(in, name, CsvInput.Schema.of(CsvInput.Others.DATA).required("customer_id"))) {
            int id = csv.column("customer_id");
            List<String> header = csv.header();
            while (csv.next()) {
                String customer = csv.customerId(id);
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (int c : csv.otherColumns()) {
                    if (!csv.text(c).isEmpty()) {
                        metrics.put(header.get(c), csv.number(c));
                    }
                }
                rows.add(new MetricsRow(csv.line(), customer, metrics));
            }
        }
        return rows;
    }
}
