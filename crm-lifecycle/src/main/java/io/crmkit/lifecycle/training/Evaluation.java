package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One evaluation measurement of a customer in a course, on Kirkpatrick's levels 1–3 (level 4 is
 * measured from complaints and purchases, see {@link OutcomeWindows}):
 * <ul>
 * <li>level 1, measure {@value #REACTION}: the customer's rating on the plan's reaction scale;</li>
 * <li>level 2, measures {@value #PRE} and {@value #POST}: test scores from 0 to the plan's maximum,
 *     before and after the course;</li>
 * <li>level 3, any named measure (e.g. {@code uses_checklist}): a follow-up observation, dated, at
 *     least the plan's follow-up delay after the last session.</li>
 * </ul>
 * The ranges are checked against the course's {@link EvaluationPlan} by {@link CourseHistory}.
 *
 * @param courseId the course
 * @param customer the customer
 * @param level the level, 1 to 3
 * @param measure what was measured, not blank
 * @param value the value, finite, magnitude at most {@value #MAX_MAGNITUDE}
 * @param observedOn when a behaviour observation was made (required for level 3, else empty or
 *        informative)
 * @param sessionId the session the measurement follows, e.g. the session a reaction survey was
 *        taken after; empty for the course as a whole
 */
public record Evaluation(String courseId, CustomerId customer, KirkpatrickLevel level, String measure, double value,
        Optional<LocalDate> observedOn, Optional<String> sessionId) {

    /** The largest magnitude of a value, so that means over any number of records stay finite. */
    public static final double MAX_MAGNITUDE = 1e15;

    /** The level-1 measure: the reaction survey's rating. */
    public static final String REACTION = "reaction";
    /** The level-2 measure: the test score before the course. */
    public static final String PRE = "pre";
    /** The level-2 measure: the test score after the course. */
    public static final String POST = "post";

    /**
     * Validates the measurement.
     *
     * @param courseId the course, not blank
     * @param customer the customer
     * @param level the level, 1 to 3
     * @param measure the measure, {@value #REACTION} on level 1, {@value #PRE} or {@value #POST} on
     *        level 2, any name on level 3
     * @param value the value, finite
     * @param observedOn the observation date, required on level 3
     * @param sessionId the session it follows, if any, not blank
     * @throws IllegalArgumentException if a rule above is broken
     */
    public Evaluation {
        requireNonNull(courseId, "course id");
        requireNonNull(customer, "customer");
        requireNonNull(level, "level");
        requireNonNull(measure, "measure");
        requireNonNull(observedOn, "observedOn");
        requireNonNull(sessionId, "sessionId");
        sessionId.ifPresent(id -> checkArgument(!id.isBlank(), "session id of a %s evaluation of customer %s is blank",
                measure, customer.masked()));
        checkArgument(!courseId.isBlank(), "course id of an evaluation of customer %s is blank", customer.masked());
        checkArgument(!measure.isBlank(), "measure of a level %s evaluation of customer %s is blank",
                level.number(), customer.masked());
        checkArgument(Math.abs(value) <= MAX_MAGNITUDE,
                "value %s of measure %s of customer %s is not a finite number of magnitude at most 1e15", value,
                measure, customer.masked());
        switch (level) {
            case REACTION -> checkArgument(measure.equals(REACTION),
                    "measure %s is not a level 1 measure: level 1 records '%s'", measure, REACTION);
            case LEARNING -> checkArgument(measure.equals(PRE) || measure.equals(POST),
                    "measure %s is not a level 2 measure: level 2 records '%s' and '%s' test scores", measure, PRE,
                    POST);
            case BEHAVIOUR -> checkArgument(observedOn.isPresent(),
                    "behaviour measure %s of customer %s has no observation date: level 3 observations are dated",
                    measure, customer.masked());
            case RESULTS -> throw new IllegalArgumentException("measure " + measure
                    + " is on level 4: results are measured from complaints and purchases (outcomes), not recorded as evaluations");
        }
    }

    /**
     * A reaction rating.
     *
     * @param courseId the course
     * @param customer the customer
     * @param rating the rating on the plan's scale
     * @return the measurement
     */
    public static Evaluation reaction(String courseId, CustomerId customer, double rating) {
        return new Evaluation(courseId, customer, KirkpatrickLevel.REACTION, REACTION, rating, Optional.empty(),
                Optional.empty());
    }

    /**
     * A reaction rating from the survey after one session (Kirkpatrick's post-session survey).
     *
     * @param courseId the course
     * @param customer the customer
     * @param sessionId the session the survey followed
     * @param rating the rating on the plan's scale
     * @return the measurement
     */
    public static Evaluation reaction(String courseId, CustomerId customer, String sessionId, double rating) {
        return new Evaluation(courseId, customer, KirkpatrickLevel.REACTION, REACTION, rating, Optional.empty(),
                Optional.of(requireNonNull(sessionId, "sessionId")));
    }

    /**
     * A test score before the course.
     *
     * @param courseId the course
     * @param customer the customer
     * @param score the score, 0 to the plan's maximum
     * @return the measurement
     */
    public static Evaluation preTest(String courseId, CustomerId customer, double score) {
        return new Evaluation(courseId, customer, KirkpatrickLevel.LEARNING, PRE, score, Optional.empty(),
                Optional.empty());
    }

    /**
     * A test score after the course.
     *
     * @param courseId the course
     * @param customer the customer
     * @param score the score, 0 to the plan's maximum
     * @return the measurement
     */
    public static Evaluation postTest(String courseId, CustomerId customer, double score) {
        return new Evaluation(courseId, customer, KirkpatrickLevel.LEARNING, POST, score, Optional.empty(),
                Optional.empty());
    }

    /**
     * A dated follow-up observation of behaviour.
     *
     * @param courseId the course
     * @param customer the customer
     * @param measure what was observed, e.g. {@code uses_checklist}
     * @param value the observed value
     * @param observedOn when
     * @return the measurement
     */
    public static Evaluation behaviour(String courseId, CustomerId customer, String measure, double value,
            LocalDate observedOn) {
        return new Evaluation(courseId, customer, KirkpatrickLevel.BEHAVIOUR, measure, value,
                Optional.of(requireNonNull(observedOn, "observedOn")), Optional.empty());
    }
}
