package io.crmkit.lifecycle.complaint;

import java.util.List;

/**
 * One row of the workflow's table: from a state, on a trigger, to a state, if the guards allow,
 * with the effect the row has on the complaint and its SLA clocks. The row is the single source of
 * what a command does: applying, replaying, the clocks and the diagrams all read it.
 */
record Transition(ComplaintState from, ComplaintTrigger trigger, ComplaintState to, Guard[] guards,
        TriggerEffect effect) {

    List<Guard> guardList() {
        return List.of(guards);
    }

    /** @return whether the row stays in its state (escalate, re-assign) */
    boolean isReentry() {
        return from == to;
    }
}
