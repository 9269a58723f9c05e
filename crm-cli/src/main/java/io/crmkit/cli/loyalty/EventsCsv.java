package io.crmkit.cli.loyalty;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Program;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads loyalty events from CSV with header {@code event_id,customer_id,at,type,amount,points,category,ref}
 * through the one strict reader of the command line ({@link CsvInput}):
 * <ul>
 *   <li>{@code purchase}: amount (≥ 0), optional category;</li>
 *   <li>{@code refund}: amount (> 0), ref = the refunded purchase's event id;</li>
 *   <li>{@code redeem}: points (> 0);</li>
 *   <li>{@code bonus}: points (> 0), ref = the reason (birthday, referral...);</li>
 *   <li>{@code adjust}: points (signed, not 0), ref = {@code actor: reason}.</li>
 * </ul>
 * {@code at} is a date of the common grammar ({@link Values#instant}): an ISO date (the start of
 * that day in the program's zone), a local date-time in the program's zone, or a date-time with an
 * offset. Amounts follow the common number grammar, points are whole numbers. A cell a type does
 * not use must be empty.
 */
public final class EventsCsv {

    /** One event and the line it was read from. */
    public record Row(long line, LoyaltyEvent event) {
    }

    private static final CsvInput.Schema SCHEMA = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("event_id")
            .required("customer_id").required("at").required("type").required("amount").required("points")
            .required("category").required("ref");

    private EventsCsv() {
    }

    /**
     * Reads every event of a file.
     *
     * @param path the CSV file (UTF-8, a byte-order mark allowed)
     * @param program the program (its zone dates the events, its currency prices them)
     * @return the events in file order with their line numbers
     * @throws InputException one line, {@code file:line: field 'value': rule}
     */
    public static List<Row> read(Path path, Program program) {
        try (CsvInput in = CsvInput.open(path, SCHEMA)) {
            return read(in, program);
        }
    }

    /**
     * Reads every event of CSV text (a bundled resource).
     *
     * @param text the CSV
     * @param name the name messages give it
     * @param program the program (its zone dates the events, its currency prices them)
     * @return the events in file order with their line numbers
     * @throws InputException one line, {@code file:line: field 'value': rule}
     */
    public static List<Row> read(Reader text, String name, Program program) {
        try (CsvInput in = CsvInput.read(text, name, SCHEMA)) {
            return read(in, program);
        }
    }

    private static List<Row> read(CsvInput in, Program program) {
        Cells c = new Cells(in);
        List<Row> rows = new ArrayList<>();
        while (in.next()) {
            LoyaltyEvent event = event(in, c, program);
            rows.add(new Row(in.line(), event));
        }
        return rows;
    }

    /** The header positions of the columns. */
    private record Cells(int id, int customer, int at, int type, int amount, int points, int category, int ref) {
        Cells(CsvInput in) {
            this(in.column("event_id"), in.column("customer_id"), in.column("at"), in.column("type"), in.column("amount"),
                    in.column("points"), in.column("category"), in.column("ref"));
        }
    }

    private static LoyaltyEvent event(CsvInput in, Cells c, Program program) {
        String id = in.text(c.id());
        if (id.isEmpty()) {
            throw in.refuse(c.id(), "is empty: every event needs an id");
        }
        CustomerId customer = CustomerId.of(in.customerId(c.customer()));
        Instant at = in.instant(c.at(), program.zone());
        String type = in.text(c.type());
        try {
            switch (type) {
                case "purchase": {
                    unused(in, type, c.points(), c.ref());
                    String category = in.text(c.category());
                    return LoyaltyEvent.purchase(id, Purchase.of(customer, at, amount(in, c, type, program)),
                            category.isEmpty() ? null : category);
                }
                case "refund":
                    unused(in, type, c.points(), c.category());
                    return new LoyaltyEvent.Refunded(id, customer, at, required(in, c.ref(), type), amount(in, c, type, program));
                case "redeem":
                    unused(in, type, c.amount(), c.category(), c.ref());
                    return new LoyaltyEvent.Redeemed(id, customer, at, points(in, c, type));
                case "bonus":
                    unused(in, type, c.amount(), c.category());
                    return new LoyaltyEvent.Awarded(id, customer, at, points(in, c, type), required(in, c.ref(), type));
                case "adjust": {
                    unused(in, type, c.amount(), c.category());
                    String ref = required(in, c.ref(), type);
                    int colon = ref.indexOf(':');
                    if (colon <= 0 || ref.substring(colon + 1).isBlank()) {
                        throw in.refuse(c.ref(), "an adjust's ref must be 'actor: reason'");
                    }
                    return new LoyaltyEvent.Adjusted(id, customer, at, points(in, c, type), ref.substring(0, colon).strip(),
                            ref.substring(colon + 1).strip());
                }
                default:
                    throw in.refuse(c.type(), "must be one of purchase, refund, redeem, bonus, adjust");
            }
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw in.refuse(e.getMessage());
        }
    }

    /**
     * Parses an instant of the common date grammar ({@link Values#instant}).
     *
     * @param text the text
     * @param zone the program's zone
     * @param field the field's name, for messages
     * @return the instant
     * @throws IllegalArgumentException {@code field 'value': rule} if the text is not such a date
     */
    public static Instant instant(String text, ZoneId zone, String field) {
        try {
            return Values.instant(text, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + Values.quote(text) + ": " + e.getMessage(), e);
        }
    }

    private static Money amount(CsvInput in, Cells c, String type, Program program) {
        required(in, c.amount(), type);
        return in.money(c.amount(), program.currency());
    }

    private static long points(CsvInput in, Cells c, String type) {
        required(in, c.points(), type);
        return in.wholeNumber(c.points());
    }

    private static String required(CsvInput in, int column, String type) {
        String v = in.text(column);
        if (v.isEmpty()) {
            throw in.refuse(column, "is empty: a " + type + " needs it");
        }
        return v;
    }

    private static void unused(CsvInput in, String type, int... columns) {
        for (int column : columns) {
            if (!in.text(column).isEmpty()) {
                throw in.refuse(column, "is not used by a " + type + ": leave it empty");
            }
        }
    }
}
