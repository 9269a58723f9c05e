package io.crmkit.lifecycle.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The visit-day path gives exactly what the purchase-history path gives for the same purchases
 * placed at the start of their days: every stage, reason, churn decision and date, and every phase.
 */
class VisitDaysPropertiesTest {

    private static final CustomerId C = CustomerId.of("c-1");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static List<Purchase> atStartOfDays(List<Integer> days, List<Integer> cents, ZoneId zone) {
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Instant at = START.plusDays(days.get(i)).atStartOfDay(zone).toInstant();
            purchases.add(Purchase.of(C, at, Money.of(BigDecimal.valueOf(cents.get(i % cents.size()), 2),
                    Money.currency("EUR"))));
        }
        return purchases;
    }

    private static long[] epochDays(List<Integer> days) {
        return days.stream().mapToLong(d -> START.plusDays(d).toEpochDay()).toArray();
    }

    private static Instant asOf(int asOfDay, int seconds, ZoneId zone) {
        return START.plusDays(asOfDay).atStartOfDay(zone).toInstant().plusSeconds(seconds);
    }

    @Property(tries = 1000)
    void stagesAndDecisionsEqualThoseOfTheHistory(@ForAll("days") List<Integer> days,
            @ForAll @IntRange(min = 0, max = 800) int asOfDay, @ForAll("seconds") int seconds,
            @ForAll("zones") ZoneId zone, @ForAll("classifiers") LifecycleClassifier classifier,
            @ForAll("policies") ChurnPolicy policy) {
        Instant asOf = asOf(asOfDay, seconds, zone);
        PurchaseHistory history = PurchaseHistory.of(C, atStartOfDays(days, List.of(100), zone), asOf, zone);
        VisitDays visits = VisitDays.of(C, epochDays(days), asOf, zone);
        assertEquals(history.visits(), visits.visits());
        assertEquals(history.first(), visits.first());
        assertEquals(history.last(), visits.last());
        assertEquals(history.sinceLast(), visits.sinceLast());
        assertEquals(history.medianGap(), visits.medianGap());
        assertEquals(history.beforeLastVisit().map(PurchaseHistory::asOf),
                visits.beforeLastVisit().map(VisitDays::asOf));
        assertEquals(classifier.stage(history), classifier.stage(visits));
        assertEquals(policy.assess(history), policy.assess(visits));
        assertEquals(classifier.churnPolicy().assess(history), classifier.churnPolicy().assess(visits));
        assertEquals(history.purchases().stream().map(Purchase::time).distinct().toList(),
                visits.toHistory().purchases().stream().map(Purchase::time).toList());
    }

    @Property(tries = 1000)
    void phasesEqualThoseOfTheHistory(@ForAll("days") List<Integer> days, @ForAll("cents") List<Integer> cents,
            @ForAll @IntRange(min = 0, max = 800) int asOfDay, @ForAll("seconds") int seconds,
            @ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 1, max = 200) int periodDays,
            @ForAll @IntRange(min = 3, max = 30) int periods) {
        Instant asOf = asOf(asOfDay, seconds, zone);
        Duration period = Duration.ofDays(periodDays);
        List<Purchase> purchases = atStartOfDays(days, cents, zone);
        PurchaseHistory history = PurchaseHistory.of(C, purchases, asOf, zone);
        // the spend per period as a streaming reader sums it, each purchase placed by periodOf
        BigDecimal[] spend = new BigDecimal[periods];
        Arrays.fill(spend, BigDecimal.ZERO);
        for (Purchase p : purchases) {
            if (!p.time().isAfter(asOf)) {
                int i = LifecycleClassifier.periodOf(p.time(), asOf, period, periods);
                if (i >= 0) {
                    spend[i] = spend[i].add(p.amount().amount());
                }
            }
        }
        LifecycleClassifier classifier = LifecycleClassifier.standard();
        Optional<PhaseAssessment> expected = classifier.phase(history, period, periods);
        Optional<PhaseAssessment> actual = classifier.phase(VisitDays.of(C, epochDays(days), asOf, zone), period,
                List.of(spend));
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        // in any order, repeated days included, some after the as-of day
        return Arbitraries.integers().between(0, 800).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Integer>> cents() {
        return Arbitraries.integers().between(0, 100_000).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Integer> seconds() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 86_399));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneId.of("America/New_York"), ZoneId.of("Europe/London"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"));
    }

    @Provide
    Arbitrary<ChurnPolicy> policies() {
        Arbitrary<ChurnPolicy> window = Arbitraries.integers().between(1, 400)
                .map(d -> ChurnPolicy.fixedWindow(Duration.ofDays(d)));
        Arbitrary<ChurnPolicy> rhythm = Arbitraries.doubles().between(1, 6).ofScale(3).flatMap(k ->
                Arbitraries.integers().between(1, 400).map(d -> ChurnPolicy.relativeRhythm(k, Duration.ofDays(d))));
        Arbitrary<ChurnPolicy> model = Arbitraries.doubles().between(0.01, 0.99).map(t ->
                ChurnPolicy.probabilityAlive("recency", h -> 1.0 / (1.0 + h.sinceLast().orElseThrow().toDays()), t));
        return Arbitraries.oneOf(window, rhythm, model);
    }

    @Provide
    Arbitrary<LifecycleClassifier> classifiers() {
        return Arbitraries.integers().between(1, 400).flatMap(wonBack -> Arbitraries.integers().between(2, 8)
                .flatMap(loyal -> policies().flatMap(churn -> policies().map(risk -> LifecycleClassifier.builder()
                        .churnPolicy(churn).atRiskPolicy(risk).loyalPurchases(loyal)
                        .wonBackWindow(Duration.ofDays(wonBack)).build()))));
    }
}
