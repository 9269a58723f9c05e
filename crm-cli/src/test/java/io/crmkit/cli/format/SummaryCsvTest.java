package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.scoring.clv.CustomerSummaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The summary reader of {@code crm clv fit|predict} in parallel chunks against one core, and its
 * writer against the plain way of writing the same table (every cell parsed, then printed through
 * the CSV printer): the same columns, lines and refusals, and the same bytes, for files with every
 * oddity the CSV dialect allows.
 */
class SummaryCsvTest {

    private static Path dir() {
        try {
            return Files.createTempDirectory("summary-csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell of a carried column: plain, or one of the forms the printer changes or the parser reads specially. */
    private static String carried(Random random, int i, boolean quotes) {
        int kind = random.nextInt(16);
        if (!quotes && (kind == 2 || kind == 3 || kind == 8)) {
            kind = 1;
        }
        return switch (kind) {
            case 0 -> "";
            case 1 -> " c" + i + " ";
            case 2 -> "\"q," + i + "\"";
            case 3 -> "\"two\nlines " + i + "\"";
            case 4 -> "#" + i;
            case 5 -> "!" + i;
            case 6 -> "客户" + i;
            case 7 -> "c" + i + "\u2003";
            case 8 -> "\"say \"\"hi\"\"\"";
            case 9 -> "\t" + i;
            default -> "c" + i;
        };
    }

    /**
     * A summary file with random rows and carried columns; when odd, with blank lines, every line end,
     * a byte-order mark, and cells the printer changes (and, with quotes, quoted cells).
     */
    private static Path file(Path dir, long seed, int rows, boolean odd, boolean quotes) throws IOException {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        if (odd && random.nextInt(4) == 0) {
            b.append('\ufeff');
        }
        if (odd && random.nextInt(4) == 0) {
            b.append("\n  \n");
        }
        boolean weight = random.nextBoolean();
        b.append("customer_id,frequency,recency,T,monetary_value").append(weight ? ",weight" : "").append(",note\n");
        for (int i = 0; i < rows; i++) {
            int x = random.nextInt(6);
            double age = 1 + random.nextInt(5000) / 7.0;
            double recency = x == 0 ? 0 : random.nextInt((int) age + 1) * (random.nextBoolean() ? 1 : 1 / 7.0);
            recency = Math.min(recency, age);
            String id = odd ? carried(random, i, quotes) : "C" + i;
            String note = odd ? carried(random, i, quotes) : "n" + random.nextInt(10);
            String t = Values.format(age);
            if (odd && random.nextInt(10) == 0) {
                t = " " + t + " ";
            }
            b.append(id).append(',').append(x).append(',').append(Values.format(recency)).append(',').append(t)
                    .append(',').append(Values.format(random.nextInt(100_000) / 100.0));
            if (weight) {
                b.append(',').append(1 + random.nextInt(3));
            }
            b.append(',').append(note);
            int end = odd ? random.nextInt(12) : 0;
            b.append(end == 0 ? "\r\n" : end == 1 ? "\r" : "\n");
            if (odd && random.nextInt(20) == 0) {
                b.append(random.nextBoolean() ? "\n" : " \t \n");
            }
        }
        if (odd && random.nextBoolean()) {
            b.setLength(b.length() - 1); // no line end after the last row
            if (b.charAt(b.length() - 1) == '\r') {
                b.setLength(b.length() - 1);
            }
        }
        Path p = dir.resolve("s" + seed + ".csv");
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    /** The table written the plain way: every cell of every row parsed, then printed through the printer. */
    private static String printedPlainly(Path path, SummaryCsv data, List<String> names, List<double[]> columns)
            throws IOException {
        StringBuilder out = new StringBuilder();
        CSVPrinter printer = Csv.printer(out);
        List<String> header = new ArrayList<>(data.header);
        header.addAll(names);
        printer.printRecord(header);
        try (CsvInput again = CsvInput.open(path, SummaryCsv.schema(false, false))) {
            for (int row = 0; row < data.size(); row++) {
                again.next();
                for (int i = 0; i < data.header.size(); i++) {
                    printer.print(again.text(i));
                }
                for (double[] column : columns) {
                    printer.print(Values.format(column[row]));
                }
                printer.println();
            }
        }
        return out.toString();
    }

    private static String printed(Path path, SummaryCsv data, List<String> names, List<double[]> columns) {
        StringBuilder out = new StringBuilder();
        data.printWith(path, names, columns, out);
        return out.toString();
    }

    private static void assertSameRows(SummaryCsv one, SummaryCsv many) {
        assertEquals(one.size(), many.size());
        CustomerSummaries a = one.summaries();
        CustomerSummaries b = many.summaries();
        assertArrayEquals(a.frequencies(), b.frequencies());
        assertArrayEquals(a.recencies(), b.recencies());
        assertArrayEquals(a.ages(), b.ages());
        assertEquals(a.hasMonetaryValue(), b.hasMonetaryValue());
        if (a.hasMonetaryValue()) {
            assertArrayEquals(a.monetaryValues(), b.monetaryValues());
        }
        assertArrayEquals(a.weights(), b.weights());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.line(i), many.line(i), "row " + i);
        }
        assertEquals(one.header, many.header);
    }

    @Property(tries = 60)
    void chunksReadTheRowsOfOneCoreAndWriteThePlainBytes(@ForAll long seed) throws IOException {
        Path dir = dir();
        Random random = new Random(seed);
        int kind = random.nextInt(3);
        Path path = file(dir, seed, 1 + random.nextInt(300), kind > 0, kind > 1);
        SummaryCsv one = SummaryCsv.read(path, false, false, 1, 1 << 21, Long.MAX_VALUE);
        List<String> names = List.of("expected_purchases", "p_alive");
        List<double[]> columns = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            double[] values = new double[one.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> -random.nextDouble() * 1e-9;
                    case 2 -> random.nextInt(100);
                    default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                };
            }
            columns.add(values);
        }
        String expected = printedPlainly(path, one, names, columns);
        assertEquals(expected, printed(path, one, names, columns));
        for (int chunk : new int[] {40, 333, 4096}) {
            SummaryCsv many = SummaryCsv.read(path, false, false, 3, chunk, 0);
            assertSameRows(one, many);
            assertEquals(expected, printed(path, many, names, columns), "chunk " + chunk);
        }
    }

    @Test
    void aBadRowInALaterChunkIsNamedByItsOwnLine() throws IOException {
        Path dir = dir();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,frequency,recency,T");
        for (int i = 0; i < 2_000; i++) {
            lines.add("c" + i + ",1,2,10");
            if (i % 97 == 0) {
                lines.add("");
            }
        }
        lines.set(1_700, "bad,2,12,10");
        lines.set(1_900, "worse,x,1,10");
        Path path = dir.resolve("bad.csv");
        Files.write(path, lines, StandardCharsets.UTF_8);
        String one = assertThrows(InputException.class,
                () -> SummaryCsv.read(path, false, false, 1, 1 << 21, Long.MAX_VALUE)).getMessage();
        assertEquals("bad.csv:1701: recency '12': exceeds T 10: the last purchase cannot follow the end of "
                + "observation", one);
        for (int chunk : new int[] {64, 1000, 8192}) {
            assertEquals(one, assertThrows(InputException.class,
                    () -> SummaryCsv.read(path, false, false, 2, chunk, 0)).getMessage(), "chunk " + chunk);
        }
        lines.set(1_700, "fine,2,2,10");
        Files.write(path, lines, StandardCharsets.UTF_8);
        assertEquals("bad.csv:1901: frequency 'x': " + Values.NUMBER_RULE, assertThrows(InputException.class,
                () -> SummaryCsv.read(path, false, false, 2, 100, 0)).getMessage());
    }

    @Test
    void aFileThatChangedBetweenReadingAndWritingIsRefused() throws IOException {
        Path dir = dir();
        Path path = dir.resolve("moving.csv");
        Files.writeString(path, "frequency,recency,T\n1,2,10\n0,0,5\n");
        SummaryCsv data = SummaryCsv.read(path, false, false, 1, 1 << 21, Long.MAX_VALUE);
        Files.writeString(path, "frequency,recency,T\n1,2,10\n0,0,5\n2,3,4\n");
        InputException e = assertThrows(InputException.class,
                () -> printed(path, data, List.of("p"), List.of(new double[] {1, 2})));
        assertEquals("moving.csv: changed while it was read", e.getMessage());
        Files.writeString(path, "frequency,recency,T\n1,2,10\n");
        assertEquals("moving.csv: changed while it was read", assertThrows(InputException.class,
                () -> printed(path, data, List.of("p"), List.of(new double[] {1, 2}))).getMessage());
    }
}
