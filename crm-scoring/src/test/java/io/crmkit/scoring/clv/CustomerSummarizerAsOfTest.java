package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The as-of rule of {@link PurchaseLog} applied by the summarizer: nothing after the as-of date counts. */
class CustomerSummarizerAsOfTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final CustomerId A = CustomerId.of("A");
    private static final CustomerId B = CustomerId.of("B");

    private static Purchase buy(CustomerId c, String date, String amount) {
        return Purchase.of(c, LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC), Money.of(amount, "EUR"));
    }

    @Test
    void weeklyGroupingLeavesOutAPurchaseAfterTheAsOfDateInTheAsOfWeek() {
        // issue 10 §4: A's 2026-02-06 purchase lies in the as-of week (Monday 02-02 to Sunday 02-08)
        // but after the as-of date; lifetimes with freq='W' counts it and gave A frequency 1.
        // By hand: 2026-01-05 is a Monday; 4 weeks to the week of 2026-02-02; x = 0, t_x = 0, T = 4.
        List<Purchase> log = List.of(buy(A, "2026-01-05", "10"), buy(A, "2026-02-06", "20"), buy(B, "2026-01-07", "5"));
        ImmutableList<CustomerSummary> s = CustomerSummarizer.asOf(LocalDate.of(2026, 2, 4)).groupingBy(WEEK)
                .inUnitsOf(WEEK).summarize(log);
        assertEquals(List.of(new CustomerSummary(A, 0, 0, 4, 0), new CustomerSummary(B, 0, 0, 4, 0)), s);
    }

    @Test
    void splitAtCutsCalibrationAndHoldoutAtTheirDatesNotAtTheirWeeks() {
        // calibration ends Tuesday 2026-01-20, in the week of Monday 01-19: A's 01-21 purchase is in
        // that week but in the holdout; A's 02-06 purchase is after the as-of date 02-04 and counts
        // nowhere. By hand: calibration T = 2 weeks (01-05 to 01-19), holdout 2 weeks (to 02-02).
        List<Purchase> log = List.of(buy(A, "2026-01-05", "10"), buy(A, "2026-01-21", "7"), buy(A, "2026-02-06", "20"),
                buy(B, "2026-01-07", "5"));
        ImmutableList<CustomerSummarizer.CalibrationHoldout> split = CustomerSummarizer.asOf(LocalDate.of(2026, 2, 4))
                .groupingBy(WEEK).inUnitsOf(WEEK).splitAt(log, LocalDate.of(2026, 1, 20));
        assertEquals(List.of(
                new CustomerSummarizer.CalibrationHoldout(new CustomerSummary(A, 0, 0, 2, 0), 1, 7.0, 2.0),
                new CustomerSummarizer.CalibrationHoldout(new CustomerSummary(B, 0, 0, 2, 0), 0, 0.0, 2.0)), split);
    }

    @Test
    void datesAndInstantsOutsideTheLogRangeAreRefusedNamingTheRule() {
        // issue 10 §3: a summary as of year -6,000,000 gave "Index 0 out of bounds"
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> CustomerSummarizer.asOf(LocalDate.of(-6_000_000, 1, 1)));
        assertEquals("asOf -6000000-01-01 is out of range: as-of dates lie from 0001-01-01 to 9999-12-31",
                early.getMessage());
        // and a purchase in year +999,999,999 "integer overflow"
        Purchase far = Purchase.of(A, LocalDate.of(999_999_999, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
                Money.of("1", "EUR"));
        CustomerSummarizer s = CustomerSummarizer.asOf(LocalDate.of(2026, 1, 1));
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> s.summarize(List.of(far)));
        assertEquals("time of purchase by customer A +999999999-01-01T00:00:00Z is out of range: purchase instants lie "
                + "from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z", late.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> s.summarizeEpochSeconds(new int[] {0}, new long[] {Long.MAX_VALUE}, null));
        assertEquals("epochSecond[0] 9223372036854775807 is out of range: purchase instants lie from -62135596800 to "
                + "253402300799 seconds since 1970-01-01T00:00Z (0001-01-01T00:00:00Z to "
                + "9999-12-31T23:59:59.999999999Z)", column.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> s.summarizeEpochDays(new int[] {0}, new int[] {Integer.MIN_VALUE}, null));
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> s.summarizeEpochDays(new int[] {Integer.MAX_VALUE}, new int[] {20_000}, null));
        assertEquals("customer index 2147483647 at row 0 is out of range: 0 to 2147483638", index.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> s.summarize(PurchaseLog.of(List.of(buy(A, "2025-01-01", "1")), ZoneId.of("Asia/Shanghai"))));
    }

    @Property(tries = 200)
    void nothingAfterTheAsOfDateEverCountsWhateverTheGrouping(@ForAll("logs") List<Purchase> purchases,
            @ForAll @IntRange(min = 0, max = 120) int asOfOffset, @ForAll("periods") Duration period,
            @ForAll("zones") ZoneId zone) {
        LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(asOfOffset);
        CustomerSummarizer summarizer = CustomerSummarizer.asOf(asOf).inZone(zone).groupingBy(period).inUnitsOf(period);
        PurchaseLog log = PurchaseLog.of(purchases, zone);
        PurchaseLog counted = log.upTo(log.endOf(asOf));
        // the summaries of the whole log equal those of the purchases up to the as-of date ...
        assertEquals(summarizer.summarize(counted), summarizer.summarize(log));
        // ... and, for whole-day groupings, a direct restatement of the definitions
        if (period.toHours() % 24 == 0) {
            assertSameSummaries(naive(counted, asOf, zone, period.toDays()), summarizer.summarize(log));
        }
    }

    /** Equal counts and times; monetary values equal up to the order of floating-point sums. */
    private static void assertSameSummaries(List<CustomerSummary> expected, List<CustomerSummary> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            CustomerSummary e = expected.get(i);
            CustomerSummary a = actual.get(i);
            assertEquals(e.customer(), a.customer());
            assertEquals(e.frequency(), a.frequency());
            assertEquals(e.recency(), a.recency());
            assertEquals(e.age(), a.age());
            assertEquals(e.monetaryValue(), a.monetaryValue(), 1e-9);
        }
    }

    /** lifetimes' definitions restated over the counted rows: periods from Monday 1970-01-05. */
    private static List<CustomerSummary> naive(PurchaseLog counted, LocalDate asOf, ZoneId zone, long days) {
        TreeMap<Integer, TreeSet<Long>> periods = new TreeMap<>();
        TreeMap<Integer, TreeMap<Long, Double>> spend = new TreeMap<>();
        for (int i = 0; i < counted.size(); i++) {
            long period = Math.floorDiv(counted.epochDay(i) - 4, days);
            periods.computeIfAbsent(counted.customerIndex(i), k -> new TreeSet<>()).add(period);
            spend.computeIfAbsent(counted.customerIndex(i), k -> new TreeMap<>())
                    .merge(period, counted.amount(i).doubleValue(), Double::sum);
        }
        long end = Math.floorDiv(asOf.toEpochDay() - 4, days);
        ImmutableList.Builder<CustomerSummary> out = ImmutableList.builder();
        periods.forEach((c, set) -> {
            if (end > set.first()) {
                double repeat = spend.get(c).tailMap(set.first(), false).values().stream().mapToDouble(v -> v).sum();
                int x = set.size() - 1;
                out.add(new CustomerSummary(counted.customers().get(c), x, set.last() - set.first(), end - set.first(),
                        x == 0 ? 0 : repeat / x));
            }
        });
        return out.build();
    }

    @Provide
    Arbitrary<List<Purchase>> logs() {
        Arbitrary<Purchase> purchase = Combinators.combine(Arbitraries.of(A, B, CustomerId.of("C")),
                Arbitraries.longs().between(0, 150L * 86_400), Arbitraries.integers().between(0, 500))
                .as((c, second, cents) -> Purchase.of(c, Instant.parse("2025-12-01T00:00:00Z").plusSeconds(second),
                        Money.of(java.math.BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("EUR"))));
        return purchase.list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<Duration> periods() {
        return Arbitraries.of(Duration.ofDays(1), WEEK, Duration.ofDays(3), Duration.ofHours(6), Duration.ofHours(1));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"));
    }
}
