package io.crmkit.store;

import static io.crmkit.store.Fixtures.LI_NA;
import static io.crmkit.store.Fixtures.WANG;
import static io.crmkit.store.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.store.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Review s24, finding 1: no append path stores an event after which the stream would not load.
 * The events are replayed with the stored stream before anything is written.
 */
class ComplaintAppendReplaysTest {

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aReceiveWhoseSlaRunsPastTheYear9999IsNotStored(Db db) {
        ComplaintStore complaints = Fixtures.open(db.fresh()).complaints();
        // built as a store rebuilds events, so no command ever checked it
        ComplaintEvent late = ComplaintEvent.of(ComplaintCommand.receive(Fixtures.intake("CP-1"),
                Instant.parse("9999-12-30T23:00:00Z"), LI_NA), ComplaintState.NEW, ComplaintState.RECEIVED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.append("CP-1", 0, List.of(late), "k-1"));
        assertEquals("the events cannot be appended to complaint CP-1: the stream would not replay: event 1 (receive) "
                + "could not have been recorded: at 9999-12-30T23:00:00Z: the resolution SLA target of 2 days for a "
                + "high-severity complaint would fall due after the year 9999 (UTC)", e.getMessage());
        assertEquals(0, complaints.version("CP-1"));
        assertEquals(Optional.empty(), complaints.load("CP-1"));
        // the command path refuses it before the store is touched
        assertThrows(IllegalArgumentException.class, () -> complaints.apply("CP-1", ComplaintCommand.receive(
                Fixtures.intake("CP-1"), Instant.parse("9999-12-30T23:00:00Z"), LI_NA), "k-2"));
        assertEquals(0, complaints.version("CP-1"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void anEventTheWorkflowWouldRefuseIsNotAppendedToAStoredStream(Db db) {
        ComplaintStore complaints = Fixtures.open(db.fresh()).complaints();
        Complaint received = Fixtures.received("CP-1");
        complaints.append(received, 0, "k-1");
        // RECEIVED -> CLOSED by close is not in the standard table, yet chained correctly to the head
        ComplaintEvent forged = ComplaintEvent.of(ComplaintCommand.of(ComplaintTrigger.CLOSE, at(5), WANG)
                .withEvaluation(5, "none"), ComplaintState.RECEIVED, ComplaintState.CLOSED, List.of(),
                received.headHash());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.append("CP-1", 1, List.of(forged), "k-2"));
        assertTrue(e.getMessage().startsWith("the events cannot be appended to complaint CP-1: the stream would not "
                + "replay: event 2: close from RECEIVED to CLOSED is not in the workflow's table"), e.getMessage());
        assertEquals(1, complaints.version("CP-1"));
        assertEquals(Optional.of(received), complaints.load("CP-1"));
        // a valid raw append still goes through
        Complaint assigned = received.assign(at(10), Fixtures.LI_NA_OWNER, "wang.wei");
        assertEquals(2, complaints.append("CP-1", 1, List.of(assigned.lastEvent()), "k-3").version());
        assertEquals(Optional.of(assigned), complaints.load("CP-1"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aComplaintRecordedOnAWiderWorkflowIsReplayedOnTheStoresBeforeItIsWritten(Db db) {
        ComplaintStore complaints = Fixtures.open(db.fresh()).complaints();
        ComplaintWorkflow wide = ComplaintWorkflow.standardBuilder().reopenWindow(Duration.ofDays(3650)).build();
        Complaint closed = Complaint.receive(wide, ComplaintCommand.receive(Fixtures.intake("CP-1"), at(0), LI_NA))
                .assign(at(10), Fixtures.LI_NA_OWNER, "wang.wei").acknowledge(at(20), WANG)
                .startInvestigation(at(30), WANG).proposeResolution(at(40), WANG).customerAccepts(at(50), WANG)
                .close(at(60), WANG, 4, "wiring");
        Complaint reopenedLate = closed.apply(ComplaintCommand.of(ComplaintTrigger.REOPEN,
                at(60).plus(Duration.ofDays(400)), WANG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.append(reopenedLate, 0, "k-1"));
        assertTrue(e.getMessage().startsWith("the events cannot be appended to complaint CP-1: the stream would not "
                + "replay: event 8 (reopen"), e.getMessage());
        assertEquals(0, complaints.version("CP-1"));
        // the same history within the standard window is stored
        assertEquals(7, complaints.append(closed, 0, "k-2").version());
    }
}
