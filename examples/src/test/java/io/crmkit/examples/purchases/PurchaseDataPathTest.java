package io.crmkit.examples.purchases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.CustomerSummary;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 11 §3: the customer summaries (crm-scoring clv), the RFM scores (crm-scoring rfm) and the
 * life-cycle histories (crm-lifecycle stage) read one {@link PurchaseLog} and agree on what a day
 * is, in which zone, and that nothing after the as-of date counts. Only a module that sees all
 * three can state it; scoring and lifecycle do not depend on each other.
 */
class PurchaseDataPathTest {

    @Property(tries = 300)
    void summariesRfmAndHistoriesAgreeOnTheSameLog(@ForAll("logs") List<Purchase> purchases,
            @ForAll @IntRange(min = 0, max = 120) int asOfOffset, @ForAll("zones") ZoneId zone) {
        LocalDate asOf = LocalDate.of(2026, 1, 1).plusDays(asOfOffset);
        PurchaseLog log = PurchaseLog.of(purchases, zone);
        Instant end = log.endOf(asOf);
        Map<CustomerId, CustomerSummary> summaries = CustomerSummarizer.asOf(asOf).inZone(zone).summarize(log).stream()
                .collect(Collectors.toMap(CustomerSummary::customer, Function.identity()));
        Map<CustomerId, RfmScore> rfm = RfmScorer.builder().zone(zone).build().score(log, asOf).stream()
                .collect(Collectors.toMap(RfmScore::customer, Function.identity()));
        for (CustomerId c : log.customers()) {
            PurchaseHistory h = PurchaseHistory.of(log, c, end);
            assertEquals(PurchaseHistory.of(c, purchases, end, zone).purchases().size(), h.count());
            RfmScore r = rfm.get(c);
            assertEquals(h.count() > 0, r != null, "RFM scores exactly the customers with a counted purchase");
            if (r == null) {
                continue;
            }
            // RFM: rows up to the as-of date, their exact sum, days since the last visit day
            assertEquals(h.count(), r.frequency());
            BigDecimal spent = h.purchases().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, spent.compareTo(r.monetary().amount()));
            assertEquals(h.ageDays() - h.recencyDays(), r.recencyDays());
            // summaries: the same repeat visits, recency and age, in days; T = 0 customers are left out
            CustomerSummary s = summaries.get(c);
            assertEquals(h.ageDays() > 0, s != null);
            if (s != null) {
                assertEquals(h.frequency(), s.frequency());
                assertEquals(h.recencyDays(), s.recency());
                assertEquals(h.ageDays(), s.age());
            }
        }
    }

    @Provide
    Arbitrary<List<Purchase>> logs() {
        Arbitrary<Purchase> purchase = Combinators.combine(Arbitraries.of("A", "B", "C", "D").map(CustomerId::of),
                Arbitraries.longs().between(0, 150L * 86_400), Arbitraries.integers().between(0, 50_000))
                .as((c, second, cents) -> Purchase.of(c, Instant.parse("2025-12-01T00:00:00Z").plusSeconds(second),
                        Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("CNY"))));
        return purchase.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/Los_Angeles"),
                ZoneId.of("Pacific/Kiritimati"));
    }
}
