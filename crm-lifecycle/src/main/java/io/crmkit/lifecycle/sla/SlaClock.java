package io.crmkit.lifecycle.sla;

/**
 * The separate clocks a complaint runs from its receipt. Each starts when the complaint is
 * received and stops at its own event; all pause while the complaint awaits the customer.
 */
public enum SlaClock {
    /**
     * Registration and hand-over to the owner: stops when the complaint is first assigned. The
     * dealer's manual requires this within 30 minutes of receipt (docs/domain.md §7).
     */
    REGISTRATION("register and hand over"),
    /** Acknowledgement to the customer that the complaint was received (ISO 10002 §7.3). */
    ACKNOWLEDGEMENT("acknowledge"),
    /** First substantive response to the customer: a question or a proposed resolution. */
    FIRST_RESPONSE("respond to the customer"),
    /**
     * Resolution: stops when the customer accepts a resolution (or the complaint is closed or
     * withdrawn); a reopen resumes it, the time in between does not count.
     */
    RESOLUTION("resolve");

    private final String action;

    SlaClock(String action) {
        this.action = action;
    }

    /** @return what has to be done to stop this clock, in words, e.g. "acknowledge" */
    public String action() {
        return action;
    }

    /** @return the clock's name in words, e.g. "first response" */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
