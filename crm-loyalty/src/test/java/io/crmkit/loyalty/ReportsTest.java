package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static io.crmkit.loyalty.Fixtures.BOB;
import static io.crmkit.loyalty.Fixtures.at;
import static io.crmkit.loyalty.Fixtures.buy;
import static io.crmkit.loyalty.Fixtures.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Statements, liability and breakage, pinned by hand. */
class ReportsTest {

    private static Ledger history() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().expiry(ExpiryPolicy.endOfYear(0)).build());
        ledger.apply(buy("a1", ANN, "2025-02-01T10:00", "500.00"));
        ledger.apply(redeem("a2", ANN, "2025-03-01T10:00", 300));        // 200 expire at 2026-01-01
        ledger.apply(buy("b1", BOB, "2025-05-01T10:00", "100.00"));      // all 100 expire at 2026-01-01
        ledger.apply(buy("a3", ANN, "2026-02-01T10:00", "250.00"));
        ledger.apply(new LoyaltyEvent.Awarded("a4", ANN, at("2026-03-03T00:00"), 88, "birthday"));
        ledger.apply(new LoyaltyEvent.Adjusted("a5", ANN, at("2026-03-04T00:00"), -8, "staff-2", "duplicate bonus"));
        ledger.apply(buy("b2", BOB, "2026-06-01T10:00", "40.00"));
        return ledger;
    }

    @Test
    void aStatementShowsOpeningMovementsAndClosing() {
        Ledger ledger = history();
        Instant from = at("2026-01-01T00:00").minusNanos(1);
        Instant to = at("2026-12-31T00:00");
        assertEquals(new Statement(ANN, from, to, 200, 250, 88, -8, 0, 200, 0, 330), ledger.statement(ANN, from, to));
        // the expiry at the first instant of 2026 falls in the year's statement, not before
        assertEquals(new Statement(ANN, at("2025-01-01T00:00"), from, 0, 500, 0, 0, 300, 0, 0, 200),
                ledger.statement(ANN, at("2025-01-01T00:00"), from));
        assertThrows(IllegalArgumentException.class, () -> ledger.statement(ANN, to, from));
    }

    @Test
    void liabilityIsOutstandingPointsTimesTheCostPerPoint() {
        Ledger ledger = history();
        Instant asOf = at("2026-12-31T00:00");
        assertEquals(330 + 40, ledger.outstanding(asOf));
        assertEquals(Money.of("3.7000", "CNY"), ledger.liability(asOf, Money.of("0.0100", "CNY")));
    }

    @Test
    void breakageIsExpiredOverRedeemedPlusExpired() {
        Ledger ledger = history();
        assertTrue(ledger.breakageRate(at("2025-02-28T00:00")).isEmpty());
        assertEquals(0.0, ledger.breakageRate(at("2025-12-31T00:00")).getAsDouble());
        // 300 redeemed, 200 + 100 expired: 300 / 600
        assertEquals(0.5, ledger.breakageRate(at("2026-01-01T00:00")).getAsDouble(), 1e-15);
    }

    @Test
    void anAccountWithoutEventsIsEmptyInTheBaseTier() {
        Account a = history().account(io.crmkit.core.customer.CustomerId.of("c-9"),
                at("2026-01-01T00:00"));
        assertEquals(0, a.balance());
        assertEquals("Member", a.tier().tier());
        assertEquals("Member is the only tier", a.tier().outlook());
    }
}
