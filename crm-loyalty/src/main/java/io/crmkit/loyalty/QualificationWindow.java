package io.crmkit.loyalty;

/**
 * The window over which qualifying points are summed to place a member in a tier. A tier is reached
 * as soon as the window's qualifying points reach its threshold, and is held to the end of the
 * window it was reached in plus the downgrade rule's grace windows (one by default: held to the end
 * of the following window). A refund lowers the window's qualifying points from the refund's instant
 * on (so it counts against keeping or reaching a tier later), but a tier already reached is not taken
 * back before its hold ends.
 */
public enum QualificationWindow {
    /** January 1 to December 31 in the program's zone. */
    CALENDAR_YEAR,
    /**
     * The 12 months up to the instant. A tier is reached at instant r whenever the qualifying points
     * of the 12 months up to r reach it (so each qualifying purchase while the sum is high enough
     * renews it), and is held until r plus 12 months per grace window; at that instant the 12 months
     * before it are counted again.
     */
    ROLLING_12_MONTHS,
    /**
     * The member's year from the anniversary of their first event in the ledger (the local date in
     * the program's zone; a 29 February start counts from 28 February in other years).
     */
    ANNIVERSARY_YEAR
}
