package io.crmkit.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.InstantOutOfRangeException;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.complaint.PendingAction;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaStatus;
import io.crmkit.lifecycle.sla.SlaWarning;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a complaint script: JSON lines, one command each, applied in order to one complaint.
 *
 * <p>Every line is a JSON object with {@code command} (receive, assign, acknowledge,
 * startInvestigation, requestInformation, customerResponded, escalate, proposeResolution,
 * customerAccepts, customerRejects, close, reopen, withdraw), {@code at} (an ISO-8601 instant with
 * offset, e.g. {@code 2026-03-02T09:00:00+08:00}), {@code actor} and {@code role} (agent, owner,
 * supervisor, manager, customer), plus: for receive {@code id}, {@code customer}, {@code category},
 * {@code severity}, optional {@code channel} (default phone), {@code description}, {@code linkedTo};
 * for assign {@code assignee} (optional for escalate); for close {@code satisfaction} (1–5) and
 * {@code rootCause}; for any command an optional {@code note}. Blank lines are skipped; other
 * fields are an error, and so are a field given twice and anything after the object on its line.
 */
public final class ComplaintScript {

    /**
     * One line is one command: a second value or trailing words on the line, or a field given
     * twice, would otherwise be dropped silently (Jackson reads the first value, last field wins).
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> COMMON = Set.of("command", "at", "actor", "role", "note");
    private static final Set<String> RECEIVE = Set.of("id", "customer", "category", "severity", "channel",
            "description", "linkedTo");

    /** The outcome: the complaint after the applied lines (if any), and the first failure. */
    public record Outcome(Optional<Complaint> complaint, Optional<String> failure) {
    }

    private ComplaintScript() {
    }

    /**
     * Applies the lines in order, stopping at the first refused or malformed one.
     *
     * @param source the file name used in messages
     * @param lines the script's lines
     * @param workflow the workflow to run on
     * @return the complaint so far and the failure, as "source:N: reason"
     */
    public static Outcome run(String source, List<String> lines, ComplaintWorkflow workflow) {
        Complaint complaint = null;
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            // editors such as Notepad start a UTF-8 file with a byte order mark
            String line = lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            if (line.isBlank()) {
                continue;
            }
            try {
                ComplaintCommand command = parse(line, complaint == null ? null : complaint.intake());
                complaint = complaint == null ? Complaint.receive(workflow, command) : complaint.apply(command);
            } catch (InstantOutOfRangeException e) {
                return new Outcome(Optional.ofNullable(complaint),
                        Optional.of(source + ":" + lineNumber + ": " + refusal(line, e)));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return new Outcome(Optional.ofNullable(complaint),
                        Optional.of(source + ":" + lineNumber + ": " + e.getMessage()));
            }
        }
        if (complaint == null) {
            return new Outcome(Optional.empty(), Optional.of(source + ":1: the script has no commands"));
        }
        return new Outcome(Optional.of(complaint), Optional.empty());
    }

    /**
     * Parses one line of the script format into a command, for commands run one at a time
     * against a stored complaint.
     *
     * @param line the JSON object
     * @param current the complaint's intake, or null if the line must be a {@code receive}
     * @return the command
     * @throws IllegalArgumentException if the line is malformed, naming the field and the rule
     */
    public static ComplaintCommand command(String line, ComplaintIntake current) {
        try {
            return parse(line, current);
        } catch (InstantOutOfRangeException e) {
            throw new IllegalArgumentException(refusal(line, e), e);
        }
    }

    /**
     * Words a refused instant in the user's terms: the field and the value as written on the
     * line, e.g. {@code field 'at' value '+10000-03-02T09:00:00+08:00': an instant must lie in the
     * years 1 to 9999 (UTC)}.
     *
     * @param line the script line that gave the instant
     * @param e the refusal
     * @return the reason, without file or line
     */
    public static String refusal(String line, InstantOutOfRangeException e) {
        String written = e.instant().toString();
        try {
            JsonNode value = JSON.readTree(line).get(e.field());
            if (value != null && value.isTextual()) {
                written = value.textValue();
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            // the line was read once already; keep the instant as the library saw it
        }
        return "field '" + e.field() + "' value '" + written + "': " + e.rule();
    }

    private static ComplaintCommand parse(String line, ComplaintIntake current) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + TierPolicyJson.reason(e));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with command, at, actor and role");
        }
        ComplaintTrigger trigger = ComplaintTrigger.fromCommandName(text(node, "command"));
        Instant at = instant(node, "at");
        Actor actor = Actor.of(text(node, "actor"), Role.fromName(text(node, "role")));
        checkFields(node, trigger);
        ComplaintCommand command;
        if (trigger == ComplaintTrigger.RECEIVE) {
            if (current != null) {
                throw new IllegalArgumentException("receive may appear only on the first command line");
            }
            ComplaintIntake intake = ComplaintIntake.builder()
                    .id(text(node, "id"))
                    .customer(CustomerId.of(text(node, "customer")))
                    .channel(optionalText(node, "channel").map(ComplaintScript::channel).orElse(Channel.PHONE))
                    .category(ComplaintCategory.fromName(text(node, "category")))
                    .severity(severity(text(node, "severity")))
                    .description(optionalText(node, "description").orElse(""))
                    .linkedTo(optionalText(node, "linkedTo"))
                    .build();
            command = ComplaintCommand.receive(intake, at, actor);
        } else {
            if (current == null) {
                throw new IllegalArgumentException("the first command must be receive, not " + trigger.commandName());
            }
            command = ComplaintCommand.of(trigger, at, actor);
            Optional<String> assignee = optionalText(node, "assignee");
            if (assignee.isPresent()) {
                command = command.withAssignee(assignee.get());
            }
            if (node.has("satisfaction") || node.has("rootCause")) {
                JsonNode score = node.get("satisfaction");
                if (score == null || !score.canConvertToInt() || !score.isIntegralNumber()) {
                    throw new IllegalArgumentException("field 'satisfaction' must be a whole number 1–5");
                }
                command = command.withEvaluation(score.intValue(), text(node, "rootCause"));
            }
        }
        Optional<String> note = optionalText(node, "note");
        return note.isPresent() ? command.withNote(note.get()) : command;
    }

    private static void checkFields(JsonNode node, ComplaintTrigger trigger) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            boolean known = COMMON.contains(field)
                    || trigger == ComplaintTrigger.RECEIVE && RECEIVE.contains(field)
                    || (trigger == ComplaintTrigger.ASSIGN || trigger == ComplaintTrigger.ESCALATE)
                            && field.equals("assignee")
                    || trigger == ComplaintTrigger.CLOSE && (field.equals("satisfaction") || field.equals("rootCause"));
            if (!known) {
                throw new IllegalArgumentException("field '" + field + "' is not used by command "
                        + trigger.commandName());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        return optionalText(node, field)
                .orElseThrow(() -> new IllegalArgumentException("field '" + field + "' is missing"));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' value '" + value
                    + "' is not an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00+08:00");
        }
    }

    private static Severity severity(String name) {
        try {
            return Severity.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity '" + name + "' is unknown: use low, medium, high or critical");
        }
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel '" + name + "' is unknown: use phone, visit, email, web, "
                    + "letter, social_media or third_party");
        }
    }

    /**
     * Writes the complaint as JSON: intake (without the description, which is personal data),
     * state, owner, SLA status per clock and pending actions as of an instant, and the history
     * (without notes).
     */
    public static ObjectNode toJson(Complaint c, Instant asOf) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", c.id());
        root.put("customer", c.customer().value());
        root.put("channel", lower(c.intake().channel().name()));
        root.put("category", lower(c.category().name()));
        root.put("group", lower(c.category().group().name()));
        root.put("severity", lower(c.severity().name()));
        c.intake().linkedTo().ifPresent(l -> root.put("linkedTo", l));
        root.put("state", c.state().name());
        root.put("owner", c.owner());
        root.put("escalationLevel", c.escalationLevel());
        root.put("reopenCount", c.reopenCount());
        c.satisfaction().ifPresent(s -> root.put("satisfaction", s));
        c.rootCause().ifPresent(r -> root.put("rootCause", r));
        root.put("asOf", asOf.toString());
        ArrayNode sla = root.putArray("sla");
        for (SlaStatus s : c.sla(asOf)) {
            ObjectNode o = sla.addObject();
            o.put("clock", lower(s.clock().name()));
            o.put("state", s.state().name());
            o.put("target", s.target().toString());
            o.put("elapsed", s.elapsed().toString());
            o.put("remaining", s.remaining().toString());
            o.put("overdue", s.overdue().toString());
            ArrayNode warnings = o.putArray("warnings");
            for (SlaWarning w : s.warnings()) {
                warnings.add(lower(w.name()));
            }
            s.dueAt().ifPresent(d -> o.put("dueAt", d.toString()));
            s.stoppedAt().ifPresent(d -> o.put("stoppedAt", d.toString()));
        }
        ArrayNode pending = root.putArray("pendingActions");
        for (PendingAction a : c.pendingActions(asOf)) {
            pending.add(a.toString());
        }
        ArrayNode history = root.putArray("history");
        for (ComplaintEvent e : c.history()) {
            ObjectNode o = history.addObject();
            o.put("command", e.trigger().commandName());
            o.put("at", e.at().toString());
            o.put("actor", e.actor().id());
            o.put("role", e.actor().role().label());
            o.put("from", e.from().name());
            o.put("to", e.to().name());
            e.command().assignee().ifPresent(a -> o.put("assignee", a));
            e.command().satisfaction().ifPresent(s -> o.put("satisfaction", s));
            e.command().rootCause().ifPresent(r -> o.put("rootCause", r));
        }
        return root;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public static String pretty(ObjectNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
