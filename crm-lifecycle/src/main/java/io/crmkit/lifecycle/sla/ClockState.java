package io.crmkit.lifecycle.sla;

/** Where an SLA clock stands at a given instant. */
public enum ClockState {
    /** Started, not stopped, not paused, and still within its target. */
    RUNNING,
    /** Started, not stopped, within its target, and paused (the complaint awaits the customer). */
    PAUSED,
    /** Stopped within its target. */
    MET,
    /** Its business time exceeded the target, whether it is still running or stopped late. */
    BREACHED
}
