package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import io.crmkit.core.customer.CustomerId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything recorded about one course — its roster, attendance per session and evaluations on
 * levels 1–3 — checked for consistency, with the course's completions, certificates and report as
 * of any date.
 *
 * <p>Definitions (as of a date {@code d}): a session is <em>held</em> if its day is on or before
 * {@code d}; <em>enrolled</em> customers hold a seat ({@link EnrolmentStatus#ENROLLED});
 * <em>attended</em> are the enrolled customers present at one held session at least;
 * <em>completed</em> are the enrolled customers whose attended sessions meet the
 * {@link CompletionRule}; a <em>no-show</em> is an enrolled customer absent from a held session (no
 * record counts as absent). Attendance of waitlisted or cancelled customers is kept but not
 * counted. All results are independent of the order of the inputs.
 *
 * <pre>{@code
 * CourseHistory h = CourseHistory.of(course, EvaluationPlan.standard(), enrolments, attendance, evaluations);
 * CourseReport r = h.report(LocalDate.parse("2026-11-29"));
 * }</pre>
 */
public final class CourseHistory {

    private final Course course;
    private final EvaluationPlan plan;
    private final CourseRoster roster;
    private final ImmutableList<Attendance> attendance;
    private final ImmutableList<Evaluation> evaluations;
    /** The course's sessions by id. */
    private final ImmutableMap<String, Session> sessions;

    private CourseHistory(Course course, EvaluationPlan plan, CourseRoster roster, ImmutableList<Attendance> attendance,
            ImmutableList<Evaluation> evaluations) {
        this.sessions = Maps.uniqueIndex(course.sessions(), Session::id);
        this.course = course;
        this.plan = plan;
        this.roster = roster;
        this.attendance = attendance;
        this.evaluations = evaluations;
    }

    /**
     * Gathers and checks a course's records.
     *
     * @param course the course
     * @param plan the evaluation's scales
     * @param enrolments the course's enrolments (rules of {@link CourseRoster#of(Course, Collection)})
     * @param attendance the course's attendance records, at most one per session and customer, only
     *        for customers who enrolled
     * @param evaluations the course's evaluations, each from a customer with an enrolment in the
     *        course: ratings on the plan's reaction scale (at most one per customer for the course as a
     *        whole and one per customer and session), test scores from 0 to its maximum (at most one
     *        pre and one post per customer), behaviour observed no earlier than the follow-up delay
     *        after the last session
     * @return the history
     * @throws IllegalArgumentException if a record breaks a rule above, names another course or an
     *         unknown session
     */
    public static CourseHistory of(Course course, EvaluationPlan plan, Collection<Enrolment> enrolments,
            Collection<Attendance> attendance, Collection<Evaluation> evaluations) {
        requireNonNull(course, "course");
        requireNonNull(plan, "plan");
        CourseRoster roster = CourseRoster.of(course, enrolments);
        CourseHistory empty = new CourseHistory(course, plan, roster, ImmutableList.of(), ImmutableList.of());
        Set<String> seen = new HashSet<>();
        for (Attendance a : requireNonNull(attendance, "attendance")) {
            empty.check(a);
            checkArgument(seen.add(a.sessionId() + '\u0000' + a.customer().value()),
                    "attendance of customer %s at session %s is recorded twice", a.customer().masked(), a.sessionId());
        }
        Set<String> scores = new HashSet<>();
        Set<String> reactions = new HashSet<>();
        for (Evaluation e : requireNonNull(evaluations, "evaluations")) {
            empty.check(e);
            checkArgument(e.level() != KirkpatrickLevel.LEARNING
                    || scores.add(e.measure() + '\u0000' + e.customer().value()),
                    "customer %s has two %s-test scores in course %s", e.customer().masked(), e.measure(), course.id());
            // a second rating of the same thing would count the customer twice in the mean reaction
            checkArgument(e.level() != KirkpatrickLevel.REACTION
                    || reactions.add(e.sessionId().orElse("") + '\u0000' + e.customer().value()),
                    "customer %s rated %s twice", e.customer().masked(), rated(e));
        }
        return new CourseHistory(course, plan, roster, ImmutableList.copyOf(attendance),
                ImmutableList.copyOf(evaluations));
    }

    /**
     * Checks one attendance record against the course and its roster (without looking for
     * duplicates), so that a reader of records can say which record breaks a rule.
     *
     * @param a the record
     * @throws IllegalArgumentException if it names another course or an unknown session, or a
     *         customer who never enrolled
     */
    public void check(Attendance a) {
        requireNonNull(a, "attendance");
        checkArgument(a.courseId().equals(course.id()), "attendance of customer %s is for course %s, not %s",
                a.customer().masked(), a.courseId(), course.id());
        checkArgument(sessions.containsKey(a.sessionId()), "session %s is not a session of course %s",
                a.sessionId(), course.id());
        checkArgument(roster.status(a.customer()).isPresent(),
                "customer %s attended session %s of course %s without an enrolment", a.customer().masked(), a.sessionId(),
                course.id());
    }

    /**
     * Checks one evaluation against the course and the plan's scales (without looking for
     * duplicate test scores).
     *
     * @param e the evaluation
     * @throws IllegalArgumentException if it names another course, comes from a customer without an
     *         enrolment in the course (whose ratings and scores would move the course's means), a
     *         rating or score is outside its scale, or behaviour was observed before the follow-up date
     */
    public void check(Evaluation e) {
        requireNonNull(e, "evaluation");
        checkArgument(e.courseId().equals(course.id()), "evaluation of customer %s is for course %s, not %s",
                e.customer().masked(), e.courseId(), course.id());
        checkArgument(roster.status(e.customer()).isPresent(), "customer %s is not enrolled in course %s",
                e.customer().masked(), course.id());
        e.sessionId().ifPresent(id -> checkArgument(sessions.containsKey(id),
                "session %s of the %s of customer %s is not a session of course %s", id, e.measure(), e.customer().masked(),
                course.id()));
        LocalDate followUp = course.lastDay().plus(plan.followUpDelay());
        switch (e.level()) {
            case REACTION -> checkArgument(e.value() >= plan.reactionMin() && e.value() <= plan.reactionMax(),
                    "reaction %s of customer %s is outside the scale %s-%s", e.value(), e.customer().masked(),
                    plan.reactionMin(), plan.reactionMax());
            case LEARNING -> checkArgument(e.value() >= 0 && e.value() <= plan.testMax(),
                    "%s-test score %s of customer %s is outside [0, %s]", e.measure(), e.value(), e.customer().masked(),
                    plan.testMax());
            case BEHAVIOUR -> checkArgument(!e.observedOn().orElseThrow().isBefore(followUp),
                    "behaviour %s of customer %s observed on %s, before the follow-up date %s (last session %s "
                            + "plus %s)", e.measure(), e.customer().masked(), e.observedOn().orElseThrow(), followUp,
                    course.lastDay(), plan.followUpDelay());
            case RESULTS -> throw new IllegalStateException("level 4 evaluations are refused by Evaluation");
        }
    }

    /**
     * What a reaction rates, in words: a session of the course, or the course as a whole.
     *
     * @param e a level-1 evaluation
     * @return e.g. {@code session S2 of course DRV-1} or {@code course DRV-1}
     */
    static String rated(Evaluation e) {
        return e.sessionId().map(id -> "session " + id + " of course " + e.courseId())
                .orElse("course " + e.courseId());
    }

    /** @return the course */
    public Course course() {
        return course;
    }

    /** @return the evaluation plan */
    public EvaluationPlan plan() {
        return plan;
    }

    /** @return the roster */
    public CourseRoster roster() {
        return roster;
    }

    /**
     * Returns the enrolled customers who have completed the course by a date, each with the day
     * the completion rule was met: the day of the attended held session that brought the count to
     * {@link CompletionRule#requiredSessions(int)}.
     *
     * @param asOf the date
     * @return completion days by customer, sorted by customer
     * @throws IllegalArgumentException if attendance is recorded for a session after {@code asOf}
     */
    public SortedMap<CustomerId, LocalDate> completions(LocalDate asOf) {
        return completions(attendedDays(asOf));
    }

    private SortedMap<CustomerId, LocalDate> completions(Map<CustomerId, List<LocalDate>> attendedDays) {
        int required = course.completion().requiredSessions(course.sessions().size());
        SortedMap<CustomerId, LocalDate> done = new TreeMap<>();
        for (CustomerId c : roster.enrolled()) {
            List<LocalDate> days = attendedDays.getOrDefault(c, List.of());
            if (course.completion().isMet(days.size(), course.sessions().size())) {
                done.put(c, days.get(required - 1));
            }
        }
        return ImmutableSortedMap.copyOfSorted(done);
    }

    /**
     * Returns the certificates earned by a date: one per completion, valid for the course's
     * certificate validity from the completion day.
     *
     * @param asOf the date
     * @return the certificates, sorted by customer; empty if the course issues none
     */
    public List<Certificate> certificates(LocalDate asOf) {
        if (course.certificateValidity().isEmpty()) {
            return List.of();
        }
        return completions(asOf).entrySet().stream()
                .map(e -> new Certificate(course.id(), e.getKey(), e.getValue(),
                        e.getValue().plus(course.certificateValidity().get())))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * Returns the level-2 results: one per customer with both a pre- and a post-test score.
     *
     * @return the gains, sorted by customer
     */
    public List<LearningGain> learningGains() {
        Map<CustomerId, Double> pre = new HashMap<>();
        Map<CustomerId, Double> post = new HashMap<>();
        for (Evaluation e : evaluations) {
            if (e.level() == KirkpatrickLevel.LEARNING) {
                (e.measure().equals(Evaluation.PRE) ? pre : post).put(e.customer(), e.value());
            }
        }
        return pre.keySet().stream().filter(post::containsKey).sorted()
                .map(c -> LearningGain.of(c, pre.get(c), post.get(c), plan.testMax()))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * Reports the course as of a date, without a level-4 effect (add one with
     * {@link CourseReport#withResults(ResultsEffect)}).
     *
     * @param asOf the date
     * @return the report
     * @throws IllegalArgumentException if attendance or a reaction is recorded for a session after
     *         {@code asOf}
     */
    public CourseReport report(LocalDate asOf) {
        Map<CustomerId, List<LocalDate>> attendedDays = attendedDays(asOf);
        List<CustomerId> enrolled = roster.enrolled();
        Set<CustomerId> enrolledSet = new HashSet<>(enrolled);
        int attended = (int) enrolled.stream().filter(attendedDays::containsKey).count();
        int completed = completions(attendedDays).size();
        Map<String, Integer> presentBySession = new HashMap<>();
        for (Attendance a : attendance) {
            if (a.present() && enrolledSet.contains(a.customer())) {
                presentBySession.merge(a.sessionId(), 1, Integer::sum);
            }
        }
        Map<String, List<Double>> reactionsBySession = new HashMap<>();
        for (Evaluation e : evaluations) {
            if (e.level() == KirkpatrickLevel.REACTION && e.sessionId().isPresent()) {
                reactionsBySession.computeIfAbsent(e.sessionId().get(), id -> new ArrayList<>()).add(e.value());
            }
        }
        List<SessionReport> sessionReports = new ArrayList<>();
        int noShows = 0;
        int held = 0;
        for (Session s : course.sessions()) {
            boolean isHeld = s.isHeldBy(asOf);
            int present = presentBySession.getOrDefault(s.id(), 0);
            int absent = isHeld ? enrolled.size() - present : 0;
            held += isHeld ? 1 : 0;
            noShows += absent;
            List<Double> sessionReactions = reactionsBySession.getOrDefault(s.id(), List.of());
            checkArgument(isHeld || sessionReactions.isEmpty(), "a reaction to session %s on %s is recorded, after %s: "
                    + "a session is rated once it is held", s.id(), s.date(), asOf);
            sessionReports.add(new SessionReport(s.id(), s.date(), isHeld, enrolled.size(), present, absent,
                    isHeld ? share(present, enrolled.size()) : OptionalDouble.empty(), mean(sessionReactions),
                    sessionReactions.size()));
        }
        List<Double> reactions = evaluations.stream().filter(e -> e.level() == KirkpatrickLevel.REACTION)
                .map(Evaluation::value).toList();
        List<LearningGain> gains = learningGains();
        List<Double> normalised = new ArrayList<>();
        gains.forEach(g -> g.normalisedGain().ifPresent(normalised::add));
        Map<String, List<Double>> behaviour = new TreeMap<>();
        evaluations.stream().filter(e -> e.level() == KirkpatrickLevel.BEHAVIOUR)
                .forEach(e -> behaviour.computeIfAbsent(e.measure(), m -> new ArrayList<>()).add(e.value()));
        Map<String, Double> behaviourMeans = new TreeMap<>();
        behaviour.forEach((m, values) -> behaviourMeans.put(m, mean(values).orElseThrow()));
        return new CourseReport(course.id(), asOf, course.sessions().size(), held, enrolled.size(),
                roster.waitingList().size(), roster.cancellations(), attended, share(attended, enrolled.size()),
                completed, share(completed, enrolled.size()), noShows, mean(reactions), reactions.size(),
                mean(gains.stream().map(LearningGain::gain).toList()), mean(normalised), gains.size(),
                (int) gains.stream().filter(LearningGain::atCeiling).count(), behaviourMeans, Optional.empty(),
                sessionReports);
    }

    /** Days of the held sessions each customer attended, in date order; refuses attendance in the future. */
    private Map<CustomerId, List<LocalDate>> attendedDays(LocalDate asOf) {
        requireNonNull(asOf, "asOf");
        Map<CustomerId, List<LocalDate>> days = new HashMap<>();
        for (Attendance a : attendance) {
            Session s = sessions.get(a.sessionId());
            checkArgument(s.isHeldBy(asOf), "attendance of customer %s is recorded for session %s on %s, after %s: "
                    + "a session is attended once it is held", a.customer().masked(), s.id(), s.date(), asOf);
            if (a.present()) {
                days.computeIfAbsent(a.customer(), c -> new ArrayList<>()).add(s.date());
            }
        }
        days.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return days;
    }

    /** A share in [0, 1], empty when the whole is zero. */
    static OptionalDouble share(int part, int whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    /** The mean, summed in ascending order so that it does not depend on the input order. */
    static OptionalDouble mean(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return OptionalDouble.of(sum / sorted.length);
    }

    @Override
    public String toString() {
        return "CourseHistory[" + course.id() + ", " + roster + ", " + attendance.size() + " attendance records, "
                + evaluations.size() + " evaluations]";
    }
}
