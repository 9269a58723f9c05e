package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of {@link Relationship#review}, whatever the interactions and purchases. */
class RelationshipReviewTest {

    private static final CustomerId C = CustomerId.of("c-1");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Relationship relationship(int level, int changeDay, int laterLevel) {
        RelationshipLevel[] levels = RelationshipLevel.values();
        return Relationship.begin(C, levels[level], Relationship.Zone.of(RelationshipLevel.ACCOUNTABLE,
                RelationshipLevel.PROACTIVE), START).withLevel(levels[laterLevel], START.plus(Duration.ofDays(changeDay)));
    }

    private static List<Interaction> contacts(List<Integer> hours) {
        List<Interaction> list = new ArrayList<>();
        InteractionKind[] kinds = InteractionKind.values();
        for (int h : hours) {
            list.add(Interaction.of(C, kinds[h % kinds.length], h % 3 == 0 ? Direction.INBOUND : Direction.OUTBOUND,
                    START.plus(Duration.ofHours(h)), "agent-1", ""));
        }
        return list;
    }

    private static List<Purchase> sales(List<Integer> hours) {
        return hours.stream().map(h -> Purchase.of(C, START.plus(Duration.ofHours(h)), Money.of("10", "CNY"))).toList();
    }

    @Property
    void everyOwedContactIsExactlyOneOfKeptMissedOrUpcoming(
            @ForAll @IntRange(max = 4) int level, @ForAll @IntRange(max = 200) int changeDay, @ForAll @IntRange(max = 4) int later,
            @ForAll @Size(max = 40) List<@IntRange(max = 6000) Integer> contactHours,
            @ForAll @Size(max = 10) List<@IntRange(max = 6000) Integer> saleHours, @ForAll @IntRange(max = 300) int asOfDay) {
        Instant asOf = START.plus(Duration.ofDays(asOfDay));
        RelationshipReview r = relationship(level, changeDay, later).review(contacts(contactHours), sales(saleHours), asOf);
        r.kept().forEach(c -> assertTrue(c.isKept() && !c.keptAt().orElseThrow().isAfter(asOf), c::toString));
        r.missed().forEach(c -> assertTrue(!c.isKept() && !c.due().isAfter(asOf), c::toString));
        r.upcoming().forEach(c -> assertTrue(!c.isKept() && c.due().isAfter(asOf), c::toString));
        Stream.of(r.kept(), r.missed(), r.upcoming()).flatMap(List::stream).forEach(c -> {
            assertFalse(c.due().isAfter(asOf.plus(Duration.ofDays(ContactPromise.MAX_DAYS))));
            assertFalse(c.from().isAfter(asOf), c::toString);
        });
        assertFalse(r.practisedLevel().isAbove(r.level()));
        if (r.missed().isEmpty()) {
            assertEquals(r.level(), r.practisedLevel());
        }
    }

    @Property
    void aMissedContactStaysMissedWhenReviewedLater(
            @ForAll @IntRange(max = 4) int level, @ForAll @IntRange(max = 200) int changeDay, @ForAll @IntRange(max = 4) int later,
            @ForAll @Size(max = 40) List<@IntRange(max = 6000) Integer> contactHours,
            @ForAll @Size(max = 10) List<@IntRange(max = 6000) Integer> saleHours,
            @ForAll @IntRange(max = 300) int asOfDay, @ForAll @IntRange(max = 100) int moreDays) {
        Relationship rel = relationship(level, changeDay, later);
        Instant asOf = START.plus(Duration.ofDays(asOfDay));
        RelationshipReview now = rel.review(contacts(contactHours), sales(saleHours), asOf);
        RelationshipReview then = rel.review(contacts(contactHours), sales(saleHours), asOf.plus(Duration.ofDays(moreDays)));
        assertTrue(then.missed().containsAll(now.missed()));
        assertTrue(then.kept().containsAll(now.kept()));
    }

    @Property
    void anOutboundJointSessionEveryDayKeepsEveryDefaultPromise(@ForAll @IntRange(max = 4) int level,
            @ForAll @Size(max = 10) List<@IntRange(max = 4000) Integer> saleHours, @ForAll @IntRange(max = 170) int asOfDay) {
        List<Interaction> daily = new ArrayList<>();
        for (int d = 0; d <= 180; d++) {
            daily.add(Interaction.of(C, InteractionKind.JOINT_WORK, Direction.OUTBOUND, START.plus(Duration.ofDays(d).plusHours(20)),
                    "agent-1", ""));
            daily.add(Interaction.of(C, InteractionKind.CALL, Direction.OUTBOUND, START.plus(Duration.ofDays(d).plusHours(23)),
                    "agent-1", ""));
        }
        RelationshipReview r = relationship(level, 0, level).review(daily, sales(saleHours),
                START.plus(Duration.ofDays(asOfDay)));
        assertTrue(r.missed().isEmpty(), () -> r.missed().toString());
        assertEquals(r.level(), r.practisedLevel());
    }
}
