package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.csv.CSVPrinter;

/**
 * The watcher of stray quotes against Commons CSV on random tables: whatever the cells hold
 * (quotes, delimiters, line breaks, spaces), a table as the printer writes it is read back cell for
 * cell with no refusal; a quote put inside one unquoted cell of a table of plain cells, with blank
 * lines and CRLF line ends about, is refused on that cell's own line and column.
 */
class StrayQuotePropertyTest {

    private static final String ALPHABET = "ab \",\n\r;x";
    private static final CsvInput.Schema ANY = CsvInput.Schema.of(CsvInput.Others.DATA);

    private static String cell(Random random) {
        int n = random.nextInt(6);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Property(tries = 300)
    void aPrintedTableIsReadBackCellForCell(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int columns = 2 + random.nextInt(3);
        List<List<String>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        CSVPrinter printer = Csv.printer(text);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add("c" + c);
        }
        printer.printRecord(header);
        for (int r = random.nextInt(8); r > 0; r--) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(cell(random));
            }
            rows.add(row);
            printer.printRecord(row);
        }
        List<List<String>> read = new ArrayList<>();
        try (CsvInput in = CsvInput.read(new StringReader(text.toString()), "t.csv", ANY.mayBeEmpty())) {
            while (in.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(in.text(c));
                }
                read.add(row);
            }
        }
        assertEquals(rows, read, text.toString());
    }

    @Property(tries = 300)
    void aQuoteInsideAnUnquotedCellIsRefusedOnItsLine(@ForAll long seed) {
        Random random = new Random(seed);
        int columns = 2 + random.nextInt(3);
        int rows = 1 + random.nextInt(8);
        int badRow = random.nextInt(rows);
        int badColumn = random.nextInt(columns);
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add("c" + c);
        }
        text.append(String.join(",", header)).append(newline);
        long line = 1;
        long badLine = -1;
        String badCell = null;
        for (int r = 0; r < rows; r++) {
            while (random.nextInt(4) == 0) {
                text.append(newline);
                line++;
            }
            line++;
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String plain = "v" + r + "x" + c;
                if (r == badRow && c == badColumn) {
                    int at = 1 + random.nextInt(plain.length());
                    plain = plain.substring(0, at) + "\"" + plain.substring(at);
                    badLine = line;
                    badCell = plain;
                }
                cells.add(plain);
            }
            text.append(String.join(",", cells)).append(newline);
        }
        long expectedLine = badLine;
        String expectedCell = badCell;
        String message = assertThrows(InputException.class, () -> {
            try (CsvInput in = CsvInput.read(new StringReader(text.toString()), "t.csv", ANY)) {
                while (in.next()) {
                    in.text(0);
                }
            }
        }).getMessage();
        assertEquals("t.csv:" + expectedLine + ": c" + badColumn + " " + Values.quote(expectedCell)
                + ": a quote inside a cell that does not start with one (RFC 4180): quote the whole cell and double "
                + "the quote, e.g. \"ab\"\"c\"", message, text.toString());
    }
}
