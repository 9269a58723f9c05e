package io.crmkit.cli.training;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.training.Attendance;
import io.crmkit.lifecycle.training.CompletionRule;
import io.crmkit.lifecycle.training.Course;
import io.crmkit.lifecycle.training.CourseHistory;
import io.crmkit.lifecycle.training.CourseRoster;
import io.crmkit.lifecycle.training.Enrolment;
import io.crmkit.lifecycle.training.EnrolmentStatus;
import io.crmkit.lifecycle.training.Evaluation;
import io.crmkit.lifecycle.training.EvaluationPlan;
import io.crmkit.lifecycle.training.KirkpatrickLevel;
import io.crmkit.lifecycle.training.OutcomeMeasure;
import io.crmkit.lifecycle.training.Session;
import io.crmkit.lifecycle.training.TrainingFormat;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the inputs of {@code crm training report} through the one strict reader of the command
 * line ({@link CsvInput}: UTF-8 with or without a byte-order mark, duplicate, unknown and misspelt
 * columns refused, the number and date grammar of {@link Values}). Every problem with one row is
 * reported as {@code <file>:<line>: <field> '<value>': <rule>} (or the library's message after the
 * line); a problem of several rows together, such as a waiting list while seats are free, as
 * {@code <file>: <problem>}. Dates are {@code yyyy-MM-dd}, read as the start of the day in UTC; an enrolment time may
 * add a time of day and an offset.
 */
public final class TrainingFiles {

    /** The default currency of purchase amounts in {@code outcomes.csv}. */
    static final String DEFAULT_CURRENCY = "CNY";

    private TrainingFiles() {
    }

    /** A complaint (or any counted event) of a customer, from {@code outcomes.csv}. */
    record Complaint(CustomerId customer, Instant at) {
    }

    /** The outcomes file: the population, complaints and purchases. */
    record Outcomes(Set<CustomerId> population, List<Complaint> complaints, List<Purchase> purchases) {
    }

    /** One CSV row with its file and line, for messages: a copy of its cells, kept after reading. */
    private record Row(String file, long line, Map<String, Integer> columns, List<String> cells) {

        String get(String column) {
            Integer c = columns.get(column);
            if (c == null) {
                throw new IllegalStateException("the schema lacks column " + column);
            }
            return c < 0 ? "" : cells.get(c);
        }

        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw error(column, v, "required");
            }
            return v;
        }

        String optional(String column, String otherwise) {
            String v = get(column);
            return v.isEmpty() ? otherwise : v;
        }

        InputException error(String field, String value, String rule) {
            return InputException.of(file, line, field, value, rule);
        }

        InputException error(IllegalArgumentException e) {
            return InputException.atLine(file, line, e.getMessage());
        }

        CustomerId customer() {
            String v = required("customer_id");
            try {
                return CustomerId.of(Values.customerId(v));
            } catch (IllegalArgumentException e) {
                throw error("customer_id", v, e.getMessage());
            }
        }

        LocalDate date(String column) {
            String v = required(column);
            try {
                return LocalDate.ofEpochDay(Values.epochDay(v));
            } catch (IllegalArgumentException e) {
                throw error(column, v, e.getMessage());
            }
        }

        Instant instant(String column) {
            String v = required(column);
            try {
                return Values.instant(v, ZoneOffset.UTC);
            } catch (IllegalArgumentException e) {
                throw error(column, v, e.getMessage());
            }
        }

        int integer(String column, String otherwise, int min, int max) {
            String v = optional(column, otherwise);
            long n;
            try {
                n = Values.wholeNumber(v);
            } catch (IllegalArgumentException e) {
                throw error(column, v, e.getMessage());
            }
            if (n < min || n > max) {
                throw error(column, v, "expected a whole number from " + min + " to " + max);
            }
            return (int) n;
        }

        double number(String column) {
            String v = required(column);
            try {
                return Values.number(v);
            } catch (IllegalArgumentException e) {
                throw error(column, v, e.getMessage());
            }
        }

        BigDecimal decimal(String column) {
            String v = required(column);
            try {
                return Values.decimal(v);
            } catch (IllegalArgumentException e) {
                throw error(column, v, e.getMessage());
            }
        }

        <E extends Enum<E>> E choice(String column, String otherwise, Class<E> type) {
            String v = optional(column, otherwise);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(column, v, "expected one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse(""));
            }
        }

        CourseSpec course(Map<String, CourseSpec> courses) {
            String id = required("course_id");
            CourseSpec spec = courses.get(id);
            if (spec == null) {
                throw error("course_id", id, "not a course of the courses file");
            }
            return spec;
        }
    }

    private interface RowHandler {
        void accept(Row row);
    }

    private static void read(Reader in, String name, RowHandler handler, List<String> optional, String... required) {
        read(in, name, false, handler, optional, required);
    }

    /** As above; a list that may be empty (attendance, evaluations, outcomes before a course is held) when {@code mayBeEmpty}. */
    private static void read(Reader in, String name, boolean mayBeEmpty, RowHandler handler, List<String> optional,
            String... required) {
        CsvInput.Schema schema = CsvInput.Schema.of(CsvInput.Others.REFUSE);
        if (mayBeEmpty) {
            schema = schema.mayBeEmpty();
        }
        for (String c : required) {
            schema = schema.required(c);
        }
        for (String c : optional) {
            schema = schema.optional(c);
        }
        try (CsvInput csv = CsvInput.read(in, name, schema)) {
            Map<String, Integer> columns = new HashMap<>();
            for (String c : required) {
                columns.put(c, csv.column(c));
            }
            for (String c : optional) {
                columns.put(c, csv.column(c));
            }
            int width = csv.header().size();
            while (csv.next()) {
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    cells.add(csv.text(c));
                }
                handler.accept(new Row(csv.file(), csv.line(), columns, cells));
            }
        }
    }

    /**
     * Reads {@code courses.csv}: one row per session,
     * {@code course_id,topic,product,format,capacity,session_id,session_date}, and optionally
     * {@code completion,outcome,window_days,reaction_max,test_max,follow_up_days,certificate_months};
     * the course's
     * columns repeat on each of its rows and must agree.
     *
     * @param in the file's content
     * @param name the file's name, for messages
     * @return the courses by id, sorted by id
     */
    public static Map<String, CourseSpec> readCourses(Reader in, String name) {
        Map<String, Row> first = new LinkedHashMap<>();
        Map<String, List<Session>> sessions = new HashMap<>();
        Map<String, Row> sessionRows = new HashMap<>();
        List<String> courseColumns = List.of("topic", "product", "format", "capacity", "completion", "outcome",
                "window_days", "reaction_max", "test_max", "follow_up_days", "certificate_months");
        read(in, name, row -> {
            String id = row.required("course_id");
            Row head = first.putIfAbsent(id, row);
            if (head != null) {
                for (String column : courseColumns) {
                    if (!row.get(column).equals(head.get(column))) {
                        throw row.error(column, row.get(column), "differs from '" + head.get(column) + "' on line "
                                + head.line() + " of course " + id);
                    }
                }
            }
            String sessionId = row.required("session_id");
            Row previous = sessionRows.putIfAbsent(id + '\u0000' + sessionId, row);
            if (previous != null) {
                throw row.error("session_id", sessionId, "appears again in course " + id + " (line "
                        + previous.line() + ")");
            }
            sessions.computeIfAbsent(id, k -> new ArrayList<>()).add(Session.of(sessionId, row.date("session_date")));
        }, List.of("completion", "outcome", "window_days", "reaction_max", "test_max", "follow_up_days", "certificate_months"),
                "course_id", "topic", "product", "format", "capacity", "session_id", "session_date");
        Map<String, CourseSpec> courses = new TreeMap<>();
        first.forEach((id, row) -> courses.put(id, course(row, id, sessions.get(id))));
        return courses;
    }

    private static CourseSpec course(Row row, String id, List<Session> sessions) {
        TrainingFormat format = row.choice("format", "", TrainingFormat.class);
        int capacity = row.integer("capacity", "", 1, 1_000_000);
        OutcomeMeasure outcome = row.choice("outcome", "complaints", OutcomeMeasure.class);
        int windowDays = row.integer("window_days", "90", 1, 3660);
        int reactionMax = row.integer("reaction_max", "5", 2, 100);
        int testMax = row.integer("test_max", "100", 1, 1_000_000);
        int followUp = row.integer("follow_up_days", "90", 0, 3660);
        String completion = row.optional("completion", "all");
        try {
            CompletionRule rule = completion.equalsIgnoreCase("all") ? CompletionRule.allSessions()
                    : CompletionRule.share(completion);
            Course course = Course.of(id, row.required("topic"), row.required("product"), format, capacity, sessions)
                    .withCompletion(rule);
            if (!row.get("certificate_months").isEmpty()) {
                course = course.withCertificateValidity(Period.ofMonths(row.integer("certificate_months", "", 1, 1200)));
            }
            return new CourseSpec(course, EvaluationPlan.of(1, reactionMax, testMax, Period.ofDays(followUp)),
                    outcome, windowDays);
        } catch (IllegalArgumentException e) {
            throw row.error(e);
        }
    }

    /**
     * Reads {@code enrolments.csv}: {@code course_id,customer_id,enrolled_at,status}, with
     * {@code enrolled_at} a date or an ISO instant and {@code status} one of {@code enrolled},
     * {@code waitlisted}, {@code cancelled}; then checks each course's roster.
     *
     * @param in the file's content
     * @param name the file's name
     * @param courses the courses
     * @return the rosters by course id (every course, empty when nobody enrolled)
     */
    public static Map<String, CourseRoster> readEnrolments(Reader in, String name, Map<String, CourseSpec> courses) {
        Map<String, List<Enrolment>> byCourse = new HashMap<>();
        Map<String, Long> active = new HashMap<>();
        Map<String, Integer> seats = new HashMap<>();
        read(in, name, row -> {
            CourseSpec spec = row.course(courses);
            CustomerId customer = row.customer();
            Instant enrolledAt = row.instant("enrolled_at");
            EnrolmentStatus status = row.choice("status", "", EnrolmentStatus.class);
            String id = spec.course().id();
            if (status != EnrolmentStatus.CANCELLED) {
                Long earlier = active.putIfAbsent(id + '\u0000' + customer.value(), row.line());
                if (earlier != null) {
                    throw row.error("customer_id", customer.value(), "already has an active enrolment in course " + id
                            + " (line " + earlier + ")");
                }
            }
            if (status == EnrolmentStatus.ENROLLED && seats.merge(id, 1, Integer::sum) > spec.course().capacity()) {
                throw row.error("status", row.get("status"), "course " + id + " is full: its capacity is "
                        + spec.course().capacity());
            }
            byCourse.computeIfAbsent(id, k -> new ArrayList<>()).add(Enrolment.of(id, customer, enrolledAt, status));
        }, List.of(), "course_id", "customer_id", "enrolled_at", "status");
        Map<String, CourseRoster> rosters = new TreeMap<>();
        courses.forEach((id, spec) -> {
            try {
                rosters.put(id, CourseRoster.of(spec.course(), byCourse.getOrDefault(id, List.of())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
        return rosters;
    }

    /**
     * Reads {@code attendance.csv}: {@code session_id,course_id,customer_id,attended}, with
     * {@code attended} one of {@code yes/no}, {@code true/false}, {@code 1/0}.
     *
     * @param in the file's content
     * @param name the file's name
     * @param histories each course's history so far (to check against)
     * @param asOf the report's date: sessions after it cannot have been attended
     * @return the attendance records by course id
     */
    public static Map<String, List<Attendance>> readAttendance(Reader in, String name,
            Map<String, CourseHistory> histories, LocalDate asOf) {
        Map<String, List<Attendance>> byCourse = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        read(in, name, true, row -> {
            String courseId = row.required("course_id");
            CourseHistory history = histories.get(courseId);
            if (history == null) {
                throw row.error("course_id", courseId, "not a course of the courses file");
            }
            String flag = row.required("attended").toLowerCase(Locale.ROOT);
            boolean present = switch (flag) {
                case "yes", "true", "1" -> true;
                case "no", "false", "0" -> false;
                default -> throw row.error("attended", row.get("attended"), "expected yes or no (true/false, 1/0)");
            };
            Attendance a = new Attendance(courseId, row.required("session_id"), row.customer(), present);
            try {
                history.check(a);
            } catch (IllegalArgumentException e) {
                throw row.error(e);
            }
            Session session = history.course().session(a.sessionId()).orElseThrow();
            if (!session.isHeldBy(asOf)) {
                throw row.error("session_id", a.sessionId(), "takes place on " + session.date() + ", after the as-of "
                        + "date " + asOf + ": a session is attended once it is held");
            }
            Long earlier = seen.putIfAbsent(courseId + '\u0000' + a.sessionId() + '\u0000' + a.customer().value(),
                    row.line());
            if (earlier != null) {
                throw row.error("customer_id", a.customer().value(), "attendance at session " + a.sessionId()
                        + " already recorded on line " + earlier);
            }
            byCourse.computeIfAbsent(courseId, k -> new ArrayList<>()).add(a);
        }, List.of(), "session_id", "course_id", "customer_id", "attended");
        return byCourse;
    }

    /**
     * Reads {@code evaluations.csv}: {@code course_id,customer_id,level,measure,value}, with an
     * optional {@code observed_on} date, required on level 3, and an optional {@code session_id}
     * (the session a reaction survey followed). Every row is from a customer with an enrolment in
     * its course, and a customer rates the course, and each session, at most once.
     *
     * @param in the file's content
     * @param name the file's name
     * @param histories each course's history so far
     * @param asOf the report's date: sessions after it cannot have been rated
     * @return the evaluations by course id
     */
    public static Map<String, List<Evaluation>> readEvaluations(Reader in, String name,
            Map<String, CourseHistory> histories, LocalDate asOf) {
        Map<String, List<Evaluation>> byCourse = new HashMap<>();
        Map<String, Long> scores = new HashMap<>();
        Map<String, Long> reactions = new HashMap<>();
        read(in, name, true, row -> {
            String courseId = row.required("course_id");
            CourseHistory history = histories.get(courseId);
            if (history == null) {
                throw row.error("course_id", courseId, "not a course of the courses file");
            }
            CustomerId customer = row.customer();
            int level = row.integer("level", "", 1, 4);
            String measure = row.required("measure");
            double value = row.number("value");
            Optional<LocalDate> observedOn = row.get("observed_on").isEmpty() ? Optional.empty()
                    : Optional.of(row.date("observed_on"));
            if (history.roster().status(customer).isEmpty()) {
                // a stranger's ratings and scores would move the course's means
                throw row.error("customer_id", customer.value(), "not enrolled in course " + courseId);
            }
            Evaluation e;
            try {
                e = new Evaluation(courseId, customer, KirkpatrickLevel.of(level), measure, value, observedOn,
                        row.get("session_id").isEmpty() ? Optional.empty() : Optional.of(row.get("session_id")));
                history.check(e);
            } catch (IllegalArgumentException ex) {
                throw row.error(ex);
            }
            Optional<Session> session = e.sessionId().flatMap(history.course()::session);
            if (session.isPresent() && !session.get().isHeldBy(asOf)) {
                throw row.error("session_id", session.get().id(), "takes place on " + session.get().date()
                        + ", after the as-of date " + asOf + ": a session is rated once it is held");
            }
            if (e.level() == KirkpatrickLevel.LEARNING) {
                Long earlier = scores.putIfAbsent(courseId + '\u0000' + measure + '\u0000' + customer.value(),
                        row.line());
                if (earlier != null) {
                    throw row.error("measure", measure, "customer " + customer.masked() + " already has this score on line "
                            + earlier);
                }
            }
            if (e.level() == KirkpatrickLevel.REACTION) {
                // one rating of the course and one per session: a second would count the customer twice
                String rated = e.sessionId().orElse("");
                Long earlier = reactions.putIfAbsent(courseId + '\u0000' + rated + '\u0000' + customer.value(),
                        row.line());
                if (earlier != null) {
                    throw row.error("customer_id", customer.value(), "already rated "
                            + (rated.isEmpty() ? "course " + courseId : "session " + rated + " of course " + courseId)
                            + " on line " + earlier);
                }
            }
            byCourse.computeIfAbsent(courseId, k -> new ArrayList<>()).add(e);
        }, List.of("observed_on", "session_id"), "course_id", "customer_id", "level", "measure", "value");
        return byCourse;
    }

    /**
     * Reads {@code outcomes.csv}: {@code customer_id,kind,date}, {@code amount} (needed by purchases)
     * and optionally {@code currency}
     * (default {@value #DEFAULT_CURRENCY}); {@code kind} is {@code complaint} (dated),
     * {@code purchase} (dated, with an amount) or {@code customer} (names a customer of the
     * population without an event). Every customer named is in the population compared on level 4.
     *
     * @param in the file's content
     * @param name the file's name
     * @return the outcomes
     */
    public static Outcomes readOutcomes(Reader in, String name) {
        Set<CustomerId> population = new HashSet<>();
        List<Complaint> complaints = new ArrayList<>();
        List<Purchase> purchases = new ArrayList<>();
        Currency[] currency = new Currency[1];
        long[] currencyLine = new long[1];
        read(in, name, true, row -> {
            CustomerId customer = row.customer();
            population.add(customer);
            String kind = row.required("kind").toLowerCase(Locale.ROOT);
            switch (kind) {
                case "customer" -> {
                    // a member of the population, perhaps without any event
                }
                case "complaint" -> complaints.add(new Complaint(customer,
                        row.date("date").atStartOfDay(ZoneOffset.UTC).toInstant()));
                case "purchase" -> {
                    Instant at = row.date("date").atStartOfDay(ZoneOffset.UTC).toInstant();
                    String amount = row.required("amount");
                    BigDecimal value = row.decimal("amount");
                    if (value.signum() < 0) {
                        throw row.error("amount", amount, "negative: a purchase amount is 0 or more");
                    }
                    String code = row.optional("currency", DEFAULT_CURRENCY);
                    Currency c;
                    try {
                        c = Money.currency(code);
                    } catch (IllegalArgumentException e) {
                        throw row.error("currency", code, "not an ISO 4217 code such as CNY, EUR or USD");
                    }
                    if (currency[0] != null && !currency[0].equals(c)) {
                        throw row.error("currency", code, "differs from " + currency[0] + " on line " + currencyLine[0]
                                + ": give all purchases in one currency");
                    }
                    currency[0] = c;
                    currencyLine[0] = row.line();
                    try {
                        Values.money(amount, c);
                    } catch (IllegalArgumentException e) {
                        throw row.error("amount", amount, e.getMessage());
                    }
                    purchases.add(Purchase.of(customer, at, Money.of(value, c)));
                }
                default -> throw row.error("kind", row.get("kind"), "expected complaint, purchase or customer");
            }
        }, List.of("amount", "currency"), "customer_id", "kind", "date");
        return new Outcomes(population, complaints, purchases);
    }
}
