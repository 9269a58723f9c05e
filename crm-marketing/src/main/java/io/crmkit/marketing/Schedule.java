package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * When a campaign may make its contacts: from {@code start} inclusive to {@code end} exclusive.
 *
 * @param start the first instant contacts may be made
 * @param end the instant after the last one, after {@code start}
 */
public record Schedule(Instant start, Instant end) {

    /**
     * Validates the schedule.
     *
     * @param start the first instant
     * @param end the end, exclusive
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public Schedule {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        checkArgument(end.isAfter(start), "schedule end %s is not after start %s", end, start);
    }

    /**
     * Returns the schedule.
     *
     * @param start the first instant
     * @param end the end, exclusive
     * @return the schedule
     */
    public static Schedule of(Instant start, Instant end) {
        return new Schedule(start, end);
    }

    /**
     * Whether contacts may be made at the instant.
     *
     * @param at the instant
     * @return true if {@code start <= at < end}
     */
    public boolean contains(Instant at) {
        requireNonNull(at, "at");
        return !at.isBefore(start) && at.isBefore(end);
    }
}
