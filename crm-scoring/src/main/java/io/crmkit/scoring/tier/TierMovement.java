package io.crmkit.scoring.tier;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A change of tier found by {@link TierPolicy#track}: on which period's date, from which tier to
 * which (empty for "no tier"), and why ("entered", "qualified for …", "below Gold for 3 periods,
 * grace of 2 used up").
 *
 * @param date the date of the period in which the movement took effect
 * @param from the tier before, empty for the first period or a customer without a tier
 * @param to the tier after, empty if the customer lost every tier
 * @param reason why the customer moved
 */
public record TierMovement(LocalDate date, Optional<String> from, Optional<String> to, String reason) {

    /**
     * Validates the movement.
     *
     * @param date the date of the period in which the movement took effect
     * @param from the tier before
     * @param to the tier after
     * @param reason why the customer moved
     */
    public TierMovement {
        requireNonNull(date, "date");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(reason, "reason");
    }

    /** @return e.g. {@code 2026-03-31 Gold -> Platinum: qualified for Platinum: assets ≥ 1,000,000 (has 1,200,000)} */
    @Override
    public String toString() {
        return date + " " + from.orElse("(none)") + " -> " + to.orElse("(none)") + ": " + reason;
    }
}
