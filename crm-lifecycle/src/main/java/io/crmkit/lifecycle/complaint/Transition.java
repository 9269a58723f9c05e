package io.crmkit.lifecycle.complaint;

import java.util.List;

/** One row of the workflow's table: from a state, on a trigger, to a state, if the guards allow. */
record Transition(ComplaintState from, ComplaintTrigger trigger, ComplaintState to, Guard[] guards) {

    List<Guard> guardList() {
        return List.of(guards);
    }
}
