package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static io.crmkit.loyalty.Fixtures.at;
import static io.crmkit.loyalty.Fixtures.buy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.scoring.tier.DowngradeRule;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tier reached, kept and lost at window ends, with what is needed by when; pinned by hand. */
class TierQualificationTest {

    private static Program.Builder ladder() {
        return Fixtures.program().tier("Gold", 5_000).tier("Silver", 2_000).baseTier("Member");
    }

    private static TierStatus tier(Ledger ledger, String local) {
        return ledger.account(ANN, at(local)).tier();
    }

    @Test
    void aTierIsReachedAtOnceAndHeldToTheEndOfTheFollowingCalendarYear() {
        Ledger ledger = Ledger.inMemory(ladder().build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        assertEquals("Member", tier(ledger, "2025-06-10T09:59").tier());
        TierStatus gold = tier(ledger, "2025-06-10T10:00");
        assertEquals(new TierStatus("Gold", 5_200, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                Optional.of(LocalDate.parse("2026-12-31")),
                "Gold: reached on 2025-06-10 with 5,200 qualifying points in the window from 2025-01-01 (Gold needs 5,000)",
                "Gold held until 2026-12-31"), gold);
        ledger.apply(buy("p2", ANN, "2026-02-01T10:00", "3800.00"));
        TierStatus keep = tier(ledger, "2026-10-01T00:00");
        assertEquals("Gold", keep.tier());
        assertEquals(3_800, keep.qualifyingPoints());
        assertEquals("needs 1,200 more qualifying points by 2026-12-31 to keep Gold", keep.outlook());
        // lost at the window's end: 3,800 in 2026 reach Silver, held through 2027
        assertEquals("Gold", tier(ledger, "2026-12-31T23:59:59").tier());
        TierStatus silver = tier(ledger, "2027-01-01T00:00");
        assertEquals("Silver", silver.tier());
        assertEquals(Optional.of(LocalDate.parse("2027-12-31")), silver.heldUntil());
        assertEquals("Silver: reached on 2026-02-01 with 3,800 qualifying points in the window from 2026-01-01 (Silver needs 2,000);"
                + " Gold's hold ended on 2027-01-01", silver.reason());
        // held through 2027; keeping it into 2028 needs 2,000 in 2027
        assertEquals("needs 2,000 more qualifying points by 2027-12-31 to keep Silver", silver.outlook());
        assertEquals("Member", tier(ledger, "2028-01-01T00:00").tier());
    }

    @Test
    void requalifyingInTheFollowingYearKeepsTheTierAnotherYear() {
        Ledger ledger = Ledger.inMemory(ladder().build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        ledger.apply(buy("p2", ANN, "2026-02-01T10:00", "3800.00"));
        ledger.apply(buy("p3", ANN, "2026-12-31T23:00", "1200.00"));
        TierStatus kept = tier(ledger, "2027-01-01T00:00");
        assertEquals("Gold", kept.tier());
        assertEquals(Optional.of(LocalDate.parse("2027-12-31")), kept.heldUntil());
        assertEquals(0, kept.qualifyingPoints());
        assertEquals("Gold held until 2027-12-31", tier(ledger, "2026-12-31T23:30").outlook());
    }

    @Test
    void aOneTierRuleStepsDownOneTierPerWindow() {
        Ledger ledger = Ledger.inMemory(ladder().downgrade(DowngradeRule.gracePeriods(1).withOneTierPerPeriod()).build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        assertEquals("Gold", tier(ledger, "2026-12-31T23:59").tier());
        TierStatus stepped = tier(ledger, "2027-01-01T00:00");
        assertEquals("Silver", stepped.tier());
        assertEquals("Silver: stepped down one tier from Gold on 2027-01-01, when Gold's hold ended", stepped.reason());
        assertEquals("needs 2,000 more qualifying points by 2027-12-31 to keep Silver", stepped.outlook());
        TierStatus base = tier(ledger, "2028-01-01T00:00");
        assertEquals("Member", base.tier());
        assertEquals("Member is the base tier; Silver's hold ended on 2028-01-01", base.reason());
        assertEquals("needs 2,000 more qualifying points by 2028-12-31 to reach Silver", base.outlook());
    }

    @Test
    void withoutGraceATierLastsOnlyToTheEndOfItsOwnWindow() {
        Ledger ledger = Ledger.inMemory(ladder().downgrade(DowngradeRule.immediate()).build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        assertEquals(Optional.of(LocalDate.parse("2025-12-31")), tier(ledger, "2025-07-01T00:00").heldUntil());
        assertEquals("Member", tier(ledger, "2026-01-01T00:00").tier());
    }

    @Test
    void anAnniversaryYearRunsFromTheFirstEventsDate() {
        Ledger ledger = Ledger.inMemory(ladder().qualification(QualificationWindow.ANNIVERSARY_YEAR).build());
        ledger.apply(buy("p0", ANN, "2025-04-15T18:00", "100.00"));
        ledger.apply(buy("p1", ANN, "2026-04-14T10:00", "4900.00"));   // 5,000 in [2025-04-15, 2026-04-15)
        TierStatus gold = tier(ledger, "2026-04-14T10:00");
        assertEquals("Gold", gold.tier());
        assertEquals(LocalDate.parse("2025-04-15"), gold.windowStart());
        assertEquals(Optional.of(LocalDate.parse("2027-04-14")), gold.heldUntil());
        assertEquals("Gold", tier(ledger, "2027-04-14T23:59").tier());
        assertEquals("Member", tier(ledger, "2027-04-15T00:00").tier());
    }

    @Test
    void aRollingWindowHoldsTheTierTwelveMonthsThenCountsTheTwelveMonthsBefore() {
        Ledger ledger = Ledger.inMemory(ladder().qualification(QualificationWindow.ROLLING_12_MONTHS).build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        TierStatus gold = tier(ledger, "2026-03-01T00:00");
        assertEquals("Gold", gold.tier());
        assertEquals(5_200, gold.qualifyingPoints());
        // on 2026-06-10 10:00 the 12 months before must hold 5,000 again; p1 no longer counts then
        assertEquals("needs 5,000 more qualifying points by 2026-06-09 to keep Gold", gold.outlook());
        ledger.apply(buy("p2", ANN, "2026-06-20T10:00", "2500.00"));
        assertEquals("Gold", tier(ledger, "2026-06-10T09:59").tier());
        assertEquals("Member", tier(ledger, "2026-06-10T10:00").tier());
        assertEquals("Silver", tier(ledger, "2026-06-20T10:00").tier());
        assertEquals(Optional.of(LocalDate.parse("2027-06-19")), tier(ledger, "2026-06-20T10:00").heldUntil());
    }

    @Test
    void aRollingTierIsRenewedWheneverTheTwelveMonthsBeforeAQualifyingPurchaseReachIt() {
        Ledger ledger = Ledger.inMemory(ladder().qualification(QualificationWindow.ROLLING_12_MONTHS).build());
        ledger.apply(buy("p1", ANN, "2025-06-10T10:00", "5200.00"));
        ledger.apply(buy("p2", ANN, "2026-05-01T10:00", "100.00"));   // 5,300 in the 12 months to 2026-05-01
        assertEquals(Optional.of(LocalDate.parse("2027-04-30")), tier(ledger, "2026-06-10T10:00").heldUntil());
        assertEquals("Gold", tier(ledger, "2027-05-01T09:59").tier());
        assertEquals("Member", tier(ledger, "2027-05-01T10:00").tier());
    }

    @Test
    void tierMultipliersAndBonusesThatQualify() {
        Program p = Fixtures.program().tier("Gold", 200).baseTier("Member").bonusesQualify(true).build();
        Ledger ledger = Ledger.inMemory(p);
        ledger.apply(buy("p1", ANN, "2026-01-05T10:00", "150.00"));
        ledger.apply(new LoyaltyEvent.Awarded("b1", ANN, at("2026-01-06T10:00"), 50, "birthday"));
        assertEquals("Gold", tier(ledger, "2026-01-06T10:00").tier());
        Ledger strict = Ledger.inMemory(Fixtures.program().tier("Gold", 200).baseTier("Member").build());
        strict.apply(buy("p1", ANN, "2026-01-05T10:00", "150.00"));
        strict.apply(new LoyaltyEvent.Awarded("b1", ANN, at("2026-01-06T10:00"), 50, "birthday"));
        assertEquals("Member", strict.account(ANN, at("2026-01-06T10:00")).tier().tier());
        assertEquals(200, strict.account(ANN, at("2026-01-06T10:00")).balance());
    }
}
