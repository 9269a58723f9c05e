package io.crmkit.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The column names of a transaction log: customer, date (or time) and amount, by default those of
 * the {@code crm} command line, {@code customer_id,date,amount}.
 *
 * @param customer the customer identifier column, any type (read as text)
 * @param date the purchase date column: text {@code yyyy-MM-dd} (optionally followed by a time,
 *     which is ignored, as {@code crm clv summarize} does), a Spark {@code date}, a
 *     {@code timestamp} (its calendar date in the analysis zone) or a {@code timestamp_ntz} (its
 *     date as written)
 * @param amount the amount column, text or any numeric type, read exactly; 0 or more
 */
public record TransactionColumns(String customer, String date, String amount) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the names.
     *
     * @param customer the customer column
     * @param date the date column
     * @param amount the amount column
     * @throws IllegalArgumentException if a name is blank
     */
    public TransactionColumns {
        for (String[] c : new String[][] {{"customer", customer}, {"date", date}, {"amount", amount}}) {
            requireNonNull(c[1], c[0]);
            if (c[1].isBlank()) {
                throw new IllegalArgumentException(c[0] + " column name is blank: name the column holding the " + c[0]);
            }
        }
    }

    /** @return {@code customer_id, date, amount}, the command line's names */
    public static TransactionColumns defaults() {
        return new TransactionColumns("customer_id", "date", "amount");
    }
}
