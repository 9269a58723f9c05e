package io.crmkit.lifecycle.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the business counts time: working days of the week, daily opening hours and holidays in a
 * time zone, or around the clock (24×7). SLA targets are business time, so a complaint received on
 * Friday evening starts using its clock on Monday morning.
 *
 * <pre>{@code
 * BusinessCalendar cal = BusinessCalendar.builder(ZoneId.of("Asia/Shanghai")).hours(LocalTime.of(9, 0), LocalTime.of(18, 0)).holiday(LocalDate.of(2026, 10, 1)).build();
 * Duration worked = cal.businessTimeBetween(receivedAt, Instant.parse("2026-03-03T02:00:00Z"));
 * }</pre>
 *
 * <p>Opening hours are one interval per day ({@code open} before {@code close}) of wall-clock
 * time, so a working day that contains a daylight-saving change is that much shorter or longer;
 * hours skipped by the change are not worked. Shifts across midnight are not modelled. Instances are immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** How far ahead {@link #plusBusinessTime} searches for working time before giving up. */
    private static final int MAX_DAYS_AHEAD = 366 * 100;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime open;
    private final LocalTime close;
    private final ImmutableSet<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, boolean alwaysOpen, Set<DayOfWeek> workingDays, LocalTime open,
            LocalTime close, ImmutableSet<LocalDate> holidays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.workingDays = Sets.immutableEnumSet(workingDays);
        this.open = open;
        this.close = close;
        this.holidays = holidays;
    }

    /**
     * Returns a calendar on which every instant is business time (24×7, no holidays).
     *
     * @param zone the time zone used to name days (for reports; 24×7 time does not depend on it)
     * @return the calendar
     */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        requireNonNull(zone, "zone");
        return new BusinessCalendar(zone, true, EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX,
                ImmutableSet.of());
    }

    /**
     * Starts a calendar of working hours, by default Monday to Friday, 09:00 to 18:00, no holidays.
     *
     * @param zone the time zone the hours are in
     * @return a builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(requireNonNull(zone, "zone"));
    }

    /** @return the time zone the working hours are in */
    public ZoneId zone() {
        return zone;
    }

    /** @return whether every instant is business time (24×7) */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /**
     * Tells whether an instant is business time.
     *
     * @param instant the instant
     * @return true if the instant falls in working hours of a working, non-holiday day
     */
    public boolean isOpen(Instant instant) {
        requireNonNull(instant, "instant");
        if (alwaysOpen) {
            return true;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        return isWorkingDay(day) && !instant.isBefore(opening(day)) && instant.isBefore(closing(day));
    }

    /**
     * Tells whether a date is a working day: its day of week is a working day and it is not a
     * holiday.
     *
     * @param date the date in this calendar's zone
     * @return true if it has working hours
     */
    public boolean isWorkingDay(LocalDate date) {
        requireNonNull(date, "date");
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Measures the business time between two instants: the sum of the working hours that fall in
     * {@code [from, to)}.
     *
     * @param from the start
     * @param to the end, not before the start
     * @return the business time, zero or more
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(!to.isBefore(from), "business time from %s to %s: the end is before the start", from, to);
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration sum = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = latest(opening(day), from);
            Instant end = earliest(closing(day), to);
            if (start.isBefore(end)) {
                sum = sum.plus(Duration.between(start, end));
            }
        }
        return sum;
    }

    /**
     * Finds the instant at which a given amount of business time, counted from {@code from}, is
     * used up. With zero business time the answer is {@code from} itself.
     *
     * @param from the start
     * @param businessTime the business time to add, zero or more
     * @return the instant the business time is used up
     * @throws IllegalArgumentException if the amount is negative, or no working time is found
     *         within 100 years (a calendar of holidays only)
     */
    public Instant plusBusinessTime(Instant from, Duration businessTime) {
        requireNonNull(from, "from");
        requireNonNull(businessTime, "businessTime");
        checkArgument(!businessTime.isNegative(), "businessTime %s is negative: add zero or more", businessTime);
        if (alwaysOpen || businessTime.isZero()) {
            return from.plus(businessTime);
        }
        Duration remaining = businessTime;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = latest(opening(day), from);
            Instant end = closing(day);
            if (!start.isBefore(end)) {
                continue;
            }
            Duration available = Duration.between(start, end);
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalArgumentException("business calendar has no working time within 100 years of " + from);
    }

    private Instant opening(LocalDate day) {
        return instant(day, open);
    }

    private Instant closing(LocalDate day) {
        return instant(day, close);
    }

    /**
     * The instant of a wall-clock time on a day. A time skipped by a daylight-saving jump maps to
     * the instant of the jump (where {@link ZonedDateTime#of} would push it later by the length of
     * the gap, opening late or closing late); a time that occurs twice maps to its first occurrence.
     */
    private Instant instant(LocalDate day, LocalTime time) {
        LocalDateTime local = day.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && zone.equals(c.zone) && alwaysOpen == c.alwaysOpen
                && workingDays.equals(c.workingDays) && open.equals(c.open) && close.equals(c.close)
                && holidays.equals(c.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, alwaysOpen, workingDays, open, close, holidays);
    }

    @Override
    public String toString() {
        if (alwaysOpen) {
            return "BusinessCalendar[24x7, " + zone + "]";
        }
        return "BusinessCalendar[" + workingDays + " " + open + "-" + close + " " + zone + ", "
                + holidays.size() + " holidays]";
    }

    /** Builds a calendar of working hours; not thread-safe. */
    public static final class Builder {
        private final ZoneId zone;
        private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private LocalTime open = LocalTime.of(9, 0);
        private LocalTime close = LocalTime.of(18, 0);
        private final ImmutableSet.Builder<LocalDate> holidays = ImmutableSet.builder();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Sets the working days of the week (replacing the default Monday to Friday).
         *
         * @param first a working day
         * @param more further working days
         * @return this builder
         */
        public Builder workingDays(DayOfWeek first, DayOfWeek... more) {
            requireNonNull(first, "first");
            this.workingDays = EnumSet.of(first, more);
            return this;
        }

        /**
         * Sets the daily opening hours.
         *
         * @param open when work starts
         * @param close when work ends, after {@code open} on the same day
         * @return this builder
         * @throws IllegalArgumentException if {@code close} is not after {@code open}
         */
        public Builder hours(LocalTime open, LocalTime close) {
            requireNonNull(open, "open");
            requireNonNull(close, "close");
            checkArgument(close.isAfter(open), "working hours %s-%s: close must be after open on the same day", open,
                    close);
            this.open = open;
            this.close = close;
            return this;
        }

        /**
         * Adds a holiday: a date without working hours.
         *
         * @param date the date, in the calendar's zone
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            holidays.add(requireNonNull(date, "date"));
            return this;
        }

        /**
         * Adds holidays.
         *
         * @param dates the dates, in the calendar's zone
         * @return this builder
         */
        public Builder holidays(Collection<LocalDate> dates) {
            holidays.addAll(requireNonNull(dates, "dates"));
            return this;
        }

        /** @return the calendar */
        public BusinessCalendar build() {
            return new BusinessCalendar(zone, false, workingDays, open, close, holidays.build());
        }
    }
}
