package io.crmkit.scoring.value;

/**
 * The 20/60/20 rule of the source documents (docs/domain.md §3): about 20% of customers bring 80% of
 * the profit and are kept at any reasonable cost; of the rest, a quarter (20% of all) cost more
 * than they bring and may be let go; the remaining 60% are kept at low cost.
 */
public enum ProfitAction {
    /** The top of the profit ranking: keep them, whatever it takes. */
    KEEP,
    /** The middle: they do not lose money and keep the business's scale; maintain at low cost. */
    MAINTAIN,
    /** The bottom: they waste resources; may be let go. */
    LET_GO
}
