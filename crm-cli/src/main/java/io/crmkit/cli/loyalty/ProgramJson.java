package io.crmkit.cli.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.StrictJson;
import io.crmkit.loyalty.Campaign;
import io.crmkit.loyalty.ExpiryPolicy;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.QualificationWindow;
import io.crmkit.loyalty.RefundPolicy;
import io.crmkit.scoring.tier.DowngradeRule;
import java.io.Reader;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a loyalty {@link Program} from JSON with Jackson. Every field but {@code currency} and
 * {@code zone} may be left out and takes the default shown:
 * <pre>{@code
 * {
 *   "currency": "CNY", "zone": "Asia/Shanghai",
 *   "pointsPerUnit": 1,                       // points per currency unit
 *   "rounding": "floor",                      // floor|ceiling|down|up|halfUp|halfDown|halfEven
 *   "categoryMultipliers": {},                // e.g. {"books": 2, "groceries": 0.5}
 *   "campaigns": [],                          // {"name","start","end","bonusPerUnit","capPerCustomer","categories"}
 *   "bonusesQualify": false,
 *   "expiry": {"policy": "never"},            // rolling+months | endOfYear+years | activityExtended+months | never
 *   "refundPolicy": "negativeBalance",        // negativeBalance | recordedDebt
 *   "tiers": [{"name": "Member"}],            // top first: {"name","qualifyingPoints","multiplier"}
 *   "qualification": "calendarYear",          // calendarYear | rolling12Months | anniversaryYear
 *   "downgrade": {"graceWindows": 1, "oneTierAtATime": false}
 * }
 * }</pre>
 * A campaign's {@code start} and {@code end} are ISO dates or local date-times in the program's
 * zone (a date is the start of that day); the end is exclusive. Unknown fields are rejected.
 */
public final class ProgramJson {

    private static final Set<String> FIELDS = Set.of("currency", "zone", "pointsPerUnit", "rounding", "categoryMultipliers",
            "campaigns", "bonusesQualify", "expiry", "refundPolicy", "tiers", "qualification", "downgrade");
    private static final Set<String> TIER_FIELDS = Set.of("name", "qualifyingPoints", "multiplier");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("name", "start", "end", "bonusPerUnit", "capPerCustomer", "categories");
    private static final Set<String> EXPIRY_FIELDS = Set.of("policy", "months", "years");
    private static final Set<String> DOWNGRADE_FIELDS = Set.of("graceWindows", "oneTierAtATime");
    private static final Map<String, RoundingMode> ROUNDING = Map.of("floor", RoundingMode.FLOOR, "ceiling", RoundingMode.CEILING,
            "down", RoundingMode.DOWN, "up", RoundingMode.UP, "halfUp", RoundingMode.HALF_UP, "halfDown", RoundingMode.HALF_DOWN,
            "halfEven", RoundingMode.HALF_EVEN);
    private static final Map<String, RefundPolicy> REFUNDS = Map.of("negativeBalance", RefundPolicy.NEGATIVE_BALANCE,
            "recordedDebt", RefundPolicy.RECORDED_DEBT);
    private static final Map<String, QualificationWindow> WINDOWS = Map.of("calendarYear", QualificationWindow.CALENDAR_YEAR,
            "rolling12Months", QualificationWindow.ROLLING_12_MONTHS, "anniversaryYear", QualificationWindow.ANNIVERSARY_YEAR);

    private ProgramJson() {
    }

    /**
     * Reads a program.
     *
     * @param in the JSON
     * @param name the file's name, for messages
     * @return the program
     * @throws IllegalArgumentException naming the file and the bad field
     */
    public static Program read(Reader in, String name) {
        return program(StrictJson.read(in, name), name);
    }

    /**
     * Reads a program file: UTF-8 with or without a byte-order mark, strict JSON
     * ({@link StrictJson}).
     *
     * @param path the file
     * @return the program
     * @throws IllegalArgumentException one line naming the file and the bad field
     */
    public static Program read(Path path) {
        return program(StrictJson.read(path), CsvInput.name(path));
    }

    private static Program program(JsonNode root, String name) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ": a program must be a JSON object with at least \"currency\" and \"zone\"");
        }
        try {
            return program(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static Program program(JsonNode root) {
        checkFields(root, FIELDS, "program");
        String code = text(root, "currency", "program");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code", e);
        }
        String zoneText = text(root, "zone", "program");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + zoneText + "' is not a time-zone id such as Asia/Shanghai", e);
        }
        Program.Builder b = Program.builder(currency, zone);
        if (root.has("pointsPerUnit")) {
            b.pointsPerUnit(decimal(root.get("pointsPerUnit"), "pointsPerUnit"));
        }
        if (root.has("rounding")) {
            b.rounding(choice(root.get("rounding"), "rounding", ROUNDING));
        }
        JsonNode categories = root.get("categoryMultipliers");
        if (categories != null) {
            if (!categories.isObject()) {
                throw new IllegalArgumentException("categoryMultipliers must be an object such as {\"books\": 2}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = categories.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.categoryMultiplier(e.getKey(), decimal(e.getValue(), "categoryMultipliers." + e.getKey()));
            }
        }
        for (JsonNode c : array(root, "campaigns")) {
            b.campaign(campaign(c, zone));
        }
        if (root.has("bonusesQualify")) {
            JsonNode q = root.get("bonusesQualify");
            if (!q.isBoolean()) {
                throw new IllegalArgumentException("bonusesQualify '" + q + "' must be true or false");
            }
            b.bonusesQualify(q.booleanValue());
        }
        if (root.has("expiry")) {
            b.expiry(expiry(root.get("expiry")));
        }
        if (root.has("refundPolicy")) {
            b.refundPolicy(choice(root.get("refundPolicy"), "refundPolicy", REFUNDS));
        }
        List<JsonNode> tiers = array(root, "tiers");
        for (int i = 0; i < tiers.size(); i++) {
            JsonNode t = tiers.get(i);
            String where = "tiers[" + i + "]";
            if (!t.isObject()) {
                throw new IllegalArgumentException(where + " must be an object such as {\"name\": \"Gold\", \"qualifyingPoints\": 5000}");
            }
            checkFields(t, TIER_FIELDS, where);
            long points = t.has("qualifyingPoints") ? whole(t.get("qualifyingPoints"), where + ".qualifyingPoints") : 0;
            BigDecimal multiplier = t.has("multiplier") ? decimal(t.get("multiplier"), where + ".multiplier") : BigDecimal.ONE;
            try {
                b.tier(text(t, "name", where), points, multiplier);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (root.has("qualification")) {
            b.qualification(choice(root.get("qualification"), "qualification", WINDOWS));
        }
        if (root.has("downgrade")) {
            JsonNode d = root.get("downgrade");
            if (!d.isObject()) {
                throw new IllegalArgumentException("downgrade must be an object such as {\"graceWindows\": 1, \"oneTierAtATime\": false}");
            }
            checkFields(d, DOWNGRADE_FIELDS, "downgrade");
            long grace = d.has("graceWindows") ? whole(d.get("graceWindows"), "downgrade.graceWindows") : 1;
            if (grace > 100) {
                throw new IllegalArgumentException("downgrade.graceWindows " + grace + " is out of range: it must be 0 to 100");
            }
            DowngradeRule rule = DowngradeRule.gracePeriods((int) grace);
            JsonNode one = d.get("oneTierAtATime");
            if (one != null && !one.isBoolean()) {
                throw new IllegalArgumentException("downgrade.oneTierAtATime '" + one + "' must be true or false");
            }
            b.downgrade(one != null && one.booleanValue() ? rule.withOneTierPerPeriod() : rule);
        }
        return b.build();
    }

    private static Campaign campaign(JsonNode c, ZoneId zone) {
        String where = "campaign";
        if (!c.isObject()) {
            throw new IllegalArgumentException("campaigns: each campaign must be an object with name, start, end, bonusPerUnit, capPerCustomer");
        }
        String name = text(c, "name", where);
        where = "campaign " + name;
        checkFields(c, CAMPAIGN_FIELDS, where);
        Instant start = EventsCsv.instant(text(c, "start", where), zone, where + " start");
        Instant end = EventsCsv.instant(text(c, "end", where), zone, where + " end");
        BigDecimal perUnit = c.has("bonusPerUnit") ? decimal(c.get("bonusPerUnit"), where + " bonusPerUnit") : BigDecimal.ONE;
        long cap = c.has("capPerCustomer") ? whole(c.get("capPerCustomer"), where + " capPerCustomer") : Long.MAX_VALUE;
        List<String> categories = new ArrayList<>();
        for (JsonNode cat : array(c, "categories")) {
            if (!cat.isTextual()) {
                throw new IllegalArgumentException(where + " categories must be strings");
            }
            categories.add(cat.asText());
        }
        Campaign campaign = Campaign.of(name, start, end, perUnit, cap);
        return categories.isEmpty() ? campaign : campaign.forCategories(categories.toArray(String[]::new));
    }

    private static ExpiryPolicy expiry(JsonNode e) {
        if (!e.isObject()) {
            throw new IllegalArgumentException("expiry must be an object such as {\"policy\": \"rolling\", \"months\": 12}");
        }
        checkFields(e, EXPIRY_FIELDS, "expiry");
        String policy = text(e, "policy", "expiry");
        switch (policy) {
            case "rolling":
                return ExpiryPolicy.rolling(months(e));
            case "activityExtended":
                return ExpiryPolicy.activityExtended(months(e));
            case "endOfYear":
                return ExpiryPolicy.endOfYear(e.has("years") ? intValue(e.get("years"), "expiry.years") : 1);
            case "never":
                return ExpiryPolicy.never();
            default:
                throw new IllegalArgumentException("expiry.policy '" + policy
                        + "' must be one of rolling, endOfYear, activityExtended, never");
        }
    }

    private static int months(JsonNode e) {
        if (!e.has("months")) {
            throw new IllegalArgumentException("expiry.policy " + e.get("policy").asText() + " needs \"months\"");
        }
        return intValue(e.get("months"), "expiry.months");
    }

    private static int intValue(JsonNode v, String field) {
        long n = whole(v, field);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " " + n + " is too large");
        }
        return (int) n;
    }

    private static <T> T choice(JsonNode v, String field, Map<String, T> values) {
        T t = v.isTextual() ? values.get(v.asText()) : null;
        if (t == null) {
            throw new IllegalArgumentException(field + " '" + v.asText() + "' must be one of " + String.join(", ",
                    values.keySet().stream().sorted().toList()));
        }
        return t;
    }

    private static BigDecimal decimal(JsonNode v, String field) {
        try {
            return StrictJson.decimal(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage(), e);
        }
    }

    private static long whole(JsonNode v, String field) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new IllegalArgumentException(field + " '" + v + "' is not a whole number of 0 or more");
        }
        return v.longValue();
    }

    private static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        List<JsonNode> list = new ArrayList<>();
        v.forEach(list::add);
        return list;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-blank \"" + field + "\"");
        }
        return v.asText();
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field '" + field + "' (expected "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
