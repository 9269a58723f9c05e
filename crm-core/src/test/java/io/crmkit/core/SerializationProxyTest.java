package io.crmkit.core;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NationalId;
import io.crmkit.core.money.Money;
import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §5: every serialisable value of crm-core is read back through its factory, so a
 * patched stream is refused with an {@link InvalidObjectException} naming the rule.
 */
class SerializationProxyTest {

    @Test
    void valuesSurviveARoundTrip() throws Exception {
        Money m = Money.of("199.00", "CNY");
        assertEquals(m, read(write(m)));
        assertEquals("199.00", ((Money) read(write(m))).amount().toPlainString());
        NationalId id = NationalId.of("110105199003071234");
        assertEquals(id, read(write(id)));
        ContactPoint mail = ContactPoint.of(ContactPoint.Kind.EMAIL, "zhang@example.com");
        assertEquals(mail, read(write(mail)));
        assertEquals(CustomerId.of("c-17"), read(write(CustomerId.of("c-17"))));
    }

    @Test
    void aNationalIdWithANulIsRefused() {
        byte[] stream = patch(write(NationalId.of("110105199003071234")), "110105199003071234", "1101051990030\u00001234");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertTrue(e.getMessage().startsWith("NationalId: nationalId 110"), e.getMessage());
        assertTrue(e.getMessage().endsWith("1234 is not an identity number: expected 6 to 32 letters or digits"),
                e.getMessage());
        assertFalse(e.getMessage().contains("0307"), "the number stays masked: " + e.getMessage());
    }

    @Test
    void anEmailWithoutAtIsRefusedAndStaysMasked() {
        byte[] stream = patch(write(ContactPoint.of(ContactPoint.Kind.EMAIL, "zhang@example.com")), "zhang@example.com",
                "zhangXexample.com");
        ObjectStreamException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertTrue(e.getMessage().startsWith("ContactPoint: EMAIL "), e.getMessage());
        assertTrue(e.getMessage().endsWith("is not an e-mail address: expected one @ followed by a dotted domain"),
                e.getMessage());
        assertFalse(e.getMessage().contains("zhangXexample"), e.getMessage());
    }

    @Test
    void moneyInAnUnknownCurrencyOrOutOfRangeIsRefused() {
        byte[] unknown = patch(write(Money.of("1.00", "USD")), "USD", "US$");
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(unknown));
        assertEquals("Money: currency 'US$' is unknown: expected an ISO 4217 code such as CNY, EUR or USD",
                e.getMessage());
        // 1E-58 has scale 58 in the stream; patched to -999999999 it reads 1E+999999999
        byte[] huge = patch(write(Money.of(new BigDecimal("1E-58"), java.util.Currency.getInstance("USD"))), 58,
                -999_999_999);
        InvalidObjectException range = assertThrows(InvalidObjectException.class, () -> read(huge));
        assertEquals("Money: amount 1E+999999999 is out of range: at most 1000 digits before and after the decimal "
                + "point", range.getMessage());
    }

    @Test
    void aRecordIsCheckedByItsConstructor() {
        byte[] stream = patch(write(CustomerId.of("c-17")), "c-17", "c\u000017");
        assertThrows(InvalidObjectException.class, () -> read(stream));
    }

    @Test
    void aContactPeriodSurvivesARoundTripAndAnInvertedPeriodIsRefused() throws Exception {
        java.time.Instant from = java.time.Instant.parse("2026-01-01T00:00:00Z");
        io.crmkit.core.customer.ContactPeriod open = new io.crmkit.core.customer.ContactPeriod(
                ContactPoint.of(ContactPoint.Kind.MOBILE, "138 1234 5678"), from, java.util.Optional.empty());
        assertEquals(open, read(write(open)));
        io.crmkit.core.customer.ContactPeriod closed = new io.crmkit.core.customer.ContactPeriod(open.point(), from,
                java.util.Optional.of(from.plusSeconds(86_400)));
        assertEquals(closed, read(write(closed)));
        // validTo one day after validFrom, patched to one day before: 2026-01-02 -> 2025-12-31 in epoch seconds
        byte[] stream = patch(write(closed), java.nio.ByteBuffer.allocate(8).putLong(from.getEpochSecond() + 86_400).array(),
                java.nio.ByteBuffer.allocate(8).putLong(from.getEpochSecond() - 86_400).array());
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertTrue(e.getMessage().startsWith("ContactPeriod: validTo 2025-12-31T00:00:00Z of MOBILE 138****5678 is before"),
                e.getMessage());
    }

    @Test
    void changeRecordsAndInteractionsAreCheckedByTheirConstructors() {
        io.crmkit.core.customer.CustomerChange change = new io.crmkit.core.customer.CustomerChange(CustomerId.of("c-17"),
                77_777, java.time.Instant.parse("2026-01-01T00:00:00Z"), "agent-7", "mobile", "-", "138****5678");
        byte[] version = patch(write(change), 77_777, 0);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(version));
        assertTrue(e.getCause().getMessage().startsWith("version 0 of a change to customer c-17 is below 1"),
                e.getCause().getMessage());
        io.crmkit.core.interaction.Interaction call = io.crmkit.core.interaction.Interaction.of(CustomerId.of("c-17"),
                io.crmkit.core.interaction.InteractionKind.values()[0], io.crmkit.core.interaction.Direction.values()[0],
                java.time.Instant.parse("2026-01-01T00:00:00Z"), "agent-7", "note");
        byte[] blank = patch(write(call), "agent-7", "       ");
        assertThrows(InvalidObjectException.class, () -> read(blank));
    }
}
