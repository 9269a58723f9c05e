package io.crmkit.accounts;

/**
 * One way to develop the relationship with a key person, as the mind map lists them under "how to
 * develop key people of different support" (不同支持度的关键客户应该如何拓展). Which tactics fit a
 * person follows from their {@link Attitude}: see {@link Attitude#tactics()}.
 */
public enum DevelopmentTactic {
    /** Keep visiting, for a person who does not trust us (坚持拜访). */
    KEEP_VISITING("坚持拜访"),
    /** Seek every business exchange, for a person who does not trust us (争取所有的业务交流机会). */
    SEEK_EVERY_EXCHANGE("争取所有的业务交流机会"),
    /** Manage expectations, for a person whose demands have no limit (管理期望值). */
    MANAGE_EXPECTATIONS("管理期望值"),
    /** Keep every promise, for a person whose demands have no limit (信守承诺). */
    KEEP_PROMISES("信守承诺"),
    /** Show the company's strength to build confidence (展现公司实力,增强信心). */
    SHOW_COMPANY_STRENGTH("展现公司实力,增强信心"),
    /** Build personal rapport with the person (与客户构建私人友谊). */
    BUILD_PERSONAL_RAPPORT("与客户构建私人友谊"),
    /** Come closer to the person's life (走进生活). */
    ENTER_THEIR_LIFE("走进生活"),
    /** Come closer to the person's values and inner world (走进精神世界). */
    ENTER_THEIR_VALUES("走进精神世界"),
    /** Keep the relationship as it is (继续维持). */
    MAINTAIN("继续维持"),
    /** Develop the person into a coach who guides us inside the customer (发展成教练). */
    DEVELOP_INTO_COACH("发展成教练");

    private final String sourceTerm;

    DevelopmentTactic(String sourceTerm) {
        this.sourceTerm = sourceTerm;
    }

    /** @return the tactic as the key-account mind map words it, in Chinese (docs/domain.md §8) */
    public String sourceTerm() {
        return sourceTerm;
    }
}
