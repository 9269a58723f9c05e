package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

/**
 * One market target the relationship plan serves, the first of the mind map's four planning steps
 * (市场目标的输入).
 *
 * @param kind which of the mind map's four kinds of target this is
 * @param statement the target in the planner's words, for example {@code "40% of the 2027 network budget"}
 */
public record MarketTarget(Kind kind, String statement) {

    /** The mind map's four kinds of market target (docs/domain.md §8). */
    public enum Kind {
        /** A strategic position to win, a "hill" (山头目标). */
        STRATEGIC_POSITION,
        /** A share of the customer's spend (份额目标). */
        SHARE,
        /** A profit target (盈利目标). */
        PROFIT,
        /** A target against a competitor (竞争目标). */
        COMPETITIVE
    }

    /**
     * Checks the fields.
     *
     * @param kind the kind of target
     * @param statement the target, non-blank, at most 2,000 characters
     */
    public MarketTarget {
        requireNonNull(kind, "kind");
        Texts.requireNote("statement of a " + kind + " target", requireNonNull(statement, "statement"), true);
    }
}
