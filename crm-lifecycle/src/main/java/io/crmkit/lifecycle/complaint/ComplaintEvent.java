package io.crmkit.lifecycle.complaint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of a complaint's append-only history: the command that was applied and the states
 * before and after. Store these (e.g. one row each in your database) and
 * {@link Complaint#replay(Iterable)} rebuilds an equal complaint.
 *
 * @param command the command applied (trigger, instant, actor and role, data, note)
 * @param from the state before
 * @param to the state after
 */
public record ComplaintEvent(ComplaintCommand command, ComplaintState from, ComplaintState to) {

    /**
     * Validates the event.
     *
     * @param command the command applied
     * @param from the state before
     * @param to the state after
     */
    public ComplaintEvent {
        requireNonNull(command, "command");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    /**
     * Returns an event.
     *
     * @param command the command applied
     * @param from the state before
     * @param to the state after
     * @return the event
     */
    public static ComplaintEvent of(ComplaintCommand command, ComplaintState from, ComplaintState to) {
        return new ComplaintEvent(command, from, to);
    }

    /** @return the trigger of the command */
    public ComplaintTrigger trigger() {
        return command.trigger();
    }

    /** @return when it happened */
    public Instant at() {
        return command.at();
    }

    /** @return who acted, in which role */
    public Actor actor() {
        return command.actor();
    }

    @Override
    public String toString() {
        return from + " --" + command + "--> " + to;
    }
}
