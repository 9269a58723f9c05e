package io.crmkit.loyalty;

import static io.crmkit.loyalty.Fixtures.ANN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An event outside the years 1 to 9999 is refused when it is made, so it never enters the journal:
 * a purchase at +1000000000-06-30 was applied and then threw DateTimeException from the expiry
 * calendar on every replay of the member (the kind of review s24, finding 1).
 */
class EventInstantRangeTest {

    static final String YEARS = ": an instant must lie in the years 1 to 9999 (UTC)";

    @Test
    void everyKindOfEventOutsideTheYears1To9999IsRefusedWhenMade() {
        Instant late = Instant.parse("+1000000000-06-30T00:00:00Z");
        Instant early = Instant.parse("0000-12-31T23:59:59Z");
        assertEquals("event e1 at +1000000000-06-30T00:00:00Z" + YEARS, assertThrows(IllegalArgumentException.class,
                () -> LoyaltyEvent.purchase("e1", Purchase.of(ANN, late, Money.of("100", "CNY")), null)).getMessage());
        assertEquals("event e2 at 0000-12-31T23:59:59Z" + YEARS, assertThrows(IllegalArgumentException.class,
                () -> new LoyaltyEvent.Refunded("e2", ANN, early, "e1", Money.of("1", "CNY"))).getMessage());
        assertEquals("event e3 at +10000-01-01T00:00:00Z" + YEARS, assertThrows(IllegalArgumentException.class,
                () -> new LoyaltyEvent.Redeemed("e3", ANN, Instant.parse("+10000-01-01T00:00:00Z"), 5)).getMessage());
        assertEquals("event e4 at +10000-01-01T00:00:00Z" + YEARS, assertThrows(IllegalArgumentException.class,
                () -> new LoyaltyEvent.Awarded("e4", ANN, Instant.parse("+10000-01-01T00:00:00Z"), 5, "welcome"))
                .getMessage());
        assertEquals("event e5 at 0000-12-31T23:59:59Z" + YEARS, assertThrows(IllegalArgumentException.class,
                () -> new LoyaltyEvent.Adjusted("e5", ANN, early, 5, "li.na", "goodwill")).getMessage());
    }

    @Test
    void theLastInstantIsAppliedAndItsLotExpiresInTheYear10000() {
        Ledger ledger = Ledger.inMemory(Fixtures.program().pointsPerUnit(BigDecimal.ONE)
                .expiry(ExpiryPolicy.rolling(12)).build());
        ledger.apply(LoyaltyEvent.purchase("e1", Purchase.of(ANN, LoyaltyEvent.LATEST, Money.of("100", "CNY")), null));
        ledger.apply(LoyaltyEvent.purchase("e0", Purchase.of(ANN, LoyaltyEvent.EARLIEST, Money.of("7", "CNY")), null));
        // the year-1 lot expired in year 2; the 100 points earned at the last instant are there
        assertEquals(100, ledger.account(ANN, LoyaltyEvent.LATEST).balance());
    }
}
