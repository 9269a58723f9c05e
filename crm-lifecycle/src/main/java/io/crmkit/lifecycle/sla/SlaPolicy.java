package io.crmkit.lifecycle.sla;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SLA targets per severity and clock, in business time on a {@link BusinessCalendar}, and the
 * evaluation of a {@link ClockRun} against them.
 *
 * <p>The standard targets: registration and hand-over within <b>30 minutes</b> for every
 * severity (the dealer's manual, docs/domain.md §7); acknowledgement within 1 / 2 / 4 / 8 business
 * hours, first response within 4 / 8 / 16 / 24 and resolution within 24 / 48 / 120 / 240 business
 * hours for CRITICAL / HIGH / MEDIUM / LOW. The last three are crmkit's defaults (the seeds give
 * none); change them with {@link #builder(BusinessCalendar)}.
 *
 * <pre>{@code
 * SlaPolicy policy = SlaPolicy.builder(calendar).target(Severity.HIGH, SlaClock.RESOLUTION, Duration.ofHours(24)).build();
 * SlaStatus status = policy.status(SlaClock.RESOLUTION, Severity.HIGH, run, asOf);
 * }</pre>
 */
public final class SlaPolicy {

    /** The longest target: the span between the first and the last instant a calendar covers. */
    private static final Duration MAX_TARGET = Duration.between(BusinessCalendar.MIN_INSTANT,
            BusinessCalendar.MAX_INSTANT);

    private final BusinessCalendar calendar;
    private final Map<Severity, Map<SlaClock, Duration>> targets;

    private SlaPolicy(BusinessCalendar calendar, Map<Severity, Map<SlaClock, Duration>> targets) {
        this.calendar = calendar;
        this.targets = targets;
    }

    /** @return the standard targets on a 24×7 calendar in UTC */
    public static SlaPolicy standard() {
        return standard(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));
    }

    /**
     * Returns the standard targets on a calendar.
     *
     * @param calendar the business calendar the targets are measured on
     * @return the policy
     */
    public static SlaPolicy standard(BusinessCalendar calendar) {
        return builder(calendar).build();
    }

    /**
     * Starts a policy from the standard targets on a calendar.
     *
     * @param calendar the business calendar the targets are measured on
     * @return a builder
     */
    public static Builder builder(BusinessCalendar calendar) {
        return new Builder(requireNonNull(calendar, "calendar"));
    }

    /** @return the business calendar the targets are measured on */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * Returns a target.
     *
     * @param severity the complaint's severity
     * @param clock the clock
     * @return the business time allowed, positive
     */
    public Duration target(Severity severity, SlaClock clock) {
        return targets.get(requireNonNull(severity, "severity")).get(requireNonNull(clock, "clock"));
    }

    /**
     * Evaluates a clock's run at an instant. The clock is BREACHED once its business time exceeds
     * the target (strictly), MET if it stopped within the target, PAUSED or RUNNING otherwise.
     * Warnings are raised at 50 % and 75 % of the target used and at breach.
     *
     * @param clock the clock
     * @param severity the complaint's severity
     * @param run the clock's recorded run
     * @param asOf the instant of evaluation, not before the run's start
     * @return the status
     * @throws IllegalArgumentException if {@code asOf} is before the run's start, an instant is
     *         outside the calendar's range ({@link BusinessCalendar#MIN_INSTANT} to
     *         {@link BusinessCalendar#MAX_INSTANT}), or a running clock would fall due after it
     */
    public SlaStatus status(SlaClock clock, Severity severity, ClockRun run, Instant asOf) {
        requireNonNull(run, "run");
        Duration target = target(severity, clock);
        Duration elapsed = run.businessTime(calendar, asOf);
        boolean breached = elapsed.compareTo(target) > 0;
        boolean stopped = run.isStoppedAt(asOf);
        boolean paused = run.isPausedAt(asOf);
        ClockState state = breached ? ClockState.BREACHED
                : stopped ? ClockState.MET : paused ? ClockState.PAUSED : ClockState.RUNNING;
        Duration remaining = breached ? Duration.ZERO : target.minus(elapsed);
        Duration overdue = breached ? elapsed.minus(target) : Duration.ZERO;
        Set<SlaWarning> warnings = EnumSet.noneOf(SlaWarning.class);
        for (SlaWarning w : SlaWarning.values()) {
            boolean raised = w == SlaWarning.BREACHED ? breached : reached(elapsed, target, w.fraction());
            if (raised) {
                warnings.add(w);
            }
        }
        Optional<Instant> dueAt = state == ClockState.RUNNING
                ? Optional.of(calendar.plusBusinessTime(asOf, remaining)) : Optional.empty();
        Optional<Instant> stoppedAt = stopped ? run.stop() : Optional.empty();
        return new SlaStatus(clock, state, target, elapsed, remaining, overdue, warnings, dueAt, stoppedAt);
    }

    /**
     * Whether {@code elapsed} has reached a fraction of {@code target}, in exact arithmetic: the
     * fraction is a multiple of 1/4 (50 %, 75 %), so both sides are scaled by 4 in durations, which
     * cannot overflow for the spans a {@link BusinessCalendar} covers.
     */
    private static boolean reached(Duration elapsed, Duration target, double fraction) {
        long quarters = Math.round(fraction * 4);
        return elapsed.multipliedBy(4).compareTo(target.multipliedBy(quarters)) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaPolicy p && calendar.equals(p.calendar) && targets.equals(p.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(calendar, targets);
    }

    @Override
    public String toString() {
        return "SlaPolicy[" + calendar + ", " + targets + "]";
    }

    /** Builds an SLA policy, starting from the standard targets; not thread-safe. */
    public static final class Builder {
        private final BusinessCalendar calendar;
        private final Map<Severity, Map<SlaClock, Duration>> targets = new EnumMap<>(Severity.class);

        private Builder(BusinessCalendar calendar) {
            this.calendar = calendar;
            standard(Severity.CRITICAL, 1, 4, 24);
            standard(Severity.HIGH, 2, 8, 48);
            standard(Severity.MEDIUM, 4, 16, 120);
            standard(Severity.LOW, 8, 24, 240);
        }

        private void standard(Severity severity, int ackHours, int firstResponseHours, int resolutionHours) {
            Map<SlaClock, Duration> m = new EnumMap<>(SlaClock.class);
            m.put(SlaClock.REGISTRATION, Duration.ofMinutes(30));
            m.put(SlaClock.ACKNOWLEDGEMENT, Duration.ofHours(ackHours));
            m.put(SlaClock.FIRST_RESPONSE, Duration.ofHours(firstResponseHours));
            m.put(SlaClock.RESOLUTION, Duration.ofHours(resolutionHours));
            targets.put(severity, m);
        }

        /**
         * Sets one target.
         *
         * @param severity the severity
         * @param clock the clock
         * @param businessTime the business time allowed, positive and at most the span a
         *        business calendar covers (0001-01-01 to 9999-12-31)
         * @return this builder
         * @throws IllegalArgumentException if the business time is not positive or too long
         */
        public Builder target(Severity severity, SlaClock clock, Duration businessTime) {
            requireNonNull(severity, "severity");
            requireNonNull(clock, "clock");
            requireNonNull(businessTime, "businessTime");
            checkArgument(!businessTime.isNegative() && !businessTime.isZero(),
                    "target %s for %s clock of %s complaints must be positive", businessTime, clock, severity);
            checkArgument(businessTime.compareTo(MAX_TARGET) <= 0,
                    "target %s for %s clock of %s complaints is longer than %s, the span a business calendar covers",
                    businessTime, clock, severity, MAX_TARGET);
            targets.get(severity).put(clock, businessTime);
            return this;
        }

        /**
         * Sets one clock's target for every severity.
         *
         * @param clock the clock
         * @param businessTime the business time allowed, positive and at most the span a
         *        business calendar covers
         * @return this builder
         * @throws IllegalArgumentException if the business time is not positive or too long
         */
        public Builder target(SlaClock clock, Duration businessTime) {
            for (Severity s : Severity.values()) {
                target(s, clock, businessTime);
            }
            return this;
        }

        /** @return the policy */
        public SlaPolicy build() {
            Map<Severity, Map<SlaClock, Duration>> copy = new EnumMap<>(Severity.class);
            targets.forEach((s, m) -> copy.put(s, java.util.Collections.unmodifiableMap(new EnumMap<>(m))));
            return new SlaPolicy(calendar, java.util.Collections.unmodifiableMap(copy));
        }
    }
}
