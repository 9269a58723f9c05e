package io.crmkit.lifecycle.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
 *
 * <p><b>Range and cost.</b> Every instant given to or returned by a calendar lies between
 * {@link #MIN_INSTANT} (0001-01-01T00:00Z) and {@link #MAX_INSTANT} (the end of 9999-12-31, UTC),
 * the years ISO 8601 and SQL timestamps share; outside it a method throws
 * {@link IllegalArgumentException} naming the argument and the range. Within it, arithmetic never
 * walks day by day over the span: working weeks are periodic, so whole weeks are counted at once,
 * and only the days that differ from their weekday (holidays and days with a daylight-saving
 * change) are visited. The cost grows with the number of holidays and clock changes in the span,
 * never with its days, so ten thousand years take milliseconds.
 */
public final class BusinessCalendar {

    /** The earliest instant a calendar covers: 0001-01-01T00:00:00Z. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant a calendar covers: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** Spans up to this many days are summed day by day; longer ones jump whole weeks. */
    private static final int SHORT_SPAN_DAYS = 21;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime open;
    private final LocalTime close;
    private final ImmutableSortedSet<LocalDate> holidays;
    /** The length of a working day without a clock change. */
    private final Duration nominalDay;
    /** The working time of a week without holidays or clock changes. */
    private final Duration nominalWeek;

    private BusinessCalendar(ZoneId zone, boolean alwaysOpen, Set<DayOfWeek> workingDays, LocalTime open,
            LocalTime close, ImmutableSortedSet<LocalDate> holidays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.workingDays = Sets.immutableEnumSet(workingDays);
        this.open = open;
        this.close = close;
        this.holidays = holidays;
        this.nominalDay = Duration.between(open, close);
        this.nominalWeek = nominalDay.multipliedBy(workingDays.size());
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
                ImmutableSortedSet.of());
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
     * @param instant the instant, within {@link #MIN_INSTANT}–{@link #MAX_INSTANT}
     * @return true if the instant falls in working hours of a working, non-holiday day
     * @throws IllegalArgumentException if the instant is outside the calendar's range
     */
    public boolean isOpen(Instant instant) {
        checkRange("instant", instant);
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
     * {@code [from, to)}. Whole weeks are counted at once (see the class documentation), so any
     * span in range takes milliseconds.
     *
     * @param from the start, within {@link #MIN_INSTANT}–{@link #MAX_INSTANT}
     * @param to the end, not before the start, within the same range
     * @return the business time, zero or more
     * @throws IllegalArgumentException if {@code to} is before {@code from} or either is outside
     *         the calendar's range
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        checkRange("from", from);
        checkRange("to", to);
        checkArgument(!to.isBefore(from), "business time from %s to %s: the end is before the start", from, to);
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        if (first.equals(last)) {
            return within(first, from, to);
        }
        return within(first, from, MAX_INSTANT).plus(wholeDays(first.plusDays(1), last)).plus(within(last, MIN_INSTANT,
                to));
    }

    /**
     * Finds the instant at which a given amount of business time, counted from {@code from}, is
     * used up. With zero business time the answer is {@code from} itself. Whole weeks are jumped
     * at once, so any amount takes milliseconds.
     *
     * @param from the start, within {@link #MIN_INSTANT}–{@link #MAX_INSTANT}
     * @param businessTime the business time to add, zero or more
     * @return the instant the business time is used up
     * @throws IllegalArgumentException if the amount is negative, {@code from} is outside the
     *         calendar's range, or the business time is not used up by {@link #MAX_INSTANT}
     */
    public Instant plusBusinessTime(Instant from, Duration businessTime) {
        checkRange("from", from);
        requireNonNull(businessTime, "businessTime");
        checkArgument(!businessTime.isNegative(), "businessTime %s is negative: add zero or more", businessTime);
        if (businessTime.isZero()) {
            return from;
        }
        if (alwaysOpen) {
            checkArgument(businessTime.compareTo(Duration.between(from, MAX_INSTANT)) <= 0,
                    "businessTime %s from %s ends after %s, the last instant a business calendar covers", businessTime,
                    from, MAX_INSTANT);
            return from.plus(businessTime);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate lastDay = MAX_INSTANT.atZone(zone).toLocalDate();
        Duration remaining = businessTime;
        Duration firstDay = within(day, from, MAX_INSTANT);
        if (remaining.compareTo(firstDay) <= 0) {
            return latest(opening(day), from).plus(remaining);
        }
        remaining = remaining.minus(firstDay);
        day = day.plusDays(1);
        while (!day.isAfter(lastDay)) {
            long jump = Math.min(remaining.dividedBy(nominalWeek) - 1, ChronoUnit.WEEKS.between(day, lastDay));
            while (jump > 0) {
                LocalDate after = day.plusWeeks(jump);
                Duration worked = wholeDays(day, after);
                if (worked.compareTo(remaining) < 0) {
                    remaining = remaining.minus(worked);
                    day = after;
                    break;
                }
                jump /= 2;
            }
            if (jump > 0) {
                continue;
            }
            Duration available = isWorkingDay(day) ? dayLength(day) : Duration.ZERO;
            if (!available.isZero() && remaining.compareTo(available) <= 0) {
                Instant end = opening(day).plus(remaining);
                checkArgument(!end.isAfter(MAX_INSTANT),
                        "businessTime %s from %s ends after %s, the last instant a business calendar covers",
                        businessTime, from, MAX_INSTANT);
                return end;
            }
            remaining = remaining.minus(available);
            day = day.plusDays(1);
        }
        throw new IllegalArgumentException("businessTime " + businessTime + " from " + from + " ends after "
                + MAX_INSTANT + ", the last instant a business calendar covers");
    }

    /** The working time of one day that falls in {@code [from, to)}. */
    private Duration within(LocalDate day, Instant from, Instant to) {
        if (!isWorkingDay(day)) {
            return Duration.ZERO;
        }
        Instant start = latest(opening(day), from);
        Instant end = earliest(closing(day), to);
        return start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
    }

    /** The working hours of a day of a working weekday, holidays not considered (zero if the hours are skipped). */
    private Duration dayLength(LocalDate day) {
        Instant start = opening(day);
        Instant end = closing(day);
        return start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
    }

    /**
     * The working time of the whole days {@code [first, end)}: whole weeks at the nominal week,
     * the remaining days at the nominal day, then corrected on the only days that differ from
     * their weekday: days with a clock change (their real length) and holidays (nothing).
     */
    private Duration wholeDays(LocalDate first, LocalDate end) {
        long days = ChronoUnit.DAYS.between(first, end);
        if (days <= 0) {
            return Duration.ZERO;
        }
        if (days <= SHORT_SPAN_DAYS) {
            Duration sum = Duration.ZERO;
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                sum = sum.plus(isWorkingDay(d) ? dayLength(d) : Duration.ZERO);
            }
            return sum;
        }
        long weeks = days / 7;
        Duration sum = nominalWeek.multipliedBy(weeks);
        for (LocalDate d = first.plusWeeks(weeks); d.isBefore(end); d = d.plusDays(1)) {
            if (workingDays.contains(d.getDayOfWeek())) {
                sum = sum.plus(nominalDay);
            }
        }
        for (LocalDate d : clockChangeDays(first, end)) {
            if (workingDays.contains(d.getDayOfWeek())) {
                sum = sum.plus(dayLength(d)).minus(nominalDay);
            }
        }
        for (LocalDate h : holidays.subSet(first, end)) {
            if (workingDays.contains(h.getDayOfWeek())) {
                sum = sum.minus(dayLength(h));
            }
        }
        return sum;
    }

    /** The days in {@code [first, end)} on which the zone's offset changes (at most two a year). */
    private Set<LocalDate> clockChangeDays(LocalDate first, LocalDate end) {
        ZoneRules rules = zone.getRules();
        Set<LocalDate> days = new TreeSet<>();
        if (rules.isFixedOffset()) {
            return days;
        }
        Instant stop = end.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition t = rules.nextTransition(first.minusDays(1).atStartOfDay(zone).toInstant());
        while (t != null && t.getInstant().isBefore(stop)) {
            for (LocalDate d : List.of(t.getDateTimeBefore().toLocalDate(), t.getDateTimeAfter().toLocalDate())) {
                if (!d.isBefore(first) && d.isBefore(end)) {
                    days.add(d);
                }
            }
            t = rules.nextTransition(t.getInstant());
        }
        return days;
    }

    private static void checkRange(String field, Instant instant) {
        requireNonNull(instant, field);
        checkArgument(!instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT),
                "%s %s is outside %s to %s, the instants a business calendar covers", field, instant, MIN_INSTANT,
                MAX_INSTANT);
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
        private final ImmutableSortedSet.Builder<LocalDate> holidays = ImmutableSortedSet.naturalOrder();

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
