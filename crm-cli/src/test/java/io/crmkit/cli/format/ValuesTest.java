package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The value grammar of every input and the number format of every output. */
class ValuesTest {

    @Property
    void everyFormattedNumberReadsBackExactly(@ForAll double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        String text = Values.format(value);
        assertEquals(value + 0.0, Double.parseDouble(text), text);
        assertEquals(value + 0.0, Values.number(text), text);
        // never dozens of zeros: at most 17 significant digits plus sign, point, zeros before 1e-7 and exponent
        assertTrue(text.length() <= 32, text);
    }

    @Test
    void numbersArePlainBetweenTenToTheMinusSevenAndTenToTheTwentyOne() {
        assertEquals("1", Values.format(1.0));
        assertEquals("0", Values.format(-0.0));
        assertEquals("0.25", Values.format(0.25));
        assertEquals("-1234567.5", Values.format(-1234567.5));
        assertEquals("0.0000012", Values.format(1.2e-6));
        assertEquals("0.00000040401013469190335", Values.format(4.0401013469190335e-7));
        assertEquals("2.3840047804287733E-8", Values.format(2.3840047804287733e-8));
        assertEquals("100000000000000000000", Values.format(1e20));
        assertEquals("1.0E21", Values.format(1e21));
        assertEquals("30.428571428571427", Values.format(213.0 / 7));
    }

    @Test
    void theNumberGrammarIsPlainDecimalOrScientific() {
        for (String ok : new String[] {"0", "-1", "+2.5", ".5", "5.", "1e3", "1.5E-3", "007"}) {
            assertTrue(Values.isDecimal(ok), ok);
        }
        for (String bad : new String[] {"", "-", ".", "e3", "1e", "1e+", "0x1p3", "5d", "38.86f", "NaN", "Infinity",
                "-Infinity", "1,5", " 1", "1 ", "1..2", "１"}) {
            assertTrue(!Values.isDecimal(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Values.number(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Values.number("1e309"));
        assertThrows(IllegalArgumentException.class, () -> Values.number("-1e309"));
        assertThrows(IllegalArgumentException.class, () -> Values.number("1e-400"));
        assertEquals(0.0, Values.number("0e-400"));
        assertEquals(Double.MIN_VALUE, Values.number("4.9e-324"));
        assertEquals(Double.MAX_VALUE, Values.number("1.7976931348623157e308"));
    }

    @Property
    void theFastDatePathAgreesWithLocalDate(@ForAll @IntRange(min = -719162, max = 2932896) int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        assertEquals(epochDay, Values.epochDay(date.toString()));
        assertEquals(epochDay, Values.epochDay(date + "T23:59:59.999"));
    }

    @Test
    void theDateGrammarIsIsoDays() {
        for (String bad : new String[] {"2020-01-02Tgarbage", "2020-01-02T", "2020-01-02 ", "2020-02-30", "2020-13-01",
                "2020-00-10", "20200102", "2020/01/02", "2020-1-2", "+2020-01-02", "2020-01-02T25:00"}) {
            assertThrows(IllegalArgumentException.class, () -> Values.epochDay(bad), bad);
        }
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), Values.epochDay("2024-02-29"));
        // crmkit's instants lie in the years 1 to 9999: the year 0 is refused where it is read
        IllegalArgumentException year0 = assertThrows(IllegalArgumentException.class,
                () -> Values.epochDay("0000-06-01"));
        assertEquals("a date must lie in the years 1 to 9999", year0.getMessage());
        assertEquals(LocalDate.of(1, 1, 1).toEpochDay(), Values.epochDay("0001-01-01"));
    }

    @Test
    void quotedValuesHideControlCharactersAndPersonalData() {
        assertEquals("'c\\u0001x'", Values.quote("c\u0001x"));
        assertEquals("'138****5678'", Values.quote("13812345678"));
        assertEquals("'z***@example.com'", Values.quote("zhang.san@example.com"));
        assertEquals("'2020-01-02T10:00:00'", Values.quote("2020-01-02T10:00:00"));
        assertEquals("'12.5'", Values.quote("12.5"));
        assertEquals("'" + "a".repeat(40) + "...'", Values.quote("a".repeat(100)));
    }
}
