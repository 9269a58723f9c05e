package io.crmkit.lifecycle.complaint;

import com.google.common.collect.ImmutableList;
import io.crmkit.lifecycle.sla.ClockRun;
import io.crmkit.lifecycle.sla.ClockState;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaClock;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Derives a complaint's SLA clocks and pending actions from its history and its workflow's table.
 * Which clock an event stops or restarts is the {@link TriggerEffect} on the event's row; every
 * clock pauses while the complaint is in {@link ComplaintState#AWAITING_CUSTOMER}. A suggested
 * action is always a trigger the table permits from the complaint's state: the trigger that
 * fulfils a clock if the state allows one, otherwise the first step of the shortest path through
 * the table to such a trigger.
 */
final class ComplaintClocks {

    private ComplaintClocks() {
    }

    /** Evaluates every clock at {@code asOf} of the history up to {@code asOf}. */
    static List<SlaStatus> statuses(ComplaintWorkflow workflow, List<ComplaintEvent> history, Severity severity,
            SlaPolicy policy, Instant asOf) {
        Map<SlaClock, ClockRun> runs = runs(workflow, history);
        ImmutableList.Builder<SlaStatus> out = ImmutableList.builder();
        for (SlaClock clock : SlaClock.values()) {
            out.add(policy.status(clock, severity, runs.get(clock), asOf));
        }
        return out.build();
    }

    /** Derives each clock's run from the history. */
    static Map<SlaClock, ClockRun> runs(ComplaintWorkflow workflow, List<ComplaintEvent> history) {
        Map<SlaClock, ClockRun> runs = new EnumMap<>(SlaClock.class);
        for (ComplaintEvent e : history) {
            Instant at = e.at();
            if (e.from() == ComplaintState.NEW) {
                for (SlaClock clock : SlaClock.values()) {
                    runs.put(clock, ClockRun.startedAt(at));
                }
                continue;
            }
            TriggerEffect effect = workflow.row(e.from(), e.trigger()).effect();
            boolean awaitingBefore = e.from() == ComplaintState.AWAITING_CUSTOMER;
            boolean awaitingAfter = e.to() == ComplaintState.AWAITING_CUSTOMER;
            if (awaitingBefore && !awaitingAfter && !effect.stopsEveryClock()) {
                runs.replaceAll((clock, run) -> run.isPausedAt(at) && run.stop().isEmpty() ? run.resumedAt(at) : run);
            }
            for (SlaClock clock : effect.stopsEveryClock() ? List.of(SlaClock.values()) : effect.fulfils()) {
                ClockRun run = runs.get(clock);
                if (run.stop().isEmpty()) {
                    runs.put(clock, run.stoppedAt(at));
                }
            }
            // a custom table may reopen a complaint whose resolution clock still runs
            ClockRun resolution = runs.get(SlaClock.RESOLUTION);
            if (effect.restartsResolution() && resolution.stop().isPresent()) {
                runs.put(SlaClock.RESOLUTION, resolution.restartedAt(at));
            }
            if (awaitingAfter && !awaitingBefore) {
                runs.replaceAll((clock, run) -> run.stop().isEmpty() ? run.pausedAt(at) : run);
            }
        }
        return runs;
    }

    /**
     * Lists what is due at {@code asOf} on a complaint as it was then: in {@code state} since
     * {@code enteredStateAt}, at an escalation level, with its clocks' statuses.
     */
    static List<PendingAction> pendingActions(ComplaintWorkflow workflow, ComplaintState state,
            Instant enteredStateAt, int escalationLevel, List<SlaStatus> statuses, Instant asOf) {
        if (!state.isOpen()) {
            return List.of();
        }
        List<PendingAction> actions = new ArrayList<>();
        switch (state) {
            case AWAITING_CUSTOMER -> preferred(workflow, state, t -> t.to() != state && !t.effect().stopsEveryClock())
                    .ifPresent(t -> actions.add(new PendingAction(t, "awaiting the customer since "
                            + enteredStateAt + "; SLA clocks paused", Optional.empty(), false)));
            case RESOLVED -> permitted(workflow, state, ComplaintTrigger.CLOSE).ifPresent(t -> actions.add(
                    new PendingAction(t, "the customer accepted the resolution: close and evaluate "
                            + "(satisfaction 1–5, root cause)", Optional.empty(), false)));
            case RESOLUTION_PROPOSED -> {
                Instant timeout = ComplaintWorkflow.plus(enteredStateAt, workflow.acceptanceTimeout());
                if (asOf.isBefore(timeout)) {
                    permitted(workflow, state, ComplaintTrigger.CUSTOMER_ACCEPTS).ifPresent(t -> actions.add(
                            new PendingAction(t, "awaiting the customer's answer to the proposed resolution",
                                    Optional.of(timeout), false)));
                } else {
                    permitted(workflow, state, ComplaintTrigger.CLOSE).ifPresent(t -> actions.add(
                            new PendingAction(t, "the acceptance timeout passed at " + timeout
                                    + ": close without acceptance, or ask the customer again", Optional.empty(),
                                    true)));
                }
            }
            default -> {
            }
        }
        boolean canEscalate = workflow.permittedTriggers(state).contains(ComplaintTrigger.ESCALATE)
                && escalationLevel < workflow.maxEscalationLevel();
        for (SlaStatus s : statuses) {
            if (s.stoppedAt().isPresent() || s.state() == ClockState.PAUSED) {
                continue;
            }
            if (s.clock() == SlaClock.RESOLUTION && state == ComplaintState.RESOLUTION_PROPOSED && !s.isBreached()) {
                continue;
            }
            Optional<ComplaintTrigger> step = nextStepTowards(workflow, state, s.clock());
            if (s.isBreached()) {
                String what = s.clock().label() + " SLA breached " + Texts.duration(s.overdue()) + " ago";
                boolean escalate = canEscalate
                        && (s.clock() == SlaClock.FIRST_RESPONSE || s.clock() == SlaClock.RESOLUTION);
                Optional<ComplaintTrigger> trigger = escalate ? Optional.of(ComplaintTrigger.ESCALATE) : step;
                trigger.ifPresent(t -> actions.add(new PendingAction(t, what, Optional.empty(), true)));
            } else {
                String what = s.clock().label() + " SLA due at " + s.dueAt().orElseThrow() + " ("
                        + Math.round(100 * s.fractionUsed()) + " % used)";
                step.ifPresent(t -> actions.add(new PendingAction(t, what, s.dueAt(), false)));
            }
        }
        actions.sort(Comparator.comparing((PendingAction a) -> !a.overdue())
                .thenComparing(a -> a.dueAt().orElse(Instant.MAX)));
        return ImmutableList.copyOf(actions);
    }

    /**
     * The trigger to fire now to move a clock towards its stop: a row from {@code state} whose
     * effect fulfils the clock, else the first row of the shortest path through the table to a
     * state that has one (never a row that stops every clock, such as withdraw, and never a
     * reentry). Ties go to the row with fewer guards, then to the later trigger in the process.
     */
    static Optional<ComplaintTrigger> nextStepTowards(ComplaintWorkflow workflow, ComplaintState state,
            SlaClock clock) {
        Optional<ComplaintTrigger> direct = preferred(workflow, state, t -> t.effect().fulfils().contains(clock));
        if (direct.isPresent()) {
            return direct;
        }
        Map<ComplaintState, ComplaintTrigger> firstStep = new EnumMap<>(ComplaintState.class);
        Deque<ComplaintState> queue = new ArrayDeque<>();
        queue.add(state);
        firstStep.put(state, null);
        while (!queue.isEmpty()) {
            ComplaintState s = queue.poll();
            for (Transition t : ranked(workflow, s)) {
                if (t.isReentry() || t.effect().stopsEveryClock() || firstStep.containsKey(t.to())) {
                    continue;
                }
                ComplaintTrigger first = s == state ? t.trigger() : firstStep.get(s);
                if (preferred(workflow, t.to(), r -> r.effect().fulfils().contains(clock)).isPresent()) {
                    return Optional.of(first);
                }
                firstStep.put(t.to(), first);
                queue.add(t.to());
            }
        }
        return Optional.empty();
    }

    private static Optional<ComplaintTrigger> permitted(ComplaintWorkflow workflow, ComplaintState state,
            ComplaintTrigger trigger) {
        return workflow.row(state, trigger) == null ? Optional.empty() : Optional.of(trigger);
    }

    private static Optional<ComplaintTrigger> preferred(ComplaintWorkflow workflow, ComplaintState state,
            Predicate<Transition> wanted) {
        return ranked(workflow, state).stream().filter(wanted).findFirst().map(Transition::trigger);
    }

    /** The rows leaving a state, fewest guards first, then the later trigger in the process first. */
    private static List<Transition> ranked(ComplaintWorkflow workflow, ComplaintState state) {
        List<Transition> rows = new ArrayList<>();
        for (ComplaintTrigger t : workflow.permittedTriggers(state)) {
            rows.add(workflow.row(state, t));
        }
        rows.sort(Comparator.comparingInt((Transition t) -> t.guards().length)
                .thenComparing(Transition::trigger, Comparator.reverseOrder()));
        return rows;
    }
}
