package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A time-boxed campaign: purchases at instants in [start, end) (and in one of the categories, if
 * any are named) earn bonus points of round(amount × bonusPerUnit) under the program's rounding
 * rule, computed separately from the base points and without tier or category multipliers; a
 * member gets at most {@code capPerCustomer} bonus points from the campaign in all. A refund
 * reverses its share of the bonus but does not give room back under the cap.
 *
 * @param name the campaign's name, non-blank and unique in a program
 * @param start the first instant of the campaign
 * @param end the first instant after the campaign, after start
 * @param bonusPerUnit bonus points per currency unit, positive
 * @param capPerCustomer the most bonus points one member can get, at least 0
 * @param categories the categories that earn the bonus; empty for every purchase
 */
public record Campaign(String name, Instant start, Instant end, BigDecimal bonusPerUnit, long capPerCustomer,
        Set<String> categories) {

    /**
     * Validates the campaign.
     *
     * @param name the campaign's name, non-blank
     * @param start the first instant
     * @param end the first instant after, after start
     * @param bonusPerUnit bonus points per currency unit, positive
     * @param capPerCustomer the per-member cap, at least 0
     * @param categories the categories, empty for all
     * @throws IllegalArgumentException if a field is out of range
     */
    public Campaign {
        requireNonNull(name, "name");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        requireNonNull(bonusPerUnit, "bonusPerUnit");
        categories = ImmutableSet.copyOf(requireNonNull(categories, "categories"));
        checkArgument(!name.isBlank(), "campaign name '%s' is blank", name);
        checkArgument(end.isAfter(start), "campaign %s end %s is not after its start %s", name, end, start);
        checkArgument(bonusPerUnit.signum() > 0, "campaign %s bonusPerUnit %s is not positive", name, bonusPerUnit);
        checkArgument(capPerCustomer >= 0, "campaign %s capPerCustomer %s is negative", name, capPerCustomer);
    }

    /**
     * Returns a campaign on every purchase.
     *
     * @param name the campaign's name
     * @param start the first instant
     * @param end the first instant after
     * @param bonusPerUnit bonus points per currency unit
     * @param capPerCustomer the per-member cap
     * @return the campaign
     * @throws IllegalArgumentException if a field is out of range
     */
    public static Campaign of(String name, Instant start, Instant end, BigDecimal bonusPerUnit, long capPerCustomer) {
        return new Campaign(name, start, end, bonusPerUnit, capPerCustomer, Set.of());
    }

    /**
     * Returns this campaign limited to some categories.
     *
     * @param onlyCategories the categories that earn the bonus, at least one
     * @return the campaign
     * @throws IllegalArgumentException if no category is given
     */
    public Campaign forCategories(String... onlyCategories) {
        checkArgument(onlyCategories.length > 0, "campaign %s: categories is empty", name);
        return new Campaign(name, start, end, bonusPerUnit, capPerCustomer, ImmutableSet.copyOf(onlyCategories));
    }

    /**
     * Whether a purchase earns this campaign's bonus.
     *
     * @param at the purchase's instant
     * @param category the purchase's category, or null if it has none
     * @return true if the instant is in [start, end) and the category matches
     */
    public boolean appliesTo(Instant at, @Nullable String category) {
        return !at.isBefore(start) && at.isBefore(end) && (categories.isEmpty() || categories.contains(category));
    }
}
