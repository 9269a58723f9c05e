package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static io.crmkit.loyalty.Fixtures.at;
import static io.crmkit.loyalty.Fixtures.buy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The earning rule, pinned by hand: floor(amount × pointsPerUnit × categoryMultiplier × tierMultiplier). */
class EarningTest {

    private static final Program TIERED = Fixtures.program().pointsPerUnit(BigDecimal.ONE)
            .categoryMultiplier("books", new BigDecimal("2"))
            .tier("Gold", 5_000, new BigDecimal("1.5")).tier("Silver", 2_000, new BigDecimal("1.25")).baseTier("Member")
            .build();

    private static List<Long> earned(Ledger ledger, Instant asOf) {
        return ledger.account(ANN, asOf).entries().stream().map(LedgerEntry::points).toList();
    }

    @Test
    void categoryAndTierMultipliersStackAndTheProductIsFlooredOnce() {
        Ledger ledger = Ledger.inMemory(TIERED);
        // 5,000.00 × 1 × 1 × 1 (Member at the instant: its own points do not count yet) = 5,000 → Gold
        ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "5000.00"));
        // 33.35 × 1 × 2 (books) × 1.5 (Gold) = 100.05 → 100
        ledger.apply(buy("p2", ANN, "2026-03-02T10:00", "33.35", "books"));
        // 33.35 × 1 × 1 × 1.5 = 50.025 → 50; flooring each factor first would give 33 × 1.5 = 49.5 → 49
        ledger.apply(buy("p3", ANN, "2026-03-03T10:00", "33.35", "toys"));
        assertEquals(List.of(5_000L, 100L, 50L), earned(ledger, at("2026-03-31T00:00")));
        assertEquals("Gold", ledger.account(ANN, at("2026-03-31T00:00")).tier().tier());
    }

    @Test
    void theTierIsTheOneHeldAtThePurchaseInstant() {
        Ledger ledger = Ledger.inMemory(TIERED);
        // 1,999.99 → 1,999 points: Member; the next 100.00 at Member reaches Silver (2,099)
        ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "1999.99"));
        ledger.apply(buy("p2", ANN, "2026-03-01T11:00", "100.00"));
        // now Silver: 100.00 × 1.25 = 125
        ledger.apply(buy("p3", ANN, "2026-03-01T12:00", "100.00"));
        assertEquals(List.of(1_999L, 100L, 125L), earned(ledger, at("2026-03-02T00:00")));
        // arriving late, a purchase before p2 earns 10 at Member and reaches Silver (2,009) at 10:30,
        // so p2 at 11:00 was made at Silver: 100.00 × 1.25 = 125 (events count at their own instant)
        ledger.apply(buy("p0", ANN, "2026-03-01T10:30", "10.00"));
        assertEquals(List.of(1_999L, 10L, 125L, 125L), earned(ledger, at("2026-03-02T00:00")));
    }

    @Test
    void theRoundingRuleIsAppliedOnceToTheExactProduct() {
        Program halfUp = Fixtures.program().categoryMultiplier("books", new BigDecimal("2")).rounding(RoundingMode.HALF_UP).build();
        Program floor = Fixtures.program().categoryMultiplier("books", new BigDecimal("2")).build();
        for (Program p : List.of(halfUp, floor)) {
            Ledger ledger = Ledger.inMemory(p);
            ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "10.25", "books"));  // 20.5
            ledger.apply(buy("p2", ANN, "2026-03-01T11:00", "10.24", "books"));  // 20.48
            assertEquals(p == halfUp ? List.of(21L, 20L) : List.of(20L, 20L), earned(ledger, at("2026-03-02T00:00")));
        }
    }

    @Test
    void aCampaignBonusIsComputedSeparatelyAndCappedPerMember() {
        Campaign double11 = Campaign.of("double11", at("2026-11-11T00:00"), at("2026-11-12T00:00"), BigDecimal.ONE, 150);
        Program p = Fixtures.program().categoryMultiplier("books", new BigDecimal("2")).campaign(double11).build();
        Ledger ledger = Ledger.inMemory(p);
        ledger.apply(buy("p0", ANN, "2026-11-10T23:59:59", "100.00"));           // before: 100, no bonus
        ledger.apply(buy("p1", ANN, "2026-11-11T00:00", "100.00", "books"));     // 200 + bonus 100 (no category multiplier)
        ledger.apply(buy("p2", ANN, "2026-11-11T20:00", "80.00"));               // 80 + bonus 50 (cap 150 reached)
        ledger.apply(buy("p3", ANN, "2026-11-11T21:00", "80.00"));               // 80 + bonus 0
        ledger.apply(buy("p4", ANN, "2026-11-12T00:00", "50.00"));               // the end is exclusive: 50
        Account a = ledger.account(ANN, at("2026-11-30T00:00"));
        assertEquals(100 + 200 + 80 + 80 + 50, a.total(EntryKind.EARN));
        assertEquals(150, a.total(EntryKind.BONUS));
        assertEquals(List.of(100L, 200L, 100L, 80L, 50L, 80L, 50L), earned(ledger, at("2026-11-30T00:00")));
        assertEquals("p1/double11", a.entries().get(2).lot().orElseThrow());
        // another member has their own cap
        ledger.apply(buy("q1", Fixtures.BOB, "2026-11-11T09:00", "500.00"));
        assertEquals(150, ledger.account(Fixtures.BOB, at("2026-11-30T00:00")).total(EntryKind.BONUS));
    }

    @Test
    void aCategoryCampaignSkipsOtherCategories() {
        Campaign books = Campaign.of("books-week", at("2026-04-01T00:00"), at("2026-04-08T00:00"), new BigDecimal("0.5"), 1_000)
                .forCategories("books");
        Ledger ledger = Ledger.inMemory(Fixtures.program().campaign(books).build());
        ledger.apply(buy("p1", ANN, "2026-04-02T10:00", "99.00", "books"));  // 99 + floor(49.5) = 49
        ledger.apply(buy("p2", ANN, "2026-04-02T11:00", "99.00", "toys"));   // 99
        ledger.apply(buy("p3", ANN, "2026-04-02T12:00", "99.00"));           // 99
        assertEquals(49, ledger.account(ANN, at("2026-04-30T00:00")).total(EntryKind.BONUS));
    }

    @Test
    void pointsBeyondALongAreRefusedAndNothingIsStored() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().pointsPerUnit(new BigDecimal("1e18")).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "100.00")));
        assertTrue(e.getMessage().contains("event p1: points overflow"), e.getMessage());
        assertTrue(ledger.customers().isEmpty());
        // 9.00 × 1e18 = 9e18 fits (Long.MAX_VALUE ≈ 9.22e18); a second one would overflow the balance
        assertEquals(Outcome.Status.APPLIED, ledger.apply(buy("p2", ANN, "2026-03-01T10:00", "9.00")).status());
        assertThrows(IllegalArgumentException.class, () -> ledger.apply(buy("p3", ANN, "2026-03-02T10:00", "9.00")));
        assertEquals(9_000_000_000_000_000_000L, ledger.account(ANN, at("2026-04-01T00:00")).balance());
    }

    @Test
    void anotherCurrencyIsRefusedAtTheBoundary() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.apply(LoyaltyEvent.purchase("p1",
                Purchase.of(ANN, at("2026-03-01T10:00"), Money.of("10.00", "USD")), null)));
        assertEquals("event p1 currency USD is not the program's CNY", e.getMessage());
    }

    @Test
    void theSameEventIdIsAppliedOnce() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        assertEquals(Outcome.Status.APPLIED, ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "10.00")).status());
        assertEquals(Outcome.Status.DUPLICATE, ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "10.00")).status());
        assertEquals(10, ledger.account(ANN, at("2026-04-01T00:00")).balance());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ledger.apply(buy("p1", ANN, "2026-03-01T10:00", "99.00")));
        assertEquals("event id p1 is already used by a different event", e.getMessage());
    }

    @Test
    void aBadProgramIsRefusedWithTheFieldAndTheRule() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.program().tier("Silver", 2_000).tier("Gold", 5_000).baseTier("Member").build());
        assertEquals("tier Silver qualifyingPoints 2000 is not above the 5000 of tier Gold below it: list tiers from the top down",
                order.getMessage());
        IllegalArgumentException base = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.program().tier("Gold", 5_000).build());
        assertTrue(base.getMessage().startsWith("bottom tier Gold qualifyingPoints 5000"), base.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.program().pointsPerUnit(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.program().tier("Gold", 5_000).tier("Gold", 2_000)
                .baseTier("Member").build());
        assertEquals("downgrade hysteresis 0.1 is not supported for points: thresholds are exact point counts, so it must be 0",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.program()
                        .downgrade(io.crmkit.scoring.tier.DowngradeRule.gracePeriods(1).withHysteresis(0.1)).build()).getMessage());
        assertEquals("downgrade gracePeriods 0 with a rolling 12-month window: it must be at least 1 (the 12 months a tier is held)",
                assertThrows(IllegalArgumentException.class, () -> Fixtures.program().qualification(QualificationWindow.ROLLING_12_MONTHS)
                        .downgrade(io.crmkit.scoring.tier.DowngradeRule.immediate()).build()).getMessage());
    }

    @Test
    void anAdjustmentThatWouldOverflowTheBalanceIsRefusedByItsId() {
        // two adjustments of 9223372036854775807 points each used to end in a bare "long overflow"
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> {
            ledger.applyAll(List.of(
                    new LoyaltyEvent.Adjusted("a1", ANN, Fixtures.at("2026-03-01T10:00"), Long.MAX_VALUE, "li", "goodwill"),
                    new LoyaltyEvent.Adjusted("a2", ANN, Fixtures.at("2026-03-02T10:00"), Long.MAX_VALUE, "li", "goodwill")));
            ledger.account(ANN, Fixtures.at("2026-03-03T10:00"));
        });
        assertEquals("a2", e.eventId());
        assertTrue(e.getMessage().startsWith("event a2: points overflow the range of a long"), e.getMessage());
    }

    @Test
    void aBatchIsAllOrNothingAndReportsEachEventsOutcome() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> ledger.applyAll(List.of(
                buy("p1", ANN, "2026-03-01T10:00", "10.00"), buy("p1", ANN, "2026-03-01T10:00", "11.00"))));
        assertEquals("p1", e.eventId());
        assertTrue(ledger.customers().isEmpty());
        // a redemption listed before the purchase that funds it is judged at its own instant, after the purchase
        List<Outcome> outcomes = ledger.applyAll(List.of(Fixtures.redeem("r1", ANN, "2026-03-02T10:00", 10),
                buy("p1", ANN, "2026-03-01T10:00", "10.00"), buy("p1", ANN, "2026-03-01T10:00", "10.00"),
                Fixtures.redeem("r2", ANN, "2026-03-03T10:00", 1)));
        assertEquals(List.of(Outcome.Status.APPLIED, Outcome.Status.APPLIED, Outcome.Status.DUPLICATE, Outcome.Status.REFUSED),
                outcomes.stream().map(Outcome::status).toList());
        assertEquals("redemption r2 of 1 points refused: the balance is 0 points", outcomes.get(3).reason().orElseThrow());
    }
}
