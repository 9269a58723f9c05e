package io.crmkit.examples.readme;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.Account;
import io.crmkit.loyalty.Campaign;
import io.crmkit.loyalty.ExpiryPolicy;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Outcome;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.RefundPolicy;
import io.crmkit.loyalty.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

/** The README snippets of crm-loyalty, compiled so that they cannot drift from the API. */
@SuppressWarnings("unused")
final class LoyaltySnippets {

    private LoyaltySnippets() {
    }

    /** The README's {@code loyalty} snippet. */
    static void loyalty(CustomerId ann, Instant bought, Instant later, Instant yearStart, Instant asOf) {
        // tag::loyalty[]
        Program program = Program.builder(Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"))
                .pointsPerUnit(BigDecimal.ONE).categoryMultiplier("books", new BigDecimal("2"))
                .campaign(Campaign.of("double11", Instant.parse("2026-11-10T16:00:00Z"), Instant.parse("2026-11-11T16:00:00Z"),
                        BigDecimal.ONE, 500))
                .tier("Gold", 5_000, new BigDecimal("1.5")).tier("Silver", 2_000).baseTier("Member")
                .expiry(ExpiryPolicy.rolling(12)).refundPolicy(RefundPolicy.RECORDED_DEBT).build();
        Ledger ledger = Ledger.inMemory(program);
        ledger.apply(LoyaltyEvent.purchase("p1", Purchase.of(ann, bought, Money.of("120.50", "CNY")), "books")); // 241 points
        Outcome o = ledger.apply(new LoyaltyEvent.Redeemed("r1", ann, later, 500));   // REFUSED: the balance is 241 points
        Account account = ledger.account(ann, asOf);       // balance, open lots, entries, tier with its outlook
        Statement year = ledger.statement(ann, yearStart, asOf);
        long expiring = ledger.expiring(ann, asOf, 30);
        Money liability = ledger.liability(asOf, Money.of("0.01", "CNY"));
        // end::loyalty[]
    }
}
