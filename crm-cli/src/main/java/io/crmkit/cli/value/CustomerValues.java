package io.crmkit.cli.value;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.OneRowPerCustomer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A CSV of one value per customer, {@code customer_id,value[,previous_value]}, read with
 * {@link CsvInput}: {@code value} may also be named {@code revenue}, {@code profit} or
 * {@code monetary}; {@code previous_value} (or {@code previous}) is the value of an earlier period.
 * A customer listed twice is refused, so that a transaction log is not mistaken for totals.
 */
final class CustomerValues {

    /** The file's name, as messages give it. */
    final String file;
    /** The customers, in file order. */
    final String[] ids;
    /** Each customer's value. */
    final double[] values;
    /** Each customer's previous value, or {@code null} without that column. */
    final double[] previous;

    private CustomerValues(String file, String[] ids, double[] values, double[] previous) {
        this.file = file;
        this.ids = ids;
        this.values = values;
        this.previous = previous;
    }

    /**
     * Reads the file.
     *
     * @param path the file
     * @param negative whether values (and previous values) below 0 are allowed (profits), or refused (revenue)
     * @param previousColumn whether the {@code previous_value} column is read (else it is ignored)
     * @return the values
     * @throws InputException naming file, line, field, value and rule of the first bad row
     */
    static CustomerValues read(Path path, boolean negative, boolean previousColumn) {
        CsvInput.Schema schema = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("customer_id", "id", "customer")
                .required("value", "revenue", "profit", "monetary");
        schema = schema.optional("previous_value", "previous");
        try (CsvInput in = CsvInput.open(path, schema)) {
            int id = in.column("customer_id");
            int value = in.column("value");
            int prev = previousColumn ? in.column("previous_value") : -1; // ignored otherwise
            OneRowPerCustomer rows = new OneRowPerCustomer();
            double[] values = new double[16];
            double[] previous = prev >= 0 ? new double[16] : null;
            while (in.next()) {
                int c = rows.of(in.customerId(id), in, id);
                if (c == values.length) {
                    int grown = c + (c >> 1);
                    values = Arrays.copyOf(values, grown);
                    previous = previous == null ? null : Arrays.copyOf(previous, grown);
                }
                values[c] = in.number(value);
                if (!negative && values[c] < 0) {
                    throw in.refuse(value, "negative: a value here must be 0 or more");
                }
                if (previous != null) {
                    previous[c] = in.number(prev);
                    if (!negative && previous[c] < 0) {
                        throw in.refuse(prev, "negative: a value here must be 0 or more");
                    }
                }
            }
            CustomerIndex index = rows.customers();
            int n = index.size();
            if (n == 0) {
                throw new InputException(in.file() + ":1: has no data rows");
            }
            String[] ids = new String[n];
            for (int c = 0; c < n; c++) {
                ids[c] = index.id(c);
            }
            return new CustomerValues(in.file(), ids, Arrays.copyOf(values, n),
                    previous == null ? null : Arrays.copyOf(previous, n));
        }
    }

    /** @return the number of customers */
    int size() {
        return ids.length;
    }

    /** @return the positions ranked by value, highest first, ties by customer id */
    int[] rankOrder() {
        return IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparing(i -> ids[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
