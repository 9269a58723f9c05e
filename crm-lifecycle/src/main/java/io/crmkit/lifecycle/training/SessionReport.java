package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * Attendance at one session as of a date.
 *
 * @param sessionId the session
 * @param date its day
 * @param held whether it has taken place (its day is on or before the report's date)
 * @param enrolled customers enrolled in the course
 * @param attended enrolled customers present
 * @param noShows enrolled customers absent from a held session ({@code enrolled − attended});
 *        0 before it is held
 * @param attendanceRate {@code attended / enrolled} in [0, 1]; empty before the session is held
 *        or when nobody is enrolled
 * @param meanReaction mean rating of the reaction surveys taken after this session (on the
 *        plan's scale); empty without any
 * @param reactionResponses reaction surveys taken after this session
 */
public record SessionReport(String sessionId, LocalDate date, boolean held, int enrolled, int attended, int noShows,
        OptionalDouble attendanceRate, OptionalDouble meanReaction, int reactionResponses) {

    /**
     * Validates the report.
     *
     * @param sessionId the session
     * @param date the day
     * @param held whether held
     * @param enrolled enrolled
     * @param attended present
     * @param noShows absent
     * @param attendanceRate the rate
     * @param meanReaction the mean reaction
     * @param reactionResponses the responses
     * @throws IllegalArgumentException if the counts do not add up
     */
    public SessionReport {
        requireNonNull(sessionId, "sessionId");
        requireNonNull(date, "date");
        requireNonNull(attendanceRate, "attendanceRate");
        requireNonNull(meanReaction, "meanReaction");
        checkArgument(attended >= 0 && attended <= enrolled, "attended %s is outside [0, %s]", attended, enrolled);
        checkArgument(noShows == (held ? enrolled - attended : 0), "no-shows %s do not match", noShows);
    }
}
