package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants that hold on any transition table a user may configure, not only the standard one. */
class CustomWorkflowPropertiesTest {

    private static final ComplaintState[] STATES = ComplaintState.values();
    private static final ComplaintTrigger[] TRIGGERS = ComplaintTrigger.values();

    @Provide
    Arbitrary<List<Integer>> numbers() {
        return Arbitraries.integers().between(0, 10_000).list().ofMinSize(40).ofMaxSize(120);
    }

    /** A table built from the numbers: each state gets a few rows to random targets (never NEW). */
    static ComplaintWorkflow table(List<Integer> numbers) {
        ComplaintWorkflow.Builder b = ComplaintWorkflow.builder();
        b.configure(ComplaintState.NEW).permit(ComplaintTrigger.RECEIVE, ComplaintState.RECEIVED);
        int k = 0;
        for (int s = 1; s < STATES.length; s++) {
            int rows = numbers.get(k++ % numbers.size()) % 5;
            for (int r = 0; r < rows; r++) {
                ComplaintTrigger t = TRIGGERS[1 + numbers.get(k++ % numbers.size()) % (TRIGGERS.length - 1)];
                ComplaintState to = STATES[1 + numbers.get(k++ % numbers.size()) % (STATES.length - 1)];
                b.configure(STATES[s]).permit(t, to);
            }
        }
        return b.build();
    }

    @Property(tries = 200)
    void slaClocksAndPendingActionsAreDefinedOnAnyTableAndReplayRebuildsTheComplaint(
            @ForAll("numbers") List<Integer> numbers) {
        ComplaintWorkflow workflow = table(numbers);
        Actor manager = Actor.of("qian.min", Role.MANAGER);
        Instant at = ComplaintStoriesTest.T0;
        Complaint c = Complaint.receive(workflow, ComplaintCommand.receive(
                ComplaintStoriesTest.intake(io.crmkit.lifecycle.sla.Severity.MEDIUM), at, manager));
        List<Complaint> versions = new ArrayList<>(List.of(c));
        for (int i = 0; i < numbers.size(); i++) {
            List<ComplaintTrigger> permitted = new ArrayList<>(c.permittedTriggers());
            if (permitted.isEmpty()) {
                break;
            }
            at = at.plus(Duration.ofMinutes(numbers.get(i) % 600));
            ComplaintTrigger t = permitted.get(numbers.get((i * 7 + 3) % numbers.size()) % permitted.size());
            ComplaintCommand cmd = ComplaintCommand.of(t, at, manager);
            cmd = switch (t) {
                case ASSIGN, ESCALATE -> cmd.withAssignee("wang.wei");
                case CLOSE -> cmd.withEvaluation(3, "cause");
                default -> cmd;
            };
            c = c.apply(cmd);
            versions.add(c);
        }
        assertEquals(c, Complaint.replay(workflow, c.history(), c.headHash()));
        for (Complaint v : versions) {
            Instant asOf = v.lastEvent().at().plus(Duration.ofHours(1));
            List<SlaStatus> sla = v.sla(asOf);
            assertEquals(4, sla.size());
            for (SlaStatus s : sla) {
                assertTrue(!s.elapsed().isNegative() && Double.isFinite(s.fractionUsed()));
            }
            for (PendingAction action : v.pendingActions(asOf)) {
                assertTrue(v.permittedTriggers().contains(action.trigger()), v.state() + ": " + action);
            }
        }
    }
}
