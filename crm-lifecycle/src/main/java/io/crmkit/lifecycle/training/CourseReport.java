package io.crmkit.lifecycle.training;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A course's report as of a date, made by {@link CourseHistory#report(LocalDate)}. Every rate is a
 * share of {@code enrolled} (customers holding a seat) and is empty when nobody is enrolled.
 *
 * @param courseId the course
 * @param asOf the report's date
 * @param sessions the course's sessions
 * @param sessionsHeld sessions on or before {@code asOf}
 * @param enrolled customers holding a seat
 * @param waitlisted customers on the waiting list
 * @param cancelled cancelled enrolments
 * @param attended enrolled customers present at one held session at least
 * @param attendanceRate {@code attended / enrolled}
 * @param completed enrolled customers meeting the completion rule with sessions held so far
 * @param completionRate {@code completed / enrolled}
 * @param noShows enrolled customers absent, summed over held sessions
 * @param meanReaction mean level-1 rating of all responses (after single sessions or the whole
 *        course), on the plan's scale; empty without any
 * @param reactionResponses level-1 responses
 * @param meanLearningGain mean {@code post − pre} in score points over customers with both scores
 * @param meanNormalisedGain mean normalised gain over those customers not at the ceiling
 * @param learningPairs customers with both scores
 * @param atCeiling customers whose pre-test score was already the maximum (no normalised gain)
 * @param behaviourMeans mean of each level-3 measure, sorted by measure
 * @param results the level-4 effect, when outcomes were measured
 * @param sessionReports one report per session, in date order
 */
public record CourseReport(String courseId, LocalDate asOf, int sessions, int sessionsHeld, int enrolled,
        int waitlisted, int cancelled, int attended, OptionalDouble attendanceRate, int completed,
        OptionalDouble completionRate, int noShows, OptionalDouble meanReaction, int reactionResponses,
        OptionalDouble meanLearningGain, OptionalDouble meanNormalisedGain, int learningPairs, int atCeiling,
        Map<String, Double> behaviourMeans, Optional<ResultsEffect> results, List<SessionReport> sessionReports) {

    /**
     * Copies the collections.
     *
     * @param courseId the course
     * @param asOf the date
     * @param sessions sessions
     * @param sessionsHeld held sessions
     * @param enrolled enrolled
     * @param waitlisted waitlisted
     * @param cancelled cancelled
     * @param attended attended
     * @param attendanceRate attendance rate
     * @param completed completed
     * @param completionRate completion rate
     * @param noShows no-shows
     * @param meanReaction mean reaction
     * @param reactionResponses reaction responses
     * @param meanLearningGain mean gain
     * @param meanNormalisedGain mean normalised gain
     * @param learningPairs customers with both scores
     * @param atCeiling customers at the ceiling
     * @param behaviourMeans behaviour means
     * @param results the level-4 effect
     * @param sessionReports per session
     */
    public CourseReport {
        requireNonNull(courseId, "courseId");
        requireNonNull(asOf, "asOf");
        requireNonNull(attendanceRate, "attendanceRate");
        requireNonNull(completionRate, "completionRate");
        requireNonNull(meanReaction, "meanReaction");
        requireNonNull(meanLearningGain, "meanLearningGain");
        requireNonNull(meanNormalisedGain, "meanNormalisedGain");
        requireNonNull(results, "results");
        behaviourMeans = ImmutableSortedMap.copyOf(behaviourMeans);
        sessionReports = ImmutableList.copyOf(sessionReports);
    }

    /**
     * Returns this report with a level-4 effect.
     *
     * @param effect the effect
     * @return the report
     */
    public CourseReport withResults(ResultsEffect effect) {
        return new CourseReport(courseId, asOf, sessions, sessionsHeld, enrolled, waitlisted, cancelled, attended,
                attendanceRate, completed, completionRate, noShows, meanReaction, reactionResponses, meanLearningGain,
                meanNormalisedGain, learningPairs, atCeiling, behaviourMeans,
                Optional.of(requireNonNull(effect, "effect")), sessionReports);
    }
}
