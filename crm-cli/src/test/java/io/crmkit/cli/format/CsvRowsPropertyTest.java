package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvRows} against the printer it replaces ({@link Csv#printer}, Commons CSV): random
 * tables of text cells drawn from the characters its quoting rules turn on (comma, double quote,
 * CR, LF, space, tab, other controls, {@code #} and the characters around it, letters, digits,
 * accented and CJK letters, a surrogate pair, a no-break space), empty cells at the start, middle
 * and end of rows, and number cells of every magnitude, must come out as the same characters; and
 * {@link Values#format(double, StringBuilder)} must append what {@link Values#format(double)}
 * returns, for random bit patterns and for whole numbers around the edge of its fast path.
 */
class CsvRowsPropertyTest {

    /** Characters that matter to the quoting, and some that do not. */
    private static final char[] ALPHABET = {',', '"', '\r', '\n', ' ', '\t', '\u0001', '\u001f', '!', '#', '$', '\'',
        'a', 'Z', '0', '9', '-', '.', 'é', '中', '\ud83d', '\ude00', '\u00a0', '\u2028', ';', '\\'};

    private static Arbitrary<String> cells() {
        Arbitrary<String> any = Arbitraries.of(ALPHABET).list().ofMaxSize(8)
                .map(chars -> {
                    StringBuilder s = new StringBuilder();
                    chars.forEach(s::append);
                    return s.toString();
                });
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(6);
        return Arbitraries.frequencyOf(
                Tuple.of(4, any), Tuple.of(3, plain), Tuple.of(2, unicode),
                Tuple.of(1, Arbitraries.just("")));
    }

    /** A cell: text (String), a whole number (Long) or a double (Double). */
    private static Arbitrary<Object> cell() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, cells().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
                Tuple.of(2, finiteDoubles().map(d -> (Object) d)));
    }

    private static Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-1e6, 1e6).ofScale(6);
        Arbitrary<Double> whole = Arbitraries.longs().between(-2_000_000_000_000_000L, 2_000_000_000_000_000L)
                .map(l -> (double) l);
        Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, 1e15, -1e15, Math.nextDown(1e15), Math.nextUp(1e15),
                999_999_999_999_999.0, 1e-7, Math.nextDown(1e-7), 1e21, Math.nextDown(1e21), Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, 2.9453307538430272E16, 0x1p-31, 9007199254740993.0, 0.1, 0.5);
        return Arbitraries.frequencyOf(Tuple.of(3, bits), Tuple.of(3, ordinary),
                Tuple.of(2, whole), Tuple.of(1, edges));
    }

    @Provide
    Arbitrary<List<List<Object>>> tables() {
        return cell().list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void rowsAreThePrintersCharacters(@ForAll("tables") List<List<Object>> table) throws IOException {
        StringBuilder expected = new StringBuilder();
        CSVPrinter printer = Csv.printer(expected);
        StringBuilder actual = new StringBuilder();
        CsvRows rows = CsvRows.to(actual);
        for (List<Object> row : table) {
            for (Object cell : row) {
                if (cell instanceof Long l) {
                    printer.print(Long.toString(l));
                    rows.integer(l);
                } else if (cell instanceof Double d) {
                    printer.print(Values.format(d));
                    rows.number(d);
                } else {
                    printer.print(cell);
                    rows.text((String) cell);
                }
            }
            printer.println();
            rows.endRow();
        }
        rows.flush();
        assertEquals(expected.toString(), actual.toString());
    }

    @Property(tries = 3000)
    void headerRowsAreThePrintersRecords(@ForAll("headers") List<String> header) throws IOException {
        StringBuilder expected = new StringBuilder();
        Csv.printer(expected).printRecord(header);
        StringBuilder actual = new StringBuilder();
        CsvRows.into(actual).row(header.toArray(new String[0]));
        assertEquals(expected.toString(), actual.toString());
    }

    @Provide
    Arbitrary<List<String>> headers() {
        return cells().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 20000)
    void appendedNumbersAreTheFormattedText(@ForAll("finite") double value) {
        StringBuilder out = new StringBuilder("x");
        Values.format(value, out);
        assertEquals("x" + Values.format(value), out.toString());
    }

    @Provide
    Arbitrary<Double> finite() {
        return finiteDoubles();
    }

    @Test
    void blocksLargerThanTheBufferArriveWhole() throws IOException {
        StringBuilder expected = new StringBuilder();
        CSVPrinter printer = Csv.printer(expected);
        StringBuilder actual = new StringBuilder();
        CsvRows rows = CsvRows.to(actual);
        List<String> row = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            row.clear();
            row.add("C" + i);
            row.add(i % 7 == 0 ? "a,b" : "");
            row.add(Values.format(i / 3.0));
            printer.printRecord(row);
            rows.text(row.get(0)).text(row.get(1)).number(i / 3.0).endRow();
        }
        rows.flush();
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void emptyCellsAreQuotedOnlyAtTheStartOfARow() {
        StringBuilder out = new StringBuilder();
        CsvRows.into(out).text("").text("").endRow().text("a").text("").endRow().text("").endRow();
        assertEquals("\"\",\na,\n\"\"\n", out.toString());
    }

    @Test
    void theQuotingRulesByExample() {
        StringBuilder out = new StringBuilder();
        CsvRows.into(out).text("#x").text("a b").text("a ").text("say \"hi\"").text("x\ny").text("a\u00a0")
                .text("$x").endRow();
        assertEquals("\"#x\",a b,\"a \",\"say \"\"hi\"\"\",\"x\ny\",a\u00a0,$x\n", out.toString());
    }
}
