package io.crmkit.accounts;

/**
 * The four principles by which the mind map pairs one of our executives with a key person of the
 * customer (配置高层赞助人的原则).
 */
public enum SponsorPrinciple {
    /** Equal standing (地位对等): the executive's rank equals the key person's rank. */
    EQUAL_STANDING("地位对等"),
    /** Matching business area (业务对口): the executive is responsible for the person's business area. */
    MATCHING_BUSINESS_AREA("业务对口"),
    /** Past history (历史交往): the two have dealt with each other before. */
    PAST_HISTORY("历史交往"),
    /** Ability and willingness to solve the person's problems (解决问题的能力、意愿). */
    ABLE_AND_WILLING("解决问题的能力、意愿");

    private final String sourceTerm;

    SponsorPrinciple(String sourceTerm) {
        this.sourceTerm = sourceTerm;
    }

    /** @return the principle as the key-account mind map words it, in Chinese (docs/domain.md §8) */
    public String sourceTerm() {
        return sourceTerm;
    }
}
