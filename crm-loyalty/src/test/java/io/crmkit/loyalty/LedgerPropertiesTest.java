package io.crmkit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.tier.DowngradeRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tuple;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the ledger over random programs and event histories. */
class LedgerPropertiesTest {

    private static final Instant START = Fixtures.at("2025-01-01T00:00");
    private static final Instant END = Fixtures.at("2028-06-30T00:00");
    private static final int MINUTES = 3 * 366 * 24 * 60;

    /** One generated event: its kind, member, minute after START, amount in cents, points and a reference. */
    record Spec(int kind, int member, int minute, int cents, int points, int ref) {
    }

    @Provide
    Arbitrary<List<Spec>> histories() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.frequency(
                        Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(3, 2),
                        Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, MINUTES),
                Arbitraries.integers().between(0, 300_000),
                Arbitraries.integers().between(1, 3_000),
                Arbitraries.integers().between(0, 1_000)).as(Spec::new);
        return spec.list().ofMaxSize(40);
    }

    /**
     * Turns specs into events: kinds 0 purchase, 1 refund, 2 redemption, 3 bonus, 4 adjustment. A
     * refund reverses part of an earlier purchase of the same member at or before it, never more than
     * is left of it (the ledger rejects any other); with no such purchase, the spec is a redemption.
     */
    private static List<LoyaltyEvent> events(List<Spec> specs) {
        List<LoyaltyEvent> events = new ArrayList<>();
        Map<String, BigDecimal> left = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = "e" + i;
            CustomerId who = CustomerId.of("m" + s.member());
            // minutes rounded to hours half the time, so that events share instants
            Instant at = START.plusSeconds(60L * (s.ref() % 2 == 0 ? s.minute() - s.minute() % 60 : s.minute()));
            LoyaltyEvent.Purchased refunded = s.kind() == 1 ? Fixtures.refundable(events, left, who, at, s.ref()) : null;
            switch (refunded == null && s.kind() == 1 ? 2 : s.kind()) {
                case 0 -> {
                    events.add(LoyaltyEvent.purchase(id, Purchase.of(who, at, Money.of(BigDecimal.valueOf(s.cents(), 2),
                            Fixtures.CNY)), s.ref() % 3 == 0 ? "books" : null));
                    left.put(id, BigDecimal.valueOf(s.cents(), 2));
                }
                case 1 -> events.add(Fixtures.refundOf(id, refunded, at, BigDecimal.valueOf(1 + s.cents() / 2, 2), left));
                case 2 -> events.add(new LoyaltyEvent.Redeemed(id, who, at, s.points()));
                case 3 -> events.add(new LoyaltyEvent.Awarded(id, who, at, s.points(), "referral"));
                default -> events.add(new LoyaltyEvent.Adjusted(id, who, at, s.ref() % 2 == 0 ? s.points() : -s.points(),
                        "staff-1", "correction"));
            }
        }
        return events;
    }

    private static Ledger ledger(Program p, List<LoyaltyEvent> events) {
        Ledger ledger = Ledger.inMemory(p);
        ledger.applyAll(events);
        return ledger;
    }

    @Property(tries = 300)
    void pointsAreConserved(@ForAll("histories") List<Spec> specs, @ForAll @IntRange(min = 0, max = 3) int expiry,
                            @ForAll @IntRange(min = 0, max = 1) int refund, @ForAll @IntRange(min = 0, max = 2) int window,
                            @ForAll boolean oneTier, @ForAll @IntRange(min = 0, max = MINUTES + 300_000) int asOfMinute) {
        Ledger ledger = ledger(program(expiry, refund, window, oneTier), events(specs));
        Instant asOf = START.plusSeconds(60L * asOfMinute);
        for (Account a : ledger.accounts(asOf)) {
            long in = a.total(EntryKind.EARN) + a.total(EntryKind.BONUS) + a.total(EntryKind.ADJUST);
            long out = -a.total(EntryKind.REDEEM) - a.total(EntryKind.EXPIRE) - a.total(EntryKind.REVERSE);
            assertEquals(in, a.balance() + out, a.customer() + " as of " + asOf);
            long inLots = a.lots().stream().mapToLong(Lot::remaining).sum();
            assertEquals(Math.max(a.balance(), 0), inLots, "lots hold the positive balance");
            assertTrue(a.lots().stream().allMatch(l -> l.remaining() > 0 && l.remaining() <= l.points()));
            assertTrue(a.entries().stream().allMatch(e -> !e.at().isAfter(asOf)));
        }
    }

    @Property(tries = 200)
    void theBalanceNeverGoesBelowZeroWhenRefundsRecordADebt(@ForAll("histories") List<Spec> specs,
                                                            @ForAll @IntRange(min = 0, max = 3) int expiry) {
        List<LoyaltyEvent> events = events(specs);
        Ledger ledger = ledger(program(expiry, RefundPolicy.RECORDED_DEBT.ordinal(), 0, false), events);
        for (LoyaltyEvent e : events) {
            Account a = ledger.account(e.customer(), e.at());
            assertTrue(a.balance() >= 0, () -> a.customer() + " at " + e.at() + ": " + a.balance());
            assertTrue(a.debt() >= 0);
        }
    }

    @Property(tries = 200)
    void theArrivalOrderDoesNotMatter(@ForAll("histories") List<Spec> specs, @ForAll long seed,
                                      @ForAll @IntRange(min = 0, max = 3) int expiry, @ForAll @IntRange(min = 0, max = 1) int refund,
                                      @ForAll @IntRange(min = 0, max = 2) int window) {
        Program p = program(expiry, refund, window, seed % 2 == 0);
        List<LoyaltyEvent> events = events(specs);
        List<LoyaltyEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        Ledger oneByOne = Ledger.inMemory(p);
        Fixtures.purchasesBeforeTheirRefunds(shuffled).forEach(oneByOne::apply);
        assertEquals(ledger(p, events).accounts(END), oneByOne.accounts(END));
    }

    @Property(tries = 200)
    void aRefundBeyondWhatIsLeftOfItsPurchaseIsRejectedAndChangesNothing(@ForAll("histories") List<Spec> specs,
            @ForAll @IntRange(min = 0, max = 1) int refund, @ForAll @IntRange(min = 1, max = 100_000) int extraCents,
            @ForAll @IntRange(min = 0, max = 1_000) int pick) {
        List<LoyaltyEvent> events = events(specs);
        List<LoyaltyEvent.Purchased> purchases = events.stream().filter(e -> e instanceof LoyaltyEvent.Purchased)
                .map(e -> (LoyaltyEvent.Purchased) e).toList();
        Ledger ledger = ledger(program(0, refund, 0, false), events);
        List<Account> before = ledger.accounts(END);
        LoyaltyEvent.Purchased p = purchases.isEmpty() ? null : purchases.get(pick % purchases.size());
        BigDecimal refunded = events.stream().filter(e -> e instanceof LoyaltyEvent.Refunded r && p != null
                && r.purchaseId().equals(p.id())).map(e -> ((LoyaltyEvent.Refunded) e).amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // what is left of the purchase plus at least one cent; with no purchase, a refund of one never seen
        LoyaltyEvent.Refunded beyond = p == null
                ? new LoyaltyEvent.Refunded("x", CustomerId.of("m0"), START, "nowhere", Money.of(BigDecimal.ONE, Fixtures.CNY))
                : new LoyaltyEvent.Refunded("x", p.customer(), END.minusSeconds(1), p.id(), Money.of(
                        p.purchase().amount().amount().subtract(refunded).add(BigDecimal.valueOf(extraCents, 2)), Fixtures.CNY));
        RejectedEventException e = org.junit.jupiter.api.Assertions.assertThrows(RejectedEventException.class,
                () -> ledger.apply(beyond));
        assertEquals("x", e.eventId());
        assertTrue(e.getMessage().startsWith("refund x of " + beyond.amount().amount().toPlainString() + " "), e.getMessage());
        assertEquals(before, ledger.accounts(END));
    }

    @Property(tries = 200)
    void reapplyingAnyEventChangesNothing(@ForAll("histories") List<Spec> specs, @ForAll long seed,
                                          @ForAll @IntRange(min = 0, max = 3) int expiry, @ForAll @IntRange(min = 0, max = 1) int refund) {
        Program p = program(expiry, refund, 0, false);
        List<LoyaltyEvent> events = events(specs);
        Ledger ledger = ledger(p, events);
        List<Account> before = ledger.accounts(END);
        Random random = new Random(seed);
        for (LoyaltyEvent e : events) {
            if (random.nextBoolean()) {
                assertEquals(Outcome.Status.DUPLICATE, ledger.apply(e).status());
            }
        }
        assertEquals(before, ledger.accounts(END));
    }

    @Property(tries = 200)
    void aMemberHoldsAtLeastTheTierTheirWindowsPointsReach(@ForAll("histories") List<Spec> specs,
                                                         @ForAll @IntRange(min = 0, max = 2) int window, @ForAll boolean oneTier,
                                                         @ForAll @IntRange(min = 0, max = MINUTES) int asOfMinute) {
        Program p = program(3, 0, window, oneTier);
        Ledger ledger = ledger(p, events(specs));
        Instant asOf = START.plusSeconds(60L * asOfMinute);
        for (Account a : ledger.accounts(asOf)) {
            TierStatus t = a.tier();
            long threshold = p.tiers().stream().filter(tier -> tier.name().equals(t.tier())).findFirst().orElseThrow().qualifyingPoints();
            long next = p.tiers().stream().mapToLong(LoyaltyTier::qualifyingPoints).filter(q -> q > threshold).min().orElse(Long.MAX_VALUE);
            assertTrue(t.qualifyingPoints() < next, () -> a.customer() + " holds " + t.tier() + " with " + t.qualifyingPoints()
                    + " qualifying points: " + t.reason());
            assertTrue(t.heldUntil().isEmpty() == (threshold == 0));
        }
    }

    @Property(tries = 200)
    void statementsChain(@ForAll("histories") List<Spec> specs, @ForAll @IntRange(min = 0, max = 3) int expiry,
                         @ForAll @IntRange(min = 0, max = 1) int refund,
                         @ForAll @IntRange(min = 0, max = MINUTES) int m1, @ForAll @IntRange(min = 0, max = MINUTES) int m2,
                         @ForAll @IntRange(min = 0, max = MINUTES) int m3) {
        Ledger ledger = ledger(program(expiry, refund, 0, false), events(specs));
        int[] m = {m1, m2, m3};
        java.util.Arrays.sort(m);
        Instant a = START.plusSeconds(60L * m[0]);
        Instant b = START.plusSeconds(60L * m[1]);
        Instant c = START.plusSeconds(60L * m[2]);
        for (CustomerId who : ledger.customers()) {
            Statement ab = ledger.statement(who, a, b);
            Statement bc = ledger.statement(who, b, c);
            Statement ac = ledger.statement(who, a, c);
            assertEquals(ab.closing(), bc.opening());
            assertEquals(new Statement(who, a, c, ab.opening(), ab.earned() + bc.earned(), ab.bonus() + bc.bonus(),
                    ab.adjusted() + bc.adjusted(), ab.redeemed() + bc.redeemed(), ab.expired() + bc.expired(),
                    ab.reversed() + bc.reversed(), bc.closing()), ac);
        }
    }

    private static Program program(int expiry, int refund, int window, boolean oneTier) {
        Program.Builder b = Fixtures.program().categoryMultiplier("books", new BigDecimal("2"))
                .tier("Gold", 3_000, new BigDecimal("1.5")).tier("Silver", 1_000, new BigDecimal("1.2")).baseTier("Member")
                .campaign(Campaign.of("summer", Fixtures.at("2025-06-01T00:00"), Fixtures.at("2025-09-01T00:00"),
                        new BigDecimal("0.5"), 400))
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
}
