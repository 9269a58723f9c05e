package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactPromiseTest {

    private static Interaction contact(InteractionKind kind, Direction direction) {
        return Interaction.of(CustomerId.of("c-1"), kind, direction, Instant.parse("2026-01-01T00:00:00Z"), "agent-7", "");
    }

    @Test
    void aFollowUpIsKeptOnlyByAnOutboundConversation() {
        ContactPromise.Kind followUp = ContactPromise.Kind.FOLLOW_UP_AFTER_SALE;
        assertTrue(followUp.isKeptBy(contact(InteractionKind.CALL, Direction.OUTBOUND)));
        assertTrue(followUp.isKeptBy(contact(InteractionKind.SURVEY, Direction.OUTBOUND)));
        assertFalse(followUp.isKeptBy(contact(InteractionKind.CALL, Direction.INBOUND)));
        assertFalse(followUp.isKeptBy(contact(InteractionKind.COMPLAINT, Direction.OUTBOUND)));
        assertFalse(followUp.isKeptBy(contact(InteractionKind.LETTER, Direction.OUTBOUND)));
    }

    @Test
    void regularContactCountsNewsLettersAndEventsButJointWorkNeedsJointWork() {
        assertTrue(ContactPromise.Kind.REGULAR_CONTACT.isKeptBy(contact(InteractionKind.LETTER, Direction.OUTBOUND)));
        assertTrue(ContactPromise.Kind.REGULAR_CONTACT.isKeptBy(contact(InteractionKind.EVENT, Direction.OUTBOUND)));
        assertFalse(ContactPromise.Kind.REGULAR_CONTACT.isKeptBy(contact(InteractionKind.EMAIL, Direction.INBOUND)));
        assertTrue(ContactPromise.Kind.JOINT_WORK.isKeptBy(contact(InteractionKind.JOINT_WORK, Direction.INBOUND)));
        assertFalse(ContactPromise.Kind.JOINT_WORK.isKeptBy(contact(InteractionKind.VISIT, Direction.OUTBOUND)));
    }

    @Test
    void promisesPrintTheirDeadlineAndConvertToDays() {
        assertEquals("follow-up after each sale within 7 days", ContactPromise.followUpAfterSale(7).toString());
        assertEquals("regular contact every 30 days", ContactPromise.regularContact(30).toString());
        assertEquals("joint work every 14 days", ContactPromise.jointWork(14).toString());
        assertEquals(Duration.ofDays(14), ContactPromise.jointWork(14).duration());
    }

    @Test
    void daysOutsideOneToTenYearsAreRejected() {
        assertEquals("days 0 of FOLLOW_UP_AFTER_SALE promise is out of range: expected 1 to 3650",
                assertThrows(IllegalArgumentException.class, () -> ContactPromise.followUpAfterSale(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactPromise.regularContact(3651));
    }
}
