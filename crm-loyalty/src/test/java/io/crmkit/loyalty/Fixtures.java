package io.crmkit.loyalty;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;

/** Shared test data: the programme's zone is Asia/Shanghai (UTC+8, no daylight saving). */
final class Fixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final CustomerId ANN = CustomerId.of("c-1");
    static final CustomerId BOB = CustomerId.of("c-2");

    private Fixtures() {
    }

    static Program.Builder program() {
        return Program.builder(CNY, ZONE);
    }

    /** A local date-time in the programme's zone, e.g. {@code 2026-03-15T10:00}. */
    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static LoyaltyEvent.Purchased buy(String id, CustomerId who, String local, String amount) {
        return buy(id, who, local, amount, null);
    }

    static LoyaltyEvent.Purchased buy(String id, CustomerId who, String local, String amount, String category) {
        return LoyaltyEvent.purchase(id, Purchase.of(who, at(local), Money.of(amount, "CNY")), category);
    }

    static LoyaltyEvent.Refunded refund(String id, CustomerId who, String local, String purchaseId, String amount) {
        return new LoyaltyEvent.Refunded(id, who, at(local), purchaseId, Money.of(amount, "CNY"));
    }

    static LoyaltyEvent.Redeemed redeem(String id, CustomerId who, String local, long points) {
        return new LoyaltyEvent.Redeemed(id, who, at(local), points);
    }
}
