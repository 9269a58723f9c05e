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
    void workingHoursAcrossDaylightSavingChangesCountTheHoursReallyWorked() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar nights = BusinessCalendar.builder(berlin).workingDays(DayOfWeek.SUNDAY)
                .hours(LocalTime.of(0, 0), LocalTime.of(6, 0)).build();
        // Sunday 2026-03-29: clocks jump from 02:00 to 03:00, so 00:00-06:00 lasts 5 hours
        Instant springSunday = Instant.parse("2026-03-28T23:00:00Z");
        assertEquals(Duration.ofHours(5), nights.businessTimeBetween(springSunday, springSunday.plus(Duration.ofDays(1))));
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), nights.plusBusinessTime(springSunday, Duration.ofHours(5)),
                "06:00 summer time");
        // Sunday 2026-10-25: clocks fall back from 03:00 to 02:00, so 00:00-06:00 lasts 7 hours
        Instant autumnSunday = Instant.parse("2026-10-24T22:00:00Z");
        assertEquals(Duration.ofHours(7), nights.businessTimeBetween(autumnSunday, autumnSunday.plus(Duration.ofDays(1))));
        assertEquals(Instant.parse("2026-10-25T05:00:00Z"), nights.plusBusinessTime(autumnSunday, Duration.ofHours(7)),
                "06:00 winter time");
        assertEquals(Duration.ofHours(23), BusinessCalendar.alwaysOpen(berlin).businessTimeBetween(springSunday,
                Instant.parse("2026-03-29T22:00:00Z")), "24x7 counts the 23-hour day as 23 hours");
        BusinessCalendar office = BusinessCalendar.builder(berlin).build();
        Instant fridayBefore = Instant.parse("2026-03-27T17:00:00Z");
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), office.plusBusinessTime(fridayBefore, Duration.ofHours(1)),
                "from Friday 18:00 CET (closing) one business hour ends Monday 10:00 CEST");
    }

    @Test
    void workingHoursThatStartInTheSpringForwardGapStartWhenTheClocksJump() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant springSunday = Instant.parse("2026-03-28T23:00:00Z");
        Instant jump = Instant.parse("2026-03-29T01:00:00Z"); // 02:00 CET becomes 03:00 CEST
        // 02:30-05:00 on the day 02:00-03:00 does not exist: open from 03:00 CEST to 05:00 CEST
        BusinessCalendar early = BusinessCalendar.builder(berlin).workingDays(DayOfWeek.SUNDAY)
                .hours(LocalTime.of(2, 30), LocalTime.of(5, 0)).build();
        assertEquals(Duration.ofHours(2), early.businessTimeBetween(springSunday, springSunday.plus(Duration.ofDays(1))));
        assertTrue(early.isOpen(jump), "03:00 CEST is within 02:30-05:00");
        assertEquals(jump.plus(Duration.ofMinutes(30)), early.plusBusinessTime(springSunday, Duration.ofMinutes(30)));
        // 02:00-02:30 never happens that day
        BusinessCalendar vanished = BusinessCalendar.builder(berlin).workingDays(DayOfWeek.SUNDAY)
                .hours(LocalTime.of(2, 0), LocalTime.of(2, 30)).build();
        assertEquals(Duration.ZERO, vanished.businessTimeBetween(springSunday, springSunday.plus(Duration.ofDays(1))));
        assertFalse(vanished.isOpen(jump.plus(Duration.ofMinutes(15))), "03:15 CEST is not within 02:00-02:30");
        assertEquals(Duration.ofMinutes(30), vanished.businessTimeBetween(springSunday,
                springSunday.plus(Duration.ofDays(8))), "the next Sunday has its half hour");
    }

    @Test
    void holidaysAroundAWeekendJoinIntoOneClosure() {
        // Friday 2026-05-01 and Monday 2026-05-04 are holidays: from Thursday 17:00 the next hour ends Tuesday 09:30
        BusinessCalendar mayDay = BusinessCalendar.builder(SHANGHAI).hours(LocalTime.of(9, 0), LocalTime.of(17, 30))
                .holiday(LocalDate.of(2026, 5, 1)).holiday(LocalDate.of(2026, 5, 4)).build();
        Instant thursdayFive = Instant.parse("2026-04-30T09:00:00Z");
        assertEquals(Instant.parse("2026-05-05T01:30:00Z"), mayDay.plusBusinessTime(thursdayFive, Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1), mayDay.businessTimeBetween(thursdayFive, Instant.parse("2026-05-05T01:30:00Z")));
        assertFalse(mayDay.isWorkingDay(LocalDate.of(2026, 5, 2)));
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
