package io.crmkit.lifecycle.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The visit-day input of the stages (the customer id is phone-like: masked in messages), with values worked out by hand from the rules in the
 * classifier's documentation (day 0 is 2025-01-01, UTC, default thresholds: lapsed after 3 × the
 * median gap, at risk after 1.5 ×, loyal from 5 visits, won back for 90 days).
 */
class VisitDaysTest {

    private static final CustomerId C = CustomerId.of("13812345678");
    private static final long DAY0 = LocalDate.of(2025, 1, 1).toEpochDay();
    private final LifecycleClassifier classifier = LifecycleClassifier.standard();

    private static VisitDays visits(long asOfDay, long... days) {
        long[] epoch = new long[days.length];
        for (int i = 0; i < days.length; i++) {
            epoch[i] = DAY0 + days[i];
        }
        return VisitDays.of(C, epoch, LocalDate.ofEpochDay(DAY0 + asOfDay).atStartOfDay(ZoneOffset.UTC).toInstant(),
                ZoneOffset.UTC);
    }

    @Test
    void gapsOfTenTenAndThirtyHaveAMedianOfTenAndThirtyDaysOfSilenceIsAtRisk() {
        VisitDays v = visits(80, 50, 0, 20, 10, 20);
        assertEquals(4, v.visits(), "repeated day 20 is one visit");
        assertEquals(Optional.of(Duration.ofDays(10)), v.medianGap());
        assertEquals(Optional.of(Duration.ofDays(30)), v.sinceLast());
        StageAssessment a = classifier.stage(v);
        // 30 days is within 3 × 10 but more than 1.5 × 10 = 15
        assertEquals(LifecycleStage.AT_RISK, a.stage());
        assertEquals("no purchase for 30 days, more than 1.5 x the median gap of 10 days", a.reason());
    }

    @Test
    void anEvenCountOfGapsTakesTheMeanOfTheMiddleTwo() {
        // gaps 10 and 15: median 12.5 days; the reason shows the whole days
        VisitDays v = visits(30, 0, 10, 25);
        assertEquals(Optional.of(Duration.ofHours(300)), v.medianGap());
        StageAssessment a = classifier.stage(v);
        // 5 days of silence, within 1.5 × 12.5 days: three visits, below the five of loyalty
        assertEquals(LifecycleStage.REPEAT, a.stage());
        assertEquals("3 visits, no purchase for 5 days, within 3.0 x the median gap of 12 days", a.reason());
    }

    @Test
    void aComebackAfterALapseIsWonBack() {
        // before the visit on day 100: gaps of 10 only, 90 days of silence > 30; now gaps 10 and 90
        // (median 50, limit 150) and 10 days of silence
        StageAssessment a = classifier.stage(visits(110, 0, 10, 100));
        assertEquals(LifecycleStage.WON_BACK, a.stage());
        assertEquals("bought again on 2025-04-11T00:00:00Z after having lapsed (no purchase for 90 days, more than "
                + "3.0 x the median gap of 10 days)", a.reason());
    }

    @Test
    void daysAfterTheAsOfDayAreLeftOutAndNoDayIsAProspect() {
        VisitDays v = visits(5, 6, 400);
        assertEquals(0, v.visits());
        assertEquals(Optional.empty(), v.last());
        assertEquals(LifecycleStage.PROSPECT, classifier.stage(v).stage());
        assertEquals(Optional.empty(), classifier.phase(v, Duration.ofDays(30),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));
        assertEquals(1, visits(5, 5, 6).visits(), "a purchase on the as-of day counts");
    }

    @Test
    void aDayWhoseStartIsOutOfRangeIsRefusedAsAPurchaseThenWould() {
        Instant asOf = Instant.parse("2025-01-01T00:00:00Z");
        long first = LocalDate.of(1, 1, 1).toEpochDay();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VisitDays.of(C, new long[] {first}, asOf, ZoneId.of("Asia/Tokyo")));
        assertTrue(e.getMessage().startsWith("time of purchase by customer " + C.masked()), e.getMessage());
        assertFalse(e.getMessage().contains("13812345678"), "the id is masked");
        assertThrows(IllegalArgumentException.class, () -> VisitDays.of(C, new long[] {Long.MAX_VALUE}, asOf,
                ZoneOffset.UTC));
        assertEquals(1, VisitDays.of(C, new long[] {first}, asOf, ZoneOffset.UTC).visits());
    }

    @Test
    void periodsAreCountedBackFromTheAsOfInstant() {
        Instant asOf = Instant.parse("2025-12-27T00:00:00Z");
        Duration sixty = Duration.ofDays(60);
        assertEquals(5, LifecycleClassifier.periodOf(asOf, asOf, sixty, 6), "at the instant: the newest period");
        assertEquals(5, LifecycleClassifier.periodOf(asOf.minus(sixty), asOf, sixty, 6), "exactly one period back");
        assertEquals(4, LifecycleClassifier.periodOf(asOf.minus(sixty).minusNanos(1), asOf, sixty, 6));
        assertEquals(0, LifecycleClassifier.periodOf(asOf.minus(Duration.ofDays(360)), asOf, sixty, 6));
        assertEquals(-1, LifecycleClassifier.periodOf(asOf.minus(Duration.ofDays(361)), asOf, sixty, 6));
        assertThrows(IllegalArgumentException.class,
                () -> LifecycleClassifier.periodOf(asOf.plusNanos(1), asOf, sixty, 6));
        assertThrows(IllegalArgumentException.class, () -> LifecycleClassifier.periodOf(asOf, asOf, sixty, 2));
    }

    @Test
    void risingSpendIsGrowth() {
        // first visit 300 days back: past introduction; spend 0, 0, 0, 10, 20, 30: mean 10; least
        // squares over x = 0..5 (mean 2.5): sum (x - 2.5)(y - 10) = 110, sum (x - 2.5)^2 = 17.5,
        // slope 110 / 17.5 = 6.2857 a period, trend +62.9 %
        VisitDays v = visits(300, 0, 200, 250, 290);
        List<BigDecimal> spend = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.00"),
                new BigDecimal("20.00"), new BigDecimal("30.00"));
        PhaseAssessment p = classifier.phase(v, Duration.ofDays(50), spend).orElseThrow();
        assertEquals(LifecyclePhase.GROWTH, p.phase());
        assertEquals(110.0 / 17.5 / 10.0, p.trend(), 1e-12);
        assertEquals("spend trend +62.9 % of the mean per period (band ±10 %)", p.reason());
        assertThrows(IllegalArgumentException.class, () -> classifier.phase(v, Duration.ofDays(50),
                List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE.negate())));
    }

    @Test
    void anotherPolicyIsGivenTheHistoryOfOnePurchaseAtTheStartOfEachVisitDay() {
        ChurnPolicy counting = new ChurnPolicy() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public ChurnDecision assess(PurchaseHistory history) {
                return new ChurnDecision(name(), false, history.count() + " purchases, first " + history.first().orElseThrow(),
                        Optional.empty());
            }
        };
        ChurnDecision d = counting.assess(visits(40, 3, 3, 30));
        assertEquals("2 purchases, first 2025-01-04T00:00:00Z", d.reason());
        assertTrue(visits(40, 3).toString().contains(C.masked()));
        assertFalse(visits(40, 3).toString().contains("13812345678"));
    }
}
