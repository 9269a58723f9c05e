package io.crmkit.cli.format;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A whole transaction log in columns — one position per purchase — read with
 * {@link TransactionLog#scan}: what the streaming readers are checked against, never what a
 * command holds.
 */
final class LogColumns implements TransactionLog.Rows {

    final CustomerIndex customers = new CustomerIndex();
    int[] customer = new int[16];
    int[] day = new int[16];
    double[] amount = new double[16];
    int size;

    private LogColumns() {
    }

    /** Reads a log of the default dialect; {@code amount} is null when the log has no amounts. */
    static LogColumns read(Path file) {
        LogColumns columns = new LogColumns();
        TransactionLog.Scanned scanned = TransactionLog.scan(file, false, CsvInput.Dialect.DEFAULT, columns.customers,
                columns);
        columns.customer = Arrays.copyOf(columns.customer, columns.size);
        columns.day = Arrays.copyOf(columns.day, columns.size);
        columns.amount = scanned.hasAmount() ? Arrays.copyOf(columns.amount, columns.size) : null;
        return columns;
    }

    @Override
    public void purchase(int c, int d, double a) {
        if (size == day.length) {
            customer = Arrays.copyOf(customer, size * 2);
            day = Arrays.copyOf(day, size * 2);
            amount = Arrays.copyOf(amount, size * 2);
        }
        customer[size] = c;
        day[size] = d;
        amount[size] = a;
        size++;
    }
}
