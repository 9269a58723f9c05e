package io.crmkit.lifecycle.care;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One line of the care schedule: at a moment, an action with its deadline, e.g. "thank the
 * customer" within 24 hours after delivery.
 *
 * @param moment the moment that triggers the action
 * @param action what to do, in words
 * @param timing how the deadline is derived from the event
 * @param offset the duration for {@link Timing#WITHIN} and {@link Timing#BEFORE}; zero otherwise
 */
public record CareRule(CareMoment moment, String action, Timing timing, Duration offset) {

    /** How a care rule's deadline follows from its event. */
    public enum Timing {
        /** Within the offset after the event. */
        WITHIN,
        /** The offset before the event (reminders before a booked delivery). */
        BEFORE,
        /** By the end of the event's day (in the schedule's zone). */
        SAME_DAY,
        /** At the event itself (e.g. agree the next contact before the customer leaves). */
        AT_THE_EVENT
    }

    /**
     * Validates the rule.
     *
     * @param moment the moment
     * @param action what to do, not blank
     * @param timing how the deadline is derived
     * @param offset positive for WITHIN and BEFORE, zero otherwise
     * @throws IllegalArgumentException if the action is blank or the offset does not fit the timing
     */
    public CareRule {
        requireNonNull(moment, "moment");
        requireNonNull(action, "action");
        requireNonNull(timing, "timing");
        requireNonNull(offset, "offset");
        checkArgument(!action.isBlank(), "action of care rule for %s is blank", moment);
        boolean needsOffset = timing == Timing.WITHIN || timing == Timing.BEFORE;
        checkArgument(needsOffset ? !offset.isNegative() && !offset.isZero() : offset.isZero(),
                "offset %s of care rule '%s' does not fit timing %s: positive for WITHIN and BEFORE, zero otherwise",
                offset, action, timing);
    }

    /**
     * An action due within a duration after the event.
     *
     * @param moment the moment
     * @param action what to do
     * @param within the time allowed, positive
     * @return the rule
     */
    public static CareRule within(CareMoment moment, String action, Duration within) {
        return new CareRule(moment, action, Timing.WITHIN, within);
    }

    /**
     * An action due a duration before the event.
     *
     * @param moment the moment
     * @param action what to do
     * @param before how long before the event, positive
     * @return the rule
     */
    public static CareRule before(CareMoment moment, String action, Duration before) {
        return new CareRule(moment, action, Timing.BEFORE, before);
    }

    /**
     * An action due by the end of the event's day.
     *
     * @param moment the moment
     * @param action what to do
     * @return the rule
     */
    public static CareRule sameDay(CareMoment moment, String action) {
        return new CareRule(moment, action, Timing.SAME_DAY, Duration.ZERO);
    }

    /**
     * An action due at the event itself.
     *
     * @param moment the moment
     * @param action what to do
     * @return the rule
     */
    public static CareRule atTheEvent(CareMoment moment, String action) {
        return new CareRule(moment, action, Timing.AT_THE_EVENT, Duration.ZERO);
    }

    /**
     * Computes the deadline for an event. {@link Timing#WITHIN} and {@link Timing#BEFORE} add or
     * subtract the offset as elapsed time on the time line, not on the wall clock: across a
     * daylight-saving change the local deadline shows an hour more or less (72 hours before
     * 2026-03-30T02:30+02:00 in Europe/Berlin is 2026-03-27T01:30+01:00), and no deadline can fall
     * into a gap. {@link Timing#SAME_DAY} is the first instant of the next day in the zone
     * (midnight, or the end of a daylight-saving jump that skips midnight).
     *
     * @param eventAt the event's instant
     * @param zone the zone that names the event's day
     * @return the deadline
     */
    public Instant dueFor(Instant eventAt, ZoneId zone) {
        return switch (timing) {
            case WITHIN -> eventAt.plus(offset);
            case BEFORE -> eventAt.minus(offset);
            case SAME_DAY -> {
                LocalDate day = eventAt.atZone(zone).toLocalDate();
                yield day.plusDays(1).atStartOfDay(zone).toInstant();
            }
            case AT_THE_EVENT -> eventAt;
        };
    }
}
