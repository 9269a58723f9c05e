package io.crmkit.loyalty;

/**
 * What happens when a refund reverses points the member has already spent (or that expired). The
 * reversed share itself is the same under both: the purchase's points × refunded amount ÷ purchase
 * amount, rounded to the nearest point with halves up, counted cumulatively over partial refunds.
 * The points are taken first from the purchase's own lots, then from the other lots that expire
 * first; only the part no lot can cover differs.
 */
public enum RefundPolicy {
    /**
     * The whole share is reversed at the refund's instant and the balance may go below zero; later
     * earnings fill the hole before they can be spent. No debt is recorded: the negative balance is
     * the debt. This is the default.
     */
    NEGATIVE_BALANCE,
    /**
     * Only what the lots hold is reversed at the refund's instant, so the balance never goes below
     * zero; the rest is recorded as a debt, and each later earning settles it first with a reverse
     * entry dated at that earning and referring to the refund.
     */
    RECORDED_DEBT
}
