package io.crmkit.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.scoring.tier.Criterion;
import io.crmkit.scoring.tier.Tier;
import io.crmkit.scoring.tier.TierPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link TierPolicy} from JSON with Jackson. The format, tiers listed from the top down:
 * <pre>{@code
 * {
 *   "name": "wealth tiers with loans",
 *   "tiers": [
 *     { "name": "Diamond", "match": "all",
 *       "criteria": [ { "metric": "assets+loans", "atLeast": 8000000 },
 *                     { "metric": "assets", "atLeast": 3500000 } ] },
 *     { "name": "Gold", "criteria": [ { "metric": "assets", "atLeast": 100000 } ] },
 *     { "name": "Mass" }
 *   ]
 * }
 * }</pre>
 * {@code match} is {@code all} (default) or {@code any}. A criterion has a {@code metric} (names
 * joined by {@code +} are summed) and exactly one of {@code atLeast} (≥), {@code above} (>),
 * {@code atMost} (≤), {@code below} (<) or {@code between} ({@code [lower, upper]}, lower
 * inclusive, upper exclusive). A tier without criteria is the base tier and must come last.
 * Unknown fields are rejected, and so are a field given twice, anything after the object
 * (a second value, a comment) and nesting deeper than 32 levels. Messages never quote Jackson's
 * text: they name the file, the line or element, and the rule.
 */
public final class TierPolicyJson {

    /**
     * Strict JSON, the setup of {@link StrictJson}: nothing after the policy object (no second
     * value, no comment), no field given twice (Jackson would otherwise keep the last), comments
     * refused, nesting bounded.
     */
    private static final ObjectMapper MAPPER = StrictJson.builder().build();
    private static final Set<String> POLICY_FIELDS = Set.of("name", "tiers");
    private static final Set<String> TIER_FIELDS = Set.of("name", "match", "criteria");
    private static final Set<String> OPERATORS = Set.of("atLeast", "above", "atMost", "below", "between");

    private TierPolicyJson() {
    }

    /**
     * Reads a policy file: UTF-8 with or without a byte-order mark, strict JSON.
     *
     * @param path the file
     * @return the policy
     * @throws InputException naming the file (and the line, or the element) and the rule broken
     */
    public static TierPolicy read(Path path) {
        String name = CsvInput.name(path);
        try (Reader in = CsvInput.reader(CsvInput.utf8(path, name))) {
            return read(in, name);
        } catch (NotUtf8 e) {
            throw new InputException(CsvInput.notUtf8(name, CsvInput.firstMalformedLine(path)));
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        }
    }

    /**
     * Reads a policy.
     *
     * @param in the JSON
     * @param name the file's name, for messages
     * @return the policy
     * @throws IllegalArgumentException naming the file and the bad element
     */
    public static TierPolicy read(Reader in, String name) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new InputException(name + ":" + line + ": not valid JSON: " + reason(e));
        } catch (CharacterCodingException e) {
            throw new NotUtf8(CsvInput.notUtf8(name, 1));
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException | StackOverflowError e) {
            throw new InputException(name + ": not valid JSON: cannot be read as a policy");
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(name + ":1: not valid JSON: the file is empty"); // as StrictJson says it
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(name + ": a policy must be a JSON object with \"name\" and \"tiers\"");
        }
        checkFields(root, POLICY_FIELDS, name);
        String policyName = text(root, "name", name, "policy");
        JsonNode tiers = root.get("tiers");
        if (tiers == null || !tiers.isArray()) {
            throw new IllegalArgumentException(name + ": \"tiers\" must be an array of tiers, top first");
        }
        List<Tier> ladder = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            ladder.add(tier(tiers.get(i), name + ": tiers[" + i + "]"));
        }
        try {
            return TierPolicy.of(policyName, ladder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The policy's bytes are not UTF-8; {@link #read(Path)} finds the line. */
    private static final class NotUtf8 extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotUtf8(String message) {
            super(message);
        }
    }

    /** What is wrong with a JSON text, in the policy's words and without any input text. */
    static String reason(JsonProcessingException e) {
        return StrictJson.reason(e, "object", "the policy object");
    }

    private static Tier tier(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a tier must be an object with \"name\" and \"criteria\"");
        }
        checkFields(node, TIER_FIELDS, where);
        String tierName = text(node, "name", where, "tier");
        String match = node.has("match") ? node.get("match").asText() : "all";
        Tier.Match m;
        if (match.equals("all")) {
            m = Tier.Match.ALL_OF;
        } else if (match.equals("any")) {
            m = Tier.Match.ANY_OF;
        } else {
            throw new IllegalArgumentException(where + ": match " + Values.quote(match) + ": must be \"all\" or \"any\"");
        }
        List<Criterion> criteria = new ArrayList<>();
        JsonNode list = node.get("criteria");
        if (list != null) {
            if (!list.isArray()) {
                throw new IllegalArgumentException(where + ": \"criteria\" must be an array");
            }
            for (int j = 0; j < list.size(); j++) {
                criteria.add(criterion(list.get(j), where + ".criteria[" + j + "]"));
            }
        }
        try {
            return new Tier(tierName, m, criteria);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Criterion criterion(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": a criterion must be an object like {\"metric\": \"assets\", \"atLeast\": 100000}");
        }
        String metric = text(node, "metric", where, "criterion");
        String operator = null;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("metric")) {
                continue;
            }
            if (!OPERATORS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field " + Values.quote(field) + " (expected metric and one of " + OPERATORS + ")");
            }
            if (operator != null) {
                throw new IllegalArgumentException(where + ": has both '" + operator + "' and '" + field + "': a criterion has one comparison");
            }
            operator = field;
        }
        if (operator == null) {
            throw new IllegalArgumentException(where + ": no comparison: add one of atLeast, above, atMost, below, between");
        }
        JsonNode value = node.get(operator);
        try {
            switch (operator) {
                case "atLeast":
                    return Criterion.atLeast(metric, number(value, where, operator));
                case "above":
                    return Criterion.above(metric, number(value, where, operator));
                case "atMost":
                    return Criterion.atMost(metric, number(value, where, operator));
                case "below":
                    return Criterion.below(metric, number(value, where, operator));
                default:
                    if (!value.isArray() || value.size() != 2) {
                        throw new IllegalArgumentException("between must be [lower, upper]");
                    }
                    return Criterion.between(metric, number(value.get(0), where, operator), number(value.get(1), where, operator));
            }
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode value, String where, String field) {
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException(where + ": " + field + " " + Values.quote(String.valueOf(value))
                    + ": not a number");
        }
        return value.doubleValue();
    }

    private static String text(JsonNode node, String field, String where, String what) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": a " + what + " needs a non-blank \"" + field + "\"");
        }
        return v.asText();
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field " + Values.quote(field) + " (expected " + allowed + ")");
            }
        }
    }
}
