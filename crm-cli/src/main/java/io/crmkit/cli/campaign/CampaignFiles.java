package io.crmkit.cli.campaign;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.CampaignResponse;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.ConsentEvent;
import io.crmkit.marketing.CustomerProfile;
import io.crmkit.marketing.MarketingContact;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the CSV files of {@code crm campaign} through the one strict reader of the command line
 * ({@link CsvInput}): UTF-8 with or without a byte-order mark, duplicate, unknown and misspelt
 * columns refused, numbers and dates in the common grammar of {@link Values} (a date without an
 * offset is read in UTC). Every problem is one line {@code <file>:<line>: <field> '<value>': <rule>};
 * blank lines are skipped without shifting the line numbers.
 */
public final class CampaignFiles {

    private static final CsvInput.Schema CUSTOMERS = CsvInput.Schema.of(CsvInput.Others.DATA).required("customer_id")
            .optional("rfm_segment").optional("tier").optional("lifecycle_stage").optional("clv").optional("p_alive")
            .optional("open_complaint");
    private static final CsvInput.Schema CONTACTS = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("customer_id")
            .required("campaign").required("channel").required("at").mayBeEmpty();
    private static final CsvInput.Schema AUDIENCE = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("customer_id")
            .required("group").optional("reason");
    private static final CsvInput.Schema RESPONSES = CsvInput.Schema.of(CsvInput.Others.REFUSE).required("customer_id")
            .required("at").required("responded").required("revenue").mayBeEmpty();

    private CampaignFiles() {
    }

    /** What a customers file holds: the profiles, the consent events and the customers in an open complaint. */
    public record Customers(List<CustomerProfile> profiles, List<ConsentEvent> consents, Set<CustomerId> openComplaints) {
    }

    /**
     * Parses an instant of the common date grammar ({@link Values#instant}): a date is the start of
     * that day in UTC, a date-time without an offset is read in UTC.
     *
     * @param text the text
     * @return the instant
     * @throws IllegalArgumentException {@code 'value': rule} if it is not such a date
     */
    public static Instant instant(String text) {
        try {
            return Values.instant(text, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Values.quote(text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a customers file: {@code customer_id} plus any of {@code rfm_segment, tier,
     * lifecycle_stage, clv, p_alive, open_complaint, consent_<channel>, withdrawn_<channel>}; every
     * other column is a numeric metric. An empty cell is a missing value.
     *
     * @param path the file
     * @return the customers
     * @throws InputException one line naming the file, line, field and rule
     */
    public static Customers readCustomers(Path path) {
        try (CsvInput in = CsvInput.open(path, CUSTOMERS)) {
            return readCustomers(in);
        }
    }

    /**
     * Reads customers from CSV text (a bundled resource), as {@link #readCustomers(Path)}.
     *
     * @param text the CSV
     * @param name the name messages give it
     * @return the customers
     */
    public static Customers readCustomers(Reader text, String name) {
        try (CsvInput in = CsvInput.read(text, name, CUSTOMERS)) {
            return readCustomers(in);
        }
    }

    private static Customers readCustomers(CsvInput in) {
        List<CustomerProfile> profiles = new ArrayList<>();
        List<ConsentEvent> consents = new ArrayList<>();
        Set<CustomerId> complaints = new LinkedHashSet<>();
        Set<CustomerId> seen = new HashSet<>();
        List<String> header = in.header();
        for (String column : header) {
            if (column.startsWith("consent_") || column.startsWith("withdrawn_")) {
                channel(column, in.file());
            }
        }
        int idColumn = in.column("customer_id");
        while (in.next()) {
            CustomerId id = CustomerId.of(in.customerId(idColumn));
            if (!seen.add(id)) {
                throw in.refuse(idColumn, "appears twice");
            }
            CustomerProfile.Builder p = CustomerProfile.builder(id);
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c).toLowerCase(Locale.ROOT);
                String cell = in.text(c);
                if (cell.isEmpty() || c == idColumn) {
                    continue;
                }
                try {
                    switch (column) {
                        case "rfm_segment" -> p.rfmSegment(cell);
                        case "tier" -> p.tier(cell);
                        case "lifecycle_stage" -> p.lifecycleStage(cell);
                        case "clv" -> p.clv(in.number(c));
                        case "p_alive" -> p.pAlive(in.number(c));
                        case "open_complaint" -> {
                            if (bool(in, c)) {
                                complaints.add(id);
                            }
                        }
                        default -> {
                            if (column.startsWith("consent_")) {
                                consents.add(ConsentEvent.granted(id, channel(column, in.file()), in.instant(c, ZoneOffset.UTC)));
                            } else if (column.startsWith("withdrawn_")) {
                                consents.add(ConsentEvent.withdrawn(id, channel(column, in.file()), in.instant(c, ZoneOffset.UTC)));
                            } else {
                                p.metric(header.get(c), in.number(c));
                            }
                        }
                    }
                } catch (InputException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw in.refuse(c, e.getMessage());
                }
            }
            profiles.add(p.build());
        }
        return new Customers(profiles, consents, complaints);
    }

    /**
     * Reads a contacts file, {@code customer_id,campaign,channel,at}: marketing contacts already made.
     *
     * @param path the file
     * @return the contacts
     * @throws InputException one line naming the file, line, field and rule
     */
    public static List<MarketingContact> readContacts(Path path) {
        try (CsvInput in = CsvInput.open(path, CONTACTS)) {
            return readContacts(in);
        }
    }

    /**
     * Reads contacts from CSV text (a bundled resource), as {@link #readContacts(Path)}.
     *
     * @param text the CSV
     * @param name the name messages give it
     * @return the contacts
     */
    public static List<MarketingContact> readContacts(Reader text, String name) {
        try (CsvInput in = CsvInput.read(text, name, CONTACTS)) {
            return readContacts(in);
        }
    }

    private static List<MarketingContact> readContacts(CsvInput in) {
        List<MarketingContact> out = new ArrayList<>();
        int customer = in.column("customer_id");
        int campaign = in.column("campaign");
        int channelColumn = in.column("channel");
        int at = in.column("at");
        java.util.Map<MarketingContact, Long> lines = new java.util.HashMap<>();
        while (in.next()) {
            CustomerId id = CustomerId.of(in.customerId(customer));
            Channel channel;
            try {
                channel = Channel.parse(in.text(channelColumn));
            } catch (IllegalArgumentException e) {
                throw in.refuse(channelColumn, e.getMessage());
            }
            if (in.text(campaign).isEmpty()) {
                throw in.refuse(campaign, "a contact names its campaign");
            }
            MarketingContact contact = MarketingContact.of(id, in.text(campaign), channel, in.instant(at, ZoneOffset.UTC));
            Long first = lines.putIfAbsent(contact, in.line());
            if (first != null) {
                // counted twice, it would use up a frequency cap the customer never reached
                throw in.refuse(customer, "the same contact (campaign, channel and instant) is listed again (first on line "
                        + first + "): one row per contact");
            }
            out.add(contact);
        }
        return out;
    }

    /**
     * Reads an audience file, {@code customer_id,group[,reason]}, as written by
     * {@code crm campaign select}.
     *
     * @param path the file
     * @return the assignments
     * @throws InputException one line naming the file, line, field and rule
     */
    public static List<Assignment> readAudience(Path path) {
        try (CsvInput in = CsvInput.open(path, AUDIENCE)) {
            List<Assignment> out = new ArrayList<>();
            Set<CustomerId> seen = new HashSet<>();
            int customer = in.column("customer_id");
            int group = in.column("group");
            int reason = in.column("reason");
            while (in.next()) {
                CustomerId id = CustomerId.of(in.customerId(customer));
                if (!seen.add(id)) {
                    throw in.refuse(customer, "appears twice");
                }
                String g = in.text(group);
                String why = reason >= 0 && !in.text(reason).isEmpty() ? in.text(reason) : g;
                Assignment.Cause cause = switch (g.toLowerCase(Locale.ROOT)) {
                    case "treatment" -> Assignment.Cause.ADMITTED;
                    case "control" -> Assignment.Cause.HELD_OUT;
                    case "excluded" -> Assignment.Cause.NOT_IN_AUDIENCE;
                    default -> throw in.refuse(group, "must be treatment, control or excluded");
                };
                out.add(Assignment.of(id, cause, why));
            }
            return out;
        }
    }

    /**
     * Reads a responses file, {@code customer_id,at,responded,revenue}; an empty revenue is zero.
     *
     * @param path the file
     * @param currency the plan's currency
     * @return the responses
     * @throws InputException one line naming the file, line, field and rule
     */
    public static List<CampaignResponse> readResponses(Path path, Currency currency) {
        try (CsvInput in = CsvInput.open(path, RESPONSES)) {
            return readResponses(in, currency);
        }
    }

    /**
     * Reads responses from CSV text (a bundled resource), as {@link #readResponses(Path, Currency)}.
     *
     * @param text the CSV
     * @param name the name messages give it
     * @param currency the plan's currency
     * @return the responses
     */
    public static List<CampaignResponse> readResponses(Reader text, String name, Currency currency) {
        try (CsvInput in = CsvInput.read(text, name, RESPONSES)) {
            return readResponses(in, currency);
        }
    }

    private static List<CampaignResponse> readResponses(CsvInput in, Currency currency) {
        List<CampaignResponse> out = new ArrayList<>();
        int customer = in.column("customer_id");
        int at = in.column("at");
        int responded = in.column("responded");
        int revenueColumn = in.column("revenue");
        java.util.Map<java.util.List<Object>, Long> lines = new java.util.HashMap<>();
        while (in.next()) {
            BigDecimal revenue = in.text(revenueColumn).isEmpty() ? BigDecimal.ZERO : in.amount(revenueColumn, currency);
            if (revenue.signum() < 0) {
                throw in.refuse(revenueColumn, "must be 0 or more");
            }
            CustomerId id = CustomerId.of(in.customerId(customer));
            java.time.Instant when = in.instant(at, ZoneOffset.UTC);
            Long first = lines.putIfAbsent(java.util.List.of(id, when), in.line());
            if (first != null) {
                // counted twice, it would add a purchase and its revenue the campaign never brought
                throw in.refuse(customer, "a response at " + when + " is listed again (first on line " + first
                        + "): one row per customer and instant");
            }
            out.add(CampaignResponse.of(id, when, bool(in, responded), Money.of(revenue, currency)));
        }
        return out;
    }

    private static Channel channel(String column, String file) {
        String suffix = column.substring(column.indexOf('_') + 1);
        try {
            return Channel.parse(suffix);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ":1: column " + Values.quote(column) + ": " + e.getMessage());
        }
    }

    private static boolean bool(CsvInput in, int column) {
        return switch (in.text(column).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw in.refuse(column, "must be true or false");
        };
    }
}
