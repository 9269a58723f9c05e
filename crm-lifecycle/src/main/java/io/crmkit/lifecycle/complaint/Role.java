package io.crmkit.lifecycle.complaint;

import java.util.Locale;

/**
 * Who acts on a complaint. The workflow lets each trigger be fired by a configurable set of
 * roles; {@link #OWNER} additionally requires the actor to be the complaint's current owner, and
 * {@link #CUSTOMER} requires the actor's id to be the complaining customer's id.
 */
public enum Role {
    /** A front-line employee who takes complaints in. */
    AGENT,
    /** The complaint's current owner (first-contact responsibility until handed over). */
    OWNER,
    /** A team lead or showroom manager. */
    SUPERVISOR,
    /** A department or sales manager, the last escalation level. */
    MANAGER,
    /** The complaining customer, acting under their customer id. */
    CUSTOMER;

    /** @return the role in lower case, e.g. "supervisor" */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a role by name, case-insensitive.
     *
     * @param name the role's name, e.g. {@code supervisor}
     * @return the role
     * @throws IllegalArgumentException if no role has that name
     */
    public static Role fromName(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + name + "' is unknown: use one of agent, owner, supervisor, "
                + "manager, customer");
    }
}
