package io.crmkit.lifecycle.sla;

/**
 * How urgent a complaint is; the severity picks the SLA targets of {@link SlaPolicy}.
 * Ordered from least to most urgent.
 */
public enum Severity {
    /** An inconvenience with a workaround. */
    LOW,
    /** A real problem the customer can live with for a few days. */
    MEDIUM,
    /** A problem that stops the customer from using the product or service. */
    HIGH,
    /** A safety issue, a legal threat or a public (media) complaint. */
    CRITICAL
}
