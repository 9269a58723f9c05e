package io.crmkit.lifecycle.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-03-02 00:00 in Shanghai. */
    static final Instant MONDAY = Instant.parse("2026-03-01T16:00:00Z");

    private final BusinessCalendar weekdays = BusinessCalendar.builder(SHANGHAI).hours(LocalTime.of(9, 0),
            LocalTime.of(17, 30)).holiday(LocalDate.of(2026, 3, 4)).build();

    @Test
    void aWorkingWeekWithOneHolidayHasFourWorkingDays() {
        Duration week = weekdays.businessTimeBetween(MONDAY, MONDAY.plus(Duration.ofDays(7)));
        assertEquals(Duration.ofMinutes(4 * 8 * 60 + 4 * 30), week);
    }

    @Test
    void businessTimeEndsAtClosingAndResumesAtTheNextOpening() {
        Instant mondayFive = MONDAY.plus(Duration.ofHours(17));
        assertEquals(Instant.parse("2026-03-03T01:30:00Z"), weekdays.plusBusinessTime(mondayFive, Duration.ofHours(1)));
        Instant tuesdayFive = MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(17));
        // Wednesday is a holiday: Thursday 09:30
        assertEquals(Instant.parse("2026-03-05T01:30:00Z"), weekdays.plusBusinessTime(tuesdayFive, Duration.ofHours(1)));
    }

    @Test
    void isOpenFollowsDaysHoursAndHolidays() {
        assertTrue(weekdays.isOpen(MONDAY.plus(Duration.ofHours(9))));
        assertFalse(weekdays.isOpen(MONDAY.plus(Duration.ofHours(8))));
        assertFalse(weekdays.isOpen(MONDAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(10))));
        assertFalse(weekdays.isOpen(MONDAY.plus(Duration.ofDays(5)).plus(Duration.ofHours(10))));
        assertTrue(BusinessCalendar.alwaysOpen(ZoneOffset.UTC).isOpen(MONDAY));
    }

    @Test
    void badInputIsRejectedWithTheRule() {
        IllegalArgumentException hours = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.builder(SHANGHAI).hours(LocalTime.of(18, 0), LocalTime.of(9, 0)));
        assertEquals("working hours 18:00-09:00: close must be after open on the same day", hours.getMessage());
        assertThrows(IllegalArgumentException.class, () -> weekdays.businessTimeBetween(MONDAY, MONDAY.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> weekdays.plusBusinessTime(MONDAY, Duration.ofHours(-1)));
    }

    @Test
    void sundayOnlyCalendarsWork() {
        BusinessCalendar sundays = BusinessCalendar.builder(ZoneOffset.UTC).workingDays(DayOfWeek.SUNDAY).build();
        assertEquals(Duration.ofHours(9), sundays.businessTimeBetween(MONDAY, MONDAY.plus(Duration.ofDays(7))));
    }

    @Property(tries = 300)
    void addingBusinessTimeThenMeasuringItGivesItBack(@ForAll @IntRange(min = 0, max = 60 * 24 * 30) int startMinutes,
            @ForAll @IntRange(min = 0, max = 60 * 100) int businessMinutes) {
        Instant start = MONDAY.plus(Duration.ofMinutes(startMinutes));
        Duration amount = Duration.ofMinutes(businessMinutes);
        Instant end = weekdays.plusBusinessTime(start, amount);
        assertEquals(amount, weekdays.businessTimeBetween(start, end));
    }

    @Property(tries = 300)
    void businessTimeIsAdditive(@ForAll @IntRange(min = 0, max = 60 * 24 * 30) int a,
            @ForAll @IntRange(min = 0, max = 60 * 24 * 30) int b, @ForAll @IntRange(min = 0, max = 60 * 24 * 30) int c) {
        int[] sorted = java.util.stream.IntStream.of(a, b, c).sorted().toArray();
        Instant x = MONDAY.plus(Duration.ofMinutes(sorted[0]));
        Instant y = MONDAY.plus(Duration.ofMinutes(sorted[1]));
        Instant z = MONDAY.plus(Duration.ofMinutes(sorted[2]));
        assertEquals(weekdays.businessTimeBetween(x, z),
                weekdays.businessTimeBetween(x, y).plus(weekdays.businessTimeBetween(y, z)));
    }
}
