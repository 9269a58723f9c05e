package io.crmkit.lifecycle.complaint;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workflow's table has no transition for the trigger from the complaint's state. Names the
 * state, the trigger and the triggers allowed now, e.g. "complaint CP-1 in state CLOSED cannot
 * escalate: allowed now [reopen]".
 */
public final class IllegalTransitionException extends ComplaintRefusedException {

    private static final long serialVersionUID = 1L;

    /** The triggers the table allows from the state. */
    private final EnumSet<ComplaintTrigger> allowed;

    IllegalTransitionException(String complaintId, ComplaintState state, ComplaintTrigger trigger,
            Set<ComplaintTrigger> allowed) {
        super("complaint " + complaintId + " in state " + state + " cannot " + trigger.commandName()
                + ": allowed now " + names(allowed), complaintId, state, trigger);
        this.allowed = allowed.isEmpty() ? EnumSet.noneOf(ComplaintTrigger.class) : EnumSet.copyOf(allowed);
    }

    private static String names(Set<ComplaintTrigger> allowed) {
        return allowed.stream().map(ComplaintTrigger::commandName).collect(Collectors.joining(", ", "[", "]"));
    }

    /** @return the triggers the table allows from the state (roles and guards not considered) */
    public Set<ComplaintTrigger> allowedTriggers() {
        return Sets.immutableEnumSet(allowed);
    }

    @Override
    public String reason() {
        return "no transition " + trigger().commandName() + " from " + state() + "; allowed now " + names(allowed);
    }
}
