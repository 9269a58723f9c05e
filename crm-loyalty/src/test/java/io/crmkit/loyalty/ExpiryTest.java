package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static io.crmkit.loyalty.Fixtures.at;
import static io.crmkit.loyalty.Fixtures.buy;
import static io.crmkit.loyalty.Fixtures.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each expiry policy at its boundary instant: the points are there one nanosecond before, gone at it. */
class ExpiryTest {

    private static Ledger ledger(ExpiryPolicy policy) {
        return Ledger.inMemory(Fixtures.program().expiry(policy).build());
    }

    @Test
    void aRollingLotExpiresTwelveMonthsAfterItsInstant() {
        Ledger ledger = ledger(ExpiryPolicy.rolling(12));
        ledger.apply(buy("p1", ANN, "2025-03-15T10:00", "100.00"));
        Instant boundary = at("2026-03-15T10:00");
        assertEquals(100, ledger.account(ANN, boundary.minusNanos(1)).balance());
        Account after = ledger.account(ANN, boundary);
        assertEquals(0, after.balance());
        LedgerEntry expiry = after.entries().get(1);
        assertEquals(new LedgerEntry(ANN, boundary, EntryKind.EXPIRE, -100, "p1", Optional.of("p1"), ""), expiry);
    }

    @Test
    void aRollingMonthEndsOnTheMonthsLastDay() {
        Ledger ledger = ledger(ExpiryPolicy.rolling(1));
        ledger.apply(buy("p1", ANN, "2026-01-31T10:00", "100.00"));
        assertEquals(100, ledger.account(ANN, at("2026-02-28T09:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2026-02-28T10:00")).balance());
    }

    @Test
    void anEndOfYearLotLastsThroughDecember31OfTheYearNYearsLaterInTheProgramsZone() {
        Ledger ledger = ledger(ExpiryPolicy.endOfYear(1));
        ledger.apply(buy("p1", ANN, "2025-03-15T10:00", "100.00"));
        ledger.apply(buy("p2", ANN, "2025-12-31T23:00", "50.00"));
        Instant newYear = at("2027-01-01T00:00");   // 2026-12-31T16:00Z
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), newYear);
        assertEquals(150, ledger.account(ANN, newYear.minusNanos(1)).balance());
        assertEquals(0, ledger.account(ANN, newYear).balance());
        assertEquals(-150, ledger.account(ANN, newYear).total(EntryKind.EXPIRE));
    }

    @Test
    void endOfYearZeroExpiresAtTheEndOfTheSameYear() {
        Ledger ledger = ledger(ExpiryPolicy.endOfYear(0));
        ledger.apply(buy("p1", ANN, "2026-12-31T23:59", "100.00"));
        assertEquals(100, ledger.account(ANN, at("2026-12-31T23:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2027-01-01T00:00")).balance());
    }

    @Test
    void activityPushesEveryLotsExpiryOut() {
        Ledger ledger = ledger(ExpiryPolicy.activityExtended(6));
        ledger.apply(buy("p1", ANN, "2026-01-10T10:00", "100.00"));
        // without further activity the lot expires at 2026-07-10T10:00
        assertEquals(100, ledger.account(ANN, at("2026-07-10T09:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2026-07-10T10:00")).balance());
        // a redemption on 2026-06-01 09:00 pushes it to 2026-12-01 09:00
        ledger.apply(redeem("r1", ANN, "2026-06-01T09:00", 10));
        assertEquals(90, ledger.account(ANN, at("2026-12-01T08:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2026-12-01T09:00")).balance());
        // a refund is not activity: the expiry stays
        ledger.apply(Fixtures.refund("f1", ANN, "2026-09-01T09:00", "p1", "10.00"));
        assertEquals(80, ledger.account(ANN, at("2026-12-01T08:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2026-12-01T09:00")).balance());
    }

    @Test
    void anAdjustmentToADormantMemberIsNotExpiredBeforeItExists() {
        // found by LedgerPropertiesTest.statementsChain: the last activity (2026-01-10 10:00) plus
        // six months lies before the adjustment (2026-08-01 09:00), which used to get that past
        // expiry, so a statement opened after it read -1 although the member never held a point
        Ledger ledger = ledger(ExpiryPolicy.activityExtended(6));
        ledger.apply(buy("p1", ANN, "2026-01-10T10:00", "100.00"));
        ledger.apply(new LoyaltyEvent.Adjusted("a1", ANN, at("2026-08-01T09:00"), 5, "staff-1", "goodwill"));
        assertEquals(5, ledger.account(ANN, at("2026-08-01T09:00")).balance());
        assertEquals(5, ledger.account(ANN, at("2027-02-01T08:59:59")).balance());
        assertEquals(0, ledger.account(ANN, at("2027-02-01T09:00")).balance());
        assertEquals(0, ledger.statement(ANN, at("2026-07-31T00:00"), at("2026-08-01T09:00")).opening());
    }

    @Test
    void expiredPointsCannotBeRedeemedAtTheExpiryInstant() {
        Ledger ledger = ledger(ExpiryPolicy.rolling(12));
        ledger.apply(buy("p1", ANN, "2025-03-15T10:00", "100.00"));
        Outcome late = ledger.apply(redeem("r1", ANN, "2026-03-15T10:00", 100));
        assertEquals(Outcome.Status.REFUSED, late.status());
        assertEquals("redemption r1 of 100 points refused: the balance is 0 points", late.reason().orElseThrow());
        assertEquals(Outcome.Status.APPLIED, ledger.apply(redeem("r0", ANN, "2026-03-15T09:59:59", 100)).status());
    }

    @Test
    void expiringCountsTheLotsDueInTheNextDays() {
        Ledger ledger = ledger(ExpiryPolicy.rolling(12));
        ledger.apply(buy("p1", ANN, "2025-03-15T10:00", "100.00"));
        ledger.apply(buy("p2", ANN, "2025-04-20T10:00", "30.00"));
        // as of 2026-02-13 10:00, 30 days ahead is 2026-03-15 10:00: p1 expires exactly then (counted), p2 later
        assertEquals(100, ledger.expiring(ANN, at("2026-02-13T10:00"), 30));
        assertEquals(0, ledger.expiring(ANN, at("2026-02-13T09:59:59"), 30));
        // as of 2026-03-25, p1 is gone and p2 expires on 2026-04-20
        assertEquals(30, ledger.expiring(ANN, at("2026-03-25T00:00"), 30));
        assertEquals(0, ledger.expiring(ANN, at("2026-03-25T00:00"), 25));
    }

    @Test
    void pointsThatNeverExpireStay() {
        Ledger ledger = ledger(ExpiryPolicy.never());
        ledger.apply(buy("p1", ANN, "2000-01-01T00:00", "100.00"));
        assertEquals(100, ledger.account(ANN, at("2099-01-01T00:00")).balance());
    }
}
