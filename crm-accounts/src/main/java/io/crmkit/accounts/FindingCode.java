package io.crmkit.accounts;

/**
 * What an {@link AccountReview} can find wrong with a plan, declared in <b>severity</b> order, most
 * severe first. Severity ranks how directly the gap puts the account's decisions at stake: first
 * the people who decide or oppose with nobody working on them, then the business in flight (a deal
 * that stalls, a promised step not taken), then the relationship's direction, then the structure
 * the plan relies on (sponsors, a coach), and last the plan's own upkeep. {@link #severity()} is 1
 * for the most severe.
 */
public enum FindingCode {
    /**
     * A decision maker (economic buyer) has no owner, was never contacted, or was last contacted
     * more than the plan's contact interval before the review (exactly the interval still covers).
     */
    DECISION_MAKER_UNCOVERED,
    /** A high- or medium-influence person does not accept us and has no open action. */
    OPPOSED_WITHOUT_ACTION,
    /** A deal has been in its stage more days than the plan allows (exactly the limit is not stalled). */
    STAGE_STALLED,
    /** An open action is past its due date (an action due on the review day is not overdue). */
    OVERDUE_ACTION,
    /** The relationship index fell between the last two assessments dated on or before the review. */
    ASSESSMENT_DECLINING,
    /** An executive sponsor pairing fails at least one of the four principles. */
    SPONSOR_MISMATCH,
    /** No key person acts as our coach. */
    NO_COACH,
    /**
     * The plan or an expansion card was never reviewed, or was last reviewed more than the plan's
     * review cadence before the review (exactly the cadence is still current).
     */
    REVIEW_OVERDUE;

    /** @return 1 for the most severe code, 8 for the least */
    public int severity() {
        return ordinal() + 1;
    }
}
