package io.crmkit.cli.campaign;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.CampaignResponse;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.ConsentEvent;
import io.crmkit.marketing.CustomerProfile;
import io.crmkit.marketing.MarketingContact;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files of {@code crm campaign} with Commons CSV. Every problem is reported as
 * {@code <file>:<line>: <field> '<value>': <rule>}; blank lines are skipped without shifting the
 * line numbers.
 */
public final class CampaignFiles {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(false).build();

    private CampaignFiles() {
    }

    /** What a customers file holds: the profiles, the consent events and the customers in an open complaint. */
    public record Customers(List<CustomerProfile> profiles, List<ConsentEvent> consents, Set<CustomerId> openComplaints) {
    }

    /**
     * Parses an instant: ISO-8601 with an offset ({@code 2026-12-01T09:30:00Z}) or a date, read as
     * the start of that day in UTC.
     *
     * @param text the text
     * @return the instant
     * @throws IllegalArgumentException if it is neither
     */
    public static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant such as 2026-12-01T09:30:00Z or a date such as 2026-12-01", e);
        }
    }

    /**
     * Reads {@code customer_id} plus any of {@code rfm_segment, tier, lifecycle_stage, clv, p_alive,
     * open_complaint, consent_<channel>, withdrawn_<channel>}; every other column is a numeric metric.
     * An empty cell is a missing value.
     *
     * @param in the CSV
     * @param name the file's name, for messages
     * @return the customers
     */
    public static Customers readCustomers(Reader in, String name) {
        List<CustomerProfile> profiles = new ArrayList<>();
        List<ConsentEvent> consents = new ArrayList<>();
        Set<CustomerId> complaints = new LinkedHashSet<>();
        Set<CustomerId> seen = new java.util.HashSet<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> header = header(parser, name, "customer_id");
            for (String column : header) {
                if (column.startsWith("consent_") || column.startsWith("withdrawn_")) {
                    channel(column, name + ":1");
                }
            }
            for (CSVRecord row : parser) {
                if (blank(row)) {
                    continue;
                }
                String where = where(name, row, header.size());
                CustomerId id = customer(row.get("customer_id"), where);
                if (!seen.add(id)) {
                    throw new IllegalArgumentException(where + ": customer_id '" + id + "': appears twice");
                }
                CustomerProfile.Builder p = CustomerProfile.builder(id);
                for (String column : header) {
                    String cell = row.get(column);
                    if (cell.isEmpty() || column.equals("customer_id")) {
                        continue;
                    }
                    try {
                        switch (column) {
                            case "rfm_segment" -> p.rfmSegment(cell);
                            case "tier" -> p.tier(cell);
                            case "lifecycle_stage" -> p.lifecycleStage(cell);
                            case "clv" -> p.clv(number(column, cell, where));
                            case "p_alive" -> p.pAlive(number(column, cell, where));
                            case "open_complaint" -> {
                                if (bool(column, cell, where)) {
                                    complaints.add(id);
                                }
                            }
                            default -> {
                                if (column.startsWith("consent_")) {
                                    consents.add(ConsentEvent.granted(id, channel(column, where), instant(column, cell, where)));
                                } else if (column.startsWith("withdrawn_")) {
                                    consents.add(ConsentEvent.withdrawn(id, channel(column, where), instant(column, cell, where)));
                                } else {
                                    p.metric(column, number(column, cell, where));
                                }
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        throw e.getMessage().startsWith(where) ? e
                                : new IllegalArgumentException(where + ": " + column + " '" + cell + "': " + e.getMessage(), e);
                    }
                }
                profiles.add(p.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return new Customers(profiles, consents, complaints);
    }

    /**
     * Reads {@code customer_id,campaign,channel,at}: marketing contacts already made.
     *
     * @param in the CSV
     * @param name the file's name
     * @return the contacts
     */
    public static List<MarketingContact> readContacts(Reader in, String name) {
        List<MarketingContact> out = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> header = header(parser, name, "customer_id", "campaign", "channel", "at");
            for (CSVRecord row : parser) {
                if (blank(row)) {
                    continue;
                }
                String where = where(name, row, header.size());
                Channel channel;
                try {
                    channel = Channel.parse(row.get("channel"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
                String campaign = row.get("campaign");
                if (campaign.isEmpty()) {
                    throw new IllegalArgumentException(where + ": campaign '': a contact names its campaign");
                }
                out.add(MarketingContact.of(customer(row.get("customer_id"), where), campaign, channel,
                        instant("at", row.get("at"), where)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * Reads {@code customer_id,group,reason} as written by {@code crm campaign select}.
     *
     * @param in the CSV
     * @param name the file's name
     * @return the assignments
     */
    public static List<Assignment> readAudience(Reader in, String name) {
        List<Assignment> out = new ArrayList<>();
        Set<CustomerId> seen = new java.util.HashSet<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> header = header(parser, name, "customer_id", "group");
            for (CSVRecord row : parser) {
                if (blank(row)) {
                    continue;
                }
                String where = where(name, row, header.size());
                CustomerId id = customer(row.get("customer_id"), where);
                if (!seen.add(id)) {
                    throw new IllegalArgumentException(where + ": customer_id '" + id + "': appears twice");
                }
                String g = row.get("group");
                String reason = header.contains("reason") && !row.get("reason").isEmpty() ? row.get("reason") : g;
                Assignment.Cause cause = switch (g.toLowerCase(Locale.ROOT)) {
                    case "treatment" -> Assignment.Cause.ADMITTED;
                    case "control" -> Assignment.Cause.HELD_OUT;
                    case "excluded" -> Assignment.Cause.NOT_IN_AUDIENCE;
                    default -> throw new IllegalArgumentException(where + ": group '" + g + "': must be treatment, control or excluded");
                };
                out.add(Assignment.of(id, cause, reason));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /**
     * Reads {@code customer_id,at,responded,revenue}; an empty revenue is zero.
     *
     * @param in the CSV
     * @param name the file's name
     * @param currency the plan's currency
     * @return the responses
     */
    public static List<CampaignResponse> readResponses(Reader in, String name, Currency currency) {
        List<CampaignResponse> out = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            List<String> header = header(parser, name, "customer_id", "at", "responded", "revenue");
            for (CSVRecord row : parser) {
                if (blank(row)) {
                    continue;
                }
                String where = where(name, row, header.size());
                String cell = row.get("revenue");
                BigDecimal revenue;
                try {
                    revenue = cell.isEmpty() ? BigDecimal.ZERO : new BigDecimal(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": revenue '" + cell + "': not a decimal amount", e);
                }
                if (revenue.signum() < 0) {
                    throw new IllegalArgumentException(where + ": revenue '" + cell + "': must be 0 or more");
                }
                out.add(CampaignResponse.of(customer(row.get("customer_id"), where), instant("at", row.get("at"), where),
                        bool("responded", row.get("responded"), where), Money.of(revenue, currency)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": malformed CSV (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static List<String> header(CSVParser parser, String name, String... required) {
        List<String> header = parser.getHeaderNames();
        for (String c : required) {
            if (!header.contains(c)) {
                throw new IllegalArgumentException(name + ":1: header lacks column '" + c + "' (has: " + String.join(",", header) + ")");
            }
        }
        return header;
    }

    private static boolean blank(CSVRecord row) {
        return row.size() == 1 && row.get(0).isEmpty();
    }

    private static String where(String name, CSVRecord row, int columns) {
        String where = name + ":" + (row.getRecordNumber() + 1);
        if (row.size() != columns) {
            throw new IllegalArgumentException(where + ": expected " + columns + " fields, found " + row.size());
        }
        return where;
    }

    private static CustomerId customer(String id, String where) {
        try {
            return CustomerId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Channel channel(String column, String where) {
        String suffix = column.substring(column.indexOf('_') + 1);
        try {
            return Channel.parse(suffix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": column '" + column + "': " + e.getMessage(), e);
        }
    }

    private static Instant instant(String column, String text, String where) {
        try {
            return instant(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + column + " " + e.getMessage(), e);
        }
    }

    private static double number(String column, String text, String where) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " '" + text + "': not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": " + column + " '" + text + "': not a finite number");
        }
        return v;
    }

    private static boolean bool(String column, String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(where + ": " + column + " '" + text + "': must be true or false");
        };
    }
}
