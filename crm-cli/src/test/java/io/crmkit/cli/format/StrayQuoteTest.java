package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quote inside a cell that does not start with one ({@code C1,ab"c,2020-01-02}) is outside
 * RFC 4180; Commons CSV reads it as text. Every reading path refuses it on the record's own line,
 * naming the column: the reader of files, the reader of characters, the chunks read in parallel
 * (transaction logs and summaries) and another delimiter.
 */
class StrayQuoteTest {

    private static final String RULE = "a quote inside a cell that does not start with one (RFC 4180): quote the "
            + "whole cell and double the quote, e.g. \"ab\"\"c\"";

    @TempDir
    Path dir;

    private static final CsvInput.Schema LOG = TransactionLog.schema(true);

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Reads every row, its date and amount checked, and returns the rows as text. */
    private static List<String> rows(CsvInput in) {
        List<String> rows = new ArrayList<>();
        while (in.next()) {
            in.epochDay(1);
            in.number(2);
            rows.add(in.line() + ":" + String.join("|", in.text(0), in.text(1), in.text(2)));
        }
        return rows;
    }

    private String refusal(String text) throws IOException {
        Path p = write("q.csv", text);
        return assertThrows(InputException.class, () -> {
            try (CsvInput in = CsvInput.open(p, LOG)) {
                rows(in);
            }
        }).getMessage();
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsRefusedWithTheCellsLineAndColumn() throws IOException {
        assertEquals("q.csv:3: date 'ab\"c': " + RULE,
                refusal("customer_id,date,amount\nC1,2020-01-01,5\nC1,ab\"c,2020-01-02\n"));
        assertEquals("q.csv:2: customer_id 'x\"': " + RULE, refusal("customer_id,date,amount\nx\",2020-01-01,5\n"));
        assertEquals("q.csv:2: amount '5\"': " + RULE, refusal("customer_id,date,amount\nx,2020-01-01,5\"\n"));
        assertEquals("q.csv:1: column 2 name 'da\"te': " + RULE, refusal("customer_id,da\"te,amount\nx,2020-01-01,5\n"));
    }

    @Test
    void theLineCountsBlankLinesCrLfLoneCarriageReturnsAndQuotedLineBreaks() throws IOException {
        // line 2 a record, 3 blank, 4-5 one record with a quoted line break (CRLF), 6 blank (a lone CR), 7 the bad one
        String text = "customer_id,date,amount\r\nC1,2020-01-01,5\r\n\r\n\"a\r\nb\",2020-01-01,\"4\"\r\n\rC2,2020-01-01,4\"\n";
        assertEquals("q.csv:7: amount '4\"': " + RULE, refusal(text));
    }

    @Test
    void anEarlierBadValueIsStillTheOneNamed() throws IOException {
        assertEquals("q.csv:2: date 'x': " + Values.DATE_RULE,
                refusal("customer_id,date,amount\nC1,x,5\nC1,2020-01-01,5\"\n"));
    }

    @Test
    void quotedCellsWithDoubledQuotesSpacesAndDelimitersAreRead() throws IOException {
        Path p = write("ok.csv", "customer_id,date,amount\n\"a\"\"b\",2020-01-01,5\n  \"c,d\" ,2020-01-02, \"6\"\n"
                + "\"\"\"\",2020-01-03,7\n");
        try (CsvInput in = CsvInput.open(p, LOG)) {
            assertEquals(List.of("2:a\"b|2020-01-01|5", "3:c,d|2020-01-02|6", "4:\"|2020-01-03|7"), rows(in));
        }
    }

    @Test
    void theReaderOfCharactersAndAnotherDelimiterRefuseItToo() throws IOException {
        String message = assertThrows(InputException.class, () -> {
            try (CsvInput in = CsvInput.read(new StringReader("customer_id,date,amount\nab\"c,2020-01-01,5\n"),
                    "bundled.csv", LOG)) {
                rows(in);
            }
        }).getMessage();
        assertEquals("bundled.csv:2: customer_id 'ab\"c': " + RULE, message);
        Path p = write("tab.csv", "customer_id\tdate\tamount\nC1\t2020-01-01\t\"5\"\nC2\t2020-\"01-01\t5\n");
        CsvInput.Dialect tab = new CsvInput.Dialect('\t', "iso", java.time.ZoneOffset.UTC);
        assertEquals("tab.csv:3: date '2020-\"01-01': " + RULE, assertThrows(InputException.class, () -> {
            try (CsvInput in = CsvInput.open(p, LOG, tab)) {
                rows(in);
            }
        }).getMessage());
    }

    @Test
    void aLogReadInParallelChunksNamesTheSameLine() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,date,amount");
        for (int i = 0; i < 3_000; i++) {
            lines.add("c" + (i % 97) + ",2020-01-" + (10 + i % 20) + "," + (i % 50));
        }
        lines.set(2_100, "c1,2020-01-02,5\"");
        Path p = dir.resolve("big.csv");
        Files.write(p, lines, StandardCharsets.UTF_8);
        for (int threads : new int[] {1, 2, 3}) {
            for (int chunk : new int[] {100, 4096, 1 << 20}) {
                String message = assertThrows(InputException.class, () -> TransactionLog.scan(p, true,
                        CsvInput.Dialect.DEFAULT, new CustomerIndex(), (c, d, a) -> { }, threads, chunk, 0))
                        .getMessage();
                assertEquals("big.csv:2101: amount '5\"': " + RULE, message, threads + " threads, chunk " + chunk);
            }
        }
    }

    @Test
    void aSummaryReadInParallelChunksNamesTheSameLine() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,frequency,recency,T");
        for (int i = 0; i < 2_000; i++) {
            lines.add("c" + i + ",1,2,10");
        }
        lines.set(1_500, "c\"1500,1,2,10");
        Path p = dir.resolve("summary.csv");
        Files.write(p, lines, StandardCharsets.UTF_8);
        for (int threads : new int[] {1, 2}) {
            for (int chunk : new int[] {64, 1000, 1 << 21}) {
                String message = assertThrows(InputException.class,
                        () -> SummaryCsv.read(p, false, false, threads, chunk, 0)).getMessage();
                assertEquals("summary.csv:1501: customer_id 'c\"1500': " + RULE, message,
                        threads + " threads, chunk " + chunk);
            }
        }
    }
}
