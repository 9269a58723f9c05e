package io.crmkit.examples.readme;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.purchase.PurchaseLog;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.CustomerSummary;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The README snippet of the purchase log, compiled so that it cannot drift from the API. */
@SuppressWarnings("unused")
final class PurchaseLogSnippets {

    private PurchaseLogSnippets() {
    }

    /** The README's {@code purchase-log} snippet. */
    static void purchaseLog(List<Purchase> purchases) {
        // tag::purchase-log[]
        PurchaseLog log = PurchaseLog.of(purchases, ZoneId.of("Asia/Shanghai")); // one currency; days are Shanghai dates
        LocalDate asOf = LocalDate.of(2026, 6, 30);
        Instant end = log.endOf(asOf);                  // 2026-06-30T15:59:59.999999999Z: later purchases never count
        List<RfmScore> rfm = RfmScorer.builder().zone(log.zone()).build().score(log, asOf);
        List<CustomerSummary> btyd = CustomerSummarizer.asOf(asOf).inZone(log.zone()).summarize(log);
        PurchaseHistory h = PurchaseHistory.of(log, CustomerId.of("c-17"), end);  // rhythm between visits, not rows
        // end::purchase-log[]
    }
}
