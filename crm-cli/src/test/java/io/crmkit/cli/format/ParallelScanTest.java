package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel reading of a transaction log against one core: the same rows in the same order,
 * the same customer indices, and the same refusal naming the same line, whatever the chunk size
 * and the number of threads.
 */
class ParallelScanTest {

    @TempDir
    Path dir;

    /** Everything a scan hands on, in order, and what it returns. */
    private record Result(List<String> rows, List<String> ids, TransactionLog.Scanned scanned) {
    }

    private static Result scan(Path file, int threads, int chunkBytes) {
        List<String> rows = new ArrayList<>();
        CustomerIndex customers = new CustomerIndex();
        TransactionLog.Scanned scanned = TransactionLog.scan(file, false, CsvInput.Dialect.DEFAULT, customers,
                (c, d, a) -> rows.add(c + "," + d + "," + a), threads, chunkBytes, 0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            ids.add(customers.id(i));
        }
        return new Result(rows, ids, scanned);
    }

    private static String refusal(Path file, int threads, int chunkBytes) {
        return assertThrows(InputException.class, () -> scan(file, threads, chunkBytes)).getMessage();
    }

    private Path log(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> rows(int n, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,date,amount");
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(n / 3 + 1);
            lines.add("c" + c + "," + LocalDate.of(2020, 1, 1).plusDays(random.nextInt(900)) + ","
                    + random.nextInt(10_000) / 100.0);
            if (random.nextInt(50) == 0) {
                lines.add("");
            }
        }
        return lines;
    }

    @Test
    void chunksOnManyThreadsHandOnTheRowsOfOneCore() throws IOException {
        Path file = log("log.csv", rows(5_000, 7));
        Result one = scan(file, 1, 1 << 20);
        for (int chunk : new int[] {64, 1000, 4096, 1 << 20}) {
            for (int threads : new int[] {2, 3, 8}) {
                Result many = scan(file, threads, chunk);
                assertEquals(one.rows(), many.rows(), "chunk " + chunk + ", threads " + threads);
                assertEquals(one.ids(), many.ids());
                assertEquals(one.scanned(), many.scanned());
            }
        }
        assertEquals(5_000, one.scanned().rows());
    }

    @Test
    void theFirstBadLineIsNamedWhateverTheChunks() throws IOException {
        List<String> lines = rows(3_000, 11);
        // line 1,201 and line 2,501 of the file are bad; the first must be named
        lines.set(1_200, "c1,2020-02-30,5");
        lines.set(2_500, "c1,2020-01-01,-5");
        Path file = log("bad.csv", lines);
        String expected = refusal(file, 1, 1 << 20);
        assertEquals("bad.csv:1201: date '2020-02-30': not a day of the calendar", expected);
        for (int chunk : new int[] {64, 777, 1 << 14}) {
            assertEquals(expected, refusal(file, 2, chunk));
        }
        lines.set(1_200, "c1,2020-02-01,5");
        Path later = log("later.csv", lines);
        assertEquals("later.csv:2501: amount '-5': negative: a purchase amount must be 0 or more",
                refusal(later, 2, 777));
    }

    @Test
    void quotedCellsAreReadOnOneCoreFromTheirChunkOn() throws IOException {
        List<String> lines = rows(2_000, 3);
        // quoted cells far into the file, one holding a line break: a cut at that line feed would split
        // the cell (an id with a line break is refused, on the line where the cell starts)
        lines.set(1_200, "\"c 7\",2021-01-01,1");
        lines.set(1_500, "\"c\n1\",2021-01-01,1");
        Path file = log("quoted.csv", lines);
        String expected = refusal(file, 1, 1 << 20);
        assertEquals("quoted.csv:1501: customer_id 'c\\u000a1': a customer id must not contain control characters",
                expected);
        for (int chunk : new int[] {300, 5_000}) {
            assertEquals(expected, refusal(file, 2, chunk));
        }
        lines.set(1_500, "\"c1\",2021-01-01,1");
        Path fine = log("fine.csv", lines);
        Result one = scan(fine, 1, 1 << 20);
        Result many = scan(fine, 2, 300);
        assertEquals(one.rows(), many.rows());
        assertEquals(one.ids(), many.ids());
        assertEquals(2_000, many.scanned().rows());
    }

    @Test
    void invalidUtf8IsNamedOnItsLine() throws IOException {
        List<String> lines = rows(2_000, 5);
        Path file = dir.resolve("latin1.csv");
        byte[] text = (String.join("\n", lines.subList(0, 1_000)) + "\nc\u00e9,2021-01-01,1\n"
                + String.join("\n", lines.subList(1_000, lines.size())) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        String expected = refusal(file, 1, 1 << 20);
        assertEquals(expected, refusal(file, 2, 500));
        assertEquals(true, expected.startsWith("latin1.csv:1001: not valid UTF-8"), expected);
    }
}
