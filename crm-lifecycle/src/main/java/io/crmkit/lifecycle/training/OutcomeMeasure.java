package io.crmkit.lifecycle.training;

/** The customer outcomes a course can target on Kirkpatrick's level 4, counted per customer per window. */
public enum OutcomeMeasure {
    /** Complaints received from the customer in the window (fewer is better). */
    COMPLAINTS,
    /** Purchases by the customer in the window: repeat purchases of an existing customer. */
    PURCHASES,
    /** The customer's spend in the window, the sum of purchase amounts in units of one currency. */
    SPEND
}
