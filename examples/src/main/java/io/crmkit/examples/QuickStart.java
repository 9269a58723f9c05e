package io.crmkit.examples;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.relationship.Relationship;
import io.crmkit.core.relationship.RelationshipLevel;
import io.crmkit.core.relationship.RelationshipLevels;
import io.crmkit.core.relationship.RelationshipReview;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The published crm-core API in thirty lines: run it from the IDE. */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Opens a customer file, changes a contact, picks a relationship level and reviews it.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        CustomerId id = CustomerId.of("c-17");
        Customer zhang = Customer.person(id, "张伟")
                .contactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "13812345678")).open("agent-7", clock)
                .withContactPoint(ContactPoint.of(ContactPoint.Kind.EMAIL, "zhang.wei@example.com"), "agent-7");
        System.out.println(zhang);                  // personal data masked: 138****5678, z***@example.com
        zhang.history().forEach(System.out::println);

        RelationshipLevels.Recommendation advice =
                RelationshipLevels.recommend(RelationshipLevels.CustomerCount.MEDIUM, RelationshipLevels.Margin.HIGH);
        System.out.println(advice.reason());        // medium customers, high margin: ... PROACTIVE

        Relationship relationship = Relationship.begin(id, advice.levels().get(0),
                Relationship.Zone.of(RelationshipLevel.ACCOUNTABLE, RelationshipLevel.PROACTIVE),
                Instant.parse("2026-01-01T00:00:00Z"));
        Purchase sale = Purchase.of(id, Instant.parse("2026-01-10T10:00:00Z"), Money.of("199.00", "CNY"));
        Interaction call = Interaction.of(id, InteractionKind.CALL, Direction.OUTBOUND,
                Instant.parse("2026-01-12T09:00:00Z"), "agent-7", "checked the product meets expectations");
        RelationshipReview review = relationship.review(List.of(call), List.of(sale), clock.instant());
        System.out.println("kept " + review.kept().size() + ", missed " + review.missed().size());
        System.out.println(review.explanation());
    }
}
