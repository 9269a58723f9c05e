package io.crmkit.cli.format;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The value grammar shared by every {@code crm} input, and the number format of every output.
 *
 * <ul>
 *   <li>Numbers: plain decimal or scientific text, {@code [+-]digits[.digits][(e|E)[+-]digits]}
 *       (a leading or trailing point is allowed: {@code .5}, {@code 5.}); nothing else — no
 *       hexadecimal ({@code 0x1p3}), no type suffixes ({@code 5d}, {@code 38.86f}), no
 *       {@code NaN} or {@code Infinity}, no value beyond the {@code double} range ({@code 1e309})
 *       and no non-zero value so small that it would read as 0 ({@code 1e-400}).</li>
 *   <li>Dates: ISO {@code yyyy-MM-dd}, optionally followed by {@code T} or one space and an ISO
 *       time of day ({@code HH:mm}, {@code HH:mm:ss}, with fraction); the day counts; the year
 *       lies from 1 to 9999 ({@code 0000-01-01} is refused).</li>
 *   <li>Customer ids: the rules of crm-core's {@link CustomerId} — a visible character, at most
 *       {@value CustomerId#MAX_LENGTH} characters, no control characters.</li>
 * </ul>
 * The checks build no text for a valid value: messages are made only when a value is refused.
 */
public final class Values {

    /** Longest piece of a refused value that a message quotes. */
    private static final int QUOTE_LENGTH = 40;

    private Values() {
    }

    /** The rule of the number grammar, as messages state it. */
    public static final String NUMBER_RULE =
            "not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)";

    /** The rule of the date grammar, as messages state it. */
    public static final String DATE_RULE = "not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss])";

    /**
     * Whether the text follows the number grammar (sign, digits, optional point and fraction,
     * optional exponent), without converting it.
     *
     * @param s the text
     * @return true for plain decimal or scientific text
     */
    public static boolean isDecimal(CharSequence s) {
        byte[] b = latin1(s.toString());
        return isDecimal(b, 0, b.length);
    }

    /**
     * The text as one byte a character, a character beyond Latin-1 as {@code ?}: the grammars of
     * numbers and dates are ASCII, so a text is in them exactly when its bytes are, and the byte
     * readers below serve both the strings of options and parsed cells and the bytes of plain lines.
     */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@link #isDecimal(CharSequence)} of the ASCII text {@code s[from, to)}. */
    private static boolean isDecimal(byte[] s, int from, int to) {
        int i = from;
        if (i < to && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(s[i])) {
            i++;
            digits++;
        }
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && isDigit(s[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < to && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < to && isDigit(s[i])) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads a number of the grammar.
     *
     * @param text the text
     * @return the value, finite; {@code -0} reads as 0
     * @throws IllegalArgumentException with the rule when the text is outside the grammar or the
     *     value outside the range of {@code double} (a message without file, line or value; callers
     *     that know them use {@link CsvInput#number(int)})
     */
    public static double number(String text) {
        byte[] b = latin1(text);
        return number(b, 0, b.length, null);
    }

    /**
     * {@link #number(String)} of the ASCII text {@code s[from, to)}, as a cell of a plain line is
     * read without making a string of it.
     *
     * @param s the bytes
     * @param from the first byte of the text
     * @param to one past its last
     * @param chars a buffer the general reader may use, or null (one is made when it is too short)
     * @return the value, finite
     * @throws IllegalArgumentException as {@link #number(String)}
     */
    static double number(byte[] s, int from, int to, char[] chars) {
        double exact = shortDecimal(s, from, to);
        if (exact == exact) {
            return exact;
        }
        if (!isDecimal(s, from, to)) {
            throw new IllegalArgumentException(NUMBER_RULE);
        }
        // FastDoubleParser (inside jackson-core): the correctly rounded value, as Double.parseDouble
        // gives it, without the slow big-number path JDK 17 takes for 16-17 digits such as
        // 76.71428571428571 (the text of every other recency and T in weeks)
        int n = to - from;
        char[] text = chars != null && chars.length >= n ? chars : new char[n];
        for (int i = 0; i < n; i++) {
            text[i] = (char) s[from + i];
        }
        double v = NumberInput.parseDouble(text, 0, n, true);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("out of range: beyond ±1.7976931348623157e308, the largest double");
        }
        if (v == 0 && hasNonZeroDigit(s, from, to)) {
            throw new IllegalArgumentException("out of range: so close to 0 that it would read as 0");
        }
        return v + 0.0;
    }

    /** The largest mantissa a double holds exactly, 2^53. */
    private static final long EXACT_MANTISSA = 1L << 53;

    /** The powers of ten a double holds exactly, 10^0 to 10^22. */
    private static final double[] EXACT_POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The value of a text of the number grammar whose digits, without the point, make a whole
     * number m of at most 2^53 and whose power of ten e (exponent minus fraction digits) lies in
     * -22..22, or NaN for any other text (which {@link #number(String)} then reads the general
     * way). Both m and 10^|e| are exact doubles, so the one multiplication or division rounds
     * correctly: the result is the double nearest the decimal, as {@link Double#parseDouble}
     * gives it (Clinger's fast path: W. D. Clinger, "How to read floating point numbers
     * accurately", PLDI 1990). Most cells of the commands' files are such numbers (prices,
     * counts, the 16-digit output of {@link #format(double)} below 9.007...e15 in its digits); the
     * rest are read by FastDoubleParser (W. Charlton's Java port of D. Lemire's fast_float,
     * "Number Parsing at a Gigabyte per Second", Software: Practice and Experience 51(8), 2021),
     * which jackson-core ships.
     */
    private static double shortDecimal(byte[] s, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 32) {
            return Double.NaN;
        }
        int i = from;
        byte c = s[i];
        boolean negative = c == '-';
        if (negative || c == '+') {
            i++;
        }
        long m = 0;
        int digits = 0;
        while (i < to && (c = s[i]) >= '0' && c <= '9') {
            m = m * 10 + (c - '0');
            if (m > EXACT_MANTISSA) {
                return Double.NaN;
            }
            digits++;
            i++;
        }
        int fraction = 0;
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && (c = s[i]) >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                if (m > EXACT_MANTISSA) {
                    return Double.NaN;
                }
                fraction++;
                i++;
            }
        }
        if (digits + fraction == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && ((c = s[i]) == 'e' || c == 'E')) {
            i++;
            boolean down = i < to && s[i] == '-';
            if (i < to && (down || s[i] == '+')) {
                i++;
            }
            int first = i;
            while (i < to && (c = s[i]) >= '0' && c <= '9' && i - first < 4) {
                exponent = exponent * 10 + (c - '0');
                i++;
            }
            if (i == first) {
                return Double.NaN;
            }
            exponent = down ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (m == 0) {
            return 0.0;
        }
        int power = exponent - fraction;
        double v = m;
        if (power > 0) {
            if (power > 22) {
                return Double.NaN;
            }
            v *= EXACT_POWERS[power];
        } else if (power < 0) {
            if (power < -22) {
                return Double.NaN;
            }
            v /= EXACT_POWERS[-power];
        }
        return negative ? -v : v;
    }

    private static boolean hasNonZeroDigit(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a date of the grammar as its day number.
     *
     * @param text {@code yyyy-MM-dd}, optionally with a time of day after {@code T} or a space
     * @return the day, as {@link LocalDate#toEpochDay()}
     * @throws IllegalArgumentException with the rule when the text is not such a date or its year
     *     is 0
     */
    public static int epochDay(String text) {
        byte[] b = latin1(text);
        return epochDay(b, 0, b.length);
    }

    /**
     * {@link #epochDay(String)} of the ASCII text {@code s[from, to)}, as a cell of a plain line is
     * read without making a string of it.
     *
     * @param s the bytes
     * @param from the first byte of the text
     * @param to one past its last
     * @return the day, as {@link LocalDate#toEpochDay()}
     * @throws IllegalArgumentException as {@link #epochDay(String)}
     */
    static int epochDay(byte[] s, int from, int to) {
        int n = to - from;
        if (n < 10 || !isDigit(s[from]) || !isDigit(s[from + 1]) || !isDigit(s[from + 2])
                || !isDigit(s[from + 3]) || s[from + 4] != '-' || !isDigit(s[from + 5])
                || !isDigit(s[from + 6]) || s[from + 7] != '-' || !isDigit(s[from + 8])
                || !isDigit(s[from + 9])) {
            throw new IllegalArgumentException(DATE_RULE);
        }
        int year = (s[from] - '0') * 1000 + (s[from + 1] - '0') * 100 + (s[from + 2] - '0') * 10
                + (s[from + 3] - '0');
        if (year == 0) {
            throw new IllegalArgumentException(YEAR_RULE);
        }
        int month = (s[from + 5] - '0') * 10 + (s[from + 6] - '0');
        int day = (s[from + 8] - '0') * 10 + (s[from + 9] - '0');
        int key = (year * 100 + month) * 100 + day;
        if (n > 10) {
            byte separator = s[from + 10];
            if (separator != 'T' && separator != ' ' || n == 11) {
                throw new IllegalArgumentException(DATE_RULE);
            }
            try {
                LocalTime.parse(new String(s, from + 11, n - 11, StandardCharsets.ISO_8859_1));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(DATE_RULE);
            }
        }
        int slot = (key * 0x9E3779B9) >>> (32 - DAY_BITS);
        long seen = DAYS.getOpaque(slot);
        if ((int) (seen >>> 32) == key) {
            return (int) seen;
        }
        int epochDay;
        try {
            epochDay = (int) LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a day of the calendar");
        }
        DAYS.setOpaque(slot, (long) key << 32 | (epochDay & 0xffffffffL));
        return epochDay;
    }

    /**
     * The days {@link #epochDay} has read, by yyyyMMdd (a valid date's, never 0) in the high half
     * of an entry and its day number in the low half, direct-mapped on a hash of the key: a log's
     * dates are few (a few hundred days a year) and repeat on every row, and a hit skips
     * {@link LocalDate#of}. Shared by the threads that parse chunks; each entry is read and written
     * whole (opaque access is atomic for a long), so a thread sees an entry another wrote, or the
     * one before, never a mix, and a miss only costs the look-up it saves.
     */
    private static final int DAY_BITS = 12;
    private static final AtomicLongArray DAYS = new AtomicLongArray(1 << DAY_BITS);

    /** The rule of the years of a date, as messages state it: every reader of dates keeps it. */
    public static final String YEAR_RULE = "a date must lie in the years 1 to 9999";

    /** The rule of the date grammar with an optional offset, as messages state it. */
    public static final String INSTANT_RULE = "not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss], "
            + "then optionally an offset Z or +HH:mm)";

    /** The rule of whole numbers, as messages state it. */
    public static final String WHOLE_RULE = "not a whole number (digits with an optional sign, e.g. 250)";

    /**
     * Reads a number of the grammar as an exact decimal, for money and other exact quantities.
     *
     * @param text the text
     * @return the value, within the range of {@code double}
     * @throws IllegalArgumentException with the rule, as {@link #number(String)}
     */
    public static java.math.BigDecimal decimal(String text) {
        number(text);
        return new java.math.BigDecimal(text);
    }

    /**
     * Reads an amount of money in a currency — the one money grammar of every input, CSV cell or
     * JSON value: a number of the grammar ({@link #number(String)}, so within the range of
     * {@code double}), with no more decimals than the currency's smallest unit has (after trailing
     * zeros: {@code 5.001} is no amount of USD or CNY, whose smallest unit is 0.01, {@code 5.000}
     * is; JPY has none). The sign is the caller's rule.
     *
     * @param text the text
     * @param currency the currency of the amount
     * @return the exact amount, as written
     * @throws IllegalArgumentException with the rule when the text is not such an amount
     */
    public static java.math.BigDecimal money(String text, java.util.Currency currency) {
        java.math.BigDecimal amount = decimal(text);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() > digits && amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(moneyRule(currency));
        }
        return amount;
    }

    /**
     * The rule of amounts of money in a currency, as messages state it.
     *
     * @param currency the currency
     * @return the rule
     */
    public static String moneyRule(java.util.Currency currency) {
        return "more decimals than " + currency.getCurrencyCode() + " has (" + Math.max(currency.getDefaultFractionDigits(), 0)
                + ")";
    }

    /**
     * Reads a whole number: an optional sign and digits, within the range of {@code long}.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException with the rule otherwise
     */
    public static long wholeNumber(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (i == n) {
            throw new IllegalArgumentException(WHOLE_RULE);
        }
        for (int j = i; j < n; j++) {
            if (!isDigit(text.charAt(j))) {
                throw new IllegalArgumentException(WHOLE_RULE);
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("out of range: beyond ±9223372036854775807");
        }
    }

    /**
     * The rule a local date-time inside a daylight-saving gap breaks, as messages state it.
     *
     * @param gap the zone's transition whose gap holds the time
     * @param zone the zone
     * @return e.g. {@code not a time in Europe/Berlin: the clocks go from 02:00 straight to 03:00 on 2026-03-29 ...}
     */
    static String gapRule(java.time.zone.ZoneOffsetTransition gap, java.time.ZoneId zone) {
        return "not a time in " + zone.getId() + ": the clocks go from " + gap.getDateTimeBefore().toLocalTime()
                + " straight to " + gap.getDateTimeAfter().toLocalTime() + " on " + gap.getDateTimeBefore().toLocalDate()
                + " (daylight saving); give a time outside the gap, or the time with the offset it was read in ("
                + gap.getOffsetBefore() + " or " + gap.getOffsetAfter() + ")";
    }

    /**
     * Reads a date of the grammar, optionally followed by an offset ({@code Z} or {@code ±HH:mm})
     * after its time of day, as an instant: a date alone is the start of that day in the zone (its
     * first instant: where a daylight-saving jump skips midnight, the end of the jump), a
     * date-time without an offset is local to the zone. A local date-time that does not exist in
     * the zone — inside a daylight-saving gap, such as 02:30 on 2026-03-29 in Europe/Berlin — is
     * refused, never moved; one that exists twice — inside an overlap, as the clocks go back, such
     * as 02:30 on 2026-10-25 in Europe/Berlin — is taken at the earlier offset (the summer time,
     * its first occurrence); an offset in the text chooses either.
     *
     * @param text the text
     * @param zone the zone of a date or date-time without an offset
     * @return the instant
     * @throws IllegalArgumentException with the rule when the text is not such a date, or is a
     *     local date-time that does not exist in the zone
     */
    public static java.time.Instant instant(String text, java.time.ZoneId zone) {
        int n = text.length();
        String local = text;
        java.time.ZoneOffset offset = null;
        try {
            if (n >= 17 && text.charAt(n - 1) == 'Z') {
                local = text.substring(0, n - 1);
                offset = java.time.ZoneOffset.UTC;
            } else if (n >= 22 && (text.charAt(n - 6) == '+' || text.charAt(n - 6) == '-') && text.charAt(n - 3) == ':') {
                local = text.substring(0, n - 6);
                offset = java.time.ZoneOffset.of(text.substring(n - 6));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(INSTANT_RULE);
        }
        int day;
        try {
            day = epochDay(local);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DATE_RULE.equals(e.getMessage()) ? INSTANT_RULE : e.getMessage());
        }
        if (local.length() == 10 && offset != null) {
            throw new IllegalArgumentException(INSTANT_RULE);
        }
        if (local.length() == 10) {
            // the day's first instant: midnight, or the end of a daylight-saving jump over midnight
            return LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
        }
        java.time.LocalDateTime at = LocalDate.ofEpochDay(day).atTime(LocalTime.parse(local.substring(11)));
        if (offset != null) {
            return at.toInstant(offset);
        }
        java.time.zone.ZoneOffsetTransition change = zone.getRules().getTransition(at);
        if (change != null && change.isGap()) {
            throw new IllegalArgumentException(gapRule(change, zone));
        }
        // in an overlap (a local time that occurs twice, as clocks go back) the earlier offset, the first occurrence
        return at.atZone(zone).toInstant();
    }

    /**
     * Checks a customer id with the rules of {@link CustomerId}.
     *
     * @param text the id
     * @return the id
     * @throws IllegalArgumentException with the rule when the id is blank, too long or holds a
     *     control character
     */
    public static String customerId(String text) {
        int n = text.length();
        boolean visible = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("a customer id must not contain control characters");
            }
            visible |= !Character.isWhitespace(c);
        }
        if (!visible) {
            throw new IllegalArgumentException("a customer id must have a visible character");
        }
        if (n > CustomerId.MAX_LENGTH) {
            throw new IllegalArgumentException("a customer id has at most " + CustomerId.MAX_LENGTH + " characters");
        }
        return text;
    }

    /**
     * A value as a message may show it: in single quotes, control characters as {@code \\uXXXX},
     * cut after 40 characters, and masked with crm-core's masks when it could be personal data:
     * an e-mail address (any {@code @}), or a phone or identity number (11 or more digits, unless
     * the value is a date or a number with a decimal point or exponent).
     *
     * @param value the raw value, may be {@code null}
     * @return the quoted value
     */
    public static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        String shown = value;
        if (value.indexOf('@') >= 0) {
            shown = ContactPoint.Kind.EMAIL.mask(value);
        } else if (digits(value) >= 11 && !startsWithDate(value) && !(isDecimal(value) && (value.indexOf('.') >= 0
                || value.indexOf('e') >= 0 || value.indexOf('E') >= 0))) {
            shown = ContactPoint.Kind.MOBILE.mask(value);
        }
        return quoted(shown);
    }

    /**
     * A value that cannot be personal data (a number, date, zone or pattern the user typed for an
     * option of that type) as a message may show it: in single quotes, control characters as
     * {@code \\uXXXX}, cut after 40 characters, and never masked, so the user sees the digits typed.
     *
     * @param value the raw value, may be {@code null}
     * @return the quoted value
     */
    public static String quoteAsTyped(String value) {
        return value == null ? "(missing)" : quoted(value);
    }

    private static String quoted(String shown) {
        StringBuilder b = new StringBuilder(Math.min(shown.length(), QUOTE_LENGTH) + 8).append('\'');
        int n = Math.min(shown.length(), QUOTE_LENGTH);
        for (int i = 0; i < n; i++) {
            char c = shown.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (shown.length() > QUOTE_LENGTH) {
            b.append("...");
        }
        return b.append('\'').toString();
    }

    private static boolean startsWithDate(String s) {
        return s.length() >= 10 && isDigit(s.charAt(0)) && isDigit(s.charAt(3)) && s.charAt(4) == '-'
                && s.charAt(7) == '-' && isDigit(s.charAt(9));
    }

    private static int digits(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                d++;
            }
        }
        return d;
    }

    /**
     * The shortest text that reads back as exactly {@code value}, written as a plain decimal
     * without trailing zeros when the magnitude is between 1e-7 and 1e21 ({@code 1}, {@code 0.25},
     * {@code 1234567.5}, {@code 0.0000012}), else in scientific form ({@code 1.5E-12},
     * {@code 2.0E22}); never dozens of zeros. Every form reads back exactly in Java, Python
     * ({@code float}, pandas) and R.
     *
     * <p>The digits are those of {@link Double#toString(double)} from Java 19 on: the shortest
     * decimal that rounds to the value, the closest to it among those of that length (R. Giulietti's
     * Schubfach, "The Schubfach way to render doubles", 2020, in the copy jackson-core ships; Java
     * 19 made it the JDK's own, JDK-4511638). Java 17's {@code Double.toString}, which crm used
     * before, gives the same text for nearly every value but writes one digit too many, or a
     * last digit one off the closest, for some values, mostly between 1e16 and 1e25 (such as
     * 2.9453307538430272E16, now 2.945330753843027E16) and a few elsewhere (2<sup>-31</sup>,
     * 4.6566128730773926E-10, now 4.656612873077393E-10); both texts read back as the same double.
     *
     * @param value a finite value
     * @return the text
     */
    public static String format(double value) {
        return plain(NumberOutput.toString(value + 0.0, true));
    }

    /**
     * Appends the text of {@link #format(double)} to {@code out} without building it as a string
     * first: a whole number below 10<sup>15</sup> in magnitude is its {@code long} digits (every
     * such double is an integer whose own digits are the shortest text that reads back as it, the
     * doubles there being at most 1/8 apart), any other value goes through the same Schubfach
     * digits as {@link #format(double)}.
     *
     * @param value a finite value
     * @param out where the text goes
     */
    public static void format(double value, StringBuilder out) {
        double v = value + 0.0;
        if (Math.abs(v) < 1e15) {
            long whole = (long) v;
            if (whole == v) {
                out.append(whole);
                return;
            }
        }
        appendPlain(NumberOutput.toString(v, true), out);
    }

    /** {@link #plain(String)} appended to {@code out}. */
    private static void appendPlain(String s, StringBuilder out) {
        int e = s.indexOf('E');
        if (e < 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            out.append(s, 0, end);
            return;
        }
        int exponent = Integer.parseInt(s, e + 1, s.length(), 10);
        if (exponent < -7 || exponent >= 21) {
            out.append(s);
            return;
        }
        int start = s.charAt(0) == '-' ? 1 : 0;
        // mantissa d.ddd: digit 0 at start, digit j >= 1 at start + 1 + j
        int digits = e - start - 1;
        while (digits > 1 && s.charAt(start + digits) == '0') {
            digits--;
        }
        if (start == 1) {
            out.append('-');
        }
        int point = exponent + 1; // digits before the point
        if (point <= 0) {
            out.append("0.");
            for (int i = 0; i < -point; i++) {
                out.append('0');
            }
            appendDigits(s, start, 0, digits, out);
        } else if (point >= digits) {
            appendDigits(s, start, 0, digits, out);
            for (int i = digits; i < point; i++) {
                out.append('0');
            }
        } else {
            appendDigits(s, start, 0, point, out);
            out.append('.');
            appendDigits(s, start, point, digits, out);
        }
    }

    /** Mantissa digits {@code [from, to)} of a {@code d.ddd} form starting at {@code start}. */
    private static void appendDigits(String s, int start, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(s.charAt(j == 0 ? start : start + 1 + j));
        }
    }

    /**
     * The text of {@link #format(double)} from the digits of a {@code Double.toString} form
     * ({@code d.ddd} or {@code d.dddE±n}).
     */
    static String plain(String s) {
        StringBuilder out = new StringBuilder(32);
        appendPlain(s, out);
        return out.toString();
    }
}
