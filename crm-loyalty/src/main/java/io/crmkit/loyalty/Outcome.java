package io.crmkit.loyalty;

import java.util.Optional;

/**
 * What {@link Ledger#apply(LoyaltyEvent)} did with an event.
 *
 * @param eventId the event's id
 * @param status applied, duplicate or refused
 * @param reason why it was refused; empty otherwise
 */
public record Outcome(String eventId, Status status, Optional<String> reason) {

    /** What happened to an event. */
    public enum Status {
        /** Entered the journal and produced its entries. */
        APPLIED,
        /** An event with the same id was already in the journal; nothing changed. */
        DUPLICATE,
        /** Entered the journal, but refused at its instant: no entry, no balance changed. */
        REFUSED
    }

    /** @return true if the event was applied */
    public boolean applied() {
        return status == Status.APPLIED;
    }
}
