package io.crmkit.loyalty;

/**
 * The window over which qualifying points are summed to place a member in a tier. A tier is reached
 * as soon as the window's qualifying points reach its threshold, and is held to the end of the
 * window it was reached in plus the downgrade rule's grace windows (one by default: held to the end
 * of the following window).
 */
public enum QualificationWindow {
    /** January 1 to December 31 in the program's zone. */
    CALENDAR_YEAR,
    /**
     * The 12 months up to the instant; a tier reached at instant r is held until r plus 12 months
     * per grace window.
     */
    ROLLING_12_MONTHS,
    /**
     * The member's year from the anniversary of their first event in the ledger (the local date in
     * the program's zone; a 29 February start counts from 28 February in other years).
     */
    ANNIVERSARY_YEAR
}
