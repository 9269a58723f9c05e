package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * LogSummary, the streamed summary of a transaction log, against crm-scoring's CustomerSummarizer
 * over the whole log's columns: the same rows, the same customers and the same doubles to the
 * last bit, whatever the order of the rows.
 */
class LogSummaryTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    /** A seeded random log: a few customers, a few purchase days each, repeated days, some after the as-of date. */
    private static List<String> rows(long seed, int customers, boolean shuffled) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int start = random.nextInt(100);
            int n = 1 + random.nextInt(6);
            int day = start;
            for (int i = 0; i < n; i++) {
                day += random.nextInt(3) == 0 ? 0 : random.nextInt(40);
                // amounts with many significant digits, so that the order of the additions shows in the sum
                double amount = Math.round(random.nextDouble() * 1e6) / 1e4 + 1e-3 * (random.nextInt(7));
                rows.add("c" + c + "," + AS_OF.minusDays(120).plusDays(day) + "," + amount);
            }
        }
        if (shuffled) {
            Collections.shuffle(rows, random);
        }
        return rows;
    }

    private static Path write(List<String> rows) {
        try {
            Path file = Files.createTempFile("log", ".csv");
            file.toFile().deleteOnExit();
            List<String> lines = new ArrayList<>();
            lines.add("customer_id,date,amount");
            lines.addAll(rows);
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameAsTheSummarizer(Path file, Duration unit, boolean litt) {
        LogColumns log = LogColumns.read(file);
        CustomerSummarizer summarizer = CustomerSummarizer.asOf(AS_OF).inUnitsOf(unit);
        CustomerSummarizer.IndexedSummaries expected = (litt ? summarizer.withLogInterPurchaseTimes() : summarizer)
                .summarizeEpochDays(log.customer, log.day, log.amount);
        LogSummary actual = LogSummary.read(file, false, CsvInput.Dialect.DEFAULT, AS_OF, unit, litt);
        assertEquals(expected.size(), actual.size());
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(log.customers.id(expected.customerIndex(row)), actual.customers.id(actual.customerIndex(row)));
        }
        CustomerSummaries e = expected.summaries();
        CustomerSummaries a = actual.summaries();
        assertArrayEquals(e.frequencies(), a.frequencies());
        assertArrayEquals(e.recencies(), a.recencies());
        assertArrayEquals(e.ages(), a.ages());
        assertArrayEquals(e.monetaryValues(), a.monetaryValues());
        assertEquals(e.timeUnit(), a.timeUnit());
        if (litt) {
            assertArrayEquals(e.logInterPurchaseTimes(), a.logInterPurchaseTimes());
        }
    }

    @Property(tries = 60)
    void streamedSummariesAreTheSummarizersToTheLastBit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
            @ForAll boolean shuffled, @ForAll boolean weeks, @ForAll boolean litt) {
        Path file = write(rows(seed, n, shuffled));
        if (rows(seed, n, false).stream().allMatch(r -> LocalDate.parse(r.split(",")[1]).isAfter(AS_OF))) {
            return;
        }
        assertSameAsTheSummarizer(file, weeks ? Duration.ofDays(7) : Duration.ofDays(1), litt);
    }

    @Test
    void rowsOutOfOrderAreSummedInFileOrderOnASecondPass() {
        // c's first purchase (03-01) comes last: the repeat amounts are those of 03-10 and 03-20,
        // added in file order, and the distinct days are 3
        Path file = write(List.of("c,2024-03-10,0.1", "c,2024-03-20,0.2", "c,2024-03-10,0.3", "c,2024-03-01,5"));
        LogSummary s = LogSummary.read(file, false, CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), true);
        assertTrue(s.reread());
        assertEquals(2, s.summaries().frequency(0));
        assertEquals(19, s.summaries().recency(0));
        assertEquals(30, s.summaries().age(0));
        assertEquals((0.1 + 0.2 + 0.3) / 2, s.summaries().monetaryValue(0));
        assertEquals(Math.log(10) + Math.log(9), s.summaries().logInterPurchaseTimes()[0], 1e-15);
        assertSameAsTheSummarizer(file, Duration.ofDays(1), true);
        Path ordered = write(List.of("c,2024-03-01,5", "c,2024-03-10,0.1", "c,2024-03-10,0.3", "c,2024-03-20,0.2"));
        assertFalse(LogSummary.read(ordered, false, CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false)
                .reread());
    }

    @Test
    void repeatAmountsNear1point7e308HaveTheirFiniteMean() {
        // 1.7e308 + 1.7e308 overflows a double; the mean of the two repeat days is 1.7e308 exactly,
        // in file order or not (the second pass sums again)
        Path ordered = write(List.of("c,2024-01-01,1", "c,2024-02-01,1.7e308", "c,2024-03-01,1.7e308"));
        Path unordered = write(List.of("c,2024-02-01,1.7e308", "c,2024-03-01,1.7e308", "c,2024-01-01,1"));
        for (Path file : List.of(ordered, unordered)) {
            LogSummary s = LogSummary.read(file, false, CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false);
            assertEquals(2, s.summaries().frequency(0));
            assertEquals(1.7e308, s.summaries().monetaryValue(0));
            assertSameAsTheSummarizer(file, Duration.ofDays(1), false);
        }
    }

    @Property(tries = 60)
    void hugeAmountsAreSummedAsTheSummarizerSumsThem(@ForAll long seed, @ForAll boolean shuffled) {
        // the amounts of the random log, scaled so that every customer's sum is beyond the largest double
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (String row : rows(seed, 12, shuffled)) {
            String[] f = row.split(",");
            rows.add(f[0] + "," + f[1] + "," + (Double.parseDouble(f[2]) + random.nextDouble()) * 1e306);
        }
        Path file = write(rows);
        if (rows.stream().allMatch(r -> LocalDate.parse(r.split(",")[1]).isAfter(AS_OF))) {
            return;
        }
        LogColumns log = LogColumns.read(file);
        boolean refused = false;
        try {
            CustomerSummarizer.asOf(AS_OF).summarizeEpochDays(log.customer, log.day, log.amount);
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        if (refused) {
            // several purchases on one repeat day may make a mean beyond the largest double: both refuse it
            InputException e = assertThrows(InputException.class, () -> LogSummary.read(file, false,
                    CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false));
            assertTrue(e.getMessage().contains(": the mean repeat amount must not exceed the largest double"),
                    e.getMessage());
        } else {
            assertSameAsTheSummarizer(file, Duration.ofDays(1), false);
        }
    }

    @Test
    void aMeanRepeatAmountBeyondTheLargestDoubleIsRefusedNamingTheCustomer() {
        // two purchases on one repeat day make one repeat purchase worth 3.4e308: no double holds the mean
        Path file = write(List.of("c,2024-01-01,1", "c,2024-02-01,1.7e308", "c,2024-02-01,1.7e308"));
        InputException e = assertThrows(InputException.class, () -> LogSummary.read(file, false,
                CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false));
        assertTrue(e.getMessage().endsWith(": customer 'c': monetary_value 3.40000E+308: the mean repeat amount must "
                + "not exceed the largest double 1.7976931348623157e308"), e.getMessage());
    }

    @Test
    void aLogWithoutPurchasesByTheAsOfDateIsRefusedWithItsFirstDay() {
        Path file = write(List.of("c,2024-04-10,1"));
        InputException e = assertThrows(InputException.class, () -> LogSummary.read(file, false,
                CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false));
        assertTrue(e.getMessage().endsWith(": no purchase on or before the as-of date 2024-03-31 (the first is on "
                + "2024-04-10)"), e.getMessage());
        Path empty = write(List.of());
        assertTrue(assertThrows(InputException.class, () -> LogSummary.read(empty, false, CsvInput.Dialect.DEFAULT,
                AS_OF, Duration.ofDays(1), false)).getMessage().endsWith(":1: has no data rows"));
    }

    @Test
    void customersWhoseFirstPurchaseIsOnTheAsOfDateAreCountedAndLeftOut() {
        Path file = write(List.of("a,2024-03-01,1", "b,2024-03-31,2", "b,2024-04-02,2", "a,2024-03-05,3"));
        LogSummary s = LogSummary.read(file, false, CsvInput.Dialect.DEFAULT, AS_OF, Duration.ofDays(1), false);
        assertEquals(1, s.size());
        assertEquals("a", s.customers.id(s.customerIndex(0)));
        assertEquals(1, s.firstPurchasesOnAsOf());
    }
}
