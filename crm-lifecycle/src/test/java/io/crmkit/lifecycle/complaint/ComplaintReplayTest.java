package io.crmkit.lifecycle.complaint;

import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.CUSTOMER;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.MANAGER;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.WANG;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.at;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.investigating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histories that could never have been recorded are refused on replay (issue 10 §5), each with the
 * event's index and the rule; the hash chain detects edits, reordering and truncation.
 */
class ComplaintReplayTest {

    /** receive 0', assign 10', acknowledge 20', investigate 30', propose 60', accepted 90', closed 100'. */
    static Complaint closed() {
        return investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 4, "supplier-defect");
    }

    /** Re-links a list of events as a forger who recomputes every hash would. */
    static List<ComplaintEvent> relinked(List<ComplaintEvent> events) {
        List<ComplaintEvent> out = new ArrayList<>();
        for (ComplaintEvent e : events) {
            String link = out.isEmpty() ? ComplaintEvent.GENESIS : out.get(out.size() - 1).hash();
            out.add(ComplaintEvent.of(e.command(), e.from(), e.to(), e.externalGuards(), link));
        }
        return out;
    }

    /** The history with event {@code n} (1 for the first) carrying another command, re-linked. */
    static List<ComplaintEvent> forged(List<ComplaintEvent> history, int n, ComplaintCommand command) {
        List<ComplaintEvent> events = new ArrayList<>(history);
        ComplaintEvent e = events.get(n - 1);
        events.set(n - 1, ComplaintEvent.of(command, e.from(), e.to()));
        return relinked(events);
    }

    static String refusal(List<ComplaintEvent> events) {
        return assertThrows(IllegalArgumentException.class, () -> Complaint.replay(events)).getMessage();
    }

    @Test
    void anotherCustomerCannotHaveAcceptedTheResolution() {
        List<ComplaintEvent> events = forged(closed().history(), 6,
                ComplaintCommand.of(ComplaintTrigger.CUSTOMER_ACCEPTS, at(90), Actor.of("c-99", Role.CUSTOMER)));
        assertEquals("event 6 (customerAccepts at 2026-03-02T10:30:00Z) could not have been recorded: complaint CP-1: "
                + "customerAccepts refused by guard 'customer': c-99 acts as customer but complaint CP-1 is customer "
                + "c-17's", refusal(events));
    }

    @Test
    void anActorWhoseIdIsAPhoneNumberIsMaskedInRefusalsAndInToString() {
        Actor phone = Actor.of("13812345678", Role.OWNER);
        assertEquals("138****5678 (owner)", phone.toString());
        List<ComplaintEvent> events = forged(closed().history(), 3,
                ComplaintCommand.of(ComplaintTrigger.ACKNOWLEDGE, at(20), phone));
        assertEquals("event 3 (acknowledge at 2026-03-02T09:20:00Z) could not have been recorded: complaint CP-1: "
                + "acknowledge refused by guard 'owner': 138****5678 acts as owner but the owner is wang.wei",
                refusal(events));
        List<ComplaintEvent> accepted = forged(closed().history(), 6, ComplaintCommand.of(
                ComplaintTrigger.CUSTOMER_ACCEPTS, at(90), Actor.of("li@example.com", Role.CUSTOMER)));
        String refused = refusal(accepted);
        assertTrue(refused.contains("l***@example.com acts as customer"), refused);
        assertFalse(refused.contains("li@example.com"), refused);
    }

    @Test
    void aCloseWithoutEvaluationCannotHaveBeenRecorded() {
        List<ComplaintEvent> events = forged(closed().history(), 7,
                ComplaintCommand.of(ComplaintTrigger.CLOSE, at(100), WANG));
        assertEquals("event 7 (close at 2026-03-02T10:40:00Z) could not have been recorded: complaint CP-1: close "
                + "refused by guard 'evaluation': close needs a satisfaction score 1–5 and a root cause",
                refusal(events));
    }

    @Test
    void aNonOwnerCannotHaveActedAsTheOwner() {
        List<ComplaintEvent> events = forged(closed().history(), 3,
                ComplaintCommand.of(ComplaintTrigger.ACKNOWLEDGE, at(20), Actor.of("li.na", Role.OWNER)));
        assertEquals("event 3 (acknowledge at 2026-03-02T09:20:00Z) could not have been recorded: complaint CP-1: "
                + "acknowledge refused by guard 'owner': li.na acts as owner but the owner is wang.wei",
                refusal(events));
    }

    @Test
    void sixEscalationsCannotHaveBeenRecordedWhereThreeIsTheHighestLevel() {
        List<ComplaintEvent> events = new ArrayList<>(investigating().history());
        for (int i = 0; i < 6; i++) {
            events.add(ComplaintEvent.of(ComplaintCommand.of(ComplaintTrigger.ESCALATE, at(40 + i), MANAGER),
                    ComplaintState.INVESTIGATING, ComplaintState.INVESTIGATING));
        }
        assertEquals("event 8 (escalate at 2026-03-02T09:43:00Z) could not have been recorded: complaint CP-1: "
                + "escalate refused by guard 'escalation authority': escalation level 3 is the highest",
                refusal(relinked(events)));
        assertEquals(3, Complaint.replay(relinked(events.subList(0, 7))).escalationLevel());
    }

    @Test
    void aReopenFourHundredDaysAfterTheCloseCannotHaveBeenRecorded() {
        List<ComplaintEvent> events = new ArrayList<>(closed().history());
        events.add(ComplaintEvent.of(ComplaintCommand.of(ComplaintTrigger.REOPEN, at(100).plus(Duration.ofDays(400)),
                CUSTOMER), ComplaintState.CLOSED, ComplaintState.INVESTIGATING));
        assertEquals("event 8 (reopen at 2027-04-06T10:40:00Z) could not have been recorded: complaint CP-1: reopen "
                + "refused by guard 'reopen window': the reopen window of 7 days ended at 2026-03-09T10:40:00Z: open "
                + "a follow-up complaint linked to this one", refusal(relinked(events)));
    }

    @Test
    void droppedTrailingEventsAreDetectedAgainstTheExpectedHead() {
        Complaint closed = closed();
        List<ComplaintEvent> cut = closed.history().subList(0, 5);
        // the first five events are a history that was once recorded: without the head nothing tells
        Complaint earlier = Complaint.replay(cut);
        assertEquals(ComplaintState.RESOLUTION_PROPOSED, earlier.state());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Complaint.replay(cut, closed.headHash()));
        assertEquals("history of complaint CP-1 ends at event 5 with hash " + earlier.headHash()
                + ", but the expected head is " + closed.headHash() + ": events were dropped, added or edited",
                e.getMessage());
        assertEquals(closed, Complaint.replay(closed.history(), closed.headHash()));
    }

    @Test
    void anEditedEventBreaksTheChainAtTheNextEvent() {
        List<ComplaintEvent> events = new ArrayList<>(closed().history());
        ComplaintEvent third = events.get(2);
        events.set(2, ComplaintEvent.of(third.command().withNote("edited"), third.from(), third.to(),
                third.externalGuards(), third.previousHash()));
        assertEquals("event 4 (startInvestigation) links to hash " + third.hash() + ", but the event before it has "
                + "hash " + events.get(2).hash() + ": the history was edited, reordered or cut", refusal(events));
    }

    @Test
    void aNullEventIsRefusedNamingItsIndex() {
        List<ComplaintEvent> events = Arrays.asList(closed().history().get(0), null);
        assertEquals("event 2 is null: a history holds one event per recorded command", refusal(events));
        assertThrows(NullPointerException.class, () -> Complaint.replay((Iterable<ComplaintEvent>) null));
    }

    @Test
    void eachEventIsChainedToThePreviousOneBySha256() {
        List<ComplaintEvent> history = closed().history();
        assertEquals(ComplaintEvent.GENESIS, history.get(0).previousHash());
        for (int i = 1; i < history.size(); i++) {
            assertEquals(history.get(i - 1).hash(), history.get(i).previousHash());
        }
        for (ComplaintEvent e : history) {
            assertTrue(e.hash().matches("[0-9a-f]{64}"), e.hash());
        }
        assertEquals(closed().headHash(), history.get(history.size() - 1).hash());
        assertEquals(closed().headHash(), closed().headHash(), "deterministic");
        // every field counts: the same command with another note, actor or instant hashes differently
        ComplaintEvent first = history.get(0);
        ComplaintCommand c = first.command();
        for (ComplaintCommand other : List.of(c.withNote("x"), ComplaintCommand.receive(c.intake().orElseThrow(),
                c.at().plusNanos(1), c.actor()), ComplaintCommand.receive(c.intake().orElseThrow(), c.at(),
                Actor.of("li.na", Role.SUPERVISOR)))) {
            assertNotEquals(first.hash(), ComplaintEvent.of(other, first.from(), first.to()).hash(), other.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> ComplaintEvent.of(c, first.from(), first.to(), List.of(),
                "ABC"));
    }

    @Test
    void externalGuardsAreRecordedInTheEventAndTheRecordIsChecked() {
        Guard creditApproved = Guard.external("credit approved", (ctx, cmd) -> cmd.note().isPresent(),
                (ctx, cmd) -> "a goodwill credit needs the approval number in the note");
        ComplaintWorkflow withCredit = ComplaintWorkflow.standardBuilder().configure(ComplaintState.RESOLVED)
                .permit(ComplaintTrigger.CLOSE, ComplaintState.CLOSED, creditApproved).build();
        Complaint resolved = Complaint.replay(withCredit, closed().history().subList(0, 6));
        GuardRefusedException refused = assertThrows(GuardRefusedException.class,
                () -> resolved.close(at(100), WANG, 4, "supplier-defect"));
        assertEquals("credit approved", refused.guard());
        Complaint c = resolved.apply(ComplaintCommand.of(ComplaintTrigger.CLOSE, at(100), WANG)
                .withEvaluation(4, "supplier-defect").withNote("approval 7781"));
        assertEquals(List.of("credit approved"), c.lastEvent().externalGuards());
        // the outside setting may have changed since: replay trusts the recorded outcome
        Guard nowRefusing = Guard.external("credit approved", (ctx, cmd) -> false, (ctx, cmd) -> "no");
        ComplaintWorkflow later = ComplaintWorkflow.standardBuilder().configure(ComplaintState.RESOLVED)
                .permit(ComplaintTrigger.CLOSE, ComplaintState.CLOSED, nowRefusing).build();
        assertEquals(c, Complaint.replay(later, c.history(), c.headHash()));
        // an event without the record was not recorded by this workflow
        List<ComplaintEvent> unrecorded = forged(c.history(), 7, c.lastEvent().command());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Complaint.replay(withCredit, unrecorded));
        assertEquals("event 7 (close) records external guards [], but its row has [credit approved]: the event was "
                + "not recorded by this workflow", e.getMessage());
    }

    @Test
    void replayChecksTheSettingsOfTheWorkflowItIsGiven() {
        ComplaintWorkflow fortnight = ComplaintWorkflow.standardBuilder().reopenWindow(Duration.ofDays(14)).build();
        Complaint c = Complaint.replay(fortnight, closed().history()).reopen(at(100).plus(Duration.ofDays(10)),
                CUSTOMER);
        assertEquals(c, Complaint.replay(fortnight, c.history(), c.headHash()));
        String narrower = assertThrows(IllegalArgumentException.class, () -> Complaint.replay(c.history()))
                .getMessage();
        assertTrue(narrower.startsWith("event 8 (reopen at 2026-03-12T10:40:00Z) could not have been recorded"),
                narrower);
        assertTrue(narrower.contains("guard 'reopen window'"), narrower);
    }

    @Test
    void aLongHistoryIsHashedOnDemandWithoutRecursion() {
        Complaint c = ComplaintStoriesTest.received().assign(at(1), ComplaintStoriesTest.LI_NA_OWNER, "wang.wei");
        for (int i = 0; i < 20_000; i++) {
            c = c.assign(at(2), Actor.of(c.owner(), Role.OWNER), i % 2 == 0 ? "li.na" : "wang.wei");
        }
        String head = c.headHash();
        assertEquals(c, Complaint.replay(c.history(), head));
        assertEquals(head, c.lastEvent().hash());
    }
}
