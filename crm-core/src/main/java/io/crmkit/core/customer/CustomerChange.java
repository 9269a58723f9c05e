package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;

/**
 * One dated entry in a customer file's history: which version it produced, when, who made it,
 * which field changed, and the old and new values. Values are stored <em>already masked</em>
 * ({@code 138****5678}), so the history can be printed, logged or exported without leaking
 * personal data; the current values live on the {@link Customer} itself.
 *
 * <p>Field names are {@code file} (the file was opened), {@code name}, {@code birthDate},
 * {@code gender}, {@code occupation}, {@code nationalId}, and for contact points the
 * {@link ContactPoint.Kind} in lower camel case ({@code mobile}, {@code homePhone},
 * {@code officePhone}, {@code email}, {@code postalAddress}, {@code fax}, {@code messaging}).
 * An absent value is shown as {@code -}.
 *
 * @param customer the customer whose file changed
 * @param version the version of the file this change produced, starting at 1 when the file is opened
 * @param time when the change was made, from the injected clock
 * @param actor the employee or system that made it
 * @param field which field changed
 * @param oldValue the masked value before, {@code -} if there was none
 * @param newValue the masked value after, {@code -} if the value was removed
 * @serial exclude
 */
public record CustomerChange(CustomerId customer, int version, Instant time, String actor, String field,
        String oldValue, String newValue) implements Serializable {

    /** What the history shows for an absent value. */
    public static final String NONE = "-";

    /**
     * Validates the change record.
     *
     * @param customer the customer whose file changed
     * @param version the version produced, at least 1
     * @param time when the change was made
     * @param actor who made it, not blank
     * @param field which field changed, not blank
     * @param oldValue the masked old value
     * @param newValue the masked new value
     * @throws IllegalArgumentException if the version is below 1 or the actor or field is blank
     */
    public CustomerChange {
        requireNonNull(customer, "customer");
        requireNonNull(time, "time");
        requireNonNull(actor, "actor");
        requireNonNull(field, "field");
        requireNonNull(oldValue, "oldValue");
        requireNonNull(newValue, "newValue");
        checkArgument(version >= 1, "version %s of a change to customer %s is below 1", version, customer.masked());
        checkArgument(!actor.isBlank(), "actor of a change to customer %s is blank: name who made it", customer.masked());
        checkArgument(!field.isBlank(), "field of a change to customer %s is blank", customer.masked());
    }

    /** @return for example {@code 2026-03-01T10:00:00Z v2 agent-7 mobile: 138****5678 -> 139****0000} */
    @Override
    public String toString() {
        return time + " v" + version + " " + Masking.identifierLike(actor) + " " + field + ": " + oldValue + " -> " + newValue;
    }
}
