package io.crmkit.accounts;

/**
 * The four stages of the project life cycle along which the mind map plans relationship work on a
 * deal (基于项目生命周期的客户关系拓展), in their order.
 */
public enum ProjectStage {
    /** Finding and developing the opportunity (寻找与发掘商机). */
    OPPORTUNITY("寻找与发掘商机"),
    /** Running the project: bid, evaluation, negotiation (项目运作阶段). */
    PROJECT_RUN("项目运作阶段"),
    /** Executing the contract: delivery and acceptance (合同执行阶段). */
    CONTRACT_EXECUTION("合同执行阶段"),
    /** Collecting payment (回款阶段). */
    PAYMENT_COLLECTION("回款阶段");

    private final String sourceTerm;

    ProjectStage(String sourceTerm) {
        this.sourceTerm = sourceTerm;
    }

    /** @return the stage as the key-account mind map words it, in Chinese (docs/domain.md §8) */
    public String sourceTerm() {
        return sourceTerm;
    }
}
