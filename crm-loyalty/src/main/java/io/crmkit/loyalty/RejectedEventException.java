package io.crmkit.loyalty;

import static java.util.Objects.requireNonNull;

/**
 * An event the ledger cannot take at all, so nothing is stored: its id is already used by a
 * different event, its currency is not the program's, it is a refund of a purchase the journal
 * does not hold (for the member, at or before the refund) or of more than was purchased, or it
 * would make points overflow a {@code long}. (An event refused at its instant, such as a redemption beyond the balance, is not
 * an exception: it is an {@link Outcome}.)
 */
public final class RejectedEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The id of the rejected event. */
    private final String eventId;

    /**
     * Creates the exception.
     *
     * @param eventId the rejected event's id
     * @param message the reason, naming the event, the field and the rule
     */
    public RejectedEventException(String eventId, String message) {
        super(message);
        this.eventId = requireNonNull(eventId, "eventId");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param eventId the rejected event's id
     * @param message the reason
     * @param cause the cause
     */
    public RejectedEventException(String eventId, String message, Throwable cause) {
        super(message, cause);
        this.eventId = requireNonNull(eventId, "eventId");
    }

    /** @return the id of the rejected event */
    public String eventId() {
        return eventId;
    }
}
