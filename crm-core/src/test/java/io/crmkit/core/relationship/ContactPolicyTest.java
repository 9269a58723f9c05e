package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    @Test
    void theDefaultsAreCumulativeWithSevenThirtyAndFourteenDays() {
        ContactPolicy p = ContactPolicy.defaults();
        assertEquals(List.of(), p.promises(RelationshipLevel.BASIC));
        assertEquals(List.of(), p.promises(RelationshipLevel.REACTIVE));
        assertEquals(List.of(ContactPromise.followUpAfterSale(7)), p.promises(RelationshipLevel.ACCOUNTABLE));
        assertEquals(List.of(ContactPromise.followUpAfterSale(7), ContactPromise.regularContact(30)),
                p.promises(RelationshipLevel.PROACTIVE));
        assertEquals(List.of(ContactPromise.followUpAfterSale(7), ContactPromise.regularContact(30),
                ContactPromise.jointWork(14)), p.promises(RelationshipLevel.PARTNERSHIP));
        assertEquals(ContactPolicy.cumulative(7, 30, 14), p);
    }

    @Test
    void aLevelsPromisesCanBeReplacedWithoutChangingTheOriginal() {
        ContactPolicy reactiveSurvey = ContactPolicy.defaults()
                .withPromises(RelationshipLevel.REACTIVE, ContactPromise.followUpAfterSale(30));
        assertEquals(List.of(ContactPromise.followUpAfterSale(30)), reactiveSurvey.promises(RelationshipLevel.REACTIVE));
        assertEquals(List.of(), ContactPolicy.defaults().promises(RelationshipLevel.REACTIVE));
        assertNotEquals(ContactPolicy.defaults(), reactiveSurvey);
        assertEquals(List.of(), reactiveSurvey.withPromises(RelationshipLevel.REACTIVE).promises(RelationshipLevel.REACTIVE));
    }

    @Test
    void aLevelCannotPromiseTheSameKindTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContactPolicy.defaults()
                .withPromises(RelationshipLevel.PROACTIVE, ContactPromise.regularContact(30), ContactPromise.regularContact(7)));
        assertEquals("promises [regular contact every 30 days, regular contact every 7 days] for level PROACTIVE "
                + "repeat a kind: give at most one promise of each kind", e.getMessage());
    }
}
