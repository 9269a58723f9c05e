package io.crmkit.cli.account;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.Action;
import io.crmkit.accounts.Attitude;
import io.crmkit.accounts.BuyingRole;
import io.crmkit.accounts.CompetitorProfile;
import io.crmkit.accounts.Deal;
import io.crmkit.accounts.ExpansionCard;
import io.crmkit.accounts.Influence;
import io.crmkit.accounts.KeyPerson;
import io.crmkit.accounts.MarketTarget;
import io.crmkit.accounts.Need;
import io.crmkit.accounts.ProjectStage;
import io.crmkit.accounts.RelationshipAssessment;
import io.crmkit.accounts.RelationshipDimension;
import io.crmkit.accounts.SponsorPairing;
import io.crmkit.accounts.StageChange;
import io.crmkit.accounts.StagePlan;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.StrictJson;
import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an {@link AccountPlan} from JSON with Jackson, strictly: unknown fields, duplicate keys,
 * numbers where text is expected (and the reverse), fractions where whole numbers are expected and
 * anything after the plan are refused with the file, the line, the JSON path and the reason. The
 * format is documented in the README ("crm-accounts"); every field but the ids, names and dates
 * that identify an element may be left out and takes the library's default.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = StrictJson.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private PlanJson() {
    }

    /** The plan as written in the file; absent fields are null. */
    record Plan(String account, String customerId, Integer contactIntervalDays, Integer reviewEveryDays, String lastReview,
            List<Target> targets, List<Competitor> competitors, List<Person> people, List<Sponsor> sponsors,
            List<ActionJson> actions, List<Assessment> assessments, List<DealJson> deals, List<Card> cards) {
    }

    record Target(MarketTarget.Kind kind, String statement) {
    }

    record Competitor(String competitor, String position, List<String> relationshipsHeld, String resources) {
    }

    record Person(String id, String name, String title, Integer rank, String reportsTo, BuyingRole role,
            Influence influence, Attitude attitude, Boolean coach, List<Need> needs, String owner, String lastContact) {
    }

    record Sponsor(String executive, Integer executiveRank, String person, Boolean sameBusinessArea,
            Boolean pastHistory, Boolean ableAndWilling) {
    }

    record ActionJson(String id, String person, String owner, String due, Action.Status status, String description) {
    }

    record Assessment(String date, Map<RelationshipDimension, Integer> scores, Map<RelationshipDimension, Double> weights) {
    }

    record Change(ProjectStage stage, String date) {
    }

    record Stage(String goal, List<String> departments, List<String> methods, String owner) {
    }

    record DealJson(String id, ProjectStage stage, String since, Integer maxDaysInStage, List<Change> history,
            Map<ProjectStage, Stage> stagePlans) {
    }

    record Card(String person, String commitment, List<String> actions, String lastReview) {
    }

    /** A refusal of the plan file, naming file, line, JSON path and reason. */
    public static final class PlanException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PlanException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads and checks a plan file.
     *
     * @param file the JSON file
     * @return the plan
     * @throws PlanException with one line {@code file:line: $.path: reason} when the file cannot be
     *     read, is not valid JSON, does not follow the format, or breaks a rule of the plan
     */
    public static AccountPlan read(Path file) {
        return read(file, null);
    }

    /**
     * Reads and checks a plan file for a review as of a day: besides the checks of {@link #read(Path)},
     * the day must not be before a dated fact of which the plan keeps only the latest (the plan's and
     * the cards' {@code lastReview}, the people's {@code lastContact}, the deals' {@code since}), as
     * {@link io.crmkit.accounts.AccountReview#of} requires.
     *
     * @param file the JSON file
     * @param asOf the review day, or null for no such check
     * @return the plan
     * @throws PlanException with one line {@code file:line: $.path 'date': rule}, for the first such
     *     fact in the file
     */
    public static AccountPlan read(Path file, LocalDate asOf) {
        String name = CsvInput.name(file);
        String text;
        try (Reader in = CsvInput.reader(CsvInput.utf8(file, name))) {
            StringWriter all = new StringWriter();
            in.transferTo(all);
            text = all.toString();
        } catch (CharacterCodingException e) {
            throw new PlanException(CsvInput.notUtf8(name, CsvInput.firstMalformedLine(file)), e);
        } catch (IOException e) {
            throw new PlanException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        } catch (InputException e) {
            throw new PlanException(e.getMessage(), e);
        }
        return parse(text, name, asOf);
    }

    /**
     * Reads and checks a plan from JSON text.
     *
     * @param text the JSON
     * @param name the file's name, for messages
     * @return the plan
     * @throws PlanException with one line {@code name:line: $.path: reason}
     */
    public static AccountPlan parse(String text, String name) {
        return parse(text, name, null);
    }

    private static AccountPlan parse(String text, String name, LocalDate asOf) {
        if (text.isBlank()) {
            throw new PlanException(name + ":1: not valid JSON: the file is empty", null); // as StrictJson says it
        }
        Plan plan;
        try {
            plan = MAPPER.readValue(text, Plan.class);
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            throw new PlanException(name + ":" + line(e) + ": " + path + ": " + reason(e), e);
        } catch (JsonProcessingException e) {
            String path = e.getProcessor() instanceof JsonParser p ? jsonPath(p.getParsingContext().pathAsPointer()) : "$";
            throw new PlanException(name + ":" + line(e) + ": " + path + ": " + StrictJson.reason(e), e);
        }
        if (plan == null) {
            throw new PlanException(name + ":1: $: the file holds null, not a plan object", null);
        }
        try {
            AccountPlan read = new Converter().plan(plan);
            if (asOf != null) {
                notAfter(plan, asOf, text, name);
            }
            return read;
        } catch (Located e) {
            throw new PlanException(name + ":" + lineOf(text, e.path) + ": " + jsonPath(e.path) + ": " + e.getMessage(),
                    e.getCause());
        }
    }

    /** Refuses the first dated fact of the file (in line order) that lies after the review day. */
    private static void notAfter(Plan p, LocalDate asOf, String text, String name) {
        Map<JsonPointer, String> dated = new java.util.LinkedHashMap<>();
        JsonPointer root = JsonPointer.empty();
        dated.put(root.appendProperty("lastReview"), p.lastReview());
        List<Person> people = p.people() == null ? List.of() : p.people();
        for (int i = 0; i < people.size(); i++) {
            dated.put(root.appendProperty("people").appendIndex(i).appendProperty("lastContact"), people.get(i).lastContact());
        }
        List<DealJson> deals = p.deals() == null ? List.of() : p.deals();
        for (int i = 0; i < deals.size(); i++) {
            dated.put(root.appendProperty("deals").appendIndex(i).appendProperty("since"), deals.get(i).since());
        }
        List<Card> cards = p.cards() == null ? List.of() : p.cards();
        for (int i = 0; i < cards.size(); i++) {
            dated.put(root.appendProperty("cards").appendIndex(i).appendProperty("lastReview"), cards.get(i).lastReview());
        }
        JsonPointer first = null;
        int firstLine = Integer.MAX_VALUE;
        for (Map.Entry<JsonPointer, String> d : dated.entrySet()) {
            if (d.getValue() != null && LocalDate.ofEpochDay(Values.epochDay(d.getValue())).isAfter(asOf)) {
                int line = lineOf(text, d.getKey());
                if (line < firstLine) {
                    first = d.getKey();
                    firstLine = line;
                }
            }
        }
        if (first != null) {
            throw new PlanException(name + ":" + firstLine + ": " + jsonPath(first) + " " + Values.quote(dated.get(first))
                    + ": after the as-of date " + asOf + ": " + io.crmkit.accounts.AccountReview.RULE, null);
        }
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\" (known: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return Values.quote(String.valueOf(f.getValue())) + " is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining("|"));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                && e.getProcessor() instanceof JsonParser p) {
            return "more follows the plan (" + kind(p.currentToken()) + "): a file holds exactly one plan object";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null
                && m.getProcessor() instanceof JsonParser p && p.currentToken() != null) {
            return "must be " + expected(m.getTargetType()) + ", found " + found(p);
        }
        if (e.getCause() instanceof JsonProcessingException syntax) {
            return StrictJson.reason(syntax);
        }
        return "does not follow the plan format (see the README: crm-accounts)";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in quotes";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "a value";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "text";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            default:
                return "a value";
        }
    }

    private static String found(JsonParser p) {
        try {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                return "an object";
            }
            if (t == JsonToken.START_ARRAY) {
                return "an array";
            }
            String text = p.getText();
            return Values.quote(text);
        } catch (IOException e) {
            return "another value";
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder s = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                s.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** Turns a JSON pointer ({@code /people/0/rank}) into the path notation ({@code $.people[0].rank}). */
    static String jsonPath(JsonPointer pointer) {
        StringBuilder s = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                s.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                s.append('.').append(p.getMatchingProperty());
            }
        }
        return s.toString();
    }

    /** Finds the line where the value at a pointer starts, by reading the text again token by token. */
    static int lineOf(String text, JsonPointer target) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    if (p.getParsingContext().pathAsPointer().equals(target)) {
                        return Math.max(1, p.currentTokenLocation().getLineNr());
                    }
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }

    /** A rule broken at a place in the file. */
    private static final class Located extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JsonPointer path;

        Located(JsonPointer path, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
        }
    }

    /** Turns the file's records into the library's values, remembering where each came from. */
    private static final class Converter {

        private static JsonPointer at(JsonPointer base, String field) {
            return base.appendProperty(field);
        }

        private static JsonPointer at(JsonPointer base, int index) {
            return base.appendIndex(index);
        }

        private static <T> T required(T value, JsonPointer where, String what) {
            if (value == null) {
                throw new Located(where, "missing: " + what + " is required", null);
            }
            return value;
        }

        private static LocalDate date(String value, JsonPointer where) {
            try {
                return LocalDate.ofEpochDay(Values.epochDay(value));
            } catch (IllegalArgumentException e) {
                throw new Located(where, Values.quote(value) + ": " + e.getMessage(), e);
            }
        }

        private static Optional<LocalDate> optionalDate(String value, JsonPointer where) {
            return value == null ? Optional.empty() : Optional.of(date(value, where));
        }

        private static <A, B> List<B> each(List<A> list, JsonPointer where, java.util.function.BiFunction<A, JsonPointer, B> f) {
            if (list == null) {
                return List.of();
            }
            java.util.ArrayList<B> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonPointer here = at(where, i);
                A element = list.get(i);
                if (element == null) {
                    throw new Located(here, "null: each element must be a value of its kind", null);
                }
                try {
                    out.add(f.apply(element, here));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new Located(here, e.getMessage(), e);
                }
            }
            return out;
        }

        private static List<String> strings(List<String> list, JsonPointer where) {
            return each(list, where, (s, p) -> s);
        }

        AccountPlan plan(Plan p) {
            JsonPointer root = JsonPointer.empty();
            AccountPlan.Builder b = AccountPlan.builder()
                    .account(required(p.account(), at(root, "account"), "the account's name"));
            if (p.customerId() != null) {
                try {
                    b.customer(CustomerId.of(p.customerId()));
                } catch (IllegalArgumentException e) {
                    throw new Located(at(root, "customerId"), e.getMessage(), e);
                }
            }
            if (p.contactIntervalDays() != null) {
                b.contactIntervalDays(p.contactIntervalDays());
            }
            if (p.reviewEveryDays() != null) {
                b.reviewEveryDays(p.reviewEveryDays());
            }
            b.lastReview(optionalDate(p.lastReview(), at(root, "lastReview")));
            b.targets(each(p.targets(), at(root, "targets"), (t, w) -> new MarketTarget(
                    required(t.kind(), at(w, "kind"), "kind"), required(t.statement(), at(w, "statement"), "statement"))));
            b.competitors(each(p.competitors(), at(root, "competitors"), (c, w) -> new CompetitorProfile(
                    required(c.competitor(), at(w, "competitor"), "the competitor's name"), orEmpty(c.position()),
                    strings(c.relationshipsHeld(), at(w, "relationshipsHeld")), orEmpty(c.resources()))));
            b.people(each(p.people(), at(root, "people"), this::person));
            b.sponsors(each(p.sponsors(), at(root, "sponsors"), this::sponsor));
            b.actions(each(p.actions(), at(root, "actions"), this::action));
            b.assessments(each(p.assessments(), at(root, "assessments"), this::assessment));
            b.deals(each(p.deals(), at(root, "deals"), this::deal));
            b.cards(each(p.cards(), at(root, "cards"), (c, w) -> new ExpansionCard(
                    required(c.person(), at(w, "person"), "person"), orEmpty(c.commitment()),
                    strings(c.actions(), at(w, "actions")), optionalDate(c.lastReview(), at(w, "lastReview")))));
            checkReferences(p, root);
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new Located(root, e.getMessage(), e);
            }
        }

        /**
         * Points at the element that breaks a plan-wide rule (a duplicate id, a reference to no one),
         * which the library reports for the plan as a whole; the library's message is kept.
         */
        private static void checkReferences(Plan p, JsonPointer root) {
            java.util.Set<String> people = new java.util.HashSet<>();
            List<Person> persons = p.people() == null ? List.of() : p.people();
            for (int i = 0; i < persons.size(); i++) {
                if (!people.add(persons.get(i).id())) {
                    throw new Located(at(at(at(root, "people"), i), "id"), "the id " + persons.get(i).id()
                            + " is used twice: ids are unique in a plan", null);
                }
            }
            for (int i = 0; i < persons.size(); i++) {
                refer(people, persons.get(i).reportsTo(), at(at(at(root, "people"), i), "reportsTo"));
            }
            List<Sponsor> sponsors = p.sponsors() == null ? List.of() : p.sponsors();
            for (int i = 0; i < sponsors.size(); i++) {
                refer(people, sponsors.get(i).person(), at(at(at(root, "sponsors"), i), "person"));
            }
            java.util.Set<String> actionIds = new java.util.HashSet<>();
            List<ActionJson> actions = p.actions() == null ? List.of() : p.actions();
            for (int i = 0; i < actions.size(); i++) {
                if (!actionIds.add(actions.get(i).id())) {
                    throw new Located(at(at(at(root, "actions"), i), "id"), "the id " + actions.get(i).id()
                            + " is used twice: ids are unique in a plan", null);
                }
                refer(people, actions.get(i).person(), at(at(at(root, "actions"), i), "person"));
            }
            java.util.Set<String> dealIds = new java.util.HashSet<>();
            List<DealJson> deals = p.deals() == null ? List.of() : p.deals();
            for (int i = 0; i < deals.size(); i++) {
                if (!dealIds.add(deals.get(i).id())) {
                    throw new Located(at(at(at(root, "deals"), i), "id"), "the id " + deals.get(i).id()
                            + " is used twice: ids are unique in a plan", null);
                }
            }
            List<Card> cards = p.cards() == null ? List.of() : p.cards();
            for (int i = 0; i < cards.size(); i++) {
                JsonPointer card = at(at(root, "cards"), i);
                refer(people, cards.get(i).person(), at(card, "person"));
                List<String> ids = cards.get(i).actions() == null ? List.of() : cards.get(i).actions();
                for (int j = 0; j < ids.size(); j++) {
                    if (!actionIds.contains(ids.get(j))) {
                        throw new Located(at(at(card, "actions"), j), "\"" + ids.get(j)
                                + "\" is not an action of the plan: a card lists the plan's action ids", null);
                    }
                }
            }
            List<Competitor> competitors = p.competitors() == null ? List.of() : p.competitors();
            for (int i = 0; i < competitors.size(); i++) {
                List<String> held = competitors.get(i).relationshipsHeld() == null ? List.of()
                        : competitors.get(i).relationshipsHeld();
                for (int j = 0; j < held.size(); j++) {
                    refer(people, held.get(j), at(at(at(at(root, "competitors"), i), "relationshipsHeld"), j));
                }
            }
        }

        private static void refer(java.util.Set<String> people, String id, JsonPointer where) {
            if (id != null && !people.contains(id)) {
                throw new Located(where, "\"" + id + "\" is not the id of a key person in the plan: "
                        + "references name a person of the plan", null);
            }
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private KeyPerson person(Person p, JsonPointer w) {
            KeyPerson.Builder b = KeyPerson.builder().id(required(p.id(), at(w, "id"), "id"))
                    .name(required(p.name(), at(w, "name"), "name"));
            set(p.title(), b::title);
            set(p.rank(), b::rank);
            set(p.reportsTo(), b::reportsTo);
            set(p.role(), b::role);
            set(p.influence(), b::influence);
            set(p.attitude(), b::attitude);
            set(p.coach(), b::coach);
            b.needs(each(p.needs(), at(w, "needs"), (n, x) -> n));
            set(p.owner(), b::owner);
            b.lastContact(optionalDate(p.lastContact(), at(w, "lastContact")));
            return b.build();
        }

        private SponsorPairing sponsor(Sponsor s, JsonPointer w) {
            SponsorPairing.Builder b = SponsorPairing.builder()
                    .executive(required(s.executive(), at(w, "executive"), "the executive's name"))
                    .person(required(s.person(), at(w, "person"), "person"));
            set(s.executiveRank(), b::executiveRank);
            set(s.sameBusinessArea(), b::sameBusinessArea);
            set(s.pastHistory(), b::pastHistory);
            set(s.ableAndWilling(), b::ableAndWilling);
            return b.build();
        }

        private Action action(ActionJson a, JsonPointer w) {
            Action.Builder b = Action.builder().id(required(a.id(), at(w, "id"), "id"))
                    .due(date(required(a.due(), at(w, "due"), "due"), at(w, "due")));
            set(a.person(), b::person);
            set(a.owner(), b::owner);
            set(a.status(), b::status);
            set(a.description(), b::description);
            return b.build();
        }

        private RelationshipAssessment assessment(Assessment a, JsonPointer w) {
            LocalDate date = date(required(a.date(), at(w, "date"), "date"), at(w, "date"));
            Map<RelationshipDimension, Integer> scores = required(a.scores(), at(w, "scores"), "scores");
            try {
                return a.weights() == null ? RelationshipAssessment.of(date, scores)
                        : RelationshipAssessment.of(date, scores, a.weights());
            } catch (IllegalArgumentException e) {
                throw new Located(at(w, e.getMessage().startsWith("weight") ? "weights" : "scores"), e.getMessage(), e);
            }
        }

        private Deal deal(DealJson d, JsonPointer w) {
            Deal.Builder b = Deal.builder().id(required(d.id(), at(w, "id"), "id"));
            b.addAllChanges(each(d.history(), at(w, "history"), (c, x) -> new StageChange(
                    required(c.stage(), at(x, "stage"), "stage"), date(required(c.date(), at(x, "date"), "date"), at(x, "date")))));
            b.addChanges(new StageChange(required(d.stage(), at(w, "stage"), "the current stage"),
                    date(required(d.since(), at(w, "since"), "since"), at(w, "since"))));
            set(d.maxDaysInStage(), b::maxDaysInStage);
            if (d.stagePlans() != null) {
                for (Map.Entry<ProjectStage, Stage> e : d.stagePlans().entrySet()) {
                    JsonPointer x = at(at(w, "stagePlans"), e.getKey().name());
                    Stage s = e.getValue();
                    if (s == null) {
                        throw new Located(x, "null: a stage plan must be an object", null);
                    }
                    try {
                        b.putStagePlans(e.getKey(), new StagePlan(orEmpty(s.goal()), strings(s.departments(),
                                at(x, "departments")), strings(s.methods(), at(x, "methods")), Optional.ofNullable(s.owner())));
                    } catch (IllegalArgumentException ex) {
                        throw new Located(x, ex.getMessage(), ex);
                    }
                }
            }
            return b.build();
        }

        private static <T> void set(T value, Function<T, ?> setter) {
            if (value != null) {
                setter.apply(value);
            }
        }
    }
}
