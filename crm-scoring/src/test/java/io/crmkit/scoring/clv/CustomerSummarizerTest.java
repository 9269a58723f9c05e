package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CustomerSummarizerTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final Duration WEEK = Duration.ofDays(7);

    /** CDNOW_sample.txt as columns: sample id - 1, epoch day, dollar value. */
    private record Log(int[] customer, int[] day, double[] amount) {
        static Log cdnow() {
            List<String> lines = Datasets.lines("CDNOW_sample.txt");
            int n = lines.size();
            Log log = new Log(new int[n], new int[n], new double[n]);
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i).split("\\s+");
                log.customer[i] = Integer.parseInt(f[1]) - 1;
                log.day[i] = (int) LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
                log.amount[i] = Double.parseDouble(f[4]);
            }
            return log;
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Test
    void cdnowCalibrationSummaryReproducesThePublishedFile() {
        // CDNOW_sample.txt up to 1997-09-30, by day, days / 7 -> cdnow_customers_summary_with_transactions.csv:
        // frequency exact, recency and T exact after rounding to 2 decimals, zbar within 0.01 (datasets README)
        Log log = Log.cdnow();
        CustomerSummarizer.IndexedSummaries result = CustomerSummarizer.asOf(CALIBRATION_END).inUnitsOf(WEEK)
                .summarizeEpochDays(log.customer(), log.day(), log.amount());
        double[][] published = Datasets.cdnowWithSpend();
        assertEquals(2357, result.size());
        CustomerSummaries s = result.summaries();
        for (int row = 0; row < result.size(); row++) {
            int id = result.customerIndex(row) + 1;
            int line = id - 1;
            assertEquals(published[0][line], id);
            assertEquals(published[1][line], s.frequency(row), "x of " + id);
            assertEquals(published[2][line], round2(s.recency(row)), "t_x of " + id);
            assertEquals(published[3][line], round2(s.age(row)), "T of " + id);
            assertEquals(published[4][line], s.monetaryValue(row), 0.01 + 1e-9, "zbar of " + id);
        }
    }

    @Test
    void purchasesAndColumnsGiveTheSameSummaries() {
        Log log = Log.cdnow();
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < log.customer().length; i++) {
            purchases.add(Purchase.of(CustomerId.of("c" + (log.customer()[i] + 1)),
                    LocalDate.ofEpochDay(log.day()[i]).atTime(13, 5).toInstant(ZoneOffset.UTC),
                    Money.of(BigDecimal.valueOf(log.amount()[i]), Money.currency("USD"))));
        }
        CustomerSummarizer weekly = CustomerSummarizer.asOf(CALIBRATION_END).inUnitsOf(WEEK);
        ImmutableList<CustomerSummary> rows = weekly.summarize(purchases);
        CustomerSummaries columns = weekly.summarizeEpochDays(log.customer(), log.day(), log.amount()).summaries();
        assertEquals(columns.size(), rows.size());
        assertEquals(WEEK, columns.timeUnit(), "the summaries say they are in weeks");
        CustomerSummary first = rows.get(0);
        assertEquals(CustomerId.of("c1"), first.customer());
        assertEquals(2, first.frequency());
        assertEquals(30.43, round2(first.recency()));
        assertEquals(38.86, round2(first.age()));
        assertEquals(22.35, first.monetaryValue(), 0.01);
        CustomerSummaries fromRows = CustomerSummary.toSummaries(rows);
        double[] expected = columns.ages();
        double[] actual = fromRows.ages();
        java.util.Arrays.sort(expected);
        java.util.Arrays.sort(actual);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    }

    /** A plain re-statement of lifetimes' definitions, day by day, to check the fast path against. */
    private static Map<Integer, double[]> naive(List<int[]> rows, LocalDate asOf, int periodDays, double unitDays) {
        Map<Integer, TreeSet<Long>> periods = new TreeMap<>();
        long end = asOf.toEpochDay();
        for (int[] r : rows) {
            if (r[1] <= end) {
                LocalDate day = LocalDate.ofEpochDay(r[1]);
                long period = periodDays == 1 ? r[1]
                        : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
                periods.computeIfAbsent(r[0], k -> new TreeSet<>()).add(period);
            }
        }
        long endPeriod = periodDays == 1 ? end : asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
        Map<Integer, double[]> out = new TreeMap<>();
        periods.forEach((c, set) -> {
            double scale = 1.0 / unitDays;
            if (endPeriod > set.first()) {
                out.put(c, new double[] {set.size() - 1, (set.last() - set.first()) * scale,
                        (endPeriod - set.first()) * scale});
            }
        });
        return out;
    }

    @Test
    void exampleTransactionsByDayAndByCalendarWeek() {
        // lifetimes' synthetic example_transactions.csv, as of 2014-12-31
        List<String> lines = Datasets.lines("example_transactions.csv");
        int n = lines.size() - 1;
        int[] customer = new int[n];
        int[] day = new int[n];
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            customer[i] = Integer.parseInt(f[1]);
            day[i] = (int) LocalDate.parse(f[0].substring(0, 10)).toEpochDay();
            rows.add(new int[] {customer[i], day[i]});
        }
        LocalDate asOf = LocalDate.of(2014, 12, 31);
        checkAgainstNaive(CustomerSummarizer.asOf(asOf).summarizeEpochDays(customer, day, null),
                naive(rows, asOf, 1, 1));
        checkAgainstNaive(CustomerSummarizer.asOf(asOf).groupingBy(WEEK).inUnitsOf(WEEK)
                .summarizeEpochDays(customer, day, null), naive(rows, asOf, 7, 7));
        LocalDate mid = LocalDate.of(2014, 6, 30);
        checkAgainstNaive(CustomerSummarizer.asOf(mid).inUnitsOf(WEEK).summarizeEpochDays(customer, day, null),
                naive(rows, mid, 1, 7));
    }

    private static void checkAgainstNaive(CustomerSummarizer.IndexedSummaries actual, Map<Integer, double[]> expected) {
        assertEquals(expected.size(), actual.size());
        CustomerSummaries s = actual.summaries();
        for (int row = 0; row < actual.size(); row++) {
            double[] e = expected.get(actual.customerIndex(row));
            assertEquals(e[0], s.frequency(row));
            assertEquals(e[1], s.recency(row), 1e-12);
            assertEquals(e[2], s.age(row), 1e-12);
            assertEquals(0.0, s.monetaryValue(row));
        }
    }

    @Test
    void samePeriodPurchasesCountOnceAndTheFirstIsLeftOutOfTheMonetaryValue() {
        // day 0: 10 + 5 (one purchase of 15, the first); day 3: 20; day 3: 4 (same day: 24); day 8: 6
        int[] customer = {0, 0, 0, 0, 0};
        int[] day = {0, 0, 3, 3, 8};
        double[] amount = {10, 5, 20, 4, 6};
        CustomerSummarizer summarizer = CustomerSummarizer.asOf(LocalDate.ofEpochDay(10));
        CustomerSummaries s = summarizer.summarizeEpochDays(customer, day, amount).summaries();
        assertEquals(2.0, s.frequency(0));
        assertEquals(8.0, s.recency(0));
        assertEquals(10.0, s.age(0));
        assertEquals((24 + 6) / 2.0, s.monetaryValue(0));
    }

    @Test
    void purchasesAfterTheAsOfDateAndCustomersFirstSeenThatDayAreLeftOut() {
        int[] customer = {0, 0, 1, 2};
        int[] day = {0, 20, 10, 30};
        CustomerSummarizer.IndexedSummaries s = CustomerSummarizer.asOf(LocalDate.ofEpochDay(10))
                .summarizeEpochDays(customer, day, null);
        assertEquals(1, s.size());
        assertEquals(0, s.customerIndex(0));
        assertEquals(0.0, s.summaries().frequency(0));
    }

    @Test
    void calibrationAndHoldoutFollowLifetimes() {
        CustomerId id = CustomerId.of("c-1");
        List<Purchase> purchases = List.of(
                Purchase.of(id, LocalDate.of(2024, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("10", "EUR")),
                Purchase.of(id, LocalDate.of(2024, 1, 8).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("20", "EUR")),
                Purchase.of(id, LocalDate.of(2024, 2, 5).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("30", "EUR")),
                Purchase.of(id, LocalDate.of(2024, 2, 6).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("50", "EUR")),
                Purchase.of(CustomerId.of("c-2"), LocalDate.of(2024, 2, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        Money.of("5", "EUR")));
        ImmutableList<CustomerSummarizer.CalibrationHoldout> split = CustomerSummarizer.asOf(LocalDate.of(2024, 2, 29))
                .splitAt(purchases, LocalDate.of(2024, 1, 31));
        assertEquals(1, split.size());
        CustomerSummarizer.CalibrationHoldout c1 = split.get(0);
        assertEquals(1, c1.calibration().frequency());
        assertEquals(7.0, c1.calibration().recency());
        assertEquals(30.0, c1.calibration().age());
        assertEquals(20.0, c1.calibration().monetaryValue());
        assertEquals(2, c1.holdoutFrequency());
        assertEquals(40.0, c1.holdoutMonetaryValue());
        assertEquals(29.0, c1.holdoutDuration());
    }

    @Test
    void theTimeZoneDecidesTheCalendarDayOfAPurchase() {
        // 2024-01-01T20:00Z is already 2 January in Shanghai (UTC+8) but not in Paris (UTC+1)
        long first = LocalDate.of(2024, 1, 1).atTime(20, 0).toEpochSecond(ZoneOffset.UTC);
        long second = LocalDate.of(2024, 1, 5).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        CustomerSummarizer asOf = CustomerSummarizer.asOf(LocalDate.of(2024, 1, 10));
        CustomerSummaries utc = asOf.summarizeEpochSeconds(new int[] {0, 0}, new long[] {first, second}, null)
                .summaries();
        CustomerSummaries shanghai = asOf.inZone(java.time.ZoneId.of("Asia/Shanghai"))
                .summarizeEpochSeconds(new int[] {0, 0}, new long[] {first, second}, null).summaries();
        CustomerSummaries paris = asOf.inZone(java.time.ZoneId.of("Europe/Paris"))
                .summarizeEpochSeconds(new int[] {0, 0}, new long[] {first, second}, null).summaries();
        assertEquals(9.0, utc.age(0));
        assertEquals(4.0, utc.recency(0));
        assertEquals(8.0, shanghai.age(0));
        assertEquals(3.0, shanghai.recency(0));
        assertEquals(9.0, paris.age(0));
    }

    @Test
    void hourlyPeriodsMeasuredInDays() {
        // two purchases in one hour count once; a third two hours later is a repeat purchase
        long start = LocalDate.of(2024, 3, 1).atTime(9, 10).toEpochSecond(ZoneOffset.UTC);
        CustomerSummaries s = CustomerSummarizer.asOf(LocalDate.of(2024, 3, 2)).groupingBy(Duration.ofHours(1))
                .summarizeEpochSeconds(new int[] {0, 0, 0}, new long[] {start, start + 1200, start + 7200}, null)
                .summaries();
        assertEquals(1.0, s.frequency(0));
        assertEquals(2.0 / 24, s.recency(0), 1e-12);
        assertEquals(15.0 / 24, s.age(0), 1e-12);
    }

    @Test
    void mixedCurrenciesAndBadColumnsAreRejected() {
        CustomerId id = CustomerId.of("c-1");
        List<Purchase> mixed = List.of(
                Purchase.of(id, LocalDate.of(2024, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("10", "EUR")),
                Purchase.of(id, LocalDate.of(2024, 1, 2).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of("10", "USD")));
        CustomerSummarizer summarizer = CustomerSummarizer.asOf(LocalDate.of(2024, 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> summarizer.summarize(mixed));
        assertTrue(e.getMessage().contains("mix currencies"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> summarizer.summarizeEpochDays(new int[] {-1}, new int[] {0}, null));
        assertThrows(IllegalArgumentException.class,
                () -> summarizer.summarizeEpochDays(new int[] {0}, new int[] {0}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> summarizer.summarizeEpochDays(new int[] {0, 1}, new int[] {0}, null));
        assertThrows(IllegalArgumentException.class, () -> summarizer.inUnitsOf(Duration.ZERO));
    }

    @Test
    void tenMillionTransactionsAreSummarisedWithoutOneObjectPerPurchase() {
        // not a timing assertion: checks that the columnar path copes with a large log and stays consistent
        int n = 10_000_000;
        int customers = 1_000_000;
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            customer[i] = random.nextInt(customers);
            day[i] = 16_000 + random.nextInt(365);
            amount[i] = 1 + random.nextInt(100);
        }
        CustomerSummarizer.IndexedSummaries s = CustomerSummarizer.asOf(LocalDate.ofEpochDay(16_400))
                .summarizeEpochDays(customer, day, amount);
        double totalPeriods = 0;
        for (int row = 0; row < s.size(); row++) {
            totalPeriods += s.summaries().frequency(row) + 1;
        }
        assertTrue(s.size() > 990_000);
        assertTrue(totalPeriods <= n && totalPeriods > 0.95 * n, "periods " + totalPeriods);
    }
}
