package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** CsvInput.Dialect: delimiters, date formats and the zone of a date-time with an offset. */
class DialectTest {

    private static long day(String y) {
        return LocalDate.parse(y).toEpochDay();
    }

    @Test
    void dateFormatsGiveTheCalendarDay() {
        assertEquals(day("1997-01-18"), CsvInput.Dialect.DEFAULT.epochDay("1997-01-18"));
        CsvInput.Dialect european = new CsvInput.Dialect(';', "dd/MM/yyyy", ZoneOffset.UTC);
        assertEquals(day("1997-01-18"), european.epochDay("18/01/1997"));
        // 23:30 at -05:00 is 04:30 the next day in UTC, still the same day in New York
        CsvInput.Dialect utc = new CsvInput.Dialect(',', "iso-offset", ZoneOffset.UTC);
        assertEquals(day("1997-01-02"), utc.epochDay("1997-01-01T23:30:00-05:00"));
        CsvInput.Dialect newYork = new CsvInput.Dialect(',', "iso-offset", ZoneId.of("America/New_York"));
        assertEquals(day("1997-01-01"), newYork.epochDay("1997-01-01T23:30:00-05:00"));
    }

    @Test
    void badFormatsAndCellsAreRefusedWithTheRule() {
        CsvInput.Dialect european = new CsvInput.Dialect(';', "dd/MM/yyyy", ZoneOffset.UTC);
        assertEquals("not a date of the format dd/MM/yyyy", assertThrows(IllegalArgumentException.class,
                () -> european.epochDay("1997-01-18")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CsvInput.Dialect(',', "dd/MM/yyyy qqqqqq{", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> new CsvInput.Dialect('"', "iso", ZoneOffset.UTC));
        // a pattern that can never give a day is refused when the dialect is made, before any cell is read
        assertEquals("the pattern gives no date: it needs a year with a month and a day (e.g. dd/MM/yyyy) or with a"
                + " day of the year", assertThrows(IllegalArgumentException.class,
                        () -> new CsvInput.Dialect(',', "HH:mm", ZoneOffset.UTC)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvInput.Dialect.checkDateFormat("zzz"));
        CsvInput.Dialect.checkDateFormat("uuuu-DDD");
    }
}
