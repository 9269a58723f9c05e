package io.crmkit.core.interaction;

/** The medium or purpose of a contact with a customer. */
public enum InteractionKind {
    /** A telephone call. */
    CALL,
    /** A visit, at the customer's premises or in the showroom. */
    VISIT,
    /** A short message: SMS or a messaging app. */
    MESSAGE,
    /** An e-mail. */
    EMAIL,
    /** A letter or card by post. */
    LETTER,
    /** A satisfaction or feedback survey. */
    SURVEY,
    /** A complaint raised by the customer. */
    COMPLAINT,
    /** A meeting or workshop working on a shared goal (the partnership level's joint work). */
    JOINT_WORK,
    /** An event the customer was invited to, such as a club event or a product launch. */
    EVENT
}
