package io.crmkit.lifecycle.stage;

/**
 * Where a customer stands in the relationship, from their purchases (the card business's
 * acquisition → retention → churn and win-back, docs/domain.md §4).
 */
public enum LifecycleStage {
    /** Has not bought yet. */
    PROSPECT,
    /** Bought once. */
    FIRST_TIME,
    /** Bought more than once, fewer times than the loyalty threshold. */
    REPEAT,
    /** Bought at least the loyalty threshold's number of times and is active: a core customer. */
    LOYAL,
    /** Active, but silent for longer than the at-risk rule allows: act before they lapse. */
    AT_RISK,
    /** Lost by the churn policy. */
    LAPSED,
    /** Bought again after having lapsed, recently. */
    WON_BACK
}
