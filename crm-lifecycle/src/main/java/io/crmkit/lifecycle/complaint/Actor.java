package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;

/**
 * Who fired a command, in which role. The id names an employee, team or system (or the customer,
 * by the caller's customer id); {@link #toString()} and every message show it masked by
 * {@link PersonalData#maskIdentifier(String)} when it looks like a phone number or an e-mail address.
 *
 * @param id the actor's identifier, not blank, at most 128 characters, no control characters
 * @param role the role the actor acts in
 */
public record Actor(String id, Role role) {

    /**
     * Validates the actor.
     *
     * @param id the actor's identifier, not blank, at most 128 characters, no control characters
     * @param role the role the actor acts in
     * @throws IllegalArgumentException if the id is blank, too long or holds control characters
     */
    public Actor {
        requireNonNull(id, "id");
        requireNonNull(role, "role");
        checkArgument(!id.isBlank(), "actor id is blank: name who acts");
        checkArgument(id.length() <= 128, "actor id of length %s is too long: at most 128 characters", id.length());
        checkArgument(id.chars().noneMatch(Character::isISOControl), "actor id must not contain control characters");
    }

    /**
     * Returns an actor.
     *
     * @param id the actor's identifier, not blank
     * @param role the role the actor acts in
     * @return the actor
     * @throws IllegalArgumentException if the id is blank, too long or holds control characters
     */
    public static Actor of(String id, Role role) {
        return new Actor(id, role);
    }

    @Override
    public String toString() {
        return PersonalData.maskIdentifier(id) + " (" + role.label() + ")";
    }
}
