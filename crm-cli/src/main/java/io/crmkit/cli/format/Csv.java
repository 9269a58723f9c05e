package io.crmkit.cli.format;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV output format of the commands ({@code crm rfm}, {@code crm tier}, {@code crm clv}),
 * and readers of the bundled sample data as purchases and metrics for {@code crm tour}. Commands
 * read user files with {@link CsvInput} instead.
 */
public final class Csv {

    /** One row of a metrics file: the customer and its metrics by column name. */
    public record MetricsRow(long line, String customerId, Map<String, Double> metrics) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false).build();

    /** CSV output of the commands: RFC 4180 quoting, lines ended by a bare {@code \n} on every platform. */
    private static final CSVFormat OUTPUT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private Csv() {
    }

    /**
     * A printer of CSV output to {@code out}; the caller prints the header record first.
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
     * Reads {@code customer_id,date,amount} rows; purchases after {@code asOf} are left out.
     */
    public static List<Purchase> readTransactions(Reader in, String name, Currency currency, LocalDate asOf) {
        List<Purchase> purchases = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            requireColumns(parser, name, "customer_id", "date", "amount");
            for (CSVRecord row : parser) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line; kept by the format so that record numbers stay line numbers
                }
                String where = name + " line " + line(row);
                requireConsistent(row, where, parser.getHeaderNames().size());
                String id = row.get("customer_id");
                LocalDate date = parseDate(row.get("date"), where);
                Money amount = parseAmount(row.get("amount"), where, currency);
                if (date.isAfter(asOf)) {
                    continue;
                }
                purchases.add(Purchase.of(customer(id, where), date.atStartOfDay(ZoneOffset.UTC).toInstant(), amount));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return purchases;
    }

    /** Reads {@code customer_id,<metric>,<metric>...} rows; an empty cell leaves the metric out. */
    public static List<MetricsRow> readMetrics(Reader in, String name) {
        List<MetricsRow> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            requireColumns(parser, name, "customer_id");
            List<String> header = parser.getHeaderNames();
            for (CSVRecord row : parser) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line; kept by the format so that record numbers stay line numbers
                }
                String where = name + " line " + line(row);
                requireConsistent(row, where, header.size());
                String id = row.get("customer_id");
                customer(id, where);
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (String column : header) {
                    String cell = row.get(column);
                    if (column.equals("customer_id") || cell.isEmpty()) {
                        continue;
                    }
                    metrics.put(column, parseNumber(column, cell, where));
                }
                rows.add(new MetricsRow(line(row), id, metrics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    private static long line(CSVRecord row) {
        return row.getRecordNumber() + 1; // the header is line 1
    }

    private static void requireColumns(CSVParser parser, String name, String... columns) {
        for (String c : columns) {
            if (!parser.getHeaderMap().containsKey(c)) {
                throw new IllegalArgumentException(name + " line 1: header lacks column '" + c + "' (has: "
                        + String.join(",", parser.getHeaderNames()) + ")");
            }
        }
    }

    private static void requireConsistent(CSVRecord row, String where, int columns) {
        if (row.size() != columns) {
            throw new IllegalArgumentException(where + ": expected " + columns + " fields, found " + row.size());
        }
    }

    private static CustomerId customer(String id, String where) {
        try {
            return CustomerId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static LocalDate parseDate(String text, String where) {
        try {
            return LocalDate.ofEpochDay(Values.epochDay(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": date '" + text + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static Money parseAmount(String text, String where, Currency currency) {
        BigDecimal amount;
        try {
            amount = Values.money(text, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": amount " + Values.quote(text) + ": " + e.getMessage(), e);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(where + ": amount '" + text + "' is negative: a purchase amount must be 0 or more");
        }
        return Money.of(amount, currency);
    }

    private static double parseNumber(String column, String text, String where) {
        try {
            return Values.number(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + column + " " + Values.quote(text) + ": " + e.getMessage(), e);
        }
    }
}
