package io.crmkit.accounts;

import java.util.List;

/**
 * A key person's attitude toward us in the mind map's four grades (关键客户不认可、中立、支持有限、
 * 支持并排他), declared from the least to the most supportive, each with the development tactics
 * the key-account mind map gives for it (docs/domain.md §8).
 */
public enum Attitude {
    /**
     * Does not accept us (不认可): either does not trust us (keep visiting, seek every exchange) or
     * makes demands without limit (manage expectations, keep promises).
     */
    NOT_ACCEPTING("关键客户不认可", List.of(DevelopmentTactic.KEEP_VISITING, DevelopmentTactic.SEEK_EVERY_EXCHANGE,
            DevelopmentTactic.MANAGE_EXPECTATIONS, DevelopmentTactic.KEEP_PROMISES)),
    /** Neutral (中立): show the company's strength and build personal rapport. */
    NEUTRAL("关键客户中立", List.of(DevelopmentTactic.SHOW_COMPANY_STRENGTH, DevelopmentTactic.BUILD_PERSONAL_RAPPORT)),
    /** Limited support (支持有限): deepen the relationship, into the person's life and values. */
    LIMITED_SUPPORT("关键客户支持有限", List.of(DevelopmentTactic.ENTER_THEIR_LIFE, DevelopmentTactic.ENTER_THEIR_VALUES)),
    /** Supportive and exclusive (支持并排他): maintain it and develop the person into a coach. */
    EXCLUSIVE_SUPPORT("关键客户支持并排他", List.of(DevelopmentTactic.MAINTAIN, DevelopmentTactic.DEVELOP_INTO_COACH));

    private final String sourceTerm;
    private final List<DevelopmentTactic> tactics;

    Attitude(String sourceTerm, List<DevelopmentTactic> tactics) {
        this.sourceTerm = sourceTerm;
        this.tactics = tactics;
    }

    /** @return the grade as the key-account mind map words it, in Chinese (docs/domain.md §8) */
    public String sourceTerm() {
        return sourceTerm;
    }

    /**
     * Returns the development tactics the mind map gives for this attitude, in its order.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<DevelopmentTactic> tactics() {
        return tactics;
    }
}
