package io.crmkit.core.relationship;

import static io.crmkit.core.relationship.RelationshipLevel.ACCOUNTABLE;
import static io.crmkit.core.relationship.RelationshipLevel.BASIC;
import static io.crmkit.core.relationship.RelationshipLevel.PARTNERSHIP;
import static io.crmkit.core.relationship.RelationshipLevel.PROACTIVE;
import static io.crmkit.core.relationship.RelationshipLevel.REACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationshipTest {

    private static final CustomerId ZHANG = CustomerId.of("c-17");
    private static final CustomerId OTHER = CustomerId.of("c-99");
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Relationship.Zone ACCOUNTABLE_TO_PROACTIVE = Relationship.Zone.of(ACCOUNTABLE, PROACTIVE);

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Purchase sale(CustomerId who, String when) {
        return Purchase.of(who, at(when), Money.of("199.00", "CNY"));
    }

    private static Interaction contact(CustomerId who, InteractionKind kind, Direction direction, String when) {
        return Interaction.of(who, kind, direction, at(when), "agent-7", "");
    }

    private static Interaction call(String when) {
        return contact(ZHANG, InteractionKind.CALL, Direction.OUTBOUND, when);
    }

    @Test
    void anAccountableRelationshipKeepsOneFollowUpAndMissesTheOtherSoItDriftsBelowItsZone() {
        Relationship r = Relationship.begin(ZHANG, ACCOUNTABLE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        List<Purchase> sales = List.of(sale(ZHANG, "2026-02-01T15:00:00Z"), sale(ZHANG, "2026-01-10T10:00:00Z"));
        List<Interaction> contacts = List.of(call("2026-01-12T09:00:00Z"),
                contact(ZHANG, InteractionKind.CALL, Direction.INBOUND, "2026-02-03T09:00:00Z"));

        RelationshipReview review = r.review(contacts, sales, at("2026-03-01T00:00:00Z"));

        ContactPromise followUp = ContactPromise.followUpAfterSale(7);
        assertEquals(List.of(new PromisedContact(followUp, ACCOUNTABLE, at("2026-01-10T10:00:00Z"),
                at("2026-01-17T10:00:00Z"), Optional.of(at("2026-01-12T09:00:00Z")))), review.kept());
        assertEquals(List.of(new PromisedContact(followUp, ACCOUNTABLE, at("2026-02-01T15:00:00Z"),
                at("2026-02-08T15:00:00Z"), Optional.empty())), review.missed());
        assertEquals(List.of(), review.upcoming());
        assertEquals(ACCOUNTABLE, review.level());
        assertEquals(REACTIVE, review.practisedLevel());
        assertTrue(review.outOfZone());
        assertEquals("level ACCOUNTABLE is in the intended zone ACCOUNTABLE..PROACTIVE, but 1 missed promised contact(s) "
                + "mean it is practised as REACTIVE, outside the zone", review.explanation());
    }

    @Test
    void aFollowUpNotYetDueIsUpcomingAndAContactAtTheDeadlineIsTooLate() {
        Relationship r = Relationship.begin(ZHANG, ACCOUNTABLE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        List<Purchase> sales = List.of(sale(ZHANG, "2026-01-10T10:00:00Z"), sale(ZHANG, "2026-02-01T15:00:00Z"));
        List<Interaction> late = List.of(call("2026-01-17T10:00:00Z"));
        RelationshipReview review = r.review(late, sales, at("2026-02-03T00:00:00Z"));
        assertEquals(1, review.missed().size());
        assertEquals(at("2026-02-08T15:00:00Z"), review.upcoming().get(0).due());
        assertTrue(review.kept().isEmpty());
    }

    @Test
    void aProactiveRelationshipOwesOneContactInEveryThirtyDayPeriod() {
        Relationship r = Relationship.begin(ZHANG, PROACTIVE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        List<Interaction> contacts = List.of(contact(ZHANG, InteractionKind.EMAIL, Direction.OUTBOUND, "2026-01-20T08:00:00Z"),
                contact(ZHANG, InteractionKind.EMAIL, Direction.INBOUND, "2026-02-10T08:00:00Z"));

        RelationshipReview review = r.review(contacts, List.of(), at("2026-03-15T00:00:00Z"));

        ContactPromise regular = ContactPromise.regularContact(30);
        assertEquals(List.of(new PromisedContact(regular, PROACTIVE, JAN_1, at("2026-01-31T00:00:00Z"),
                Optional.of(at("2026-01-20T08:00:00Z")))), review.kept());
        assertEquals(List.of(new PromisedContact(regular, PROACTIVE, at("2026-01-31T00:00:00Z"),
                at("2026-03-02T00:00:00Z"), Optional.empty())), review.missed());
        assertEquals(List.of(new PromisedContact(regular, PROACTIVE, at("2026-03-02T00:00:00Z"),
                at("2026-04-01T00:00:00Z"), Optional.empty())), review.upcoming());
        assertEquals(ACCOUNTABLE, review.practisedLevel());
        assertFalse(review.outOfZone());
        assertEquals("level PROACTIVE is in the intended zone ACCOUNTABLE..PROACTIVE (practised as ACCOUNTABLE), "
                + "with 1 missed promised contact(s)", review.explanation());
    }

    @Test
    void aPartnershipCountsJointWorkWhoeverAskedForIt() {
        Relationship r = Relationship.begin(ZHANG, PARTNERSHIP, Relationship.Zone.of(PROACTIVE, PARTNERSHIP), JAN_1)
                .withPolicy(ContactPolicy.cumulative(7, 30, 14));
        List<Interaction> contacts = List.of(contact(ZHANG, InteractionKind.JOINT_WORK, Direction.INBOUND, "2026-01-05T08:00:00Z"),
                contact(ZHANG, InteractionKind.JOINT_WORK, Direction.OUTBOUND, "2026-01-20T08:00:00Z"));
        RelationshipReview review = r.review(contacts, List.of(), at("2026-01-29T00:00:00Z"));
        // the outbound session also keeps the regular-contact promise of the open 30-day period
        assertEquals(List.of(ContactPromise.Kind.JOINT_WORK, ContactPromise.Kind.JOINT_WORK,
                ContactPromise.Kind.REGULAR_CONTACT), review.kept().stream().map(c -> c.promise().kind()).toList());
        assertEquals(List.of(at("2026-01-15T00:00:00Z"), at("2026-01-29T00:00:00Z"), at("2026-01-31T00:00:00Z")),
                review.kept().stream().map(PromisedContact::due).toList());
        assertTrue(review.upcoming().isEmpty());
        assertTrue(review.missed().isEmpty());
        assertEquals(PARTNERSHIP, review.practisedLevel());
        assertEquals("level PARTNERSHIP is in the intended zone PROACTIVE..PARTNERSHIP and every promised contact due so "
                + "far was kept", review.explanation());
    }

    @Test
    void promisesBindOnlyWhileTheirLevelHoldsAndAPeriodCutShortIsNotJudged() {
        Relationship r = Relationship.begin(ZHANG, PROACTIVE, ACCOUNTABLE_TO_PROACTIVE, JAN_1)
                .withLevel(BASIC, at("2026-01-20T00:00:00Z"));
        RelationshipReview review = r.review(List.of(), List.of(sale(ZHANG, "2026-02-01T00:00:00Z")),
                at("2026-04-01T00:00:00Z"));
        assertTrue(review.kept().isEmpty() && review.missed().isEmpty() && review.upcoming().isEmpty());
        assertEquals(BASIC, review.level());
        assertTrue(review.outOfZone());
        assertEquals("level BASIC is outside the intended zone ACCOUNTABLE..PROACTIVE", review.explanation());
    }

    @Test
    void aPeriodCutShortIsListedAsKeptOnlyIfTheContactCameBeforeTheLevelChanged() {
        Relationship r = Relationship.begin(ZHANG, PROACTIVE, ACCOUNTABLE_TO_PROACTIVE, JAN_1)
                .withLevel(BASIC, at("2026-01-20T00:00:00Z"));
        RelationshipReview before = r.review(List.of(call("2026-01-10T00:00:00Z")), List.of(), at("2026-04-01T00:00:00Z"));
        assertEquals(List.of(new PromisedContact(ContactPromise.regularContact(30), PROACTIVE, JAN_1,
                at("2026-01-31T00:00:00Z"), Optional.of(at("2026-01-10T00:00:00Z")))), before.kept());
        RelationshipReview after = r.review(List.of(call("2026-01-25T00:00:00Z")), List.of(), at("2026-04-01T00:00:00Z"));
        assertTrue(after.kept().isEmpty() && after.missed().isEmpty());
    }

    @Test
    void aSaleMadeAtAccountableStillOwesItsFollowUpAfterTheLevelChanges() {
        Relationship r = Relationship.begin(ZHANG, ACCOUNTABLE, ACCOUNTABLE_TO_PROACTIVE, JAN_1)
                .withLevel(PROACTIVE, at("2026-01-12T00:00:00Z"));
        RelationshipReview review = r.review(List.of(call("2026-01-15T00:00:00Z")),
                List.of(sale(ZHANG, "2026-01-10T00:00:00Z")), at("2026-01-20T00:00:00Z"));
        assertEquals(ACCOUNTABLE, review.kept().get(0).level());
        assertEquals(ContactPromise.Kind.FOLLOW_UP_AFTER_SALE, review.kept().get(0).promise().kind());
        assertEquals(ContactPromise.Kind.REGULAR_CONTACT, review.kept().get(1).promise().kind());
    }

    @Test
    void otherCustomersAndEventsAfterTheReviewDateAreIgnored() {
        Relationship r = Relationship.begin(ZHANG, ACCOUNTABLE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        RelationshipReview review = r.review(
                List.of(contact(OTHER, InteractionKind.CALL, Direction.OUTBOUND, "2026-01-11T00:00:00Z"),
                        call("2026-01-16T00:00:00Z")),
                List.of(sale(ZHANG, "2026-01-10T00:00:00Z"), sale(OTHER, "2026-01-10T00:00:00Z"),
                        sale(ZHANG, "2026-01-14T00:00:00Z")),
                at("2026-01-13T00:00:00Z"));
        assertEquals(1, review.upcoming().size());
        assertTrue(review.kept().isEmpty() && review.missed().isEmpty());
        assertEquals(ZHANG, review.customer());
    }

    @Test
    void aReviewDateBeforeTheRelationshipBeganIsRejectedNamingBothDates() {
        Relationship r = Relationship.begin(ZHANG, ACCOUNTABLE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.review(List.of(), List.of(), at("2025-12-31T00:00:00Z")));
        assertEquals("asOf 2025-12-31T00:00:00Z is before the relationship with customer c-17 began at "
                + "2026-01-01T00:00:00Z: use a date on or after the start", e.getMessage());
        assertTrue(r.review(List.of(), List.of(), JAN_1).missed().isEmpty());
    }

    @Test
    void theLevelHistoryIsDatedAndAppendOnly() {
        Relationship r0 = Relationship.begin(ZHANG, REACTIVE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        Relationship r1 = r0.withLevel(ACCOUNTABLE, at("2026-02-01T00:00:00Z"));
        Relationship r2 = r1.withLevel(PROACTIVE, at("2026-03-01T00:00:00Z"));
        assertEquals(List.of(new Relationship.LevelChange(REACTIVE, JAN_1),
                new Relationship.LevelChange(ACCOUNTABLE, at("2026-02-01T00:00:00Z")),
                new Relationship.LevelChange(PROACTIVE, at("2026-03-01T00:00:00Z"))), r2.levelHistory());
        assertEquals(1, r0.levelHistory().size());
        assertEquals(REACTIVE, r2.levelAt(at("2026-01-31T23:59:59Z")));
        assertEquals(ACCOUNTABLE, r2.levelAt(at("2026-02-01T00:00:00Z")));
        assertEquals(PROACTIVE, r2.level());
        assertEquals(JAN_1, r2.began());
        assertSame(r2, r2.withLevel(PROACTIVE, at("2026-04-01T00:00:00Z")));
        assertEquals("since 2026-02-15T00:00:00Z of level BASIC for customer c-17 is before the latest level change "
                + "2026-03-01T00:00:00Z: the history is append-only",
                assertThrows(IllegalArgumentException.class, () -> r2.withLevel(BASIC, at("2026-02-15T00:00:00Z"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r2.levelAt(at("2025-06-01T00:00:00Z")));
    }

    @Test
    void bondsAreRecordedAndTheDeepestGivesTheBondLevel() {
        Relationship r = Relationship.begin(ZHANG, PROACTIVE, ACCOUNTABLE_TO_PROACTIVE, JAN_1);
        assertEquals(0, r.bondLevel());
        Relationship bonded = r.withBond(Bond.of(Bond.Type.FINANCIAL, at("2026-01-05T00:00:00Z"), "loyalty points"))
                .withBond(Bond.of(Bond.Type.STRUCTURAL, at("2026-02-01T00:00:00Z"), "shares daily sales data"))
                .withBond(Bond.of(Bond.Type.SOCIAL, at("2026-03-01T00:00:00Z"), "birthday calls"));
        assertEquals(3, bonded.bondLevel());
        assertEquals(3, bonded.bonds().size());
        assertEquals(0, r.bonds().size());
        assertEquals("Relationship[c-17 PROACTIVE since 2026-01-01T00:00:00Z, zone ACCOUNTABLE..PROACTIVE, bond level 3]",
                bonded.toString());
        assertThrows(IllegalArgumentException.class,
                () -> r.withBond(Bond.of(Bond.Type.SOCIAL, at("2025-01-01T00:00:00Z"), "met at a fair")));
    }

    @Test
    void theZoneIsOrderedAndCanBeMoved() {
        assertEquals("zone lowest PROACTIVE is above highest REACTIVE: give the lowest acceptable level first",
                assertThrows(IllegalArgumentException.class, () -> Relationship.Zone.of(PROACTIVE, REACTIVE)).getMessage());
        Relationship.Zone z = Relationship.Zone.of(REACTIVE, ACCOUNTABLE);
        assertTrue(z.contains(REACTIVE) && z.contains(ACCOUNTABLE));
        assertFalse(z.contains(BASIC) || z.contains(PROACTIVE));
        Relationship r = Relationship.begin(ZHANG, PROACTIVE, z, JAN_1);
        assertTrue(r.review(List.of(), List.of(), JAN_1).outOfZone());
        assertFalse(r.withZone(ACCOUNTABLE_TO_PROACTIVE).review(List.of(), List.of(), JAN_1).outOfZone());
        assertEquals(r, Relationship.begin(ZHANG, PROACTIVE, z, JAN_1));
        assertEquals(r.hashCode(), Relationship.begin(ZHANG, PROACTIVE, z, JAN_1).hashCode());
        assertEquals(ContactPolicy.defaults(), r.policy());
    }
}
