package io.crmkit.loyalty;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Picks, for a generated refund, an earlier purchase of the same member at or before it with an
     * amount left to refund: the {@code ref}-th of them, cyclically.
     *
     * @return the purchase, or null if the member has none
     */
    static LoyaltyEvent.Purchased refundable(List<LoyaltyEvent> events, Map<String, BigDecimal> left, CustomerId who,
            Instant at, int ref) {
        List<LoyaltyEvent.Purchased> open = new ArrayList<>();
        for (LoyaltyEvent e : events) {
            if (e instanceof LoyaltyEvent.Purchased p && p.customer().equals(who) && !p.at().isAfter(at)
                    && left.getOrDefault(p.id(), BigDecimal.ZERO).signum() > 0) {
                open.add(p);
            }
        }
        return open.isEmpty() ? null : open.get(ref % open.size());
    }

    /** A refund of part of a purchase, at most what is left of it; {@code left} is updated. */
    static LoyaltyEvent.Refunded refundOf(String id, LoyaltyEvent.Purchased purchase, Instant at, BigDecimal wanted,
            Map<String, BigDecimal> left) {
        BigDecimal amount = wanted.min(left.get(purchase.id()));
        left.put(purchase.id(), left.get(purchase.id()).subtract(amount));
        return new LoyaltyEvent.Refunded(id, purchase.customer(), at, purchase.id(), Money.of(amount, purchase.purchase().amount().currency()));
    }

    /**
     * An arrival order as a feed can deliver it: the given order, except that a refund waiting for
     * its purchase follows right after it (the ledger rejects a refund of a purchase it does not hold).
     */
    static List<LoyaltyEvent> purchasesBeforeTheirRefunds(List<LoyaltyEvent> arrival) {
        Set<String> held = new HashSet<>();
        Map<String, List<LoyaltyEvent>> waiting = new HashMap<>();
        List<LoyaltyEvent> order = new ArrayList<>();
        for (LoyaltyEvent e : arrival) {
            if (e instanceof LoyaltyEvent.Refunded r && !held.contains(r.purchaseId())) {
                waiting.computeIfAbsent(r.purchaseId(), k -> new ArrayList<>()).add(r);
                continue;
            }
            order.add(e);
            if (e instanceof LoyaltyEvent.Purchased p) {
                held.add(p.id());
                order.addAll(waiting.getOrDefault(p.id(), List.of()));
            }
        }
        return order;
    }
}
