package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** RFM reads the log's as-of rule: the scores of a log are those of its purchases up to the as-of date. */
class RfmAsOfPropertiesTest {

    @Property(tries = 300)
    void purchasesAfterTheAsOfDateNeverChangeAScore(@ForAll("logs") List<Purchase> purchases,
            @ForAll @IntRange(min = 0, max = 120) int asOfOffset, @ForAll("zones") ZoneId zone) {
        LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(asOfOffset);
        RfmScorer scorer = RfmScorer.builder().zone(zone).build();
        PurchaseLog log = PurchaseLog.of(purchases, zone);
        List<RfmScore> all = scorer.score(purchases, asOf);
        assertEquals(scorer.score(log.upTo(log.endOf(asOf)), asOf), all);
        for (RfmScore s : all) {
            long lastDay = Long.MIN_VALUE;
            for (int i = 0; i < log.size(); i++) {
                if (log.customer(i).equals(s.customer()) && log.counts(i, log.endOf(asOf))) {
                    lastDay = Math.max(lastDay, log.epochDay(i));
                }
            }
            assertEquals(asOf.toEpochDay() - lastDay, s.recencyDays());
        }
    }

    @Provide
    Arbitrary<List<Purchase>> logs() {
        Arbitrary<Purchase> purchase = Combinators.combine(Arbitraries.of("A", "B", "C", "D", "E").map(CustomerId::of),
                Arbitraries.longs().between(0, 150L * 86_400), Arbitraries.integers().between(0, 50_000))
                .as((c, second, cents) -> Purchase.of(c, Instant.parse("2025-12-01T00:00:00Z").plusSeconds(second),
                        Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("USD"))));
        return purchase.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Chicago"));
    }
}
