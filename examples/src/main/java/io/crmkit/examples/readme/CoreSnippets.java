package io.crmkit.examples.readme;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NationalId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.relationship.Bond;
import io.crmkit.core.relationship.Relationship;
import io.crmkit.core.relationship.RelationshipLevel;
import io.crmkit.core.relationship.RelationshipLevels;
import io.crmkit.core.relationship.RelationshipLevels.CustomerCount;
import io.crmkit.core.relationship.RelationshipLevels.Margin;
import io.crmkit.core.relationship.RelationshipReview;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The README snippets of this area, compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class CoreSnippets {

    private CoreSnippets() {
    }

    /** The README's {@code customer-file} snippet. */
    static void customerFile(Clock clock) {
        // tag::customer-file[]
        Customer zhang = Customer.person(CustomerId.of("c-17"), "张伟")
                .nationalId(NationalId.of("110105199003071234"))
                .contactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "138 1234 5678"))
                .open("agent-7", clock);
        Customer moved = zhang.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "13900001111"), "agent-9");
        moved.toString();        // Customer[c-17 PERSON 张**, nationalId 110***********1234, contacts [MOBILE 139****1111], v2]
        moved.history().get(1);  // 2026-02-04T09:00:00Z v2 agent-9 mobile: 138****5678 -> 139****1111
        // end::customer-file[]
    }

    /** The README's {@code relationship-review} snippet. */
    static void relationshipReview(CustomerId id, Instant began, List<Interaction> interactions, List<Purchase> purchases, Instant asOf) {
        // tag::relationship-review[]
        RelationshipLevels.recommend(CustomerCount.MANY, Margin.LOW).levels();   // [BASIC, REACTIVE]
        Relationship r = Relationship.begin(id, RelationshipLevel.ACCOUNTABLE,
                Relationship.Zone.of(RelationshipLevel.ACCOUNTABLE, RelationshipLevel.PROACTIVE), began)
                .withBond(Bond.of(Bond.Type.FINANCIAL, began, "loyalty points"));
        RelationshipReview review = r.review(interactions, purchases, asOf);
        review.missed();         // promised contacts whose due date passed, with the due dates
        review.outOfZone();      // true when the level, or the level actually practised, left the intended zone
        // end::relationship-review[]
    }
}
