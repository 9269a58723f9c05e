package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.Campaign;
import io.crmkit.loyalty.ExpiryPolicy;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.QualificationWindow;
import io.crmkit.loyalty.RefundPolicy;
import io.crmkit.scoring.tier.DowngradeRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Loyalty programs and events for the journal tests; the programme's zone is Asia/Shanghai. */
final class LoyaltyFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant START = at("2025-01-01T00:00");
    static final Instant END = at("2028-06-30T00:00");
    static final int MINUTES = 3 * 366 * 24 * 60;

    private LoyaltyFixtures() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static LoyaltyEvent.Purchased buy(String id, String who, String local, String amount) {
        return LoyaltyEvent.purchase(id, Purchase.of(CustomerId.of(who), at(local), Money.of(amount, "CNY")), null);
    }

    static LoyaltyEvent.Redeemed redeem(String id, String who, long points) {
        return new LoyaltyEvent.Redeemed(id, CustomerId.of(who), at("2026-03-01T10:00"), points);
    }

    /**
     * One of 48 programs: every expiry policy, refund policy and qualification window, with a
     * category multiplier, two tiers with multipliers, a capped campaign, and either downgrade rule.
     */
    static Program program(int expiry, int refund, int window, boolean oneTier) {
        Program.Builder b = Program.builder(CNY, ZONE).categoryMultiplier("books", new BigDecimal("2"))
                .tier("Gold", 3_000, new BigDecimal("1.5")).tier("Silver", 1_000, new BigDecimal("1.2")).baseTier("Member")
                .campaign(Campaign.of("summer", at("2025-06-01T00:00"), at("2025-09-01T00:00"), new BigDecimal("0.5"), 400))
                .refundPolicy(RefundPolicy.values()[refund]).qualification(QualificationWindow.values()[window])
                .downgrade(oneTier ? DowngradeRule.gracePeriods(1).withOneTierPerPeriod() : DowngradeRule.gracePeriods(1));
        b.expiry(switch (expiry) {
            case 0 -> ExpiryPolicy.rolling(12);
            case 1 -> ExpiryPolicy.endOfYear(1);
            case 2 -> ExpiryPolicy.activityExtended(6);
            default -> ExpiryPolicy.never();
        });
        return b.build();
    }

    /** One generated event: its kind, member, minute after START, amount in cents, points and a reference. */
    record Spec(int kind, int member, int minute, int cents, int points, int ref) {
    }

    /**
     * Turns specs into events: kinds 0 purchase, 1 refund, 2 redemption, 3 bonus, 4 adjustment. A
     * refund reverses part of an earlier purchase of the same member, at most what is left of it;
     * with no such purchase, the spec is a redemption.
     *
     * @param prefix prepended to every event id and member, so that histories do not meet in one store
     */
    static List<LoyaltyEvent> events(String prefix, List<Spec> specs) {
        List<LoyaltyEvent> events = new ArrayList<>();
        java.util.Map<String, BigDecimal> left = new java.util.HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = prefix + "e" + i;
            CustomerId who = CustomerId.of(prefix + "m" + s.member());
            // minutes rounded to hours half the time, so that events share instants
            Instant at = START.plusSeconds(60L * (s.ref() % 2 == 0 ? s.minute() - s.minute() % 60 : s.minute()));
            LoyaltyEvent.Purchased refunded = s.kind() == 1 ? refundable(events, left, who, at, s.ref()) : null;
            switch (refunded == null && s.kind() == 1 ? 2 : s.kind()) {
                case 0 -> {
                    events.add(LoyaltyEvent.purchase(id, Purchase.of(who, at, Money.of(BigDecimal.valueOf(s.cents(), 2),
                            CNY)), s.ref() % 3 == 0 ? "books" : null));
                    left.put(id, BigDecimal.valueOf(s.cents(), 2));
                }
                case 1 -> {
                    BigDecimal amount = BigDecimal.valueOf(1 + s.cents() / 2, 2).min(left.get(refunded.id()));
                    left.put(refunded.id(), left.get(refunded.id()).subtract(amount));
                    events.add(new LoyaltyEvent.Refunded(id, who, at, refunded.id(), Money.of(amount, CNY)));
                }
                case 2 -> events.add(new LoyaltyEvent.Redeemed(id, who, at, s.points()));
                case 3 -> events.add(new LoyaltyEvent.Awarded(id, who, at, s.points(), "referral"));
                default -> events.add(new LoyaltyEvent.Adjusted(id, who, at, s.ref() % 2 == 0 ? s.points() : -s.points(),
                        "staff-1", "correction"));
            }
        }
        return events;
    }

    /**
     * An earlier purchase of the member at or before {@code at} with an amount left to refund (the
     * ledger rejects a refund of any other): the {@code ref}-th of them, cyclically; null if none.
     */
    private static LoyaltyEvent.Purchased refundable(List<LoyaltyEvent> events, java.util.Map<String, BigDecimal> left,
            CustomerId who, Instant at, int ref) {
        List<LoyaltyEvent.Purchased> open = new ArrayList<>();
        for (LoyaltyEvent e : events) {
            if (e instanceof LoyaltyEvent.Purchased p && p.customer().equals(who) && !p.at().isAfter(at)
                    && left.getOrDefault(p.id(), BigDecimal.ZERO).signum() > 0) {
                open.add(p);
            }
        }
        return open.isEmpty() ? null : open.get(ref % open.size());
    }
}
