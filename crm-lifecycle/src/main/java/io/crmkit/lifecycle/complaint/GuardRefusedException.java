package io.crmkit.lifecycle.complaint;

import static java.util.Objects.requireNonNull;

/**
 * The transition exists but a guard refused it. Names the guard and the reason, e.g.
 * "complaint CP-1: escalate refused by guard 'escalation authority': only a supervisor or manager
 * may escalate to level 2". The role check is the guard named {@code role}, the owner check the
 * guard named {@code owner}.
 */
public final class GuardRefusedException extends ComplaintRefusedException {

    private static final long serialVersionUID = 1L;

    /** The refusing guard's name. */
    private final String guard;
    /** Why the guard refused. */
    private final String reason;

    GuardRefusedException(String complaintId, ComplaintState state, ComplaintTrigger trigger, String guard,
            String reason) {
        super("complaint " + complaintId + ": " + trigger.commandName() + " refused by guard '" + guard + "': "
                + reason, complaintId, state, trigger);
        this.guard = requireNonNull(guard, "guard");
        this.reason = requireNonNull(reason, "reason");
    }

    /** @return the refusing guard's name */
    public String guard() {
        return guard;
    }

    @Override
    public String reason() {
        return reason;
    }
}
