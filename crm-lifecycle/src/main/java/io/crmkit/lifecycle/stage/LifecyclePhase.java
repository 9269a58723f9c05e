package io.crmkit.lifecycle.stage;

/**
 * The product-style phases of a customer's life cycle (docs/domain.md §4), read from the trend of
 * their spend.
 */
public enum LifecyclePhase {
    /** New: the first purchase falls in the most recent periods, too early for a trend. */
    INTRODUCTION,
    /** Spend per period is rising. */
    GROWTH,
    /** Spend per period is steady. */
    MATURITY,
    /** Spend per period is falling, or has stopped. */
    DECLINE
}
