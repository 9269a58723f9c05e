package io.crmkit.lifecycle.complaint;

/**
 * The states of a complaint, after ISO 10002 §7 (receipt, acknowledgement, assessment and
 * investigation, response, communicating the decision, closing) and the dealer's steps accept →
 * handle → escalate → close and evaluate. Escalation is not a state: it raises the complaint's
 * escalation level wherever it is allowed.
 */
public enum ComplaintState {
    /** Not yet received: the pseudo-state before the first event; no complaint is ever in it. */
    NEW,
    /** Received by whoever took the call or visit, who owns it until it is handed over. */
    RECEIVED,
    /** Registered and handed over to an owner (the 30-minute rule stops here). */
    ASSIGNED,
    /** The customer has been told the complaint is being handled. */
    ACKNOWLEDGED,
    /** The owner is investigating. */
    INVESTIGATING,
    /** Waiting for information from the customer; every SLA clock is paused. */
    AWAITING_CUSTOMER,
    /** A resolution has been proposed and the customer's answer is awaited. */
    RESOLUTION_PROPOSED,
    /** The customer accepted the resolution; it remains to close and evaluate. */
    RESOLVED,
    /** Closed with a satisfaction score and a root cause; may be reopened within the window. */
    CLOSED,
    /** Withdrawn by the customer; final. */
    WITHDRAWN;

    /** @return whether the complaint still needs work (not closed, withdrawn or new) */
    public boolean isOpen() {
        return this != NEW && this != CLOSED && this != WITHDRAWN;
    }
}
