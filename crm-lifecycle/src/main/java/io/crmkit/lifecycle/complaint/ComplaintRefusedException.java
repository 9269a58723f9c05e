package io.crmkit.lifecycle.complaint;

import static java.util.Objects.requireNonNull;

/**
 * A command the workflow refused; the complaint is unchanged. Two kinds:
 * {@link IllegalTransitionException} (the table has no such transition from the current state) and
 * {@link GuardRefusedException} (the transition exists but a guard, such as the role check,
 * refused it). Messages name the complaint, the state, the trigger and the reason, never
 * personal data.
 */
public abstract class ComplaintRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The refused complaint's id. */
    private final String complaintId;
    /** The complaint's state when the command was refused. */
    private final ComplaintState state;
    /** The refused trigger. */
    private final ComplaintTrigger trigger;

    ComplaintRefusedException(String message, String complaintId, ComplaintState state, ComplaintTrigger trigger) {
        super(message);
        this.complaintId = requireNonNull(complaintId, "complaintId");
        this.state = requireNonNull(state, "state");
        this.trigger = requireNonNull(trigger, "trigger");
    }

    /** @return the refused complaint's id */
    public String complaintId() {
        return complaintId;
    }

    /** @return the complaint's state when the command was refused */
    public ComplaintState state() {
        return state;
    }

    /** @return the refused trigger */
    public ComplaintTrigger trigger() {
        return trigger;
    }

    /** @return the reason in words, without the complaint id, state and trigger */
    public abstract String reason();
}
