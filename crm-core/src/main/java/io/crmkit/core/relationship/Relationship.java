package io.crmkit.core.relationship;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The relationship a seller keeps with one customer: its {@link RelationshipLevel} with the
 * dated history of levels, the intended zone the level should stay in (docs/domain.md §2: "monitors
 * and adjusts it so the relationship stays in its intended zone"), the contacts each level
 * promises ({@link ContactPolicy}), and the bonds that tie the customer (Berry and
 * Parasuraman). Immutable: every change returns a new relationship.
 *
 * <p>{@link #review} checks the promised contacts against what happened and tells whether the
 * relationship drifted out of its zone.
 *
 * <pre>{@code
 * Relationship r = Relationship.begin(CustomerId.of("c-17"), RelationshipLevel.ACCOUNTABLE,
 *         Relationship.Zone.of(RelationshipLevel.ACCOUNTABLE, RelationshipLevel.PROACTIVE), Instant.parse("2026-01-01T00:00:00Z"));
 * RelationshipReview review = r.review(interactions, purchases, Instant.parse("2026-04-01T00:00:00Z"));
 * }</pre>
 */
public final class Relationship {

    /**
     * One entry of the level history: the level held from an instant until the next entry.
     *
     * @param level the level
     * @param since when the relationship moved to it
     */
    public record LevelChange(RelationshipLevel level, Instant since) {

        /**
         * Validates the entry.
         *
         * @param level the level
         * @param since when the relationship moved to it
         */
        public LevelChange {
            requireNonNull(level, "level");
            requireNonNull(since, "since");
        }
    }

    /**
     * The range of levels the company intends for this relationship: the lowest and the highest
     * it accepts, both inclusive.
     *
     * @param lowest the lowest acceptable level
     * @param highest the highest acceptable level, not below {@code lowest}
     */
    public record Zone(RelationshipLevel lowest, RelationshipLevel highest) {

        /**
         * Validates the zone.
         *
         * @param lowest the lowest acceptable level
         * @param highest the highest acceptable level
         * @throws IllegalArgumentException if {@code highest} is below {@code lowest}
         */
        public Zone {
            requireNonNull(lowest, "lowest");
            requireNonNull(highest, "highest");
            checkArgument(!lowest.isAbove(highest),
                    "zone lowest %s is above highest %s: give the lowest acceptable level first", lowest, highest);
        }

        /**
         * Returns a zone.
         *
         * @param lowest the lowest acceptable level
         * @param highest the highest acceptable level
         * @return the zone
         * @throws IllegalArgumentException if {@code highest} is below {@code lowest}
         */
        public static Zone of(RelationshipLevel lowest, RelationshipLevel highest) {
            return new Zone(lowest, highest);
        }

        /**
         * Tells whether a level lies in the zone.
         *
         * @param level the level
         * @return whether {@code lowest <= level <= highest}
         */
        public boolean contains(RelationshipLevel level) {
            requireNonNull(level, "level");
            return !lowest.isAbove(level) && !level.isAbove(highest);
        }

        /** @return for example {@code ACCOUNTABLE..PROACTIVE} */
        @Override
        public String toString() {
            return lowest + ".." + highest;
        }
    }

    private final CustomerId customer;
    private final ImmutableList<LevelChange> levels;
    private final Zone zone;
    private final ImmutableList<Bond> bonds;
    private final ContactPolicy policy;

    private Relationship(CustomerId customer, ImmutableList<LevelChange> levels, Zone zone, ImmutableList<Bond> bonds,
            ContactPolicy policy) {
        this.customer = customer;
        this.levels = levels;
        this.zone = zone;
        this.bonds = bonds;
        this.policy = policy;
    }

    /**
     * Begins a relationship at a level, with the default contact policy and no bonds.
     *
     * @param customer the customer
     * @param level the first level; it may lie outside the zone (the company means to move it)
     * @param zone the intended zone
     * @param since when the relationship began
     * @return the relationship
     */
    public static Relationship begin(CustomerId customer, RelationshipLevel level, Zone zone, Instant since) {
        requireNonNull(customer, "customer");
        requireNonNull(zone, "zone");
        return new Relationship(customer, ImmutableList.of(new LevelChange(level, since)), zone, ImmutableList.of(),
                ContactPolicy.defaults());
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return when the relationship began */
    public Instant began() {
        return levels.get(0).since();
    }

    /** @return the latest level */
    public RelationshipLevel level() {
        return levels.get(levels.size() - 1).level();
    }

    /**
     * Returns the level held at an instant.
     *
     * @param instant the instant, not before the relationship began
     * @return the level then
     * @throws IllegalArgumentException if the instant is before the relationship began
     */
    public RelationshipLevel levelAt(Instant instant) {
        checkNotBeforeStart("instant", instant);
        RelationshipLevel level = levels.get(0).level();
        for (LevelChange c : levels) {
            if (!c.since().isAfter(instant)) {
                level = c.level();
            }
        }
        return level;
    }

    /** @return every level held, oldest first; the first entry is the start of the relationship */
    public List<LevelChange> levelHistory() {
        return levels;
    }

    /** @return the intended zone */
    public Zone zone() {
        return zone;
    }

    /** @return the bonds recorded, in the order recorded */
    public List<Bond> bonds() {
        return bonds;
    }

    /** @return the deepest bond level recorded: 0 without bonds, else 1 financial, 2 social, 3 structural */
    public int bondLevel() {
        return bonds.stream().mapToInt(b -> b.type().level()).max().orElse(0);
    }

    /** @return the contacts each level promises */
    public ContactPolicy policy() {
        return policy;
    }

    /**
     * Moves the relationship to a level from an instant on; the history keeps the earlier levels.
     *
     * @param level the new level
     * @param since when it takes effect, not before the latest entry of the history
     * @return the changed relationship, or this one if the level is already current
     * @throws IllegalArgumentException if {@code since} is before the latest level change
     */
    public Relationship withLevel(RelationshipLevel level, Instant since) {
        requireNonNull(level, "level");
        requireNonNull(since, "since");
        Instant last = levels.get(levels.size() - 1).since();
        checkArgument(!since.isBefore(last),
                "since %s of level %s for customer %s is before the latest level change %s: the history is append-only",
                since, level, customer, last);
        if (level == level()) {
            return this;
        }
        return new Relationship(customer,
                ImmutableList.<LevelChange>builder().addAll(levels).add(new LevelChange(level, since)).build(), zone,
                bonds, policy);
    }

    /**
     * Sets the intended zone.
     *
     * @param newZone the zone
     * @return the changed relationship
     */
    public Relationship withZone(Zone newZone) {
        return new Relationship(customer, levels, requireNonNull(newZone, "zone"), bonds, policy);
    }

    /**
     * Sets the contact policy the review checks against.
     *
     * @param newPolicy the policy
     * @return the changed relationship
     */
    public Relationship withPolicy(ContactPolicy newPolicy) {
        return new Relationship(customer, levels, zone, bonds, requireNonNull(newPolicy, "policy"));
    }

    /**
     * Records a bond.
     *
     * @param bond the bond, formed no earlier than the relationship began
     * @return the changed relationship
     * @throws IllegalArgumentException if the bond was formed before the relationship began
     */
    public Relationship withBond(Bond bond) {
        requireNonNull(bond, "bond");
        checkNotBeforeStart("bond since", bond.since());
        return new Relationship(customer, levels, zone,
                ImmutableList.<Bond>builder().addAll(bonds).add(bond).build(), policy);
    }

    /**
     * Reviews the relationship as of an instant: every contact promised from the start until
     * {@code asOf} is listed as kept, missed (its due date passed without a qualifying
     * interaction) or upcoming (not yet due and not yet kept), and the review tells whether the
     * relationship drifted out of its intended zone.
     *
     * <p>Rules: a level's promises bind while the level is held. An after-sale follow-up is owed
     * for every purchase booked to this customer while the level holds, due
     * {@code days} after the sale; an interaction at or after the sale and before the due date keeps it.
     * Regular contact and joint work are owed in consecutive periods of {@code days} days starting
     * when the level began; a period cut short by a level change is listed as kept if it was kept
     * before the change, and otherwise not judged. Interactions and
     * purchases of other customers, and those after {@code asOf}, are ignored.
     *
     * @param interactions the interactions, in any order
     * @param purchases the purchases, in any order
     * @param asOf the review date, not before the relationship began
     * @return the review
     * @throws IllegalArgumentException if {@code asOf} is before the relationship began
     */
    public RelationshipReview review(Collection<Interaction> interactions, Collection<Purchase> purchases, Instant asOf) {
        requireNonNull(interactions, "interactions");
        requireNonNull(purchases, "purchases");
        checkNotBeforeStart("asOf", asOf);
        return PromiseLedger.review(this, interactions, purchases, asOf);
    }

    private void checkNotBeforeStart(String field, Instant instant) {
        requireNonNull(instant, field);
        checkArgument(!instant.isBefore(began()),
                "%s %s is before the relationship with customer %s began at %s: use a date on or after the start",
                field, instant, customer, began());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship r && customer.equals(r.customer) && levels.equals(r.levels)
                && zone.equals(r.zone) && bonds.equals(r.bonds) && policy.equals(r.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, levels, zone, bonds, policy);
    }

    /** @return for example {@code Relationship[c-17 PROACTIVE since 2026-02-01T00:00:00Z, zone ACCOUNTABLE..PROACTIVE, bond level 1]} */
    @Override
    public String toString() {
        return "Relationship[" + customer.masked() + " " + level() + " since " + levels.get(levels.size() - 1).since()
                + ", zone " + zone + ", bond level " + bondLevel() + "]";
    }
}
