package io.crmkit.lifecycle.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LifecycleStageTest {

    static final CustomerId C17 = CustomerId.of("c-17");
    static final Instant DAY0 = Instant.parse("2025-01-01T10:00:00Z");

    static Instant day(int d) {
        return DAY0.plus(Duration.ofDays(d));
    }

    /** Purchases of 100 CNY on the given days. */
    static List<Purchase> on(int... days) {
        List<Purchase> out = new ArrayList<>();
        for (int d : days) {
            out.add(Purchase.of(C17, day(d), Money.of("100.00", "CNY")));
        }
        return out;
    }

    static PurchaseHistory history(int asOfDay, int... days) {
        return PurchaseHistory.of(C17, on(days), day(asOfDay));
    }

    private final LifecycleClassifier classifier = LifecycleClassifier.standard();

    @Test
    void aCustomerWithoutPurchasesIsAProspect() {
        assertEquals(LifecycleStage.PROSPECT, classifier.stage(history(10)).stage());
    }

    @Test
    void oneRecentPurchaseMakesAFirstTimeCustomer() {
        StageAssessment a = classifier.stage(history(30, 0));
        assertEquals(LifecycleStage.FIRST_TIME, a.stage());
        assertEquals("1 visit, no purchase for 30 days, within the 365-day fallback window (no purchase rhythm yet)",
                a.reason());
    }

    @Test
    void fiveRegularPurchasesMakeALoyalCustomerAndFewerARepeatOne() {
        assertEquals(LifecycleStage.LOYAL, classifier.stage(history(125, 0, 30, 60, 90, 120)).stage());
        assertEquals(LifecycleStage.REPEAT, classifier.stage(history(65, 0, 30, 60)).stage());
    }

    @Test
    void aWeeklyBuyerSilentForAMonthIsLapsedButAYearlyBuyerIsNot() {
        ChurnPolicy rhythm = ChurnPolicy.relativeRhythm(3.0, Duration.ofDays(365));
        ChurnDecision weekly = rhythm.assess(history(56, 0, 7, 14, 21, 28));
        assertTrue(weekly.churned());
        assertEquals("no purchase for 28 days, more than 3.0 x the median gap of 7 days", weekly.reason());
        assertEquals(day(49), weekly.churnedAt().orElseThrow());
        assertFalse(rhythm.assess(history(760, 0, 365, 730)).churned());
        ChurnPolicy fixed = ChurnPolicy.fixedWindow(Duration.ofDays(365));
        assertFalse(fixed.assess(history(56, 0, 7, 14, 21, 28)).churned());
        ChurnDecision yearly = fixed.assess(history(1130, 0, 365, 730));
        assertEquals("no purchase for 400 days, more than the 365-day window", yearly.reason());
        assertEquals(LifecycleStage.LAPSED, classifier.stage(history(56, 0, 7, 14, 21, 28)).stage());
    }

    @Test
    void aWindowTooLongToEndBeforeTheEndOfTimeKeepsEveryCustomerActive() {
        ChurnDecision forever = ChurnPolicy.fixedWindow(Duration.ofSeconds(Long.MAX_VALUE))
                .assess(history(1130, 0, 365, 730));
        assertFalse(forever.churned());
        assertTrue(forever.churnedAt().isEmpty());
        ChurnDecision patient = ChurnPolicy.relativeRhythm(1e30, Duration.ofDays(365)).assess(history(1130, 0, 365, 730));
        assertFalse(patient.churned());
        assertTrue(patient.reason().startsWith("no purchase for 400 days, within "), patient.reason());
    }

    @Test
    void aWeeklyBuyerSilentForTwelveDaysIsAtRisk() {
        StageAssessment a = classifier.stage(history(40, 0, 7, 14, 21, 28));
        assertEquals(LifecycleStage.AT_RISK, a.stage());
        assertEquals("no purchase for 12 days, more than 1.5 x the median gap of 7 days", a.reason());
    }

    @Test
    void aCustomerWhoReturnsAfterLapsingIsWonBack() {
        StageAssessment a = classifier.stage(history(310, 0, 30, 60, 90, 300));
        assertEquals(LifecycleStage.WON_BACK, a.stage());
        assertTrue(a.reason().startsWith("bought again on " + day(300)));
        assertEquals(LifecycleStage.LOYAL,
                classifier.stage(history(520, 0, 30, 60, 90, 300, 330, 360, 390, 420, 450, 480, 510)).stage(),
                "back in rhythm: loyal again");
    }

    @Test
    void aProbabilityAliveFromAnyModelPlugsIn() {
        ChurnPolicy model = ChurnPolicy.probabilityAlive("BG/NBD", h -> Math.exp(-h.ageDays() / 100.0), 0.3);
        ChurnDecision d = model.assess(history(200, 0, 10));
        assertTrue(d.churned());
        assertEquals("P(alive) 0.135 is below 0.30", d.reason());
        assertEquals("BG/NBD P(alive) < 0.30", d.policy());
        ChurnPolicy broken = ChurnPolicy.probabilityAlive("broken", h -> Double.NaN, 0.3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> broken.assess(history(20, 0, 10)));
        assertEquals("model broken returned P(alive) NaN for customer c-17: a probability must be within [0, 1]",
                e.getMessage());
        assertFalse(model.assess(history(20)).churned(), "a prospect cannot churn");
    }

    @Test
    void theBtydSummaryFollowsTheLifetimesDefinitions() {
        PurchaseHistory h = PurchaseHistory.of(C17, List.of(
                Purchase.of(C17, day(0), Money.of("10", "CNY")),
                Purchase.of(C17, day(0).plusSeconds(3600), Money.of("10", "CNY")),
                Purchase.of(C17, day(10), Money.of("10", "CNY")),
                Purchase.of(C17, day(50), Money.of("10", "CNY"))), day(100));
        assertEquals(2, h.frequency());
        assertEquals(50.0, h.recencyDays(), 1e-12);
        assertEquals(100.0, h.ageDays(), 1e-12);
        // visits on days 0 (two rows an hour apart: one visit), 10 and 50: gaps of 10 and 40 days, median 25
        assertEquals(List.of(Duration.ofDays(10), Duration.ofDays(40)), h.gaps());
        assertEquals(Duration.ofDays(25), h.medianGap().orElseThrow());
        assertEquals(3, PurchaseHistory.of(C17, on(0, 1, 2, 3, 500), day(100)).frequency(), "later purchases ignored");
    }

    @Test
    void aBasketSplitOverRowsMinutesApartIsOneVisitSoAMonthlyBuyerIsNotLapsed() {
        // issue 10 §4: three rows 5 minutes apart each month made the median gap 0 days and the
        // customer LAPSED ("no purchase for 0 days, more than 3.0 x the median gap of 0 days")
        List<Purchase> baskets = new ArrayList<>();
        for (int month = 0; month < 4; month++) {
            for (int row = 0; row < 3; row++) {
                baskets.add(Purchase.of(C17, day(30 * month).plus(Duration.ofMinutes(5L * row)), Money.of("10", "CNY")));
            }
        }
        PurchaseHistory h = PurchaseHistory.of(C17, baskets, day(95));
        assertEquals(12, h.count());
        assertEquals(4, h.visits());
        assertEquals(Duration.ofDays(30), h.medianGap().orElseThrow());
        StageAssessment a = classifier.stage(h);
        assertEquals(LifecycleStage.REPEAT, a.stage(), "4 visits, below the 5 a loyal customer needs");
        assertEquals("4 visits, no purchase for 4 days, within 3.0 x the median gap of 30 days", a.reason());
    }

    @Test
    void visitDaysAreCalendarDaysInTheHistorysZone() {
        // 2026-01-01T20:00Z and 2026-01-02T02:00Z: two UTC days, one day in Shanghai (UTC+8)
        List<Purchase> two = List.of(Purchase.of(C17, Instant.parse("2026-01-01T20:00:00Z"), Money.of("1", "CNY")),
                Purchase.of(C17, Instant.parse("2026-01-02T02:00:00Z"), Money.of("1", "CNY")));
        Instant asOf = Instant.parse("2026-01-10T00:00:00Z");
        assertEquals(1, PurchaseHistory.of(C17, two, asOf).frequency());
        PurchaseHistory shanghai = PurchaseHistory.of(C17, two, asOf, java.time.ZoneId.of("Asia/Shanghai"));
        assertEquals(0, shanghai.frequency());
        assertEquals(8.0, shanghai.ageDays(), "2026-01-02 to 2026-01-10 in Shanghai");
    }

    @Test
    void instantsOutsideTheLogRangeAreRefusedNamingTheRule() {
        Instant far = java.time.LocalDate.of(999_999_999, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PurchaseHistory.of(C17, List.of(Purchase.of(C17, far, Money.of("1", "CNY"))), day(0)));
        assertEquals("time of purchase by customer c-17 +999999999-01-01T00:00:00Z is out of range: purchase instants "
                + "lie from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z", e.getMessage());
        Instant ancient = java.time.LocalDate.of(-6_000_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> PurchaseHistory.of(C17, on(0), ancient));
    }

    @Test
    void aPhaseOverPeriodsLongerThanThreeCenturiesDoesNotOverflow() {
        PurchaseHistory h = history(400, 10, 200, 390);
        PhaseAssessment p = classifier.phase(h, Duration.ofDays(365L * 1000), 3).orElseThrow();
        assertEquals(List.of(new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("300.00")), p.spendPerPeriod());
    }

    @Test
    void phasesFollowTheTrendOfSpend() {
        Duration quarter = Duration.ofDays(90);
        List<Purchase> growing = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            for (int k = 0; k <= q; k++) {
                growing.add(Purchase.of(C17, day(q * 90 + 10 + k), Money.of("100", "CNY")));
            }
        }
        PhaseAssessment g = classifier.phase(PurchaseHistory.of(C17, growing, day(360)), quarter, 4).orElseThrow();
        assertEquals(LifecyclePhase.GROWTH, g.phase());
        assertEquals(List.of(new BigDecimal("100.00"), new BigDecimal("200.00"), new BigDecimal("300.00"),
                new BigDecimal("400.00")), g.spendPerPeriod());
        // slope 100 per quarter over a mean of 250: +40 % per period
        assertEquals(0.4, g.trend(), 1e-12);
        assertEquals(LifecyclePhase.DECLINE,
                classifier.phase(PurchaseHistory.of(C17, on(10, 11, 12, 100, 101, 190), day(360)), quarter, 4)
                        .orElseThrow().phase());
        assertEquals(LifecyclePhase.MATURITY,
                classifier.phase(history(360, 10, 100, 190, 280), quarter, 4).orElseThrow().phase());
        assertEquals(LifecyclePhase.INTRODUCTION,
                classifier.phase(history(360, 300), quarter, 4).orElseThrow().phase());
        // the assessment holds one spend per period: 100000000 periods took minutes and is refused
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> classifier.phase(history(360, 300), quarter, 100_000_000));
        assertEquals("periods 100000000 is invalid: at most 1000 periods", many.getMessage());
        assertEquals(1000, classifier.phase(history(360, 300), quarter, 1000).orElseThrow().spendPerPeriod().size());
        PhaseAssessment silent = classifier.phase(history(2000, 10, 100), quarter, 4).orElseThrow();
        assertEquals(LifecyclePhase.DECLINE, silent.phase());
        assertEquals(0.0, silent.trend());
        assertTrue(classifier.phase(history(360), quarter, 4).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> classifier.phase(history(360, 1), quarter, 2));
    }

    @Test
    void theTrendOfSpendTooLargeForADoubleIsStillReadAsGrowth() {
        Duration quarter = Duration.ofDays(90);
        List<Purchase> growing = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            growing.add(Purchase.of(C17, day(q * 90 + 10),
                    Money.of(new BigDecimal(q + 1).scaleByPowerOfTen(400), java.util.Currency.getInstance("CNY"))));
        }
        PhaseAssessment g = classifier.phase(PurchaseHistory.of(C17, growing, day(360)), quarter, 4).orElseThrow();
        assertEquals(LifecyclePhase.GROWTH, g.phase());
        assertEquals(0.4, g.trend(), 1e-12, "the same relative slope as 100, 200, 300, 400");
    }

    @Test
    void purchasesOnTheDaysEitherSideOfTheEpochAreOneRepeatPurchase() {
        PurchaseHistory h = PurchaseHistory.of(C17, List.of(
                Purchase.of(C17, Instant.parse("1969-12-31T12:00:00Z"), Money.of("1.00", "CNY")),
                Purchase.of(C17, Instant.parse("1970-01-01T12:00:00Z"), Money.of("1.00", "CNY"))),
                Instant.parse("1970-02-01T00:00:00Z"));
        assertEquals(1, h.frequency());
    }

    @Test
    void lostCustomersAreCountedByCauseClassAndMonth() {
        List<Departure> lost = List.of(
                new Departure(CustomerId.of("a"), Instant.parse("2026-01-05T00:00:00Z"), "price", "gold"),
                new Departure(CustomerId.of("b"), Instant.parse("2026-01-20T00:00:00Z"), "service", "gold"),
                new Departure(CustomerId.of("c"), Instant.parse("2026-02-02T00:00:00Z"), "service", "mass"),
                new Departure(CustomerId.of("d"), Instant.parse("2026-02-10T00:00:00Z"), "service", "mass"));
        LostCustomerAnalysis a = LostCustomerAnalysis.of(lost, ZoneOffset.UTC);
        assertEquals(4, a.total());
        assertEquals("service", a.topCause().orElseThrow());
        assertEquals(0.75, a.shareOf("service"), 1e-12);
        assertEquals(Map.of("service", 3L, "price", 1L), a.byCause());
        assertEquals(List.of("service", "price"), List.copyOf(a.byCause().keySet()));
        assertEquals(Map.of(YearMonth.of(2026, 1), 2L, YearMonth.of(2026, 2), 2L), a.byMonth());
        assertEquals(Map.of("service", 2L), a.byClassAndCause().get("mass"));
        assertTrue(LostCustomerAnalysis.of(List.of(), ZoneOffset.UTC).topCause().isEmpty());
        assertEquals(day(49), Departure.detect(history(56, 0, 7, 14, 21, 28),
                ChurnPolicy.relativeRhythm(3, Duration.ofDays(365)), "moved-away", "mass").orElseThrow().lostAt());
    }

    @Property(tries = 300)
    void onceLostACustomerStaysLostUntilTheyBuyAgain(@ForAll @Size(max = 8) List<@IntRange(min = 0, max = 400) Integer> days,
            @ForAll @IntRange(min = 0, max = 800) int asOf, @ForAll @IntRange(min = 1, max = 400) int later) {
        List<Purchase> purchases = on(days.stream().mapToInt(Integer::intValue).toArray());
        for (ChurnPolicy policy : List.of(ChurnPolicy.fixedWindow(Duration.ofDays(120)),
                ChurnPolicy.relativeRhythm(2.5, Duration.ofDays(180)))) {
            PurchaseHistory now = PurchaseHistory.of(C17, purchases, day(asOf));
            if (now.count() > 0 && policy.assess(now).churned()) {
                PurchaseHistory after = PurchaseHistory.of(C17, now.purchases(), day(asOf + later));
                assertTrue(policy.assess(after).churned(), policy.name());
            }
        }
        LifecycleStage stage = classifier.stage(PurchaseHistory.of(C17, purchases, day(asOf))).stage();
        assertEquals(stage == LifecycleStage.PROSPECT,
                PurchaseHistory.of(C17, purchases, day(asOf)).count() == 0);
    }
}
