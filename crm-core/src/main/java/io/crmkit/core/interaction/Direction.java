package io.crmkit.core.interaction;

/** Who started a contact. */
public enum Direction {
    /** The customer contacted the company. */
    INBOUND,
    /** The company contacted the customer. */
    OUTBOUND
}
