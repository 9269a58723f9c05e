package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplaintWorkflowTest {

    private final ComplaintWorkflow standard = ComplaintWorkflow.standard();

    @Test
    void theStandardTableReadsAsDocumented() {
        assertEquals(Optional.of(ComplaintState.RECEIVED), standard.target(ComplaintState.NEW, ComplaintTrigger.RECEIVE));
        assertEquals(Optional.of(ComplaintState.INVESTIGATING),
                standard.target(ComplaintState.CLOSED, ComplaintTrigger.REOPEN));
        assertEquals(Optional.empty(), standard.target(ComplaintState.WITHDRAWN, ComplaintTrigger.REOPEN));
        assertEquals(Set.of(), standard.permittedTriggers(ComplaintState.WITHDRAWN));
        assertEquals(List.of("acceptance timeout", "evaluation"),
                standard.guardNames(ComplaintState.RESOLUTION_PROPOSED, ComplaintTrigger.CLOSE));
    }

    @Test
    void theMermaidDiagramIsDrawnFromTheTable() {
        String mermaid = standard.toMermaid();
        assertTrue(mermaid.startsWith("stateDiagram-v2\n"));
        assertTrue(mermaid.contains("    [*] --> RECEIVED : receive\n"));
        assertTrue(mermaid.contains("    CLOSED --> INVESTIGATING : reopen [reopen window]\n"));
        assertTrue(mermaid.contains("    WITHDRAWN --> [*]\n"));
        long rows = mermaid.lines().filter(l -> l.contains(" : ")).count();
        long tableRows = 0;
        for (ComplaintState s : ComplaintState.values()) {
            tableRows += standard.permittedTriggers(s).size();
        }
        assertEquals(tableRows, rows);
    }

    @Test
    void theDotDiagramAndTheMarkdownComeFromTheSameTable() {
        String dot = standard.toDot();
        assertTrue(dot.startsWith("digraph complaint {"));
        assertTrue(dot.contains("    start -> RECEIVED [label=\"receive\"];"));
        assertTrue(dot.contains("    RESOLVED -> CLOSED [label=\"close [evaluation]\"];"));
        String md = standard.toMarkdown();
        assertTrue(md.contains("| RESOLVED | close | CLOSED | owner, supervisor, manager | evaluation |"), md);
    }

    @Test
    void aCustomTableIsConfiguredLikeStateless4j() {
        ComplaintWorkflow tiny = ComplaintWorkflow.builder()
                .configure(ComplaintState.NEW).permit(ComplaintTrigger.RECEIVE, ComplaintState.RECEIVED)
                .configure(ComplaintState.RECEIVED).permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN)
                .build();
        Complaint c = Complaint.receive(tiny, ComplaintCommand.receive(ComplaintStoriesTest.intake(
                io.crmkit.lifecycle.sla.Severity.LOW), ComplaintStoriesTest.T0, ComplaintStoriesTest.LI_NA));
        assertThrows(IllegalTransitionException.class,
                () -> c.assign(ComplaintStoriesTest.at(1), ComplaintStoriesTest.LI_NA_OWNER, "x"));
        assertEquals(ComplaintState.WITHDRAWN, c.withdraw(ComplaintStoriesTest.at(1), ComplaintStoriesTest.CUSTOMER).state());
    }

    @Test
    void aCustomGuardWithoutAReasonStillRefusesWithAMessageNamingIt() {
        Guard silent = Guard.of("silent", (c, cmd) -> false, (c, cmd) -> null);
        Guard blank = Guard.of("blank", (c, cmd) -> false, (c, cmd) -> "  ");
        assertEquals("the condition of guard 'silent' does not hold", silent.reason(null, null));
        assertEquals("the condition of guard 'blank' does not hold", blank.reason(null, null));
    }

    @Test
    void aCustomGuardRunsAfterTheRoleCheckAndExplainsItsRefusal() {
        Guard noteGiven = Guard.of("note given", (c, cmd) -> cmd.note().isPresent(),
                (c, cmd) -> "a rejection needs a note saying what the customer wants instead");
        assertEquals("note given", noteGiven.name());
        assertEquals("Guard[note given]", noteGiven.toString());
        ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder()
                .configure(ComplaintState.RESOLUTION_PROPOSED)
                .permit(ComplaintTrigger.CUSTOMER_REJECTS, ComplaintState.INVESTIGATING, noteGiven).build();
        assertEquals(List.of("note given"),
                workflow.guardNames(ComplaintState.RESOLUTION_PROPOSED, ComplaintTrigger.CUSTOMER_REJECTS));
        Actor wang = ComplaintStoriesTest.WANG;
        Complaint proposed = Complaint.receive(workflow, ComplaintCommand.receive(
                ComplaintStoriesTest.intake(io.crmkit.lifecycle.sla.Severity.LOW), ComplaintStoriesTest.T0,
                ComplaintStoriesTest.LI_NA))
                .assign(ComplaintStoriesTest.at(10), ComplaintStoriesTest.LI_NA_OWNER, "wang.wei")
                .acknowledge(ComplaintStoriesTest.at(20), wang).proposeResolution(ComplaintStoriesTest.at(30), wang);
        GuardRefusedException refused = assertThrows(GuardRefusedException.class,
                () -> proposed.customerRejects(ComplaintStoriesTest.at(40), ComplaintStoriesTest.CUSTOMER));
        assertEquals("note given", refused.guard());
        assertEquals("complaint CP-1: customerRejects refused by guard 'note given': a rejection needs a note "
                + "saying what the customer wants instead", refused.getMessage());
        GuardRefusedException role = assertThrows(GuardRefusedException.class, () -> proposed.apply(
                ComplaintCommand.of(ComplaintTrigger.CUSTOMER_REJECTS, ComplaintStoriesTest.at(40),
                        ComplaintStoriesTest.SUPERVISOR).withNote("wants a refund")));
        assertEquals("role", role.guard(), "the role is checked before the row's guards");
        Complaint rejected = proposed.apply(ComplaintCommand.of(ComplaintTrigger.CUSTOMER_REJECTS,
                ComplaintStoriesTest.at(40), ComplaintStoriesTest.CUSTOMER).withNote("wants a refund"));
        assertEquals(ComplaintState.INVESTIGATING, rejected.state());
        assertThrows(IllegalArgumentException.class, () -> Guard.of(" ", (c, cmd) -> true, (c, cmd) -> ""));
    }

    @Test
    void aCustomTableThatReopensAnUnresolvedComplaintStillHasSlaClocks() {
        ComplaintWorkflow loose = ComplaintWorkflow.standardBuilder()
                .configure(ComplaintState.INVESTIGATING).permit(ComplaintTrigger.REOPEN, ComplaintState.INVESTIGATING)
                .build();
        Actor wang = ComplaintStoriesTest.WANG;
        Complaint c = Complaint.receive(loose, ComplaintCommand.receive(
                ComplaintStoriesTest.intake(io.crmkit.lifecycle.sla.Severity.LOW), ComplaintStoriesTest.T0,
                ComplaintStoriesTest.LI_NA))
                .assign(ComplaintStoriesTest.at(10), ComplaintStoriesTest.LI_NA_OWNER, "wang.wei")
                .acknowledge(ComplaintStoriesTest.at(20), wang).startInvestigation(ComplaintStoriesTest.at(30), wang)
                .reopen(ComplaintStoriesTest.at(40), wang);
        io.crmkit.lifecycle.sla.SlaStatus resolution = ComplaintStoriesTest.status(
                c.sla(ComplaintStoriesTest.at(60)), io.crmkit.lifecycle.sla.SlaClock.RESOLUTION);
        assertEquals(io.crmkit.lifecycle.sla.ClockState.RUNNING, resolution.state());
        assertEquals(java.time.Duration.ofMinutes(60), resolution.elapsed(), "a running clock keeps running");
    }

    @Test
    void aTableWithoutReceiveIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ComplaintWorkflow.builder().build());
        assertEquals("the workflow needs a receive transition from NEW", e.getMessage());
    }

    @Test
    void commandNamesRoundTrip() {
        for (ComplaintTrigger t : ComplaintTrigger.values()) {
            assertEquals(t, ComplaintTrigger.fromCommandName(t.commandName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComplaintTrigger.fromCommandName("explode"));
        assertTrue(e.getMessage().startsWith("command 'explode' is unknown: use one of receive, assign"));
    }

    @Test
    void guardsAndWhatTheySeeDependOnNeitherTheComplaintNorTheWorkflow() {
        // the Complaint <-> ComplaintWorkflow <-> Guard cycle is broken: a guard reads a context value
        for (Class<?> type : List.of(Guard.class, GuardContext.class, WorkflowSettings.class, ComplaintFacts.class,
                TriggerEffect.class)) {
            List<Class<?>> used = new java.util.ArrayList<>();
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                used.add(f.getType());
            }
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                used.add(m.getReturnType());
                used.addAll(List.of(m.getParameterTypes()));
            }
            for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
                used.addAll(List.of(c.getParameterTypes()));
            }
            assertTrue(!used.contains(Complaint.class) && !used.contains(ComplaintWorkflow.class),
                    type.getSimpleName() + " uses " + used);
        }
    }
}
