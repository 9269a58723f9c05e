package io.crmkit.core.relationship;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@link Relationship#review}: the promised contacts kept, missed and upcoming,
 * the level on paper and the level actually practised, and whether the relationship drifted
 * out of its intended zone.
 *
 * <p>The <em>practised level</em> is the highest level, at or below the current one, none of
 * whose kinds of promise was missed since the current level began: a PROACTIVE relationship
 * that missed a regular contact is practised as ACCOUNTABLE under the default policy. The
 * relationship is {@linkplain #outOfZone() out of its zone} when the current level or the
 * practised level lies outside the intended zone.
 *
 * @param customer the customer
 * @param asOf the review date
 * @param level the level held at {@code asOf}
 * @param practisedLevel the highest level whose promises were all kept since the current level began
 * @param zone the intended zone
 * @param kept the contacts made in time, by due date
 * @param missed the contacts whose due date passed without a qualifying interaction, by due date
 * @param upcoming the contacts owed but not yet due, by due date
 */
public record RelationshipReview(CustomerId customer, Instant asOf, RelationshipLevel level,
        RelationshipLevel practisedLevel, Relationship.Zone zone, List<PromisedContact> kept,
        List<PromisedContact> missed, List<PromisedContact> upcoming) {

    /**
     * Copies the lists.
     *
     * @param customer the customer
     * @param asOf the review date
     * @param level the level held at {@code asOf}
     * @param practisedLevel the practised level
     * @param zone the intended zone
     * @param kept the contacts kept
     * @param missed the contacts missed
     * @param upcoming the contacts not yet due
     */
    public RelationshipReview {
        requireNonNull(customer, "customer");
        requireNonNull(asOf, "asOf");
        requireNonNull(level, "level");
        requireNonNull(practisedLevel, "practisedLevel");
        requireNonNull(zone, "zone");
        kept = ImmutableList.copyOf(kept);
        missed = ImmutableList.copyOf(missed);
        upcoming = ImmutableList.copyOf(upcoming);
    }

    /** @return whether the current or the practised level lies outside the intended zone */
    public boolean outOfZone() {
        return !zone.contains(level) || !zone.contains(practisedLevel);
    }

    /** @return one sentence saying whether the relationship is in its zone, and why */
    public String explanation() {
        if (!zone.contains(level)) {
            return "level " + level + " is outside the intended zone " + zone;
        }
        if (!zone.contains(practisedLevel)) {
            return "level " + level + " is in the intended zone " + zone + ", but " + missed.size()
                    + " missed promised contact(s) mean it is practised as " + practisedLevel + ", outside the zone";
        }
        if (missed.isEmpty()) {
            return "level " + level + " is in the intended zone " + zone + " and every promised contact due so far was kept";
        }
        return "level " + level + " is in the intended zone " + zone + " (practised as " + practisedLevel + "), with "
                + missed.size() + " missed promised contact(s)";
    }
}
