package io.crmkit.scoring.value;

/**
 * How a customer's purchase decile moved between two periods, in the words of decile analysis
 * (docs/domain.md §3): superstars, rising stars and fading stars.
 */
public enum DecileTrend {
    /** In the top decile now. */
    SUPERSTAR,
    /** Moved up at least one decile (and is not in the top one). */
    RISING_STAR,
    /** Moved down at least one decile. */
    FADING_STAR,
    /** Stayed in the same decile below the top. */
    STEADY
}
