package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.TestClock;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.PurchaseLog;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A customer id or an actor that looks like a phone number, an identity number or an e-mail
 * address is masked in every {@code toString()} and message; ordinary keys stay readable
 * (docs/domain.md §1).
 */
class IdentifierMaskingTest {

    private static final String MOBILE = "13812345678";

    @Test
    void identifiersThatLookLikePersonalDataAreMaskedAndOthersAreNot() {
        assertEquals("138****5678", PersonalData.maskIdentifier(MOBILE));
        assertEquals("+861****5678", PersonalData.maskIdentifier("+86 138 1234 5678"));
        assertEquals("110****1234", PersonalData.maskIdentifier("110101199003071234"));
        assertEquals("z***@example.com", PersonalData.maskIdentifier("zhang.wei@example.com"));
        assertEquals("C-1001", PersonalData.maskIdentifier("C-1001"));
        assertEquals("agent-7", PersonalData.maskIdentifier("agent-7"));
        assertEquals("0123456789", PersonalData.maskIdentifier("0123456789"));
        assertEquals("138****5678", CustomerId.of(MOBILE).masked());
        assertEquals("138****5678", CustomerId.of(MOBILE).toString(), "toString is the masked form");
        assertEquals(MOBILE, CustomerId.of(MOBILE).value(), "reports print value()");
        assertEquals("C-1001", CustomerId.of("C-1001").toString());
    }

    @Test
    void aCustomerWhoseIdIsAPhoneNumberPrintsItMasked() {
        TestClock clock = TestClock.at("2026-01-05T09:00:00Z");
        Customer li = Customer.person(CustomerId.of(MOBILE), "Li").open("a", clock);
        assertTrue(li.toString().startsWith("Customer[138****5678 PERSON L**"), li.toString());
        Customer moved = li.withContactPoint(ContactPoint.of(ContactPoint.Kind.EMAIL, "li@example.com"), MOBILE);
        String history = moved.history().toString();
        assertFalse(history.contains(MOBILE), history);
        assertTrue(history.contains("v2 138****5678 "), history);
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> li.withName(" ", "a"));
        assertFalse(blank.getMessage().contains(MOBILE), blank.getMessage());
    }

    @Test
    void aPurchaseOutOfRangeNamesItsCustomerMasked() {
        PurchaseLog.Builder log = PurchaseLog.builder(ZoneOffset.UTC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.add(
                CustomerId.of("+86 138 1234 5678"), Instant.parse("0000-01-01T00:00:00Z"), Money.of("5", "CNY")));
        assertTrue(e.getMessage().startsWith("time of purchase by customer +861****5678 0000-01-01T00:00:00Z is out "
                + "of range"), e.getMessage());
    }

    @Test
    void anInteractionPrintsItsCustomerAndActorMasked() {
        Interaction call = Interaction.of(CustomerId.of(MOBILE), InteractionKind.CALL, Direction.OUTBOUND,
                Instant.parse("2026-01-05T09:00:00Z"), "li@example.com", "");
        assertFalse(call.toString().contains(MOBILE), call.toString());
        assertFalse(call.toString().contains("li@example.com"), call.toString());
    }

    @Property
    void noElevenDigitIdentifierIsEverPrintedWhole(@ForAll @LongRange(min = 10_000_000_000L, max = 99_999_999_999L)
            long number) {
        String id = Long.toString(number);
        String shown = PersonalData.maskIdentifier(id);
        assertEquals(id.substring(0, 3) + "****" + id.substring(7), shown);
    }
}
