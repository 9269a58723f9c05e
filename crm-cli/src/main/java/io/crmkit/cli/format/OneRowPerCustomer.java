package io.crmkit.cli.format;

import java.util.Arrays;

/**
 * The customers of a file that lists each customer once (values, P(alive), tier metrics): the ids
 * of the rows interned into dense indices ({@link CustomerIndex}) with the line each customer was
 * listed on, and a customer listed again refused on that row, naming the line of the first. Not
 * thread-safe: one reader fills it.
 */
public final class OneRowPerCustomer {

    private final CustomerIndex customers = new CustomerIndex();
    /** The line each customer was listed on, by index. */
    private long[] lines = new long[16];

    /**
     * The customer of the current row, given the next index.
     *
     * @param customer the row's customer id, as {@link CsvInput#customerId} read it
     * @param in the input, on that row
     * @param column the customer id's column, for the refusal
     * @return the customer's index, the number of customers read before it
     * @throws InputException if the customer was listed on an earlier line
     */
    public int of(String customer, CsvInput in, int column) {
        int before = customers.size();
        int c = customers.of(customer);
        if (c < before) {
            throw in.refuse(column, "listed again (first on line " + lines[c] + "): one row per customer");
        }
        if (c == lines.length) {
            lines = Arrays.copyOf(lines, c + (c >> 1));
        }
        lines[c] = in.line();
        return c;
    }

    /** @return the customers read, indexed in file order */
    public CustomerIndex customers() {
        return customers;
    }
}
