package io.crmkit.lifecycle.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Business-calendar arithmetic over any span it accepts (issue 10 §3): it agrees with a plain
 * day-by-day count where that is affordable, finishes fast over ten thousand years, stays additive
 * and invertible, and refuses what it cannot represent with the argument and the range.
 */
class BusinessCalendarSpanTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant FIRST = BusinessCalendar.MIN_INSTANT;
    static final Instant LAST = BusinessCalendar.MAX_INSTANT;

    /** A calendar's definition, kept so that the reference can count with it independently. */
    record Definition(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, List<LocalDate> holidays) {

        BusinessCalendar calendar() {
            DayOfWeek[] rest = days.stream().skip(1).toArray(DayOfWeek[]::new);
            return BusinessCalendar.builder(zone).workingDays(days.iterator().next(), rest).hours(open, close)
                    .holidays(holidays).build();
        }

        /** Day by day, the way the calendar is defined (the reference; affordable for a few years). */
        Duration reference(Instant from, Instant to) {
            Duration sum = Duration.ZERO;
            for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(to.atZone(zone).toLocalDate());
                    d = d.plusDays(1)) {
                if (!days.contains(d.getDayOfWeek()) || holidays.contains(d)) {
                    continue;
                }
                Instant start = max(wallClock(d, open), from);
                Instant end = min(wallClock(d, close), to);
                if (start.isBefore(end)) {
                    sum = sum.plus(Duration.between(start, end));
                }
            }
            return sum;
        }

        /** A skipped wall-clock time maps to the jump, a repeated one to its first occurrence. */
        private Instant wallClock(LocalDate d, LocalTime t) {
            LocalDateTime local = d.atTime(t);
            ZoneOffsetTransition tr = zone.getRules().getTransition(local);
            return tr != null && tr.isGap() ? tr.getInstant() : ZonedDateTime.of(local, zone).toInstant();
        }
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Provide
    Arbitrary<Definition> definitions() {
        Arbitrary<ZoneId> zones = Arbitraries.of(BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Asia/Shanghai"),
                ZoneId.of("Australia/Lord_Howe"));
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.values()).set().ofMinSize(1).ofMaxSize(7)
                .map(s -> EnumSet.copyOf(s));
        Arbitrary<Integer> openMinute = Arbitraries.integers().between(0, 22 * 60);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 12 * 60);
        Arbitrary<List<LocalDate>> holidays = Arbitraries.integers().between(0, 4 * 366)
                .map(i -> LocalDate.of(2024, 1, 1).plusDays(i)).list().ofMaxSize(40);
        return Combinators.combine(zones, days, openMinute, length, holidays).as((z, d, o, l, h) -> {
            LocalTime open = LocalTime.ofSecondOfDay(o * 60L);
            LocalTime close = LocalTime.ofSecondOfDay(Math.min(o + l, 24 * 60 - 1) * 60L);
            return new Definition(z, d, open, close, h);
        });
    }

    @Property(tries = 200)
    void agreesWithTheDayByDayCountOverYearsOfClockChangesAndHolidays(@ForAll("definitions") Definition def,
            @ForAll @LongRange(min = 0, max = 4L * 366 * 24 * 60) long startMinute,
            @ForAll @LongRange(min = 0, max = 3L * 366 * 24 * 60) long spanMinutes) {
        Instant from = Instant.parse("2023-12-25T00:00:00Z").plus(Duration.ofMinutes(startMinute));
        Instant to = from.plus(Duration.ofMinutes(spanMinutes));
        BusinessCalendar cal = def.calendar();
        Duration expected = def.reference(from, to);
        assertEquals(expected, cal.businessTimeBetween(from, to), def + " " + from + " " + to);
        Instant end = cal.plusBusinessTime(from, expected);
        assertEquals(expected, cal.businessTimeBetween(from, end));
        if (!expected.isZero()) {
            assertTrue(cal.businessTimeBetween(from, end.minusNanos(1)).compareTo(expected) < 0,
                    "the earliest instant at which the time is used up");
        }
    }

    @Property(tries = 100)
    void anySpanUpToTenThousandYearsIsFastAdditiveAndInvertible(@ForAll("definitions") Definition def,
            @ForAll @LongRange(min = 0, max = 3_652_058L * 24 * 60) long a,
            @ForAll @LongRange(min = 0, max = 3_652_058L * 24 * 60) long b,
            @ForAll @LongRange(min = 0, max = 3_652_058L * 24 * 60) long c) {
        long[] m = java.util.stream.LongStream.of(a, b, c).sorted().toArray();
        Instant x = FIRST.plus(Duration.ofMinutes(m[0]));
        Instant y = FIRST.plus(Duration.ofMinutes(m[1]));
        Instant z = FIRST.plus(Duration.ofMinutes(m[2]));
        BusinessCalendar cal = def.calendar();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Duration xz = cal.businessTimeBetween(x, z);
            assertEquals(xz, cal.businessTimeBetween(x, y).plus(cal.businessTimeBetween(y, z)));
            Instant end = cal.plusBusinessTime(x, xz);
            assertEquals(xz, cal.businessTimeBetween(x, end));
            assertTrue(!end.isAfter(z));
        });
    }

    @Test
    void tenThousandYearsOfOfficeHoursInAZoneWithDaylightSavingTakeMilliseconds() {
        BusinessCalendar office = BusinessCalendar.builder(BERLIN).holiday(LocalDate.of(2026, 12, 25)).build();
        long started = System.nanoTime();
        Duration all = office.businessTimeBetween(FIRST, LAST);
        Instant end = office.plusBusinessTime(FIRST, all);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(all, office.businessTimeBetween(FIRST, end));
        assertTrue(millis < 2_000, millis + " ms");
        // about 5 x 9 h for each of the 521,722 weeks: within one day's hours per clock change and holiday
        Duration nominal = Duration.ofHours(45).multipliedBy(3_652_059L / 7);
        assertTrue(all.minus(nominal).abs().compareTo(Duration.ofHours(9 * 20_000)) < 0, all.toString());
    }

    @Test
    void whatACalendarCannotRepresentIsRefusedWithTheArgumentAndTheRange() {
        BusinessCalendar office = BusinessCalendar.builder(BERLIN).build();
        BusinessCalendar always = BusinessCalendar.alwaysOpen(BERLIN);
        for (BusinessCalendar cal : List.of(office, always)) {
            IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                    () -> cal.businessTimeBetween(Instant.MIN, FIRST));
            assertEquals("from -1000000000-01-01T00:00:00Z is outside 0001-01-01T00:00:00Z to "
                    + "9999-12-31T23:59:59.999999999Z, the instants a business calendar covers", early.getMessage());
            assertThrows(IllegalArgumentException.class, () -> cal.isOpen(Instant.MAX));
            IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
                    () -> cal.plusBusinessTime(Instant.parse("9999-12-01T00:00:00Z"), Duration.ofDays(365)));
            assertTrue(beyond.getMessage().endsWith("ends after 9999-12-31T23:59:59.999999999Z, the last instant a "
                    + "business calendar covers"), beyond.getMessage());
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(IllegalArgumentException.class,
                    () -> cal.plusBusinessTime(FIRST, Duration.ofSeconds(Long.MAX_VALUE))));
        }
    }

    @Test
    void targetsLongerThanTheCalendarsSpanAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlaPolicy.builder(
                BusinessCalendar.alwaysOpen(BERLIN)).target(SlaClock.RESOLUTION, Duration.ofDays(4_000_000)));
        assertEquals("target PT96000000H for RESOLUTION clock of LOW complaints is longer than "
                + "PT87649415H59M59.999999999S, the span a business calendar covers", e.getMessage());
        SlaPolicy centuries = SlaPolicy.builder(BusinessCalendar.alwaysOpen(BERLIN))
                .target(SlaClock.RESOLUTION, Duration.ofDays(3_000_000)).build();
        assertEquals(Duration.ofDays(3_000_000), centuries.target(Severity.LOW, SlaClock.RESOLUTION));
    }
}
