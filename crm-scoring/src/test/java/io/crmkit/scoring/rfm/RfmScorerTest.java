package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmScorerTest {

    private static Purchase buy(String customer, String date, String amount) {
        return Purchase.of(CustomerId.of(customer), Instant.parse(date + "T12:00:00Z"), Money.of(amount, "CNY"));
    }

    private static int[] column(RfmScores s, char which) {
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = which == 'r' ? s.r(i) : which == 'f' ? s.f(i) : s.m(i);
        }
        return out;
    }

    @Test
    void tenDistinctValuesFillQuintilesTwoByTwo() {
        double[] v = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        RfmScores s = RfmScorer.standard().scoreColumns(v, v, v);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, column(s, 'f'));
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, column(s, 'm'));
        // recency reversed: 10 days ago is the most recent, so it scores 5
        assertArrayEquals(new int[] {5, 5, 4, 4, 3, 3, 2, 2, 1, 1}, column(s, 'r'));
    }

    @Test
    void heavilyTiedFrequencyNeverSplitsATie() {
        // 700 of 1,000 customers bought once, 200 twice, 100 three times (the CDNOW shape)
        double[] f = new double[1000];
        for (int i = 0; i < 1000; i++) {
            f[i] = i < 700 ? 1 : i < 900 ? 2 : 3;
        }
        RfmScores s = RfmScorer.standard().scoreColumns(new double[1000], f, f);
        for (int i = 0; i < 1000; i++) {
            int expected = i < 700 ? 1 : i < 900 ? 4 : 5; // 1 + floor(5*0/1000), 1 + floor(5*700/1000), 1 + floor(5*900/1000)
            assertEquals(expected, s.f(i), "customer " + i);
            assertEquals(1, s.r(i), "everyone tied on recency: no one bought longer ago, so 1 + floor(5*0/1000)");
        }
    }

    @Test
    void allCustomersTiedScoreOne() {
        double[] v = {3, 3, 3, 3};
        RfmScores s = RfmScorer.standard().scoreColumns(v, v, v);
        assertArrayEquals(new int[] {1, 1, 1, 1}, column(s, 'f'));
        assertArrayEquals(new int[] {1, 1, 1, 1}, column(s, 'r'));
    }

    @Test
    void negativeZeroTiesWithZero() {
        double[] m = {0.0, -0.0, 5, 5};
        RfmScores s = RfmScorer.standard().scoreColumns(new double[4], new double[4], m);
        assertEquals(s.m(0), s.m(1));
    }

    @Test
    void scoresPurchasesPerCustomer() {
        List<Purchase> purchases = List.of(
                buy("c-1", "2026-03-01", "100.00"), buy("c-1", "2026-03-20", "50.00"),
                buy("c-2", "2026-01-10", "10.00"),
                buy("c-3", "2026-03-30", "400.00"), buy("c-3", "2026-02-01", "20.00"), buy("c-3", "2026-02-02", "30.00"));
        List<RfmScore> scores = RfmScorer.standard().score(purchases, LocalDate.parse("2026-03-31"));
        assertEquals(3, scores.size());
        RfmScore c1 = scores.get(0);
        assertEquals(CustomerId.of("c-1"), c1.customer());
        assertEquals(11, c1.recencyDays());
        assertEquals(2, c1.frequency());
        assertEquals(Money.of("150.00", "CNY"), c1.monetary());
        // recency: c-3 (1 day) > c-1 (11) > c-2 (80); n = 3, five bins
        assertEquals(1 + 5 * 1 / 3, c1.r());
        RfmScore c3 = scores.get(2);
        assertEquals(1 + 5 * 2 / 3, c3.r());
        assertEquals(1 + 5 * 2 / 3, c3.f());
        assertEquals(Money.of("450.00", "CNY"), c3.monetary());
        assertEquals(RfmSegmentMap.standard().segmentOf(c3.r(), c3.f(), c3.m()), c3.segment());
        assertEquals("" + c3.r() + c3.f() + c3.m(), c3.code());
    }

    @Test
    void monetaryCanBeTheMeanPurchase() {
        List<Purchase> purchases = List.of(buy("c-1", "2026-03-01", "100.00"), buy("c-1", "2026-03-20", "50.01"));
        RfmScore s = RfmScorer.builder().monetary(RfmScorer.Monetary.MEAN).build().score(purchases, LocalDate.parse("2026-03-31")).get(0);
        assertEquals(Money.of("75.00", "CNY"), s.monetary()); // 75.005 rounded half-even
    }

    @Test
    void purchasesAfterTheAsOfDateNeverCount() {
        // the PurchaseLog rule, shared with the customer summaries and the life-cycle histories
        List<RfmScore> scores = RfmScorer.standard().score(List.of(buy("c-1", "2026-03-01", "10.00"),
                buy("c-1", "2026-04-02", "99.00"), buy("c-9", "2026-04-02", "1.00")), LocalDate.parse("2026-04-01"));
        assertEquals(1, scores.size(), "c-9 bought only after the as-of date");
        assertEquals(31, scores.get(0).recencyDays());
        assertEquals(1, scores.get(0).frequency());
        assertEquals(Money.of("10.00", "CNY"), scores.get(0).monetary());
    }

    @Test
    void customersInDifferentCurrenciesAreNotScoredTogether() {
        // issue 10 §4: the Javadoc promised this refusal, but a JPY and a USD customer were scored together
        List<Purchase> mixed = List.of(
                Purchase.of(CustomerId.of("c-1"), Instant.parse("2026-03-01T12:00:00Z"), Money.of("1000", "JPY")),
                Purchase.of(CustomerId.of("c-2"), Instant.parse("2026-03-02T12:00:00Z"), Money.of("10.00", "USD")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmScorer.standard().score(mixed, LocalDate.parse("2026-04-01")));
        assertEquals("purchases mix currencies JPY and USD (customer c-2): a purchase log holds one currency; "
                + "convert or split it first", e.getMessage());
    }

    @Test
    void datesAndInstantsOutsideTheLogRangeAreRefused() {
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> RfmScorer.standard().score(List.of(buy("c-1", "2026-03-01", "1.00")), LocalDate.of(-6_000_000, 1, 1)));
        assertEquals("asOf -6000000-01-01 is out of range: as-of dates lie from 0001-01-01 to 9999-12-31",
                early.getMessage());
        Purchase far = Purchase.of(CustomerId.of("c-1"), LocalDate.of(999_999_999, 1, 1).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC), Money.of("1.00", "CNY"));
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> RfmScorer.standard().score(List.of(far), LocalDate.of(2026, 1, 1)));
        assertTrue(late.getMessage().startsWith("time of purchase by customer c-1 +999999999-01-01T00:00:00Z is out of "
                + "range"), late.getMessage());
    }

    @Test
    void rejectsBadColumns() {
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.standard().scoreColumns(new double[2], new double[3], new double[2]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RfmScorer.standard().scoreColumns(new double[] {Double.NaN}, new double[1], new double[1]));
        assertTrue(nan.getMessage().startsWith("recencyDays[0] NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.standard().scoreColumns(new double[1], new double[] {-1}, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.builder().bins(4).build());
    }

    @Test
    void otherBinCountsWorkWithAMatchingMap() {
        RfmSegmentMap map = RfmSegmentMap.builder(3).segment("recent", 3, 3, 1, 3, 1, 3).segment("not recent", 1, 2, 1, 3, 1, 3).build();
        RfmScorer scorer = RfmScorer.builder().bins(3).segments(map).build();
        double[] v = {1, 2, 3, 4, 5, 6};
        RfmScores s = scorer.scoreColumns(v, v, v);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3}, column(s, 'f'));
        assertEquals("recent", s.segment(0));
        assertEquals("not recent", s.segment(5));
    }

    @Test
    void aMillionCustomersScoreThroughTheColumns() {
        int n = 1_000_000;
        double[] r = new double[n];
        double[] f = new double[n];
        double[] m = new double[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            r[i] = random.nextInt(365);
            f[i] = 1 + random.nextInt(3) * random.nextInt(4);
            m[i] = Math.round(random.nextDouble() * 50_000) / 100.0;
        }
        RfmScores s = RfmScorer.standard().scoreColumns(r, f, m);
        Map<Integer, Integer> perScore = new HashMap<>();
        for (int i = 0; i < n; i++) {
            perScore.merge(s.m(i), 1, Integer::sum);
        }
        // monetary is almost tie-free, so each quintile holds close to a fifth
        for (int score = 1; score <= 5; score++) {
            assertEquals(200_000, perScore.get(score), 2_000, "customers in m = " + score);
        }
    }

    @Test
    void purchasesInOtherCurrenciesAreRejected() {
        List<Purchase> purchases = new ArrayList<>(List.of(buy("c-1", "2026-03-01", "1.00")));
        purchases.add(Purchase.of(CustomerId.of("c-1"), Instant.parse("2026-03-02T00:00:00Z"), Money.of("1.00", "USD")));
        assertThrows(IllegalArgumentException.class, () -> RfmScorer.standard().score(purchases, LocalDate.parse("2026-04-01")));
    }
}
