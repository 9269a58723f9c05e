package io.crmkit.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.StrictJson;
import io.crmkit.cli.format.Values;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.AudienceRule;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.CompetitorObservation;
import io.crmkit.marketing.ContactCap;
import io.crmkit.marketing.Schedule;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a campaign plan from JSON (the format is documented in the README, section crm-marketing).
 * Every problem is reported as {@code <file>: <json path>: <problem>}.
 */
public final class PlanJson {

    private static final Set<String> FIELDS = Set.of("id", "objective", "offer", "channel", "currency", "budget",
            "costPerContact", "schedule", "audience", "contactCap", "controlShare", "stratifyBySegment",
            "attributionWindow", "marketInformation");
    private static final Set<String> RULES = Set.of("everyone", "rfmSegment", "tier", "lifecycleStage", "clv", "pAlive",
            "metric", "allOf", "anyOf");

    private PlanJson() {
    }

    /**
     * Reads a plan.
     *
     * @param in the JSON
     * @param name the file's name, for messages
     * @return the plan
     * @throws IllegalArgumentException naming the file, the element and the rule broken
     */
    public static CampaignPlan read(Reader in, String name) {
        return plan(StrictJson.read(in, name), name);
    }

    /**
     * Reads a campaign plan file: UTF-8 with or without a byte-order mark, strict JSON
     * ({@link StrictJson}).
     *
     * @param path the file
     * @return the plan
     * @throws IllegalArgumentException one line naming the file and the bad field
     */
    public static CampaignPlan read(java.nio.file.Path path) {
        return plan(StrictJson.read(path), CsvInput.name(path));
    }

    private static CampaignPlan plan(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": a campaign plan must be a JSON object");
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(name + ": " + f + ": unknown field (expected one of " + FIELDS + ")");
            }
        }
        try {
            Currency currency = Money.currency(text(root, "currency"));
            CampaignPlan.Builder plan = CampaignPlan.builder(text(root, "id"), Channel.parse(text(root, "channel")))
                    .objective(optionalText(root, "objective")).offer(optionalText(root, "offer"))
                    .budget(Money.of(money(root, "budget", "budget", currency), currency))
                    .costPerContact(Money.of(money(root, "costPerContact", "costPerContact", currency), currency))
                    .schedule(schedule(required(root, "schedule", "schedule")))
                    .audience(rule(required(root, "audience", "audience"), "audience"));
            if (root.has("contactCap")) {
                JsonNode cap = root.get("contactCap");
                plan.contactCap(ContactCap.of(integer(cap, "maxContacts", "contactCap.maxContacts"),
                        duration(cap, "period", "contactCap.period")));
            }
            if (root.has("controlShare")) {
                plan.controlShare(number(root.get("controlShare"), "controlShare"));
            }
            if (root.has("stratifyBySegment")) {
                JsonNode s = root.get("stratifyBySegment");
                if (!s.isBoolean()) {
                    throw new Bad("stratifyBySegment", "'" + s + "' must be true or false");
                }
                plan.stratifyBySegment(s.booleanValue());
            }
            if (root.has("attributionWindow")) {
                plan.attributionWindow(duration(root, "attributionWindow", "attributionWindow"));
            }
            if (root.has("marketInformation")) {
                plan.marketInformation(observations(root.get("marketInformation"), currency));
            }
            return plan.build();
        } catch (Bad e) {
            throw new IllegalArgumentException(name + ": " + e.path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static AudienceRule rule(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new Bad(path, "a rule is an object with exactly one of " + RULES);
        }
        String kind = node.fieldNames().next();
        JsonNode arg = node.get(kind);
        String at = path + "." + kind;
        try {
            switch (kind) {
                case "everyone":
                    return AudienceRule.everyone();
                case "rfmSegment":
                    return AudienceRule.rfmSegmentIn(names(arg, at));
                case "tier":
                    return AudienceRule.tierIn(names(arg, at));
                case "lifecycleStage":
                    return AudienceRule.lifecycleStageIn(names(arg, at));
                case "clv":
                    return threshold(arg, at, AudienceRule::clvAtLeast, AudienceRule::clvBelow);
                case "pAlive":
                    return threshold(arg, at, AudienceRule::pAliveAtLeast, AudienceRule::pAliveBelow);
                case "metric": {
                    String metric = text(arg, "name", at + ".name");
                    return threshold(without(arg, "name"), at, t -> AudienceRule.metricAtLeast(metric, t),
                            t -> AudienceRule.metricBelow(metric, t));
                }
                case "allOf":
                    return AudienceRule.allOf(rules(arg, at));
                case "anyOf":
                    return AudienceRule.anyOf(rules(arg, at));
                default:
                    throw new Bad(path, "unknown rule '" + kind + "' (expected one of " + RULES + ")");
            }
        } catch (IllegalArgumentException e) {
            throw e instanceof Bad ? e : new Bad(at, e.getMessage());
        }
    }

    private static JsonNode without(JsonNode node, String field) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
        copy.remove(field);
        return copy;
    }

    private static AudienceRule threshold(JsonNode arg, String at, java.util.function.DoubleFunction<AudienceRule> atLeast,
                                          java.util.function.DoubleFunction<AudienceRule> below) {
        if (arg == null || !arg.isObject() || arg.size() != 1 || !(arg.has("atLeast") || arg.has("below"))) {
            throw new Bad(at, "a threshold is {\"atLeast\": x} (value >= x) or {\"below\": x} (value < x)");
        }
        return arg.has("atLeast") ? atLeast.apply(number(arg.get("atLeast"), at + ".atLeast"))
                : below.apply(number(arg.get("below"), at + ".below"));
    }

    private static List<AudienceRule> rules(JsonNode arg, String at) {
        if (arg == null || !arg.isArray() || arg.isEmpty()) {
            throw new Bad(at, "must be a non-empty array of rules");
        }
        List<AudienceRule> out = new ArrayList<>();
        for (int i = 0; i < arg.size(); i++) {
            out.add(rule(arg.get(i), at + "[" + i + "]"));
        }
        return out;
    }

    private static List<String> names(JsonNode arg, String at) {
        if (arg == null || !arg.isArray() || arg.isEmpty()) {
            throw new Bad(at, "must be a non-empty array of names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arg.size(); i++) {
            if (!arg.get(i).isTextual()) {
                throw new Bad(at + "[" + i + "]", "'" + arg.get(i) + "' is not a name");
            }
            out.add(arg.get(i).textValue());
        }
        return out;
    }

    private static Schedule schedule(JsonNode node) {
        return Schedule.of(instant(node, "start", "schedule.start"), instant(node, "end", "schedule.end"));
    }

    private static List<CompetitorObservation> observations(JsonNode node, Currency currency) {
        if (!node.isArray()) {
            throw new Bad("marketInformation", "must be an array of observations");
        }
        List<CompetitorObservation> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            String at = "marketInformation[" + i + "]";
            try {
                LocalDate date = LocalDate.ofEpochDay(Values.epochDay(text(o, "observedOn", at + ".observedOn")));
                out.add(CompetitorObservation.of(text(o, "competitor", at + ".competitor"), text(o, "product", at + ".product"),
                        Money.of(money(o, "price", at + ".price", currency), currency), date, text(o, "source", at + ".source")));
            } catch (Bad e) {
                throw e;
            } catch (IllegalArgumentException e) {
                String observed = o.path("observedOn").asText();
                throw e.getMessage().equals(Values.DATE_RULE) || e.getMessage().equals("not a day of the calendar")
                        ? new Bad(at + ".observedOn", Values.quote(observed) + ": " + e.getMessage()) : new Bad(at, e.getMessage());
            }
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            throw new Bad(path, "is missing");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = required(node, field, path);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new Bad(path, "'" + v + "' must be a non-blank string");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        return node.has(field) ? text(node, field) : "";
    }

    /** An amount of the one money grammar ({@link StrictJson#money}): a JSON number or a string holding one. */
    private static BigDecimal money(JsonNode node, String field, String path, Currency currency) {
        JsonNode v = required(node, field, path);
        try {
            return StrictJson.money(v, currency);
        } catch (IllegalArgumentException e) {
            throw new Bad(path, e.getMessage());
        }
    }

    private static double number(JsonNode v, String path) {
        try {
            return StrictJson.number(v);
        } catch (IllegalArgumentException e) {
            throw new Bad(path, e.getMessage());
        }
    }

    private static int integer(JsonNode node, String field, String path) {
        JsonNode v = required(node, field, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Bad(path, "'" + v + "' is not a whole number");
        }
        return v.intValue();
    }

    private static Duration duration(JsonNode node, String field, String path) {
        String t = text(node, field, path);
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new Bad(path, "'" + t + "' is not an ISO-8601 duration such as P1D or PT12H");
        }
    }

    private static Instant instant(JsonNode node, String field, String path) {
        String t = text(node, field, path);
        try {
            return CampaignFiles.instant(t);
        } catch (IllegalArgumentException e) {
            throw new Bad(path, e.getMessage());
        }
    }

    /** A problem at a JSON path. */
    private static final class Bad extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String path;

        Bad(String path, String message) {
            super(message);
            this.path = path;
        }
    }
}
