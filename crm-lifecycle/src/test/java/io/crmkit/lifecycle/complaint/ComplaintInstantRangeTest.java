package io.crmkit.lifecycle.complaint;

import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.CUSTOMER;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.LI_NA;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.LI_NA_OWNER;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.WANG;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.at;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.intake;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.investigating;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.lifecycle.sla.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review s24, finding 1: a command at an instant no SLA can be measured at is refused when it is
 * made or applied, before an event exists, so no complaint holds an event that makes it unreadable.
 */
class ComplaintInstantRangeTest {

    static final String YEARS = "an instant must lie in the years 1 to 9999 (UTC)";

    @Test
    void anInstantOutsideTheYears1To9999IsRefusedWhenTheCommandIsMade() {
        // the review's probe: Complaint.receive(intake, +10000-01-01T00:00:00Z, agent) returned a complaint
        InstantOutOfRangeException e = assertThrows(InstantOutOfRangeException.class,
                () -> Complaint.receive(intake(Severity.HIGH), Instant.parse("+10000-01-01T00:00:00Z"), LI_NA));
        assertEquals("at +10000-01-01T00:00:00Z: " + YEARS, e.getMessage());
        assertEquals("at", e.field());
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z"), e.instant());
        assertEquals(YEARS, e.rule());
        // 0001-01-01T00:30:00+08:00 is in year 0 in UTC
        assertEquals("at 0000-12-31T16:30:00Z: " + YEARS, assertThrows(InstantOutOfRangeException.class,
                () -> ComplaintCommand.receive(intake(Severity.HIGH), Instant.parse("0000-12-31T16:30:00Z"), LI_NA))
                .getMessage());
        // the review's apply: assign at +10000-03-02T09:20:00+08:00
        Complaint c = received();
        assertEquals("at +10000-03-02T01:20:00Z: " + YEARS, assertThrows(InstantOutOfRangeException.class,
                () -> c.assign(Instant.parse("+10000-03-02T01:20:00Z"), LI_NA_OWNER, "wang.wei")).getMessage());
        assertEquals(1, c.eventCount());
    }

    @Test
    void aReceiveWhoseResolutionTargetRunsPastTheYear9999IsRefused() {
        // high severity: resolution within 48 hours (SlaPolicy.standard); 9999-12-30T00:00Z + 48 h is year 10000
        String rule = "the resolution SLA target of 2 days for a high-severity complaint would fall due after the "
                + "year 9999 (UTC)";
        for (String refused : List.of("9999-12-30T23:00:00Z", "9999-12-30T00:00:00Z")) {
            InstantOutOfRangeException e = assertThrows(InstantOutOfRangeException.class,
                    () -> Complaint.receive(intake(Severity.HIGH), Instant.parse(refused), LI_NA));
            assertEquals("at " + refused + ": " + rule, e.getMessage());
            assertEquals(rule, e.rule());
        }
        // the first clock in SlaClock order that runs past is named: registration (30 minutes)
        assertEquals("at 9999-12-31T23:59:59Z: the registration SLA target of 30m for a high-severity complaint "
                + "would fall due after the year 9999 (UTC)", assertThrows(InstantOutOfRangeException.class,
                        () -> Complaint.receive(intake(Severity.HIGH), Instant.parse("9999-12-31T23:59:59Z"), LI_NA))
                        .getMessage());
        // due at exactly 9999-12-31T23:59:59.999999999Z, the last instant: accepted and evaluable
        Instant lastPossible = Instant.parse("9999-12-29T23:59:59.999999999Z");
        Complaint c = Complaint.receive(intake(Severity.HIGH), lastPossible, LI_NA);
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999999Z"),
                ComplaintStoriesTest.status(c.sla(lastPossible), io.crmkit.lifecycle.sla.SlaClock.RESOLUTION)
                        .dueAt().orElseThrow());
    }

    @Test
    void aCommandThatResumesAClockWhoseRemainderRunsPastTheYear9999IsRefused() {
        Complaint waiting = investigating().requestInformation(at(40), WANG);
        // resolution used 40 minutes of its 48 hours; resumed at 9999-12-31T00:00Z it would be due in year 10000
        InstantOutOfRangeException e = assertThrows(InstantOutOfRangeException.class,
                () -> waiting.customerResponded(Instant.parse("9999-12-31T00:00:00Z"), CUSTOMER));
        assertEquals("at 9999-12-31T00:00:00Z: the resolution SLA target of 2 days for a high-severity complaint "
                + "would fall due after the year 9999 (UTC)", e.getMessage());
        // while paused the clock has no due instant, so a late event that keeps it paused is recorded
        Complaint escalated = waiting.escalate(Instant.parse("9999-12-31T00:00:00Z"),
                ComplaintStoriesTest.SUPERVISOR);
        escalated.sla(escalated.lastEvent().at());
    }

    @Test
    void replayRefusesAStoredHistoryThatApplyWouldHaveRefused() {
        ComplaintEvent late = ComplaintEvent.of(ComplaintCommand.receive(intake(Severity.HIGH),
                Instant.parse("9999-12-30T23:00:00Z"), LI_NA), ComplaintState.NEW, ComplaintState.RECEIVED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Complaint.replay(List.of(late)));
        assertEquals("event 1 (receive) could not have been recorded: at 9999-12-30T23:00:00Z: the resolution SLA "
                + "target of 2 days for a high-severity complaint would fall due after the year 9999 (UTC)",
                e.getMessage());
    }
}
