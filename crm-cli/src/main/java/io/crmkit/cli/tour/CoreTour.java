package io.crmkit.cli.tour;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPoint.Kind;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NationalId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.core.relationship.Bond;
import io.crmkit.core.relationship.PromisedContact;
import io.crmkit.core.relationship.Relationship;
import io.crmkit.core.relationship.RelationshipLevel;
import io.crmkit.core.relationship.RelationshipLevels;
import io.crmkit.core.relationship.RelationshipLevels.CustomerCount;
import io.crmkit.core.relationship.RelationshipLevels.Margin;
import io.crmkit.core.relationship.RelationshipReview;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The crm-core chapter of the tour: a customer file, Kotler's table and a relationship review. */
public final class CoreTour implements TourSection {

    private static final CustomerId ZHANG = CustomerId.of("c-17");

    @Override
    public String title() {
        return "crm-core: the customer file, relationship levels and promised contacts";
    }

    @Override
    public void narrate(PrintWriter out) {
        customerFile(out);
        out.println();
        kotlersTable(out);
        out.println();
        relationshipReview(out);
    }

    private static void customerFile(PrintWriter out) {
        TourClock clock = new TourClock(Instant.parse("2026-01-05T09:00:00Z"));
        Customer v1 = Customer.person(ZHANG, "张伟").birthDate(LocalDate.of(1990, 3, 7)).gender(Customer.Gender.MALE)
                .nationalId(NationalId.of("110105199003071234"))
                .contactPoint(ContactPoint.of(Kind.MOBILE, "138 1234 5678"))
                .contactPoint(ContactPoint.of(Kind.EMAIL, "zhang.wei@example.com"))
                .contactPoint(ContactPoint.of(Kind.POSTAL_ADDRESS, "北京市朝阳区建国路88号 100022"))
                .open("agent-7", clock);
        out.println("The customer file (docs/domain.md §1). Personal data is masked wherever it is printed:");
        out.println("  opened:  " + v1);
        clock.advance(Duration.ofDays(30));
        Customer v3 = v1.withContactPoint(ContactPoint.of(Kind.MOBILE, "139 0000 1111"), "agent-9")
                .plusContactPoint(ContactPoint.of(Kind.EMAIL, "wei.zhang@corp.example.cn"), "agent-9");
        out.println("Thirty days later the customer has a new mobile and a work e-mail; each change is a new version:");
        out.println("  now:     " + v3);
        out.println("  history (when, version, who, which field: old -> new, masked):");
        for (CustomerChange change : v3.history()) {
            out.println("    " + change);
        }
        out.println("  reachable on 2026-01-20 at: " + v3.contactPointsAt(Instant.parse("2026-01-20T00:00:00Z")));
        out.println("  version 1 is unchanged:     " + v1);
    }

    private static void kotlersTable(PrintWriter out) {
        out.println("Kotler's table: which level suits a customer group (crm relationship recommend):");
        out.printf("  %-18s %-13s %-13s %s%n", "customers \\ margin", "high", "medium", "low");
        for (CustomerCount customers : CustomerCount.values()) {
            StringBuilder row = new StringBuilder(String.format("  %-18s", customers.name().toLowerCase(Locale.ROOT)));
            for (Margin margin : Margin.values()) {
                String levels = RelationshipLevels.recommend(customers, margin).levels().stream()
                        .map(RelationshipLevel::name).collect(Collectors.joining(" or "));
                row.append(String.format(" %-13s", levels));
            }
            out.println(row.toString().stripTrailing());
        }
    }

    private static void relationshipReview(PrintWriter out) {
        Relationship r = Relationship.begin(ZHANG, RelationshipLevel.ACCOUNTABLE,
                        Relationship.Zone.of(RelationshipLevel.ACCOUNTABLE, RelationshipLevel.PROACTIVE),
                        Instant.parse("2026-01-01T00:00:00Z"))
                .withBond(Bond.of(Bond.Type.FINANCIAL, Instant.parse("2026-01-10T10:00:00Z"), "loyalty points, 2% rebate"));
        List<Purchase> purchases = List.of(
                Purchase.of(ZHANG, Instant.parse("2026-01-10T10:00:00Z"), Money.of("199.00", "CNY")),
                Purchase.of(ZHANG, Instant.parse("2026-02-01T15:00:00Z"), Money.of("2350.00", "CNY")));
        List<Interaction> interactions = List.of(
                Interaction.of(ZHANG, InteractionKind.CALL, Direction.OUTBOUND, Instant.parse("2026-01-12T09:00:00Z"),
                        "agent-7", "checked the blender meets expectations"),
                Interaction.of(ZHANG, InteractionKind.CALL, Direction.INBOUND, Instant.parse("2026-02-03T09:00:00Z"),
                        "agent-9", "asked about the warranty"));
        out.println("A relationship: " + r);
        out.println("  level " + r.level() + " " + r.level().meaning() + ";");
        out.println("  it promises: " + r.policy().promises(r.level()));
        out.println("  purchases:    " + purchases.stream().map(p -> p.time() + " " + p.amount())
                .collect(Collectors.joining(", ")));
        out.println("  interactions: " + interactions.stream().map(i -> i.time() + " " + i.direction() + " " + i.kind())
                .collect(Collectors.joining(", ")));
        Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
        RelationshipReview review = r.review(interactions, purchases, asOf);
        out.println("Review as of " + asOf + " (the inbound call does not keep an outbound promise):");
        print(out, "kept:  ", review.kept());
        print(out, "missed:", review.missed());
        out.println("  " + review.explanation() + ".");
        out.println("  out of zone: " + review.outOfZone() + " -> schedule the missed follow-up, or move the zone.");
    }

    private static void print(PrintWriter out, String label, List<PromisedContact> contacts) {
        for (PromisedContact c : contacts) {
            out.println("  " + label + " " + c);
        }
    }

    /** A clock the tour moves forward, so the file's history has dates a reader can follow. */
    private static final class TourClock extends Clock {
        private Instant now;

        TourClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
