package io.crmkit.lifecycle.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Sets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One SLA clock evaluated at one instant: its state, its target and how much business time it
 * used, what is left or how far it is overdue, the warnings it has raised, and when it falls due.
 *
 * @param clock which clock
 * @param state running, paused, met or breached
 * @param target the business time allowed
 * @param elapsed the business time used so far (paused time never counts)
 * @param remaining the business time left before breach, zero once breached
 * @param overdue the business time beyond the target, zero unless breached
 * @param warnings the warnings raised (50 %, 75 %, breach)
 * @param dueAt when a running clock will breach; empty when the clock is paused, met or breached
 * @param stoppedAt when the clock stopped, if it had stopped by the instant of evaluation
 */
public record SlaStatus(SlaClock clock, ClockState state, Duration target, Duration elapsed, Duration remaining,
        Duration overdue, Set<SlaWarning> warnings, Optional<Instant> dueAt, Optional<Instant> stoppedAt) {

    /**
     * Validates the status.
     *
     * @param clock which clock
     * @param state running, paused, met or breached
     * @param target the business time allowed, positive
     * @param elapsed the business time used, zero or more
     * @param remaining the business time left, zero or more
     * @param overdue the business time beyond the target, zero or more
     * @param warnings the warnings raised
     * @param dueAt when a running clock will breach
     * @param stoppedAt when the clock stopped
     * @throws IllegalArgumentException if a duration is negative or the target is not positive
     */
    public SlaStatus {
        requireNonNull(clock, "clock");
        requireNonNull(state, "state");
        requireNonNull(target, "target");
        requireNonNull(elapsed, "elapsed");
        requireNonNull(remaining, "remaining");
        requireNonNull(overdue, "overdue");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(stoppedAt, "stoppedAt");
        checkArgument(!target.isNegative() && !target.isZero(), "target %s of %s clock must be positive", target, clock);
        checkArgument(!elapsed.isNegative() && !remaining.isNegative() && !overdue.isNegative(),
                "durations of %s clock must not be negative", clock);
        warnings = warnings.isEmpty() ? Set.of() : Sets.immutableEnumSet(warnings);
    }

    /**
     * Returns the share of the target used, elapsed ÷ target (above 1 when breached). Computed in
     * seconds as doubles, so it is finite for any durations (a clock left running for centuries
     * overflows no nanosecond count).
     *
     * @return the share, zero or more, finite
     */
    public double fractionUsed() {
        return seconds(elapsed) / seconds(target);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** @return whether the clock has breached its target */
    public boolean isBreached() {
        return state == ClockState.BREACHED;
    }
}
