package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static io.crmkit.loyalty.Fixtures.at;
import static io.crmkit.loyalty.Fixtures.buy;
import static io.crmkit.loyalty.Fixtures.redeem;
import static io.crmkit.loyalty.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FIFO redemption across lots, refusals, and partial refunds under both refund policies, pinned by hand. */
class RedemptionAndRefundTest {

    private static final Instant END = at("2026-12-31T00:00");

    private static List<String> lines(Account a) {
        return a.entries().stream().map(e -> e.kind() + " " + e.points() + " " + e.sourceEventId() + " " + e.lot().orElse("-")).toList();
    }

    @Test
    void aRedemptionTakesFromTheLotsThatExpireFirst() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().expiry(ExpiryPolicy.rolling(12)).build());
        ledger.apply(buy("p2", ANN, "2026-02-05T10:00", "200.00"));
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "100.00"));
        ledger.apply(new LoyaltyEvent.Adjusted("a1", ANN, at("2026-01-20T10:00"), 40, "staff-7", "late receipt"));
        ledger.apply(redeem("r1", ANN, "2026-03-01T10:00", 250));
        Account a = ledger.account(ANN, END);
        assertEquals(List.of("EARN 100 p1 p1", "ADJUST 40 a1 a1", "EARN 200 p2 p2",
                "REDEEM -100 r1 p1", "REDEEM -40 r1 a1", "REDEEM -110 r1 p2"), lines(a));
        assertEquals(90, a.balance());
        assertEquals(List.of(new Lot("p2", EntryKind.EARN, "p2", at("2026-02-05T10:00"), 200, 90,
                Optional.of(at("2027-02-05T10:00")))), a.lots());
        assertEquals("staff-7: late receipt", a.entries().get(1).note());
    }

    @Test
    void aRedemptionBeyondTheBalanceIsRefusedNamingTheBalanceAndChangesNothing() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "300.00"));
        Account before = ledger.account(ANN, END);
        Outcome o = ledger.apply(redeem("r1", ANN, "2026-03-01T10:00", 500));
        assertEquals(new Outcome("r1", Outcome.Status.REFUSED,
                Optional.of("redemption r1 of 500 points refused: the balance is 300 points")), o);
        Account after = ledger.account(ANN, END);
        assertEquals(before.entries(), after.entries());
        assertEquals(before.lots(), after.lots());
        assertEquals(300, after.balance());
        assertEquals("r1", after.refusals().get(0).eventId());
        // a downward adjustment beyond the balance is refused the same way
        assertEquals(Outcome.Status.REFUSED, ledger.apply(new LoyaltyEvent.Adjusted("a1", ANN, at("2026-03-02T10:00"), -301,
                "staff-7", "fraud")).status());
    }

    @Test
    void aPartialRefundAfterAPartialRedemptionGoesBelowZeroUnderTheNegativeBalancePolicy() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "200.00"));           // 200
        ledger.apply(redeem("r1", ANN, "2026-01-06T10:00", 150));             // 50 left
        ledger.apply(refund("f1", ANN, "2026-01-07T10:00", "p1", "150.00"));  // 150 × 150/200 = 150 to reverse
        Account mid = ledger.account(ANN, at("2026-01-08T00:00"));
        assertEquals(-100, mid.balance());
        assertEquals(0, mid.debt());
        assertEquals(List.of("EARN 200 p1 p1", "REDEEM -150 r1 p1", "REVERSE -50 f1 p1", "REVERSE -100 f1 -"), lines(mid));
        assertEquals(Outcome.Status.REFUSED, ledger.apply(redeem("r2", ANN, "2026-01-08T10:00", 1)).status());
        ledger.apply(buy("p2", ANN, "2026-01-09T10:00", "300.00"));           // 300 fill the hole first
        Account end = ledger.account(ANN, END);
        assertEquals(200, end.balance());
        assertEquals(200, end.lots().get(0).remaining());
        Statement s = ledger.statement(ANN, at("2026-01-01T00:00"), END);
        assertEquals(new Statement(ANN, at("2026-01-01T00:00"), END, 0, 500, 0, 0, 150, 0, 150, 200), s);
    }

    @Test
    void theSameRefundRecordsADebtSettledByTheNextEarningUnderTheDebtPolicy() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().refundPolicy(RefundPolicy.RECORDED_DEBT).build());
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "200.00"));
        ledger.apply(redeem("r1", ANN, "2026-01-06T10:00", 150));
        ledger.apply(refund("f1", ANN, "2026-01-07T10:00", "p1", "150.00"));
        Account mid = ledger.account(ANN, at("2026-01-08T00:00"));
        assertEquals(0, mid.balance());
        assertEquals(100, mid.debt());
        assertEquals(List.of("EARN 200 p1 p1", "REDEEM -150 r1 p1", "REVERSE -50 f1 p1"), lines(mid));
        ledger.apply(buy("p2", ANN, "2026-01-09T10:00", "60.00"));            // settles 60 of 100
        ledger.apply(buy("p3", ANN, "2026-01-10T10:00", "300.00"));           // settles 40, 260 left
        Account end = ledger.account(ANN, END);
        assertEquals(List.of("EARN 200 p1 p1", "REDEEM -150 r1 p1", "REVERSE -50 f1 p1", "EARN 60 p2 p2", "REVERSE -60 f1 p2",
                "EARN 300 p3 p3", "REVERSE -40 f1 p3"), lines(end));
        assertEquals(260, end.balance());
        assertEquals(0, end.debt());
        // the reversal is counted when it is taken: 50 in January 7's period, 100 later
        assertEquals(50, ledger.statement(ANN, at("2026-01-01T00:00"), at("2026-01-08T00:00")).reversed());
        assertEquals(new Statement(ANN, at("2026-01-08T00:00"), END, 0, 360, 0, 0, 0, 0, 100, 260),
                ledger.statement(ANN, at("2026-01-08T00:00"), END));
    }

    @Test
    void partialRefundsReverseTheCumulativeShareRoundedHalfUpWithoutDrift() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "3.00"));               // 3 points
        ledger.apply(refund("f1", ANN, "2026-01-06T10:00", "p1", "0.50"));     // 3 × 0.5/3 = 0.5 → 1
        ledger.apply(refund("f2", ANN, "2026-01-07T10:00", "p1", "0.50"));     // 3 × 1/3 = 1 → 1: nothing more
        ledger.apply(refund("f3", ANN, "2026-01-08T10:00", "p1", "2.00"));     // 3 × 3/3 = 3: 2 more
        assertEquals(List.of("EARN 3 p1 p1", "REVERSE -1 f1 p1", "REVERSE -2 f3 p1"), lines(ledger.account(ANN, END)));
    }

    @Test
    void aRefundOfAnUnknownPurchaseOrBeyondItsAmountIsRejectedAndNeverStored() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "3.00"));
        ledger.apply(refund("f3", ANN, "2026-01-08T10:00", "p1", "3.00"));
        RejectedEventException beyond = assertThrows(RejectedEventException.class,
                () -> ledger.apply(refund("f4", ANN, "2026-01-09T10:00", "p1", "0.01")));
        assertEquals("f4", beyond.eventId());
        assertEquals("refund f4 of 0.01 with 3.00 already refunded exceeds purchase p1's 3.00: the refunds of a purchase "
                + "total at most its amount", beyond.getMessage());
        RejectedEventException unknown = assertThrows(RejectedEventException.class,
                () -> ledger.apply(refund("f5", ANN, "2026-01-09T10:00", "p9", "1.00")));
        assertEquals("refund f5 of 1.00 refers to purchase p9, which is not a purchase of this member at or before the "
                + "refund: a refund reverses a purchase the ledger holds", unknown.getMessage());
        // another member's purchase, and a refund dated before its purchase, are no purchase of the refund's member
        assertThrows(RejectedEventException.class, () -> ledger.apply(refund("f6", Fixtures.BOB, "2026-01-09T10:00", "p1", "1.00")));
        assertThrows(RejectedEventException.class, () -> ledger.apply(refund("f7", ANN, "2026-01-04T10:00", "p1", "1.00")));
        // the journal is append-only: none of them entered it, and the ledger is as before
        assertEquals(Set.of(ANN), ledger.customers());
        assertEquals(List.of("EARN 3 p1 p1", "REVERSE -3 f3 p1"), lines(ledger.account(ANN, END)));
        assertEquals(Outcome.Status.APPLIED, ledger.apply(buy("p9", ANN, "2026-01-09T09:00", "1.00")).status());
        assertEquals(Outcome.Status.APPLIED, ledger.apply(refund("f5", ANN, "2026-01-09T10:00", "p9", "1.00")).status());
    }

    @Test
    void aBatchWithAnInconsistentRefundStoresNothing() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        RejectedEventException e = assertThrows(RejectedEventException.class, () -> ledger.applyAll(List.of(
                buy("p1", ANN, "2026-01-05T10:00", "100.00"), refund("f1", ANN, "2026-01-06T10:00", "p1", "60.00"),
                refund("f2", ANN, "2026-01-07T10:00", "p1", "50.00"))));
        assertEquals("f2", e.eventId());
        assertEquals("refund f2 of 50.00 with 60.00 already refunded exceeds purchase p1's 100.00: the refunds of a purchase "
                + "total at most its amount", e.getMessage());
        assertEquals(Set.of(), ledger.customers());
        // purchase and refund in one batch, in any order, are consistent
        assertEquals(List.of(Outcome.Status.APPLIED, Outcome.Status.APPLIED), ledger.applyAll(List.of(
                refund("f1", ANN, "2026-01-06T10:00", "p1", "60.00"), buy("p1", ANN, "2026-01-05T10:00", "100.00")))
                .stream().map(Outcome::status).toList());
    }

    @Test
    void aNewRefundDatedBeforeAStoredOneThatWouldPushItBeyondThePurchaseIsNamed() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().build());
        ledger.applyAll(List.of(buy("p1", ANN, "2026-01-05T10:00", "100.00"), refund("f2", ANN, "2026-01-08T10:00", "p1", "60.00")));
        // replayed in time order, f1 would take 60 first and leave the stored f2 beyond the 100 purchased
        RejectedEventException e = assertThrows(RejectedEventException.class,
                () -> ledger.apply(refund("f1", ANN, "2026-01-06T10:00", "p1", "60.00")));
        assertEquals("f1", e.eventId());
        assertEquals("refund f1 of 60.00 takes purchase p1's refunds beyond its amount: then refund f2 of 60.00 with 60.00 "
                + "already refunded exceeds purchase p1's 100.00: the refunds of a purchase total at most its amount",
                e.getMessage());
        assertEquals(List.of("EARN 100 p1 p1", "REVERSE -60 f2 p1"), lines(ledger.account(ANN, END)));
    }

    @Test
    void aRefundReversesItsShareOfTheCampaignBonusToo() {
        Campaign c = Campaign.of("spring", at("2026-03-01T00:00"), at("2026-04-01T00:00"), BigDecimal.ONE, 1_000);
        Ledger ledger = Ledger.inMemory(Fixtures.program().campaign(c).build());
        ledger.apply(buy("p1", ANN, "2026-03-05T10:00", "101.00"));              // 101 + 101 bonus
        ledger.apply(refund("f1", ANN, "2026-03-06T10:00", "p1", "50.50"));     // half: 50.5 → 51 of each lot
        assertEquals(List.of("EARN 101 p1 p1", "BONUS 101 p1 p1/spring", "REVERSE -51 f1 p1", "REVERSE -51 f1 p1/spring"),
                lines(ledger.account(ANN, END)));
        assertEquals(100, ledger.account(ANN, END).balance());
    }
}
