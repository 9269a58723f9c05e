package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.sla.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The transition table is the single source of behaviour: for every state and every trigger, a
 * command that satisfies the roles and guards is accepted if and only if the table has the row,
 * and then lands in the row's target.
 */
class ComplaintTableTest {

    /** A command for the trigger that every role and guard of the table lets through. */
    static ComplaintCommand satisfying(Complaint c, ComplaintTrigger trigger) {
        ComplaintWorkflow w = c.workflow();
        // the reopen window and the acceptance timeout are both met exactly at their length
        Instant at = c.lastEvent().at().plus(trigger == ComplaintTrigger.REOPEN ? w.reopenWindow()
                : w.acceptanceTimeout());
        Role role = w.roles(trigger).contains(Role.MANAGER) ? Role.MANAGER : w.roles(trigger).iterator().next();
        Actor actor = switch (role) {
            case OWNER -> Actor.of(c.owner(), Role.OWNER);
            case CUSTOMER -> Actor.of(c.customer().value(), Role.CUSTOMER);
            default -> Actor.of("qian.min", role);
        };
        if (trigger == ComplaintTrigger.RECEIVE) {
            return ComplaintCommand.receive(c.intake(), at, actor);
        }
        ComplaintCommand cmd = ComplaintCommand.of(trigger, at, actor);
        return switch (trigger) {
            case ASSIGN, ESCALATE -> cmd.withAssignee("wang.wei");
            case CLOSE -> cmd.withEvaluation(4, "supplier-defect");
            default -> cmd;
        };
    }

    /** One complaint in every state the table reaches from receipt, found by walking the table itself. */
    static Map<ComplaintState, Complaint> oneInEveryReachableState(ComplaintWorkflow workflow) {
        Complaint received = Complaint.receive(workflow, ComplaintCommand.receive(
                ComplaintStoriesTest.intake(Severity.HIGH), ComplaintStoriesTest.T0, Actor.of("li.na", Role.MANAGER)));
        Map<ComplaintState, Complaint> found = new EnumMap<>(ComplaintState.class);
        Deque<Complaint> queue = new ArrayDeque<>(List.of(received));
        found.put(received.state(), received);
        while (!queue.isEmpty()) {
            Complaint c = queue.poll();
            for (ComplaintTrigger t : c.permittedTriggers()) {
                Complaint next = c.apply(satisfying(c, t));
                if (found.putIfAbsent(next.state(), next) == null) {
                    queue.add(next);
                }
            }
        }
        return found;
    }

    /** Checks every trigger on a complaint against the table; returns how many were accepted. */
    static int checkEveryTrigger(Complaint c) {
        ComplaintWorkflow w = c.workflow();
        int accepted = 0;
        for (ComplaintTrigger t : ComplaintTrigger.values()) {
            ComplaintCommand cmd = satisfying(c, t);
            if (w.target(c.state(), t).isPresent()) {
                Complaint after = c.apply(cmd);
                assertEquals(w.target(c.state(), t).orElseThrow(), after.state(), c.state() + " " + t);
                accepted++;
            } else {
                IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> c.apply(cmd),
                        c.state() + " " + t);
                assertEquals(w.permittedTriggers(c.state()), e.allowedTriggers());
            }
        }
        return accepted;
    }

    @Test
    void everyStateAcceptsExactlyTheCommandsItsRowsPermit() {
        Map<ComplaintState, Complaint> states = oneInEveryReachableState(ComplaintWorkflow.standard());
        // every state but the pseudo-state NEW is reachable on the standard table
        assertEquals(ComplaintState.values().length - 1, states.size());
        int accepted = 0;
        for (Complaint c : states.values()) {
            accepted += checkEveryTrigger(c);
        }
        // the rows of the standard table leaving states other than NEW, counted in its documentation
        assertEquals(3 + 4 + 5 + 5 + 3 + 5 + 1 + 1 + 0, accepted);
    }

    @Test
    void theFirstCommandMustBeAReceive() {
        ComplaintWorkflow standard = ComplaintWorkflow.standard();
        Complaint received = Complaint.receive(ComplaintStoriesTest.intake(Severity.HIGH), ComplaintStoriesTest.T0,
                ComplaintStoriesTest.LI_NA);
        for (ComplaintTrigger t : ComplaintTrigger.values()) {
            ComplaintCommand cmd = satisfying(received, t);
            if (t == ComplaintTrigger.RECEIVE) {
                assertEquals(ComplaintState.RECEIVED, Complaint.receive(standard, cmd).state());
            } else {
                assertThrows(IllegalArgumentException.class, () -> Complaint.receive(standard, cmd), t.name());
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> numbers() {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(40).ofMaxSize(120);
    }

    @Property(tries = 150)
    void onAnyTableEveryReachableStateAcceptsExactlyItsRows(@ForAll("numbers") List<Integer> numbers) {
        ComplaintWorkflow workflow = CustomWorkflowPropertiesTest.table(numbers);
        Map<ComplaintState, Complaint> states = oneInEveryReachableState(workflow);
        List<ComplaintState> reached = new ArrayList<>(states.keySet());
        for (Complaint c : states.values()) {
            assertEquals(workflow.permittedTriggers(c.state()).size(), checkEveryTrigger(c));
        }
        assertTrue(reached.contains(ComplaintState.RECEIVED));
    }
}
