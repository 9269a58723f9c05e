package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The byte-level reading of plain lines ({@link CsvInput#continuedAtPlain}) against Commons CSV
 * ({@link CsvInput#continuedAt(java.io.Reader, long)}) on random text of plain ASCII lines: cells
 * with spaces around and inside them, empty cells, blank and space-only lines, rows of the wrong
 * width, line feeds, carriage returns with and without line feeds, a last line with or without its
 * line end. Both must give the same rows, cells, line numbers and refusals.
 */
class PlainLinesPropertyTest {

    private static final String CELL_ALPHABET = "ab1 .-x ";
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    private static String body(Random random, char delimiter, int columns) {
        StringBuilder text = new StringBuilder();
        for (int r = random.nextInt(12); r > 0; r--) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.append(""); // blank line
            } else if (kind == 1) {
                text.append("   ");
            } else {
                // mostly the header's width, sometimes one more or one fewer
                int width = kind == 2 ? Math.max(1, columns + random.nextInt(3) - 1) : columns;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        text.append(delimiter);
                    }
                    for (int k = random.nextInt(5); k > 0; k--) {
                        text.append(CELL_ALPHABET.charAt(random.nextInt(CELL_ALPHABET.length())));
                    }
                }
            }
            text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        if (random.nextBoolean() && text.length() > 0) {
            // the file's last line without its line end
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    /** What a reader gives: each row as its line and cells, or the refusal that stopped it. */
    private static List<String> events(CsvInput in, int columns) {
        List<String> events = new ArrayList<>();
        try {
            while (in.next()) {
                StringBuilder row = new StringBuilder().append(in.line()).append(':');
                for (int c = 0; c < columns; c++) {
                    row.append('[').append(in.text(c)).append(']');
                }
                events.add(row.toString());
            }
            events.add("end");
        } catch (InputException e) {
            events.add("refused " + e.getMessage());
        }
        return events;
    }

    @Property(tries = 500)
    void plainBytesGiveTheRowsOfTheParser(@ForAll long seed) {
        Random random = new Random(seed);
        int columns = 1 + random.nextInt(4);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("c" + c);
        }
        String body = body(random, ',', columns);
        long linesBefore = random.nextInt(3);
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        assertTrue(CsvInput.isPlain(bytes, 0, bytes.length, ','), body);
        CsvInput.Schema any = CsvInput.Schema.of(CsvInput.Others.DATA);
        try (CsvInput header = CsvInput.read(new StringReader(String.join(",", names) + "\n1" + ",1".repeat(columns - 1)),
                "t.csv", any)) {
            List<String> parsed = events(header.continuedAt(new StringReader(body), linesBefore), columns);
            List<String> plain = events(header.continuedAtPlain(bytes, linesBefore), columns);
            assertEquals(parsed, plain, body);
        }
    }

    /** Pieces of number and date cells: digits, points, exponents, signs, spaces, and text that is neither. */
    private static final String[] VALUE_PIECES = {"0", "1", "7", "9", "12", "3.5", ".", "e", "E", "-", "+", " ", "x",
        "76.71428571428571", "36.857142857142854", "123456789012345678901234567890", "e308", "e309", "e-400",
        "e-324", "2020-02-29", "2021-02-29", "0000-01-01", "1999-12-31", "T10:15", " 10:15:30", "T25:00", "-01-0"};

    private static String valueCell(Random random) {
        StringBuilder cell = new StringBuilder();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            cell.append(VALUE_PIECES[random.nextInt(VALUE_PIECES.length)]);
        }
        return cell.toString();
    }

    /** Each cell read as a number and as a date: the value's bits, or the refusal's message. */
    private static List<String> values(CsvInput in, int columns) {
        List<String> events = new ArrayList<>();
        while (in.next()) {
            StringBuilder row = new StringBuilder().append(in.line()).append(':');
            for (int c = 0; c < columns; c++) {
                try {
                    double v = in.number(c);
                    row.append('[').append(Double.doubleToRawLongBits(v));
                    // the oracle: the JDK's reader, for every text the grammar takes
                    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(in.text(c)) + 0.0),
                            Double.doubleToRawLongBits(v), in.text(c));
                } catch (InputException e) {
                    row.append("[refused ").append(e.getMessage());
                }
                try {
                    row.append('|').append(in.epochDay(c)).append(']');
                } catch (InputException e) {
                    row.append("|refused ").append(e.getMessage()).append(']');
                }
            }
            events.add(row.toString());
        }
        return events;
    }

    @Property(tries = 300)
    void plainBytesReadTheNumbersAndDatesOfTheParser(@ForAll long seed) {
        Random random = new Random(seed);
        int columns = 1 + random.nextInt(3);
        StringBuilder body = new StringBuilder();
        for (int r = 1 + random.nextInt(8); r > 0; r--) {
            for (int c = 0; c < columns; c++) {
                body.append(c > 0 ? "," : "").append(valueCell(random));
            }
            body.append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
        assertTrue(CsvInput.isPlain(bytes, 0, bytes.length, ','), body.toString());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("c" + c);
        }
        try (CsvInput in = CsvInput.read(new StringReader(String.join(",", names) + "\n1" + ",1".repeat(columns - 1)),
                "t.csv", CsvInput.Schema.of(CsvInput.Others.DATA))) {
            List<String> parsed = values(in.continuedAt(new StringReader(body.toString()), 0), columns);
            List<String> plain = values(in.continuedAtPlain(bytes, 0), columns);
            assertEquals(parsed, plain, body.toString());
        }
    }

    @Test
    void anotherDelimiterSplitsPlainLinesAsTheParserDoes() throws IOException {
        for (char delimiter : new char[] {';', '|', '\t'}) {
            Path file = Files.createTempFile("plain", ".csv");
            try {
                Files.writeString(file, "a" + delimiter + "b\n1" + delimiter + "2\n");
                CsvInput.Dialect dialect = new CsvInput.Dialect(delimiter, "iso", ZoneOffset.UTC);
                try (CsvInput header = CsvInput.open(file, CsvInput.Schema.of(CsvInput.Others.DATA), dialect)) {
                    for (long seed = 0; seed < 200; seed++) {
                        String body = body(new Random(seed), delimiter, 2);
                        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                        assertTrue(CsvInput.isPlain(bytes, 0, bytes.length, delimiter));
                        assertEquals(events(header.continuedAt(new StringReader(body), 1), 2),
                                events(header.continuedAtPlain(bytes, 1), 2), body);
                    }
                }
            } finally {
                Files.delete(file);
            }
        }
    }

    @Test
    void quotesTabsControlCharactersAndUtf8AreNotPlain() {
        for (String text : new String[] {"a,\"b\"\n", "a\tb\n", "a,\u0001\n", "a,\u007f\n", "Zoë,1\n", "a,b\u000b\n"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertFalse(CsvInput.isPlain(bytes, 0, bytes.length, ','), text);
        }
        byte[] tabs = "a\tb\r\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(CsvInput.isPlain(tabs, 0, tabs.length, '\t'), "a tab that is the delimiter");
        assertFalse(CsvInput.isPlain(tabs, 0, tabs.length, '\u00a7'), "a delimiter beyond ASCII");
    }
}
