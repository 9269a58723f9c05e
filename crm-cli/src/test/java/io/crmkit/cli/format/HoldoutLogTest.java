package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.HoldoutEvaluation;
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
 * HoldoutLog, the transaction log split at a calibration end in one streamed pass, against
 * crm-scoring's CustomerSummarizer and HoldoutEvaluation over the whole log's columns: the same
 * calibration rows to the last bit, the same holdout counts and tracking, whatever the order of
 * the rows.
 */
class HoldoutLogTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 3, 31);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 5, 15);

    /** A seeded random log: customers starting before and after the calibration end, repeated days, rows after the holdout end. */
    private static List<String> rows(long seed, int customers, boolean shuffled) {
        Random random = new Random(seed);
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int day = random.nextInt(140);
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                day += random.nextInt(3) == 0 ? 0 : random.nextInt(30);
                rows.add("c" + c + "," + CALIBRATION_END.minusDays(120).plusDays(day) + "," + random.nextInt(100));
            }
        }
        if (shuffled) {
            Collections.shuffle(rows, random);
        }
        return rows;
    }

    private static Path write(List<String> rows) {
        try {
            Path file = Files.createTempFile("holdout", ".csv");
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

    private static HoldoutLog read(Path file, Duration unit) {
        return HoldoutLog.read(file, CsvInput.Dialect.DEFAULT, CALIBRATION_END, HOLDOUT_END, unit);
    }

    @Property(tries = 200)
    void streamedCountsAreThoseOfTheWholeLog(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n,
            @ForAll boolean shuffled, @ForAll boolean weeks) {
        Path file = write(rows(seed, n, shuffled));
        Duration unit = weeks ? Duration.ofDays(7) : Duration.ofDays(1);
        LogColumns log = LogColumns.read(file);
        HoldoutLog streamed = read(file, unit);
        CustomerSummarizer.IndexedSummaries expected = CustomerSummarizer.asOf(CALIBRATION_END).inUnitsOf(unit)
                .summarizeEpochDays(log.customer, log.day, null);
        CustomerSummarizer.IndexedSummaries actual = streamed.calibration();
        assertEquals(expected.size(), actual.size());
        for (int row = 0; row < expected.size(); row++) {
            assertEquals(log.customers.id(expected.customerIndex(row)),
                    streamed.customers.id(actual.customerIndex(row)));
        }
        CustomerSummaries e = expected.summaries();
        CustomerSummaries a = actual.summaries();
        assertArrayEquals(e.frequencies(), a.frequencies());
        assertArrayEquals(e.recencies(), a.recencies());
        assertArrayEquals(e.ages(), a.ages());
        assertArrayEquals(e.monetaryValues(), a.monetaryValues());
        assertEquals(e.timeUnit(), a.timeUnit());
        // per customer, the distinct days after the calibration end up to the holdout end, counted apart
        int calDay = (int) CALIBRATION_END.toEpochDay();
        int endDay = (int) HOLDOUT_END.toEpochDay();
        int[] holdout = streamed.holdoutPurchases();
        int[] first = streamed.firstDays();
        long repeats = 0;
        for (int row = 0; row < actual.size(); row++) {
            int c = expected.customerIndex(row);
            java.util.TreeSet<Integer> days = new java.util.TreeSet<>();
            for (int i = 0; i < log.size; i++) {
                if (log.customer[i] == c && log.day[i] <= endDay) {
                    days.add(log.day[i]);
                }
            }
            assertEquals(days.tailSet(calDay, false).size(), holdout[row]);
            assertEquals(days.first(), first[row]);
            repeats += days.size() - 1;
        }
        assertEquals(repeats, java.util.Arrays.stream(streamed.repeatsByDay()).asLongStream().sum());
    }

    @Test
    void rowsOutOfOrderTakeBackWhatTheyCountedInOrder() {
        // c reads 03-10, 03-20, 04-10 in order (two repeats counted), then 03-01: its first day moves
        // back and 03-10 becomes a repeat too; d starts on the calibration end and never counts
        Path file = write(List.of("c,2024-03-10,1", "c,2024-03-20,1", "d,2024-03-31,1", "c,2024-04-10,1",
                "c,2024-04-10,1", "d,2024-04-02,1", "c,2024-03-01,1", "c,2024-06-01,1"));
        HoldoutLog s = read(file, Duration.ofDays(1));
        assertTrue(s.reread());
        assertEquals(1, s.calibration().size());
        assertEquals(2, s.calibration().summaries().frequency(0));
        assertEquals(19, s.calibration().summaries().recency(0));
        assertEquals(30, s.calibration().summaries().age(0));
        assertArrayEquals(new int[] {1}, s.holdoutPurchases());
        assertArrayEquals(new int[] {(int) LocalDate.of(2024, 3, 1).toEpochDay()}, s.firstDays());
        int[] byDay = s.repeatsByDay();
        // 2024-03-01 to 2024-05-15: 76 days; repeats on 03-10, 03-20 and 04-10
        assertEquals(76, byDay.length);
        assertEquals(1, byDay[9]);
        assertEquals(1, byDay[19]);
        assertEquals(1, byDay[40]);
        assertEquals(3, java.util.Arrays.stream(byDay).sum());
        Path ordered = write(List.of("c,2024-03-01,1", "c,2024-03-10,1", "c,2024-03-20,1", "c,2024-04-10,1"));
        assertFalse(read(ordered, Duration.ofDays(1)).reread());
    }

    @Test
    void theBundledCdnowLogEvaluatesAsFromEveryPurchase() throws IOException {
        Path file = Files.createTempFile("cdnow", ".csv");
        file.toFile().deleteOnExit();
        try (var in = getClass().getResourceAsStream("/io/crmkit/data/cdnow-transactions.csv")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        LocalDate cal = LocalDate.of(1997, 9, 30);
        LocalDate end = LocalDate.of(1998, 6, 30);
        LogColumns log = LogColumns.read(file);
        HoldoutEvaluation expected = HoldoutEvaluation.ofEpochDays(ClvModels.named("bgnbd"), 0, Duration.ofDays(7),
                log.customer, log.day, cal, end);
        HoldoutLog s = HoldoutLog.read(file, CsvInput.Dialect.DEFAULT, cal, end, Duration.ofDays(7));
        HoldoutEvaluation actual = HoldoutEvaluation.ofCounts(ClvModels.named("bgnbd"), 0, Duration.ofDays(7),
                s.calibration(), s.firstDays(), s.holdoutPurchases(), s.repeatsByDay(), cal, end);
        assertEquals(expected.model().parameters(), actual.model().parameters());
        assertEquals(expected.calibrationTable(), actual.calibrationTable());
        assertEquals(expected.tracking(), actual.tracking());
        // lifetimes' calibration_and_holdout_data on CDNOW: 2,357 customers, 1,882 holdout purchase days
        assertEquals(2357, actual.size());
        assertEquals(1882, actual.actualTotal());
    }
}
