package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One rung of a program's tier ladder.
 *
 * @param name the tier's name, non-blank
 * @param qualifyingPoints the window's qualifying points that reach the tier, at least 0 (0 only for
 *        the bottom, base tier)
 * @param multiplier the earning multiplier of members holding the tier, positive (1 = none)
 */
public record LoyaltyTier(String name, long qualifyingPoints, BigDecimal multiplier) {

    /**
     * Validates the tier.
     *
     * @param name the tier's name, non-blank
     * @param qualifyingPoints the threshold, at least 0
     * @param multiplier the earning multiplier, positive
     * @throws IllegalArgumentException if a field is out of range
     */
    public LoyaltyTier {
        requireNonNull(name, "name");
        requireNonNull(multiplier, "multiplier");
        checkArgument(!name.isBlank(), "tier name '%s' is blank", name);
        checkArgument(qualifyingPoints >= 0, "tier %s qualifyingPoints %s is negative: it must be 0 or more", name, qualifyingPoints);
        checkArgument(multiplier.signum() > 0, "tier %s multiplier %s is not positive", name, multiplier);
    }

    /**
     * Returns a tier without an earning multiplier.
     *
     * @param name the tier's name
     * @param qualifyingPoints the threshold, at least 0
     * @return the tier
     * @throws IllegalArgumentException if a field is out of range
     */
    public static LoyaltyTier of(String name, long qualifyingPoints) {
        return new LoyaltyTier(name, qualifyingPoints, BigDecimal.ONE);
    }
}
