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

    /**
     * Against Java 17's {@code Double.toString}, which crm wrote with before: the text is never
     * longer in significant digits (counted from two, as both show at least {@code d.d}), and
     * where it has as many, its value is at least as close to
     * the double's exact binary value (Schubfach's shortest-then-closest rule, JDK-4511638); both
     * read back as the same double.
     */
    @Property(tries = 20000)
    void theTextIsNeverLongerNorFartherThanJava17s(@ForAll long bits) {
        double value = Double.longBitsToDouble(bits);
        if (!Double.isFinite(value)) {
            return;
        }
        String now = Values.format(value);
        String before = Values.plain(Double.toString(value + 0.0));
        java.math.BigDecimal nowValue = new java.math.BigDecimal(now);
        java.math.BigDecimal beforeValue = new java.math.BigDecimal(before);
        assertEquals(value + 0.0, Double.parseDouble(now), now);
        assertEquals(value + 0.0, Double.parseDouble(before), before);
        // both forms show at least two digits (d.d): Java 17 writes 1.0E-323 for 2 * 4.9E-324, Schubfach the closer 9.9E-324
        int nowDigits = Math.max(2, nowValue.stripTrailingZeros().precision());
        int beforeDigits = Math.max(2, beforeValue.stripTrailingZeros().precision());
        assertTrue(nowDigits <= beforeDigits, now + " vs Java 17 " + before);
        if (nowDigits == beforeDigits && value != 0) {
            java.math.BigDecimal exact = new java.math.BigDecimal(value);
            assertTrue(nowValue.subtract(exact).abs().compareTo(beforeValue.subtract(exact).abs()) <= 0,
                    now + " vs Java 17 " + before);
        }
    }

    /** The same property on the values the commands write most: times in weeks, means of amounts in cents. */
    @Property(tries = 5000)
    void weeksAndMeanAmountsAreNeverLongerThanJava17s(@ForAll @IntRange(min = 0, max = 3_000_000) int days,
            @ForAll @IntRange(min = 1, max = 100_000_000) int cents, @ForAll @IntRange(min = 1, max = 500) int repeats) {
        for (double value : new double[] {days / 7.0, cents / 100.0 / repeats}) {
            String now = Values.format(value);
            String before = Values.plain(Double.toString(value));
            assertEquals(value, Values.number(now), now);
            assertTrue(now.length() <= before.length(), now + " vs Java 17 " + before);
        }
    }

    @Test
    void theDigitsAreJava19s() {
        // Java 17 writes 2.9453307538430272E16, 4.6566128730773926E-10 (2^-31) and 9.999999999999999E22 (1e23)
        assertEquals("29453307538430270", Values.format(2.9453307538430272E16));
        assertEquals("4.656612873077393E-10", Values.format(0x1p-31));
        assertEquals("1.0E23", Values.format(1e23));
        assertEquals("4.9E-324", Values.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Values.format(Double.MAX_VALUE));
        assertEquals("76.71428571428571", Values.format(537.0 / 7));
    }

    /**
     * Every double's texts — Java's shortest form, the exact binary expansion (hundreds of
     * digits), and 17 significant digits in plain and scientific form — read to the same bits as
     * {@link Double#parseDouble} reads them.
     */
    @Property(tries = 5000)
    void everyDoublesTextsReadAsParseDoubleReadsThem(@ForAll long bits) {
        double value = Math.abs(Double.longBitsToDouble(bits));
        if (!Double.isFinite(value)) {
            return;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(value);
        for (String text : new String[] {Double.toString(value), exact.toPlainString(), exact.toString(),
                String.format(java.util.Locale.ROOT, "%.16e", value), "-" + Double.toString(value),
                exact.round(new java.math.MathContext(17)).toPlainString()}) {
            double expected = Double.parseDouble(text);
            if (expected == 0 && value != 0) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(expected + 0.0), Double.doubleToRawLongBits(Values.number(text)),
                    text);
        }
    }

    /** Midpoints between neighbouring doubles, the hardest texts to round, read as parseDouble reads them (ties to even). */
    @Property(tries = 5000)
    void halfwayTextsRoundAsParseDoubleRoundsThem(@ForAll long bits) {
        double value = Math.abs(Double.longBitsToDouble(bits));
        if (!Double.isFinite(value) || value == Double.MAX_VALUE) {
            return;
        }
        java.math.BigDecimal low = new java.math.BigDecimal(value);
        java.math.BigDecimal high = new java.math.BigDecimal(Math.nextUp(value));
        java.math.BigDecimal mid = low.add(high).divide(java.math.BigDecimal.valueOf(2));
        for (java.math.BigDecimal t : new java.math.BigDecimal[] {mid, mid.add(java.math.BigDecimal.ONE.movePointLeft(
                mid.scale() + 2)), mid.subtract(java.math.BigDecimal.ONE.movePointLeft(mid.scale() + 2))}) {
            String text = t.toString();
            double expected = Double.parseDouble(text);
            if (expected == 0 || Double.isInfinite(expected)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Values.number(text)), text);
        }
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

    /**
     * Decimal texts around the edges of the exact fast path (mantissas near 2^53, powers of ten
     * near ±22, leading and trailing zeros, signs, exponents): every one reads as
     * {@link Double#parseDouble} reads it, to the bit.
     */
    @Property(tries = 3000)
    void everyDecimalReadsAsParseDoubleReadsIt(@ForAll @IntRange(min = 0, max = 19) int intDigits,
            @ForAll @IntRange(min = 0, max = 19) int fractionDigits, @ForAll @IntRange(min = -30, max = 30) int exponent,
            @ForAll @IntRange(min = 0, max = 3) int form, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder b = new StringBuilder();
        if (form == 1) {
            b.append('-');
        } else if (form == 2) {
            b.append('+');
        }
        for (int i = 0; i < intDigits; i++) {
            b.append((char) ('0' + (random.nextInt(4) == 0 ? 0 : random.nextInt(10))));
        }
        if (fractionDigits > 0 || intDigits == 0) {
            b.append('.');
            for (int i = 0; i < Math.max(1, fractionDigits); i++) {
                b.append((char) ('0' + (random.nextInt(4) == 0 ? 0 : random.nextInt(10))));
            }
        }
        if (form == 3 || exponent % 3 == 0) {
            b.append(random.nextBoolean() ? 'e' : 'E').append(exponent);
        }
        String text = b.toString();
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text) + 0.0),
                Double.doubleToRawLongBits(Values.number(text)), text);
    }

    @Test
    void theFastPathStopsWhereADoubleStopsBeingExact() {
        for (String text : new String[] {"9007199254740992", "9007199254740993", "9007199254740993e-3", "1e22", "1e23",
                "1e-22", "1e-23", "8.98846567431158e307", "76.71428571428571", "0.1", "-0", "-0.0e5", "000.000",
                "123456789012345678901234567890", "4.35", "0.00000040401013469190335", "2.3840047804287733E-8"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text) + 0.0),
                    Double.doubleToRawLongBits(Values.number(text)), text);
        }
    }

    @Property
    void theFastDatePathAgreesWithLocalDate(@ForAll @IntRange(min = -719162, max = 2932896) int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        assertEquals(epochDay, Values.epochDay(date.toString()));
        assertEquals(epochDay, Values.epochDay(date + "T23:59:59.999"));
    }

    @Test
    void rememberedDaysAreRightOnEveryThreadAndBadTextStaysBad() throws InterruptedException {
        // every day of 40 years, 8 times over, from four threads at once: more days than the memo's slots,
        // so slots are overwritten while other threads read them
        java.util.concurrent.atomic.AtomicReference<String> wrong = new java.util.concurrent.atomic.AtomicReference<>();
        Thread[] threads = new Thread[4];
        for (int k = 0; k < threads.length; k++) {
            int offset = k * 997;
            threads[k] = new Thread(() -> {
                int first = (int) LocalDate.of(1990, 1, 1).toEpochDay();
                int days = 40 * 366;
                for (int i = 0; i < 8 * days; i++) {
                    int day = first + (i * 7919 + offset) % days;
                    String text = LocalDate.ofEpochDay(day).toString();
                    if (Values.epochDay(text) != day) {
                        wrong.compareAndSet(null, text + " read as " + Values.epochDay(text));
                    }
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, wrong.get());
        Values.epochDay("2020-01-02");
        Values.epochDay("2020-02-29");
        for (String bad : new String[] {"2020-01-02Tgarbage", "2020-02-30", "2021-02-29", "0000-01-02"}) {
            assertThrows(IllegalArgumentException.class, () -> Values.epochDay(bad), bad);
        }
    }

    @Test
    void theDateGrammarIsIsoDays() {
        for (String bad : new String[] {"2020-01-02Tgarbage", "2020-01-02T", "2020-01-02 ", "2020-02-30", "2020-13-01",
                "2020-00-10", "20200102", "2020/01/02", "2020-1-2", "+2020-01-02", "2020-01-02T25:00"}) {
            assertThrows(IllegalArgumentException.class, () -> Values.epochDay(bad), bad);
        }
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), Values.epochDay("2024-02-29"));
        // year 0000 used to read as a day 738155 days before 2021, though dates lie in the years 1 to 9999
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Values.epochDay("0000-01-01"));
        assertEquals("a date must lie in the years 1 to 9999", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Values.instant("0000-12-31T23:00Z", java.time.ZoneOffset.UTC));
        assertEquals(LocalDate.of(1, 1, 1).toEpochDay(), Values.epochDay("0001-01-01"));
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), Values.epochDay("9999-12-31"));
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
