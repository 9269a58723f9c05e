package io.crmkit.accounts;

/**
 * How much a key person's view weighs in the buying decision. Declared from highest to lowest,
 * so the natural order of the constants puts the most influential first.
 */
public enum Influence {
    /** The person's view can decide the outcome. */
    HIGH,
    /** The person's view is heard and counts. */
    MEDIUM,
    /** The person's view rarely changes the outcome. */
    LOW
}
