package io.crmkit.cli.format;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A transaction log, {@code customer_id,date,amount}, read with {@link CsvInput} into columns:
 * the customer's index, the day and the amount of every purchase. Aliases: {@code id} or
 * {@code customer} for {@code customer_id}, {@code datetime} or {@code time} for {@code date},
 * {@code monetary_value} or {@code value} for {@code amount}. Other columns are refused. Amounts
 * are numbers of the grammar of {@link Values}, 0 or more.
 */
public final class TransactionLog {

    /** The file's name, as messages give it. */
    public final String file;
    /** The customers, by index. */
    public final CustomerIndex customers;
    /** The customer index of each purchase. */
    public final int[] customer;
    /** The day of each purchase, as {@link java.time.LocalDate#toEpochDay()}. */
    public final int[] day;
    /** The amount of each purchase, or {@code null} when the log has no amount column. */
    public final double[] amount;

    private TransactionLog(String file, CustomerIndex customers, int[] customer, int[] day, double[] amount) {
        this.file = file;
        this.customers = customers;
        this.customer = customer;
        this.day = day;
        this.amount = amount;
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

    /**
     * Reads a log into columns.
     *
     * @param path the file
     * @param amountRequired whether the amount column must be present
     * @return the columns, one position per purchase
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    public static TransactionLog read(Path path, boolean amountRequired) {
        return read(path, amountRequired, CsvInput.Dialect.DEFAULT);
    }

    /**
     * Reads a log of another dialect into columns.
     *
     * @param path the file
     * @param amountRequired whether the amount column must be present
     * @param dialect the delimiter, date format and zone
     * @return the columns, one position per purchase
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    public static TransactionLog read(Path path, boolean amountRequired, CsvInput.Dialect dialect) {
        try (CsvInput in = CsvInput.open(path, schema(amountRequired), dialect)) {
            int id = in.column("customer_id");
            int date = in.column("date");
            int value = in.column("amount");
            CustomerIndex customers = new CustomerIndex();
            int capacity = 1 << 12;
            int[] customer = new int[capacity];
            int[] day = new int[capacity];
            double[] amount = value >= 0 ? new double[capacity] : null;
            int n = 0;
            while (in.next()) {
                if (n == capacity) {
                    capacity = capacity + (capacity >> 1);
                    customer = Arrays.copyOf(customer, capacity);
                    day = Arrays.copyOf(day, capacity);
                    amount = amount == null ? null : Arrays.copyOf(amount, capacity);
                }
                customer[n] = customers.of(in.customerId(id));
                day[n] = in.epochDay(date);
                if (amount != null) {
                    double a = in.number(value);
                    if (a < 0) {
                        throw in.refuse(value, "negative: a purchase amount must be 0 or more");
                    }
                    amount[n] = a;
                }
                n++;
            }
            return new TransactionLog(in.file(), customers, Arrays.copyOf(customer, n), Arrays.copyOf(day, n),
                    amount == null ? null : Arrays.copyOf(amount, n));
        }
    }

    /** @return the number of purchases */
    public int size() {
        return day.length;
    }
}
