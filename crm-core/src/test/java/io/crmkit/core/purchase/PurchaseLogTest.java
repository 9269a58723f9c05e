package io.crmkit.core.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PurchaseLogTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Purchase buy(String customer, String instant, String amount) {
        return Purchase.of(CustomerId.of(customer), Instant.parse(instant), Money.of(amount, "CNY"));
    }

    @Test
    void theZoneDecidesTheDayAndTheAsOfDateEndsAtItsLastInstant() {
        PurchaseLog log = PurchaseLog.of(List.of(buy("a", "2026-01-01T20:00:00Z", "1.00"),
                buy("b", "2026-01-01T15:59:59Z", "2.00"), buy("a", "2026-01-01T16:00:00Z", "3.00")), SHANGHAI);
        assertEquals(List.of(CustomerId.of("a"), CustomerId.of("b")), log.customers());
        assertEquals(LocalDate.of(2026, 1, 2).toEpochDay(), log.epochDay(0), "20:00Z is already 2 January in Shanghai");
        assertEquals(LocalDate.of(2026, 1, 1).toEpochDay(), log.epochDay(1));
        Instant end = log.endOf(LocalDate.of(2026, 1, 1));
        assertEquals(Instant.parse("2026-01-01T15:59:59.999999999Z"), end);
        PurchaseLog upTo = log.upTo(end);
        assertEquals(1, upTo.size());
        assertEquals(CustomerId.of("b"), upTo.customer(0));
        assertEquals(new BigDecimal("2.00"), upTo.amount(0));
    }

    @Test
    void aLogHoldsOneCurrency() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PurchaseLog.of(List.of(
                buy("a", "2026-01-01T00:00:00Z", "1.00"),
                Purchase.of(CustomerId.of("b"), Instant.parse("2026-01-02T00:00:00Z"), Money.of("100", "JPY")))));
        assertEquals("purchases mix currencies CNY and JPY (customer b): a purchase log holds one currency; convert or "
                + "split it first", e.getMessage());
    }

    @Test
    void instantsAndDatesOutsideTheRangeAreRefusedNamingFieldValueAndRule() {
        // issue 10 §3: a purchase in year +999,999,999 gave "integer overflow", an as-of year of
        // -6,000,000 "Index 0 out of bounds"
        Instant far = LocalDate.of(999_999_999, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PurchaseLog.of(List.of(
                Purchase.of(CustomerId.of("a"), far, Money.of("1", "CNY")))));
        assertEquals("time of purchase by customer a +999999999-01-01T00:00:00Z is out of range: purchase instants "
                + "lie from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z", e.getMessage());
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
                () -> PurchaseLog.endOf(LocalDate.of(-6_000_000, 1, 1), ZoneOffset.UTC));
        assertEquals("asOf -6000000-01-01 is out of range: as-of dates lie from 0001-01-01 to 9999-12-31",
                date.getMessage());
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999999Z"),
                PurchaseLog.endOf(PurchaseLog.LATEST_DATE, ZoneOffset.UTC));
        assertTrue(PurchaseLog.endOf(PurchaseLog.LATEST_DATE, ZoneId.of("Pacific/Kiritimati")).isBefore(PurchaseLog.LATEST));
    }

    @Property
    void aRowCountsAsOfAnInstantExactlyWhenItIsNotAfterIt(@ForAll("rows") List<Instant> times,
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long asOfSecond,
            @ForAll("zones") ZoneId zone) {
        PurchaseLog.Builder b = PurchaseLog.builder(zone);
        for (int i = 0; i < times.size(); i++) {
            b.add(CustomerId.of("c" + i % 3), times.get(i), Money.of("1.00", "EUR"));
        }
        PurchaseLog log = b.build();
        Instant asOf = Instant.ofEpochSecond(asOfSecond);
        List<Instant> expected = new ArrayList<>();
        for (Instant t : times) {
            if (!t.isAfter(asOf)) {
                expected.add(t);
            }
        }
        PurchaseLog upTo = log.upTo(asOf);
        List<Instant> actual = new ArrayList<>();
        for (int i = 0; i < upTo.size(); i++) {
            actual.add(upTo.time(i));
            assertEquals(LocalDate.ofInstant(upTo.time(i), zone).toEpochDay(), upTo.epochDay(i));
        }
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<List<Instant>> rows() {
        Arbitrary<Instant> near = Combinators.combine(Arbitraries.longs().between(1_700_000_000L, 1_800_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(PurchaseLog.EARLIEST.getEpochSecond(),
                PurchaseLog.LATEST.getEpochSecond()).map(Instant::ofEpochSecond);
        return Arbitraries.oneOf(near, anywhere, Arbitraries.of(PurchaseLog.EARLIEST, PurchaseLog.LATEST)).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneOffset.UTC, SHANGHAI, ZoneId.of("America/New_York"), ZoneId.of("Pacific/Kiritimati"),
                ZoneOffset.ofHours(-18), ZoneOffset.ofHours(18));
    }

    @Property
    void everyInstantOutsideTheRangeIsRefusedAndEveryInstantInsideAccepted(@ForAll long epochSecond) {
        Instant t = Instant.ofEpochSecond(Math.max(Math.min(epochSecond, Instant.MAX.getEpochSecond()),
                Instant.MIN.getEpochSecond()));
        boolean inside = !t.isBefore(PurchaseLog.EARLIEST) && !t.isAfter(PurchaseLog.LATEST);
        if (inside) {
            assertEquals(1, PurchaseLog.of(List.of(Purchase.of(CustomerId.of("a"), t, Money.of("1", "CNY")))).size());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PurchaseLog.of(List.of(Purchase.of(CustomerId.of("a"), t, Money.of("1", "CNY")))));
            assertTrue(e.getMessage().contains("is out of range"), e.getMessage());
        }
    }
}
