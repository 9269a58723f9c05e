package io.crmkit.lifecycle.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The recorded life of one SLA clock: when it started, the intervals it was paused, and when (if)
 * it stopped. A run is an immutable value; each method returns a new run with one more mark, and
 * marks must come in time order. Business time is measured by {@link #businessTime} as of any
 * instant, so the run can be evaluated for the past as well as for now.
 *
 * <pre>{@code
 * ClockRun run = ClockRun.startedAt(received).pausedAt(askedCustomer).resumedAt(customerReplied);
 * Duration used = run.businessTime(calendar, asOf);
 * }</pre>
 */
public final class ClockRun {

    private final Instant start;
    /** Alternating pause and resume instants; an odd count means the last pause is still open. */
    private final ImmutableList<Instant> pauseMarks;
    private final @Nullable Instant stop;

    private ClockRun(Instant start, ImmutableList<Instant> pauseMarks, @Nullable Instant stop) {
        this.start = start;
        this.pauseMarks = pauseMarks;
        this.stop = stop;
    }

    /**
     * Starts a clock.
     *
     * @param start when it starts
     * @return the running clock
     */
    public static ClockRun startedAt(Instant start) {
        return new ClockRun(requireNonNull(start, "start"), ImmutableList.of(), null);
    }

    /**
     * Pauses the running clock.
     *
     * @param at when it pauses, not before the last mark
     * @return the paused run
     * @throws IllegalArgumentException if {@code at} is before the last mark
     * @throws IllegalStateException if the clock is paused or stopped
     */
    public ClockRun pausedAt(Instant at) {
        checkOrder(at);
        checkState(!isStopped() && !endsPaused(), "clock cannot pause at %s: it is already paused or stopped", at);
        return new ClockRun(start, append(at), null);
    }

    /**
     * Resumes the paused clock.
     *
     * @param at when it resumes, not before the last mark
     * @return the running run
     * @throws IllegalArgumentException if {@code at} is before the last mark
     * @throws IllegalStateException if the clock is not paused
     */
    public ClockRun resumedAt(Instant at) {
        checkOrder(at);
        checkState(!isStopped() && endsPaused(), "clock cannot resume at %s: it is not paused", at);
        return new ClockRun(start, append(at), null);
    }

    /**
     * Stops the clock; a pause still open ends at the stop.
     *
     * @param at when it stops, not before the last mark
     * @return the stopped run
     * @throws IllegalArgumentException if {@code at} is before the last mark
     * @throws IllegalStateException if the clock is already stopped
     */
    public ClockRun stoppedAt(Instant at) {
        checkOrder(at);
        checkState(!isStopped(), "clock cannot stop at %s: it is already stopped", at);
        return new ClockRun(start, endsPaused() ? append(at) : pauseMarks, at);
    }

    /**
     * Restarts a stopped clock (a reopened complaint): the time between the stop and the restart
     * counts as a pause.
     *
     * @param at when it restarts, not before the stop
     * @return the running run
     * @throws IllegalArgumentException if {@code at} is before the last mark
     * @throws IllegalStateException if the clock is not stopped
     */
    public ClockRun restartedAt(Instant at) {
        checkOrder(at);
        checkState(isStopped(), "clock cannot restart at %s: it is not stopped", at);
        return new ClockRun(start, ImmutableList.<Instant>builder().addAll(pauseMarks).add(stop, at).build(), null);
    }

    /** @return when the clock started */
    public Instant start() {
        return start;
    }

    /** @return when the clock stopped, if it did */
    public Optional<Instant> stop() {
        return Optional.ofNullable(stop);
    }

    /**
     * Tells whether the clock had stopped at an instant.
     *
     * @param asOf the instant
     * @return true if it stopped at or before {@code asOf}
     */
    public boolean isStoppedAt(Instant asOf) {
        return stop != null && !stop.isAfter(asOf);
    }

    /**
     * Tells whether the clock was paused at an instant.
     *
     * @param asOf the instant
     * @return true if it was neither stopped nor running at {@code asOf}
     */
    public boolean isPausedAt(Instant asOf) {
        if (isStoppedAt(asOf)) {
            return false;
        }
        int marks = 0;
        for (Instant mark : pauseMarks) {
            if (mark.isAfter(asOf)) {
                break;
            }
            marks++;
        }
        return marks % 2 == 1;
    }

    /**
     * Measures the business time the clock ran between its start and {@code asOf} (or its stop,
     * if earlier): paused intervals never count.
     *
     * @param calendar the business calendar
     * @param asOf the instant of evaluation, not before the start
     * @return the business time used, zero or more
     * @throws IllegalArgumentException if {@code asOf} is before the start, or an instant is outside
     *         the calendar's range ({@link BusinessCalendar#MIN_INSTANT} to
     *         {@link BusinessCalendar#MAX_INSTANT})
     */
    public Duration businessTime(BusinessCalendar calendar, Instant asOf) {
        requireNonNull(calendar, "calendar");
        requireNonNull(asOf, "asOf");
        checkArgument(!asOf.isBefore(start), "asOf %s is before the clock started at %s", asOf, start);
        Instant end = stop != null && stop.isBefore(asOf) ? stop : asOf;
        Duration used = Duration.ZERO;
        Instant segmentStart = start;
        for (int i = 0; i < pauseMarks.size(); i++) {
            Instant mark = pauseMarks.get(i);
            if (!mark.isBefore(end)) {
                if (i % 2 == 1) {
                    segmentStart = null;
                }
                break;
            }
            if (i % 2 == 0) {
                used = used.plus(calendar.businessTimeBetween(segmentStart, mark));
                segmentStart = null;
            } else {
                segmentStart = mark;
            }
        }
        if (segmentStart != null) {
            used = used.plus(calendar.businessTimeBetween(segmentStart, end));
        }
        return used;
    }

    private boolean isStopped() {
        return stop != null;
    }

    private boolean endsPaused() {
        return pauseMarks.size() % 2 == 1;
    }

    private Instant lastMark() {
        if (stop != null) {
            return stop;
        }
        return pauseMarks.isEmpty() ? start : pauseMarks.get(pauseMarks.size() - 1);
    }

    private void checkOrder(Instant at) {
        requireNonNull(at, "at");
        checkArgument(!at.isBefore(lastMark()), "clock mark %s is before the previous mark %s", at, lastMark());
    }

    private ImmutableList<Instant> append(Instant at) {
        return ImmutableList.<Instant>builder().addAll(pauseMarks).add(at).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClockRun r && start.equals(r.start) && pauseMarks.equals(r.pauseMarks)
                && java.util.Objects.equals(stop, r.stop);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(start, pauseMarks, stop);
    }

    @Override
    public String toString() {
        return "ClockRun[start=" + start + ", pauseMarks=" + pauseMarks + ", stop=" + stop + "]";
    }
}
