package io.crmkit.loyalty;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A member's tier at an instant and why, with what is needed to keep or reach a tier and by when,
 * e.g. {@code needs 1,200 more qualifying points by 2026-12-31 to keep Gold}.
 *
 * @param tier the tier held
 * @param qualifyingPoints the qualifying points in the window containing the instant
 * @param windowStart the first day of that window (for a rolling window, the day 12 months before)
 * @param windowEnd the last day of that window (for a rolling window, the instant's day)
 * @param heldUntil the last day the tier is held without further qualifying points; empty for the
 *        base tier
 * @param reason how the member came to hold the tier
 * @param outlook what is needed to keep the tier or reach the next, and by when
 */
public record TierStatus(String tier, long qualifyingPoints, LocalDate windowStart, LocalDate windowEnd,
        Optional<LocalDate> heldUntil, String reason, String outlook) {
}
