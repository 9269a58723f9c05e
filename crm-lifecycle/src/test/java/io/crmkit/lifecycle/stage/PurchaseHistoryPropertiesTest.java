package io.crmkit.lifecycle.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Rhythm is measured between visits, and nothing after the as-of instant counts. */
class PurchaseHistoryPropertiesTest {

    private static final CustomerId C = CustomerId.of("c-1");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private final LifecycleClassifier classifier = LifecycleClassifier.standard();

    @Property(tries = 300)
    void splittingAPurchaseIntoRowsOnTheSameDayChangesNeitherRhythmNorStage(@ForAll("days") List<Integer> days,
            @ForAll @IntRange(min = 1, max = 5) int rows, @ForAll("zones") ZoneId zone) {
        Instant asOf = START.plus(Duration.ofDays(400));
        List<Purchase> single = new ArrayList<>();
        List<Purchase> baskets = new ArrayList<>();
        for (int d : days) {
            // noon in the zone, so that rows minutes apart stay on the same calendar day
            Instant noon = LocalDate.of(2025, 1, 1).plusDays(d).atTime(12, 0).atZone(zone).toInstant();
            single.add(Purchase.of(C, noon, Money.of("30.00", "CNY")));
            for (int r = 0; r < rows; r++) {
                baskets.add(Purchase.of(C, noon.plus(Duration.ofMinutes(3L * r)), Money.of("10.00", "CNY")));
            }
        }
        PurchaseHistory one = PurchaseHistory.of(C, single, asOf, zone);
        PurchaseHistory split = PurchaseHistory.of(C, baskets, asOf, zone);
        assertEquals(one.visits(), split.visits());
        assertEquals(one.gaps(), split.gaps());
        assertEquals(one.medianGap(), split.medianGap());
        assertEquals(one.frequency(), split.frequency());
        assertEquals(one.recencyDays(), split.recencyDays());
        assertEquals(one.ageDays(), split.ageDays());
        assertEquals(classifier.stage(one).stage(), classifier.stage(split).stage());
        split.gaps().forEach(g -> assertEquals(true, g.compareTo(Duration.ofDays(1)) >= 0, "a gap is at least a day"));
    }

    @Property(tries = 300)
    void purchasesAfterTheAsOfInstantNeverCount(@ForAll("days") List<Integer> days, @ForAll("days") List<Integer> later,
            @ForAll @IntRange(min = 0, max = 365) int asOfDay, @ForAll("zones") ZoneId zone) {
        Instant asOf = START.plus(Duration.ofDays(asOfDay)).plusSeconds(43_210);
        List<Purchase> before = new ArrayList<>();
        for (int d : days) {
            Instant t = START.plus(Duration.ofDays(d)).plusSeconds(3_600L * (d % 24));
            if (!t.isAfter(asOf)) {
                before.add(Purchase.of(C, t, Money.of("1.00", "CNY")));
            }
        }
        List<Purchase> all = new ArrayList<>(before);
        for (int d : later) {
            all.add(Purchase.of(C, asOf.plusNanos(1).plus(Duration.ofDays(d)), Money.of("1.00", "CNY")));
        }
        PurchaseHistory expected = PurchaseHistory.of(C, before, asOf, zone);
        PurchaseHistory actual = PurchaseHistory.of(C, all, asOf, zone);
        assertEquals(expected.purchases(), actual.purchases());
        assertEquals(expected.gaps(), actual.gaps());
        assertEquals(expected.ageDays(), actual.ageDays());
        assertEquals(classifier.stage(expected), classifier.stage(actual));
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(0, 365).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"));
    }
}
