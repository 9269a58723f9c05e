package io.crmkit.scoring.tier;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * Where a customer stands on a {@link TierPolicy} ladder and why: the tier (empty when the
 * ladder has no base tier and no tier's criteria hold), the criteria that placed the customer
 * there with the customer's values, and for the next tier up what is still missing, e.g.
 * {@code needs assets+loans ≥ 8,000,000, has 6,200,000}.
 *
 * @param tier the tier's name, empty if the customer qualifies for none
 * @param held the criteria that held for the tier, with the customer's value, e.g. {@code assets ≥ 100,000 (has 620,000)}
 * @param nextTier the tier directly above, empty at the top
 * @param missing what the customer lacks for the next tier: unmet criteria as {@code needs …, has …}
 */
public record TierPlacement(Optional<String> tier, List<String> held, Optional<String> nextTier, List<String> missing) {

    /**
     * Copies the lists.
     *
     * @param tier the tier's name, empty if the customer qualifies for none
     * @param held the criteria that held for the tier, with the customer's value
     * @param nextTier the tier directly above, empty at the top
     * @param missing what the customer lacks for the next tier
     */
    public TierPlacement {
        requireNonNull(tier, "tier");
        requireNonNull(nextTier, "nextTier");
        held = ImmutableList.copyOf(held);
        missing = ImmutableList.copyOf(missing);
    }

    /**
     * Returns one line saying why, e.g.
     * {@code Platinum: assets ≥ 1,000,000 (has 2,400,000); for Diamond needs assets ≥ 5,000,000, has 2,400,000}.
     *
     * @return the explanation
     */
    public String reason() {
        StringBuilder s = new StringBuilder(tier.orElse("no tier"));
        s.append(": ").append(held.isEmpty() ? (tier.isPresent() ? "base tier" : "no tier's criteria hold") : String.join(", ", held));
        nextTier.ifPresent(next -> s.append("; for ").append(next).append(' ').append(String.join(" and ", missing)));
        return s.toString();
    }
}
