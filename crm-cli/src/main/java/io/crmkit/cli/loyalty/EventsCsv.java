package io.crmkit.cli.loyalty;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Program;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads loyalty events from CSV with header {@code event_id,customer_id,at,type,amount,points,category,ref}:
 * <ul>
 *   <li>{@code purchase}: amount (≥ 0), optional category;</li>
 *   <li>{@code refund}: amount (> 0), ref = the refunded purchase's event id;</li>
 *   <li>{@code redeem}: points (> 0);</li>
 *   <li>{@code bonus}: points (> 0), ref = the reason (birthday, referral...);</li>
 *   <li>{@code adjust}: points (signed, not 0), ref = {@code actor: reason}.</li>
 * </ul>
 * {@code at} is an ISO date (the start of that day in the program's zone), a local date-time in the
 * program's zone, or a date-time with an offset. A cell a type does not use must be empty.
 */
public final class EventsCsv {

    /** One event and the line it was read from. */
    public record Row(long line, LoyaltyEvent event) {
    }

    private static final List<String> COLUMNS = List.of("event_id", "customer_id", "at", "type", "amount", "points", "category", "ref");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false).build();

    private EventsCsv() {
    }

    /**
     * Reads every event.
     *
     * @param in the CSV
     * @param name the file's name, for messages
     * @param program the program (its zone dates the events, its currency prices them)
     * @return the events in file order with their line numbers
     * @throws IllegalArgumentException naming the file, the line, the field and the rule
     */
    public static List<Row> read(Reader in, String name, Program program) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            for (String c : COLUMNS) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new IllegalArgumentException(name + " line 1: header lacks column '" + c + "' (has: "
                            + String.join(",", parser.getHeaderNames()) + ")");
                }
            }
            int columns = parser.getHeaderNames().size();
            for (CSVRecord row : parser) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // an empty line; kept by the format so that record numbers stay line numbers
                }
                long line = row.getRecordNumber() + 1;
                String where = name + " line " + line;
                if (row.size() != columns) {
                    throw new IllegalArgumentException(where + ": expected " + columns + " fields, found " + row.size());
                }
                try {
                    rows.add(new Row(line, event(row, program)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    private static LoyaltyEvent event(CSVRecord row, Program program) {
        String id = row.get("event_id");
        CustomerId customer = CustomerId.of(row.get("customer_id"));
        Instant at = instant(row.get("at"), program.zone(), "at");
        String type = row.get("type");
        switch (type) {
            case "purchase": {
                unused(row, type, "points", "ref");
                String category = row.get("category");
                return LoyaltyEvent.purchase(id, Purchase.of(customer, at, amount(row, program)), category.isEmpty() ? null : category);
            }
            case "refund":
                unused(row, type, "points", "category");
                return new LoyaltyEvent.Refunded(id, customer, at, required(row, "ref", type), amount(row, program));
            case "redeem":
                unused(row, type, "amount", "category", "ref");
                return new LoyaltyEvent.Redeemed(id, customer, at, points(row));
            case "bonus":
                unused(row, type, "amount", "category");
                return new LoyaltyEvent.Awarded(id, customer, at, points(row), required(row, "ref", type));
            case "adjust": {
                unused(row, type, "amount", "category");
                String ref = required(row, "ref", type);
                int colon = ref.indexOf(':');
                if (colon <= 0 || ref.substring(colon + 1).isBlank()) {
                    throw new IllegalArgumentException("ref '" + ref + "' of an adjust must be 'actor: reason'");
                }
                return new LoyaltyEvent.Adjusted(id, customer, at, points(row), ref.substring(0, colon).strip(),
                        ref.substring(colon + 1).strip());
            }
            default:
                throw new IllegalArgumentException("type '" + type + "' must be one of purchase, refund, redeem, bonus, adjust");
        }
    }

    /**
     * Parses an instant: an ISO date (the start of the day in the zone), a local date-time in the
     * zone, or a date-time with an offset.
     *
     * @param text the text
     * @param zone the program's zone
     * @param field the field's name, for messages
     * @return the instant
     * @throws IllegalArgumentException if the text is none of these
     */
    public static Instant instant(String text, ZoneId zone, String field) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text
                    + "' is not an ISO date or date-time (2026-03-15, 2026-03-15T10:30 or 2026-03-15T10:30+08:00)", e);
        }
    }

    private static Money amount(CSVRecord row, Program program) {
        String text = required(row, "amount", row.get("type"));
        try {
            return Money.of(new BigDecimal(text), program.currency());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + text + "' is not a number", e);
        }
    }

    private static long points(CSVRecord row) {
        String text = required(row, "points", row.get("type"));
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("points '" + text + "' is not a whole number", e);
        }
    }

    private static String required(CSVRecord row, String column, String type) {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty: a " + type + " needs it");
        }
        return v;
    }

    private static void unused(CSVRecord row, String type, String... columns) {
        for (String c : columns) {
            if (!row.get(c).isEmpty()) {
                throw new IllegalArgumentException(c + " '" + row.get(c) + "' is not used by a " + type + ": leave it empty");
            }
        }
    }
}
