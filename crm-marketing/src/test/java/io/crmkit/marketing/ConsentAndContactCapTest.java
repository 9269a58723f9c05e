package io.crmkit.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentAndContactCapTest {

    private static final CustomerId ID = CustomerId.of("c-1");
    private static final Instant CONTACT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void withdrawalAtTheContactInstantForbidsTheContact() {
        ConsentLedger ledger = ConsentLedger.of(List.of(
                ConsentEvent.granted(ID, Channel.EMAIL, Instant.parse("2026-01-01T00:00:00Z")),
                ConsentEvent.withdrawn(ID, Channel.EMAIL, CONTACT)));
        assertFalse(ledger.permits(ID, Channel.EMAIL, CONTACT));
        assertTrue(ledger.permits(ID, Channel.EMAIL, CONTACT.minusNanos(1)));
        assertFalse(ledger.permits(ID, Channel.EMAIL, CONTACT.plusSeconds(3600)));
    }

    @Test
    void consentGivenAtTheContactInstantAllowsIt() {
        ConsentLedger ledger = ConsentLedger.of(List.of(ConsentEvent.granted(ID, Channel.SMS, CONTACT)));
        assertTrue(ledger.permits(ID, Channel.SMS, CONTACT));
        assertFalse(ledger.permits(ID, Channel.SMS, CONTACT.minusNanos(1)));
    }

    @Test
    void aWithdrawalAndAGrantAtTheSameInstantLeaveNoConsent() {
        List<ConsentEvent> events = new ArrayList<>(List.of(
                ConsentEvent.withdrawn(ID, Channel.EMAIL, CONTACT), ConsentEvent.granted(ID, Channel.EMAIL, CONTACT)));
        assertFalse(ConsentLedger.of(events).permits(ID, Channel.EMAIL, CONTACT));
        Collections.reverse(events);
        assertFalse(ConsentLedger.of(events).permits(ID, Channel.EMAIL, CONTACT));
    }

    @Test
    void consentIsPerChannelAndOptIn() {
        ConsentLedger ledger = ConsentLedger.of(List.of(ConsentEvent.granted(ID, Channel.EMAIL, CONTACT.minusSeconds(60))));
        assertTrue(ledger.permits(ID, Channel.EMAIL, CONTACT));
        assertFalse(ledger.permits(ID, Channel.SMS, CONTACT));
        assertFalse(ledger.permits(CustomerId.of("c-2"), Channel.EMAIL, CONTACT));
        assertFalse(ConsentLedger.empty().permits(ID, Channel.EMAIL, CONTACT));
    }

    @Test
    void regrantingAfterAWithdrawalRestoresConsentFromThatInstant() {
        Instant again = CONTACT.plusSeconds(10);
        ConsentLedger ledger = ConsentLedger.of(List.of(
                ConsentEvent.granted(ID, Channel.EMAIL, CONTACT.minusSeconds(100)),
                ConsentEvent.granted(ID, Channel.EMAIL, again),
                ConsentEvent.withdrawn(ID, Channel.EMAIL, CONTACT)));
        assertFalse(ledger.permits(ID, Channel.EMAIL, again.minusNanos(1)));
        assertTrue(ledger.permits(ID, Channel.EMAIL, again));
        assertEquals(3, ledger.history(ID, Channel.EMAIL).size());
    }

    @Test
    void theNthContactInThePeriodIsAllowedAndTheNextIsNot() {
        ContactCap twoAWeek = ContactCap.of(2, Duration.ofDays(7));
        ContactHistory one = ContactHistory.of(List.of(
                MarketingContact.of(ID, "a", Channel.EMAIL, CONTACT.minus(Duration.ofDays(3)))));
        ContactHistory two = ContactHistory.of(List.of(
                MarketingContact.of(ID, "a", Channel.EMAIL, CONTACT.minus(Duration.ofDays(3))),
                MarketingContact.of(ID, "b", Channel.SMS, CONTACT.minus(Duration.ofDays(1)))));
        // one earlier contact: this would be the 2nd of the period, allowed
        assertEquals(1, one.countInPeriod(ID, CONTACT, twoAWeek));
        // two earlier contacts, from two campaigns on two channels: this would be the 3rd, refused
        assertEquals(2, two.countInPeriod(ID, CONTACT, twoAWeek));
    }

    @Test
    void aContactExactlyOnePeriodAgoHasLeftTheWindow() {
        ContactCap oneADay = ContactCap.ONE_A_DAY;
        ContactHistory h = ContactHistory.of(List.of(MarketingContact.of(ID, "a", Channel.PUSH, CONTACT.minus(Duration.ofDays(1)))));
        assertEquals(0, h.countInPeriod(ID, CONTACT, oneADay));
        assertEquals(1, h.countInPeriod(ID, CONTACT.minusNanos(1), oneADay));
    }

    @Test
    void contactsAtTheInstantCountAndLaterOnesDoNot() {
        ContactHistory h = ContactHistory.of(List.of(
                MarketingContact.of(ID, "a", Channel.PUSH, CONTACT),
                MarketingContact.of(ID, "b", Channel.PUSH, CONTACT.plusSeconds(1))));
        assertEquals(1, h.countInPeriod(ID, CONTACT, ContactCap.ONE_A_DAY));
    }

    @Test
    void theDealerManualsCapIsOnePromotionADay() {
        assertEquals(1, ContactCap.ONE_A_DAY.maxContacts());
        assertEquals(Duration.ofHours(24), ContactCap.ONE_A_DAY.period());
        assertEquals("at most 1 contact per PT24H", ContactCap.ONE_A_DAY.toString());
        assertThrows(IllegalArgumentException.class, () -> ContactCap.of(0, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ContactCap.of(1, Duration.ZERO));
    }
}
