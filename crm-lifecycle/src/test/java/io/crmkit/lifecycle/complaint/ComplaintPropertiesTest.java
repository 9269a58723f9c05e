package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the complaint over random command sequences, refused ones included. */
class ComplaintPropertiesTest {

    /** One random command: what, how long after the previous one, who, and with which data. */
    record Step(ComplaintTrigger randomTrigger, int gapMinutes, int who, boolean withData, int pick) {

        /**
         * Three steps in four follow the table (mostly moving forward, so sequences get deep;
         * withdraw is rare), the fourth is any trigger at all.
         */
        ComplaintTrigger trigger(Complaint c) {
            List<ComplaintTrigger> permitted = new ArrayList<>(c.permittedTriggers());
            if (pick % 25 != 0) {
                permitted.remove(ComplaintTrigger.WITHDRAW);
            }
            if (pick % 3 != 0) {
                List<ComplaintTrigger> forward = permitted.stream()
                        .filter(t -> c.workflow().target(c.state(), t).orElseThrow() != c.state()).toList();
                permitted = forward.isEmpty() ? permitted : new ArrayList<>(forward);
            }
            return pick % 4 == 3 || permitted.isEmpty() ? randomTrigger : permitted.get(pick % permitted.size());
        }

        /** Seven steps in eight act in a role the workflow allows for the trigger, the eighth in any role. */
        Actor actor(Complaint c, ComplaintTrigger trigger) {
            List<Role> allowed = List.copyOf(c.workflow().roles(trigger));
            if (pick % 8 == 7 || allowed.isEmpty()) {
                return ComplaintPropertiesTest.actor(c, who);
            }
            return ComplaintPropertiesTest.actor(c, switch (allowed.get(who % allowed.size())) {
                case AGENT -> 0;
                case OWNER -> 1;
                case SUPERVISOR -> 2;
                case MANAGER -> 3;
                case CUSTOMER -> 4;
            });
        }
    }

    /** A run of steps: the complaint after each accepted one, and what happened to the refused ones. */
    record Run(Complaint complaint, List<Complaint> versions, int refused) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(120, 12 * 24 * 60)));
        return Combinators.combine(Arbitraries.of(ComplaintTrigger.values()), gaps,
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 1000)).as(Step::new)
                .list().ofMinSize(3).ofMaxSize(60);
    }

    static Actor actor(Complaint c, int who) {
        return switch (who) {
            case 0 -> Actor.of("li.na", Role.AGENT);
            case 1 -> Actor.of(c.owner(), Role.OWNER);
            case 2 -> Actor.of("zhao.lei", Role.SUPERVISOR);
            case 3 -> Actor.of("qian.min", Role.MANAGER);
            case 4 -> Actor.of("c-17", Role.CUSTOMER);
            default -> Actor.of("someone.else", Role.OWNER);
        };
    }

    static ComplaintCommand command(Complaint c, ComplaintTrigger trigger, Step step, Instant at) {
        if (trigger == ComplaintTrigger.RECEIVE) {
            return ComplaintCommand.receive(c.intake(), at, step.actor(c, trigger));
        }
        ComplaintCommand cmd = ComplaintCommand.of(trigger, at, step.actor(c, trigger));
        if (step.withData()) {
            cmd = switch (trigger) {
                case ASSIGN, ESCALATE -> cmd.withAssignee(List.of("wang.wei", "zhao.lei", "li.na").get(step.who() % 3));
                case CLOSE -> cmd.withEvaluation(1 + step.who() % 5, "cause-" + step.who());
                default -> cmd.withNote("note " + step.gapMinutes());
            };
        }
        return cmd;
    }

    static Run run(List<Step> steps) {
        Complaint c = ComplaintStoriesTest.received();
        List<Complaint> versions = new ArrayList<>(List.of(c));
        Instant at = ComplaintStoriesTest.T0;
        int refused = 0;
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(step.gapMinutes()));
            ComplaintTrigger trigger = step.trigger(c);
            ComplaintCommand cmd = command(c, trigger, step, at);
            Complaint before = c;
            List<ComplaintEvent> historyBefore = before.history();
            try {
                c = c.apply(cmd);
                versions.add(c);
            } catch (IllegalTransitionException e) {
                refused++;
                assertTrue(before.workflow().target(before.state(), trigger).isEmpty(),
                        "illegal only when the table has no row");
                assertEquals(before.workflow().permittedTriggers(before.state()), e.allowedTriggers());
            } catch (GuardRefusedException e) {
                refused++;
                assertTrue(before.workflow().target(before.state(), trigger).isPresent(),
                        "a guard refuses only a row that exists");
            }
            assertEquals(historyBefore, before.history(), "a command never changes the complaint it is applied to");
        }
        return new Run(c, versions, refused);
    }

    @Property(tries = 300)
    void replayingTheHistoryRebuildsAnEqualComplaint(@ForAll("steps") List<Step> steps) {
        Complaint c = run(steps).complaint();
        Statistics.label("final state").collect(c.state());
        Statistics.label("reached").collect(c.history().stream().map(ComplaintEvent::to)
                .anyMatch(s -> s == ComplaintState.CLOSED) ? "closed" : "never closed");
        Statistics.label("reopened").collect(c.reopenCount() > 0);
        Statistics.label("reached").coverage(check -> check.check("closed").percentage(p -> p >= 3.0));
        Statistics.label("reopened").coverage(check -> check.check(true).percentage(p -> p >= 2.0));
        Complaint replayed = Complaint.replay(c.history());
        assertEquals(c, replayed);
        assertEquals(c.state(), replayed.state());
        assertEquals(c.owner(), replayed.owner());
        assertEquals(c.escalationLevel(), replayed.escalationLevel());
        assertEquals(c.satisfaction(), replayed.satisfaction());
        assertEquals(c.toString(), replayed.toString());
    }

    @Property(tries = 300)
    void anyRecordedHistoryReplaysToTheSameHeadAndAnySingleEditDropOrSwapIsDetected(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 1000) int where,
            @ForAll @IntRange(min = 0, max = 3) int change) {
        Complaint c = run(steps).complaint();
        List<ComplaintEvent> history = c.history();
        Complaint replayed = Complaint.replay(history, c.headHash());
        assertEquals(c, replayed);
        assertEquals(c.headHash(), replayed.headHash());
        int i = where % history.size();
        List<ComplaintEvent> changed = new ArrayList<>(history);
        ComplaintEvent e = history.get(i);
        String kind;
        switch (change) {
            case 0 -> {
                kind = "edit";
                changed.set(i, ComplaintEvent.of(e.command().withNote("forged edit"), e.from(), e.to(),
                        e.externalGuards(), e.previousHash()));
            }
            case 1 -> {
                kind = "edit, chain recomputed";
                changed.set(i, ComplaintEvent.of(e.command().withNote("forged edit"), e.from(), e.to()));
                changed = ComplaintReplayTest.relinked(changed);
            }
            case 2 -> {
                kind = "drop";
                changed.remove(i);
            }
            default -> {
                kind = "swap";
                if (history.size() < 2) {
                    return;
                }
                int j = i == history.size() - 1 ? i - 1 : i + 1;
                changed.set(i, history.get(j));
                changed.set(j, e);
            }
        }
        Statistics.label("change").collect(kind);
        List<ComplaintEvent> forged = changed;
        assertThrows(IllegalArgumentException.class, () -> Complaint.replay(forged, c.headHash()), kind + " at " + i);
    }

    @Property(tries = 300)
    void everySuggestedActionIsACommandTheTablePermitsNow(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 0, max = 30 * 24 * 60) int minutesLater) {
        Complaint c = run(steps).complaint();
        Instant asOf = c.lastEvent().at().plus(Duration.ofMinutes(minutesLater));
        for (PendingAction a : c.pendingActions(asOf)) {
            assertTrue(c.permittedTriggers().contains(a.trigger()), c.state() + ": " + a);
            assertTrue(!a.reason().startsWith(a.trigger().commandName() + ":"), a.toString());
        }
    }

    @Property(tries = 300)
    void asOfAnInstantEqualsTheComplaintBuiltFromTheEventsUpToThatInstant(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = -10, max = 20 * 24 * 60) int minutes) {
        Complaint c = run(steps).complaint();
        Instant t = ComplaintStoriesTest.T0.plus(Duration.ofMinutes(minutes));
        List<ComplaintEvent> prefix = c.history().stream().filter(e -> !e.at().isAfter(t)).toList();
        Optional<Complaint> then = c.asOf(t);
        if (prefix.isEmpty()) {
            assertTrue(then.isEmpty());
        } else {
            assertEquals(Complaint.replay(prefix), then.orElseThrow());
        }
    }

    @Property(tries = 300)
    void noSequenceProducesATransitionOutsideTheTable(@ForAll("steps") List<Step> steps) {
        Complaint c = run(steps).complaint();
        ComplaintState state = ComplaintState.NEW;
        for (ComplaintEvent e : c.history()) {
            assertEquals(state, e.from());
            assertEquals(Optional.of(e.to()), c.workflow().target(e.from(), e.trigger()));
            state = e.to();
        }
        assertEquals(c.state(), state);
    }

    @Property(tries = 200)
    void everyAcceptedCommandAddsExactlyOneEvent(@ForAll("steps") List<Step> steps) {
        Run run = run(steps);
        for (int i = 0; i < run.versions().size(); i++) {
            Complaint v = run.versions().get(i);
            assertEquals(i + 1, v.eventCount());
            if (i > 0) {
                assertEquals(run.versions().get(i - 1).history(), v.history().subList(0, i));
            }
        }
        assertEquals(steps.size(), run.versions().size() - 1 + run.refused());
    }

    @Property(tries = 200)
    void timeAwaitingTheCustomerNeverCounts(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 30 * 24 * 60) int extraMinutesAwaiting) {
        Complaint c = run(steps).complaint();
        Duration extra = Duration.ofMinutes(extraMinutesAwaiting);
        List<ComplaintEvent> stretched = new ArrayList<>();
        Duration shift = Duration.ZERO;
        ComplaintEvent previous = null;
        for (ComplaintEvent e : c.history()) {
            if (previous != null && previous.to() == ComplaintState.AWAITING_CUSTOMER) {
                shift = shift.plus(extra);
            }
            String link = stretched.isEmpty() ? ComplaintEvent.GENESIS : stretched.get(stretched.size() - 1).hash();
            stretched.add(ComplaintEvent.of(e.command().at(e.at().plus(shift)), e.from(), e.to(), e.externalGuards(),
                    link));
            previous = e;
        }
        Complaint longer = Complaint.replay(stretched);
        Instant asOf = c.lastEvent().at().plus(Duration.ofHours(1));
        List<SlaStatus> original = c.sla(asOf);
        List<SlaStatus> waitedLonger = longer.sla(asOf.plus(shift));
        for (int i = 0; i < original.size(); i++) {
            assertEquals(original.get(i).elapsed(), waitedLonger.get(i).elapsed(), original.get(i).clock().name());
            assertEquals(original.get(i).state(), waitedLonger.get(i).state());
        }
    }

    @Property(tries = 200)
    void timeAwaitingTheCustomerNeverCountsOnABusinessCalendarEither(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 4) int extraWeeksAwaiting) {
        // whole weeks, so that the stretched history meets the same working hours after each wait
        ComplaintWorkflow office = ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(
                BusinessCalendar.builder(ZoneId.of("Asia/Shanghai")).hours(LocalTime.of(9, 0), LocalTime.of(18, 0))
                        .build())).build();
        Complaint c = Complaint.replay(office, run(steps).complaint().history());
        Duration extra = Duration.ofDays(7L * extraWeeksAwaiting);
        List<ComplaintEvent> stretched = new ArrayList<>();
        Duration shift = Duration.ZERO;
        ComplaintEvent previous = null;
        for (ComplaintEvent e : c.history()) {
            if (previous != null && previous.to() == ComplaintState.AWAITING_CUSTOMER) {
                shift = shift.plus(extra);
            }
            String link = stretched.isEmpty() ? ComplaintEvent.GENESIS : stretched.get(stretched.size() - 1).hash();
            stretched.add(ComplaintEvent.of(e.command().at(e.at().plus(shift)), e.from(), e.to(), e.externalGuards(),
                    link));
            previous = e;
        }
        Complaint longer = Complaint.replay(office, stretched);
        Instant asOf = c.lastEvent().at().plus(Duration.ofHours(1));
        List<SlaStatus> original = c.sla(asOf);
        List<SlaStatus> waitedLonger = longer.sla(asOf.plus(shift));
        for (int i = 0; i < original.size(); i++) {
            assertEquals(original.get(i).elapsed(), waitedLonger.get(i).elapsed(), original.get(i).clock().name());
            assertEquals(original.get(i).state(), waitedLonger.get(i).state());
        }
    }
}
