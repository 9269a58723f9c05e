package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One dated session of a course. A session is <em>held</em> as of a date when its date is on or
 * before that date; attendance can only be recorded for held sessions.
 *
 * @param id the session's identifier, unique within its course, not blank
 * @param date the day the session takes place
 */
public record Session(String id, LocalDate date) {

    /**
     * Validates the session.
     *
     * @param id the identifier, not blank
     * @param date the day
     * @throws IllegalArgumentException if the id is blank
     */
    public Session {
        requireNonNull(id, "session id");
        requireNonNull(date, "session date");
        checkArgument(!id.isBlank(), "session id '%s' is blank: name the session", id);
    }

    /**
     * Returns a session.
     *
     * @param id the identifier, not blank
     * @param date the day
     * @return the session
     * @throws IllegalArgumentException if the id is blank
     */
    public static Session of(String id, LocalDate date) {
        return new Session(id, date);
    }

    /**
     * Tells whether the session has taken place by a date.
     *
     * @param asOf the date
     * @return true if the session's date is on or before {@code asOf}
     */
    public boolean isHeldBy(LocalDate asOf) {
        return !date.isAfter(requireNonNull(asOf, "asOf"));
    }
}
