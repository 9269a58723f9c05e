package io.crmkit.scoring.tier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One rung of a {@link TierPolicy}: a name and the criteria a customer must meet, all of them
 * ({@link Match#ALL_OF}) or at least one ({@link Match#ANY_OF}). A tier without criteria is the
 * base tier that takes every customer no higher tier took; only the bottom rung may be one.
 *
 * @param name the tier's name, non-blank
 * @param match how the criteria combine
 * @param criteria the criteria; empty only for the base tier
 * @serial exclude
 */
public record Tier(String name, Match match, List<Criterion> criteria) implements Serializable {

    /** How a tier's criteria combine. */
    public enum Match {
        /** Every criterion must hold. */
        ALL_OF,
        /** At least one criterion must hold. */
        ANY_OF
    }

    /**
     * Validates the tier.
     *
     * @param name the tier's name, non-blank
     * @param match how the criteria combine
     * @param criteria the criteria; empty only for the base tier
     * @throws IllegalArgumentException if the name is blank
     */
    public Tier {
        requireNonNull(name, "name");
        requireNonNull(match, "match");
        checkArgument(!name.isBlank(), "tier name '%s' is blank: a tier needs a name", name);
        criteria = ImmutableList.copyOf(criteria);
    }

    /** @return whether this is a base tier (no criteria: every customer qualifies) */
    public boolean isBase() {
        return criteria.isEmpty();
    }

    /**
     * Tells whether the customer's metrics qualify for this tier.
     *
     * @param metrics the customer's metrics by name
     * @return whether the criteria hold as combined by {@link #match()}
     * @throws IllegalArgumentException if a metric is missing or not a finite number, or a summed metric
     *         lies beyond the range of a {@code double} (see {@link Criterion#valueOf(Map)})
     */
    public boolean qualifies(Map<String, Double> metrics) {
        if (isBase()) {
            return true;
        }
        return match == Match.ALL_OF
                ? criteria.stream().allMatch(c -> c.holds(metrics))
                : criteria.stream().anyMatch(c -> c.holds(metrics));
    }

    Tier tightened(double band) {
        return band == 0.0 ? this
                : new Tier(name, match, criteria.stream().map(c -> c.tightened(band)).collect(Collectors.toList()));
    }

    /** @return e.g. {@code Diamond: all of assets+loans ≥ 8,000,000, assets ≥ 3,500,000} */
    @Override
    public String toString() {
        if (isBase()) {
            return name + ": base tier";
        }
        return name + ": " + (match == Match.ALL_OF ? "all of " : "any of ")
                + criteria.stream().map(Criterion::toString).collect(Collectors.joining(", "));
    }
}
