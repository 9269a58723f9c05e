package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.crmkit.core.purchase.PurchaseLog;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A transaction log brought to one form: {@code id} (text), {@code day} (the purchase's calendar
 * day as {@link LocalDate#toEpochDay()}, by the rules of {@link PurchaseLog}), {@code amount} (a
 * {@code double}, as {@code crm clv summarize} reads it) and {@code text} (the amount's exact
 * decimal text, for exact sums), grouped by customer and sorted by customer, day and amount
 * within each partition, so that every customer's purchases arrive together and in one order
 * whatever the input's partitioning.
 */
final class Transactions {

    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("day", DataTypes.IntegerType, false)
            .add("amount", DataTypes.DoubleType, false)
            .add("text", DataTypes.StringType, true);

    private static final long FIRST_DAY = PurchaseLog.EARLIEST_DATE.toEpochDay();
    private static final long LAST_DAY = PurchaseLog.LATEST_DATE.toEpochDay();

    /** How the date column becomes a day. */
    private enum DateKind {
        TEXT, EPOCH_DAY, MICROS
    }

    private Transactions() {
    }

    /**
     * Reads a transaction log into the normal form, grouped and sorted by customer.
     *
     * @param transactions the log
     * @param columns its column names
     * @param zone the zone of calendar days for {@code timestamp} columns
     * @param amountRequired whether a missing amount column is an error (otherwise amounts are 0)
     * @return rows of {@link #SCHEMA}
     */
    static Dataset<Row> normalize(Dataset<Row> transactions, TransactionColumns columns, ZoneId zone,
            boolean amountRequired) {
        StructType schema = transactions.schema();
        List<String> names = List.of(schema.fieldNames());
        requireColumn(names, columns.customer(), "customer");
        requireColumn(names, columns.date(), "date");
        boolean hasAmount = names.contains(columns.amount());
        if (amountRequired) {
            requireColumn(names, columns.amount(), "amount");
        }
        DataType type = schema.apply(columns.date()).dataType();
        String quoted = "`" + columns.date().replace("`", "``") + "`";
        DateKind kind;
        Column date;
        if (type.equals(DataTypes.StringType)) {
            kind = DateKind.TEXT;
            date = col(columns.date());
        } else if (type.equals(DataTypes.DateType)) {
            kind = DateKind.EPOCH_DAY;
            date = expr("unix_date(" + quoted + ")");
        } else if (type.equals(DataTypes.TimestampNTZType)) {
            kind = DateKind.EPOCH_DAY;
            date = expr("unix_date(cast(" + quoted + " as date))");
        } else if (type.equals(DataTypes.TimestampType)) {
            kind = DateKind.MICROS;
            date = expr("unix_micros(" + quoted + ")");
        } else {
            throw new IllegalArgumentException("date column '" + columns.date() + "' has type " + type.simpleString()
                    + ": it must be a string (yyyy-MM-dd), date, timestamp or timestamp_ntz");
        }
        Column amount = hasAmount ? col(columns.amount()).cast("string") : org.apache.spark.sql.functions.lit(null)
                .cast("string");
        Dataset<Row> projected = transactions.select(col(columns.customer()).cast("string"), date, amount);
        TransactionColumns names2 = columns;
        boolean known = hasAmount;
        MapPartitionsFunction<Row, Row> read = rows -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return read(rows.next(), kind, zone, names2, known);
            }
        };
        return projected.mapPartitions(read, Encoders.row(SCHEMA))
                .repartition(col("id"))
                .sortWithinPartitions("id", "day", "amount");
    }

    private static void requireColumn(List<String> names, String column, String what) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException("transactions lack the " + what + " column '" + column + "' (has: "
                    + String.join(",", names) + ")");
        }
    }

    private static Row read(Row row, DateKind kind, ZoneId zone, TransactionColumns columns, boolean hasAmount) {
        if (row.isNullAt(0)) {
            throw new IllegalArgumentException("customer column '" + columns.customer() + "' is null in a row: every "
                    + "purchase needs its customer");
        }
        String id = row.getString(0);
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer column '" + columns.customer() + "' is blank in a row: every "
                    + "purchase needs its customer");
        }
        if (row.isNullAt(1)) {
            throw new IllegalArgumentException("date column '" + columns.date() + "' is null in a row: every purchase "
                    + "needs its date");
        }
        long day = switch (kind) {
            case TEXT -> day(row.getString(1), columns.date());
            case EPOCH_DAY -> row.getInt(1);
            case MICROS -> PurchaseLog.epochDay(Math.floorDiv(row.getLong(1), 1_000_000L), zone);
        };
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException("date column '" + columns.date() + "' value " + LocalDate.ofEpochDay(day)
                    + " is out of range: dates lie from " + PurchaseLog.EARLIEST_DATE + " to " + PurchaseLog.LATEST_DATE);
        }
        String text = null;
        double amount = 0;
        if (hasAmount) {
            if (row.isNullAt(2)) {
                throw new IllegalArgumentException("amount column '" + columns.amount() + "' is null in a row: every "
                        + "purchase needs its amount");
            }
            text = row.getString(2);
            amount = amount(text, columns.amount());
        }
        return RowFactory.create(id, (int) day, amount, text);
    }

    /**
     * The calendar day of {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and a
     * time of day (checked, then ignored), as the command line reads it.
     */
    static long day(String text, String column) {
        boolean timed = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 'T');
        try {
            if (timed) {
                java.time.LocalTime.parse(text.substring(11));
            }
            return LocalDate.parse(timed ? text.substring(0, 10) : text).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date column '" + column + "' value '" + text
                    + "' is not a date (yyyy-MM-dd, optionally with a time of day after T or a space)", e);
        }
    }

    /** The amount as a double, the command line's reading; finite and 0 or more. */
    static double amount(String text, String column) {
        double amount;
        try {
            amount = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount column '" + column + "' value '" + text + "' is not a number", e);
        }
        if (!Double.isFinite(amount) || amount < 0) {
            throw new IllegalArgumentException("amount column '" + column + "' value '" + text
                    + "' is invalid: it must be a finite number >= 0");
        }
        return amount + 0.0; // -0 reads as 0
    }

    /** What is done with the purchases of a run of consecutive customers. */
    @FunctionalInterface
    interface BatchFunction extends Serializable {
        /**
         * @param batch the purchases of whole customers, in order
         * @return the output rows
         */
        List<Row> apply(Batch batch);
    }

    /** The purchases of consecutive customers in columns: customer index (into {@link #ids}), day, amount, text. */
    static final class Batch {
        final List<String> ids = new ArrayList<>();
        int size;
        int[] customer = new int[1024];
        int[] day = new int[1024];
        double[] amount = new double[1024];
        String[] text = new String[1024];

        void add(Row row) {
            String id = row.getString(0);
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                ids.add(id);
            }
            if (size == customer.length) {
                int capacity = size * 2;
                customer = java.util.Arrays.copyOf(customer, capacity);
                day = java.util.Arrays.copyOf(day, capacity);
                amount = java.util.Arrays.copyOf(amount, capacity);
                text = java.util.Arrays.copyOf(text, capacity);
            }
            customer[size] = ids.size() - 1;
            day[size] = row.getInt(1);
            amount[size] = row.getDouble(2);
            text[size] = row.isNullAt(3) ? null : row.getString(3);
            size++;
        }

        int[] customers() {
            return java.util.Arrays.copyOf(customer, size);
        }

        int[] days() {
            return java.util.Arrays.copyOf(day, size);
        }

        double[] amounts() {
            return java.util.Arrays.copyOf(amount, size);
        }
    }

    /**
     * Runs a function over runs of whole customers of a normalized, sorted partition, about
     * {@code batchRows} purchases at a time, lazily: the partition is never held in memory.
     */
    static Iterator<Row> perCustomer(Iterator<Row> rows, int batchRows, BatchFunction function) {
        return new Iterator<>() {
            private Iterator<Row> out = java.util.Collections.emptyIterator();
            private Row pending;

            @Override
            public boolean hasNext() {
                while (!out.hasNext() && (pending != null || rows.hasNext())) {
                    Batch batch = new Batch();
                    if (pending != null) {
                        batch.add(pending);
                        pending = null;
                    }
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        if (batch.size >= batchRows && !batch.ids.get(batch.ids.size() - 1).equals(row.getString(0))) {
                            pending = row;
                            break;
                        }
                        batch.add(row);
                    }
                    out = function.apply(batch).iterator();
                }
                return out.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.next();
            }
        };
    }
}
