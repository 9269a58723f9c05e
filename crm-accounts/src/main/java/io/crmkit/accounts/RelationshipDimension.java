package io.crmkit.accounts;

/**
 * The six dimensions on which the mind map assesses the current relationship with a key account
 * (客户关系现状评估), each scored from 1 (worst) to 5 (best).
 */
public enum RelationshipDimension {
    /** Acceptance and recognition of us (接受认可度). */
    ACCEPTANCE("接受认可度"),
    /** Participation in our contact activities (客户接触活动参与度). */
    PARTICIPATION("客户接触活动参与度"),
    /** Information the customer passes to us (信息传递). */
    INFORMATION("信息传递"),
    /** Guidance the customer gives us on projects and daily business (项目及日常业务指导). */
    GUIDANCE("项目及日常业务指导"),
    /** Support for our projects (项目支持度). */
    PROJECT_SUPPORT("项目支持度"),
    /** Attitude toward our competitors; 5 means the customer favours us over them (竞争态度). */
    COMPETITOR_ATTITUDE("竞争态度");

    private final String sourceTerm;

    RelationshipDimension(String sourceTerm) {
        this.sourceTerm = sourceTerm;
    }

    /** @return the dimension as the key-account mind map words it, in Chinese (docs/domain.md §8) */
    public String sourceTerm() {
        return sourceTerm;
    }
}
