package io.crmkit.cli.format;

import java.nio.file.Path;

/**
 * A transaction log, {@code customer_id,date,amount}, read with {@link CsvInput} row by row and
 * handed on without being kept ({@link #scan}): commands keep per-customer state, never the
 * purchases. Aliases: {@code id} or {@code customer} for {@code customer_id}, {@code datetime} or
 * {@code time} for {@code date}, {@code monetary_value} or {@code value} for {@code amount}. Other
 * columns are refused. Amounts are numbers of the grammar of {@link Values}, 0 or more.
 */
public final class TransactionLog {

    private TransactionLog() {
    }

    /**
     * The schema of a transaction log.
     *
     * @param amountRequired whether the amount column must be present
     * @return the schema
     */
    public static CsvInput.Schema schema(boolean amountRequired) {
        CsvInput.Schema s = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("customer_id", "id", "customer")
                .required("date", "datetime", "time");
        return amountRequired ? s.required("amount", "monetary_value", "value")
                : s.optional("amount", "monetary_value", "value");
    }

    /** The rows of a log as they are read, in file order. */
    @FunctionalInterface
    public interface Rows {
        /**
         * One purchase.
         *
         * @param customer the customer's index in the {@link CustomerIndex} the scan fills
         * @param day the day, as {@link java.time.LocalDate#toEpochDay()}
         * @param amount the amount, 0 or more; 0 when the log has no amount column
         */
        void purchase(int customer, int day, double amount);
    }

    /**
     * What a scan found besides the rows.
     *
     * @param file the file's name, as messages give it
     * @param hasAmount whether the log has an amount column
     * @param rows the number of purchases
     */
    public record Scanned(String file, boolean hasAmount, long rows) {
    }

    /**
     * Reads a log row by row, handing each purchase on without keeping it: the way a command keeps
     * per-customer accumulators whose memory follows the customers, not the transactions. The
     * whole file is checked, every row; rows before a bad
     * one have been handed on when the refusal comes, so the receiver must not print anything
     * before the scan returns.
     *
     * @param path the file
     * @param amountRequired whether the amount column must be present
     * @param dialect the delimiter, date format and zone
     * @param customers the index ids are interned into (a second scan of the same file with the same
     *     index gives every customer the index of the first)
     * @param rows the receiver of each purchase, in file order
     * @return the file's name, whether it has amounts, and the number of rows
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    public static Scanned scan(Path path, boolean amountRequired, CsvInput.Dialect dialect, CustomerIndex customers,
            Rows rows) {
        return scan(path, amountRequired, dialect, customers, rows, ParallelScan.threads(), ParallelScan.CHUNK_BYTES,
                ParallelScan.MIN_BYTES);
    }

    /** As the public scan, on {@code threads} threads in chunks of {@code chunkBytes} for files of {@code minBytes} or more. */
    static Scanned scan(Path path, boolean amountRequired, CsvInput.Dialect dialect, CustomerIndex customers,
            Rows rows, int threads, int chunkBytes, long minBytes) {
        try (CsvInput in = CsvInput.open(path, schema(amountRequired), dialect)) {
            long dataStart = ParallelScan.dataStart(path, in, threads, minBytes);
            if (dataStart > 0) {
                return ParallelScan.scan(path, in, dataStart, customers, rows, threads, chunkBytes);
            }
            return scanRows(in, customers, rows, 0);
        }
    }

    /** Reads the rows of an input one by one, numbering on from {@code before} rows already read. */
    static Scanned scanRows(CsvInput in, CustomerIndex customers, Rows rows, long before) {
        int id = in.column("customer_id");
        int date = in.column("date");
        int value = in.column("amount");
        boolean hasAmount = value >= 0;
        long n = before;
        while (in.next()) {
            int customer = customers.of(in.customerId(id));
            int day = in.epochDay(date);
            double a = 0;
            if (hasAmount) {
                a = amount(in, value);
            }
            rows.purchase(customer, day, a);
            n++;
        }
        return new Scanned(in.file(), hasAmount, n);
    }

    /** The amount cell of the current row: a number of the grammar, 0 or more. */
    static double amount(CsvInput in, int column) {
        double a = in.number(column);
        if (a < 0) {
            throw in.refuse(column, "negative: a purchase amount must be 0 or more");
        }
        return a;
    }
}
