package io.crmkit.accounts;

/**
 * The part a key person plays in the customer's buying decision, in the usual terms of B2B
 * selling (the mind map's "decision chain", 决策链).
 */
public enum BuyingRole {
    /** Makes or signs the decision and owns the budget: the decision maker or economic buyer. */
    DECISION_MAKER,
    /** Evaluates the offer against technical requirements and can rule a supplier out. */
    TECHNICAL_EVALUATOR,
    /** Will use what is bought; judges it in daily work. */
    USER,
    /** Has no formal vote but shapes the opinion of those who decide. */
    INFLUENCER,
    /** Controls access to the other people and the flow of information. */
    GATEKEEPER
}
