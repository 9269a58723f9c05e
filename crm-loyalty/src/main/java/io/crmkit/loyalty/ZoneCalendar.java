package io.crmkit.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The program's calendar arithmetic on instants, exactly as {@link java.time.ZonedDateTime} does
 * it, without a zoned date-time per call. {@code plusMonths} shifts the local date-time by months on
 * epoch days and keeps the instant's offset whenever the zone's offset at the result is that same
 * offset (then that offset is valid for the shifted local date-time, and it is the one
 * {@code ZonedDateTime.plusMonths} keeps); only near an offset change does it fall back to
 * {@code ZonedDateTime}. Immutable and thread-safe.
 */
final class ZoneCalendar {

    private static final long DAY = 86_400;

    private final ZoneId zone;
    private final ZoneRules rules;

    ZoneCalendar(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** @return {@code t.atZone(zone).plusMonths(months).toInstant()} */
    Instant plusMonths(Instant t, long months) {
        int offset = rules.getOffset(t).getTotalSeconds();
        long local = t.getEpochSecond() + offset;
        long day = Math.floorDiv(local, DAY);
        long second = local - day * DAY;
        long shifted = LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay();
        Instant result = Instant.ofEpochSecond(shifted * DAY + second - offset, t.getNano());
        if (rules.getOffset(result).getTotalSeconds() == offset) {
            return result;
        }
        return t.atZone(zone).plusMonths(months).toInstant();
    }

    /** @return the epoch day of {@code t.atZone(zone).toLocalDate()} */
    long epochDay(Instant t) {
        return Math.floorDiv(t.getEpochSecond() + rules.getOffset(t).getTotalSeconds(), DAY);
    }

    /** @return {@code t.atZone(zone).toLocalDate()} */
    LocalDate date(Instant t) {
        return LocalDate.ofEpochDay(epochDay(t));
    }

    /** @return the first instant of a day in the zone, {@code day.atStartOfDay(zone).toInstant()} */
    Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
