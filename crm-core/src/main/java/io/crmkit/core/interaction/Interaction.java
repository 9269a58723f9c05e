package io.crmkit.core.interaction;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.PersonalData;
import java.io.Serializable;
import java.time.Instant;

/**
 * One contact with a customer: its kind, who started it, when, which employee or system acted,
 * and a free-text note. Notes may hold personal data, so {@link #toString()} shows only their
 * length.
 *
 * <pre>{@code
 * Interaction call = Interaction.of(CustomerId.of("c-17"), InteractionKind.CALL, Direction.OUTBOUND,
 *         Instant.parse("2026-03-03T09:00:00Z"), "agent-7", "checked the product meets expectations");
 * }</pre>
 *
 * @param customer the customer contacted
 * @param kind the medium or purpose
 * @param direction who started it
 * @param time when it happened
 * @param actor the employee, team or system that acted for the company; not blank
 * @param note free text, may be empty; never printed by {@link #toString()}
 * @serial exclude
 */
public record Interaction(CustomerId customer, InteractionKind kind, Direction direction, Instant time,
        String actor, String note) implements Serializable {

    /**
     * Validates the interaction.
     *
     * @param customer the customer contacted
     * @param kind the medium or purpose
     * @param direction who started it
     * @param time when it happened
     * @param actor who acted for the company, not blank
     * @param note free text, may be empty
     * @throws IllegalArgumentException if the actor is blank
     */
    public Interaction {
        requireNonNull(customer, "customer");
        requireNonNull(kind, "kind");
        requireNonNull(direction, "direction");
        requireNonNull(time, "time");
        requireNonNull(actor, "actor");
        requireNonNull(note, "note");
        checkArgument(!actor.isBlank(), "actor of %s interaction with customer %s is blank: name who acted",
                kind, customer);
    }

    /**
     * Returns an interaction.
     *
     * @param customer the customer contacted
     * @param kind the medium or purpose
     * @param direction who started it
     * @param time when it happened
     * @param actor who acted for the company, not blank
     * @param note free text, may be empty
     * @return the interaction
     */
    public static Interaction of(CustomerId customer, InteractionKind kind, Direction direction, Instant time,
            String actor, String note) {
        return new Interaction(customer, kind, direction, time, actor, note);
    }

    /** @return the interaction without the note's text, which may hold personal data */
    @Override
    public String toString() {
        return "Interaction[customer=" + customer.masked() + ", kind=" + kind + ", direction=" + direction
                + ", time=" + time + ", actor=" + PersonalData.maskIdentifier(actor) + ", note=(" + note.length() + " chars)]";
    }
}
