package io.crmkit.scoring.value;

/** The four quadrants of the portfolio (Boston) matrix applied to customers (see {@link PortfolioMatrix}). */
public enum PortfolioQuadrant {
    /** High value share, high growth: invest to keep them growing. */
    STAR,
    /** High value share, low growth: harvest and keep at reasonable cost. */
    CASH_COW,
    /** Low value share, high growth: decide whether to invest to make them stars. */
    QUESTION_MARK,
    /** Low value share, low growth: serve at the lowest cost or let go. */
    DOG
}
