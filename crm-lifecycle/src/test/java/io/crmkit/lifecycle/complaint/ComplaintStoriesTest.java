package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.ClockState;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaClock;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import io.crmkit.lifecycle.sla.SlaWarning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's complaint stories (docs/domain.md §7) as specifications. */
class ComplaintStoriesTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Actor LI_NA = Actor.of("li.na", Role.AGENT);
    static final Actor LI_NA_OWNER = Actor.of("li.na", Role.OWNER);
    static final Actor WANG = Actor.of("wang.wei", Role.OWNER);
    static final Actor SUPERVISOR = Actor.of("zhao.lei", Role.SUPERVISOR);
    static final Actor MANAGER = Actor.of("qian.min", Role.MANAGER);
    static final Actor CUSTOMER = Actor.of("c-17", Role.CUSTOMER);

    static ComplaintIntake intake(Severity severity) {
        return ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17")).channel(Channel.PHONE)
                .category(ComplaintCategory.FAULT_IN_USE).severity(severity)
                .description("engine warning light on, call me on 13812345678").build();
    }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Complaint received() {
        return Complaint.receive(intake(Severity.HIGH), T0, LI_NA);
    }

    static Complaint investigating() {
        return received().assign(at(10), LI_NA_OWNER, "wang.wei").acknowledge(at(20), WANG)
                .startInvestigation(at(30), WANG);
    }

    static SlaStatus status(List<SlaStatus> sla, SlaClock clock) {
        return sla.stream().filter(s -> s.clock() == clock).findFirst().orElseThrow();
    }

    @Test
    void whoeverReceivesTheComplaintOwnsItUntilHandingItOver() {
        Complaint c = received();
        assertEquals(ComplaintState.RECEIVED, c.state());
        assertEquals("li.na", c.owner());
        Complaint assigned = c.assign(at(10), LI_NA_OWNER, "wang.wei");
        assertEquals(ComplaintState.ASSIGNED, assigned.state());
        assertEquals("wang.wei", assigned.owner());
    }

    @Test
    void aComplaintRegisteredAfterThirtyOneMinutesBreachesTheRegistrationClock() {
        Complaint c = received().assign(at(31), LI_NA_OWNER, "wang.wei");
        SlaStatus registration = status(c.sla(at(31)), SlaClock.REGISTRATION);
        assertEquals(ClockState.BREACHED, registration.state());
        assertEquals(Duration.ofMinutes(1), registration.overdue());
        assertEquals(Set.of(SlaWarning.HALF_USED, SlaWarning.THREE_QUARTERS_USED, SlaWarning.BREACHED),
                registration.warnings());
    }

    @Test
    void aComplaintRegisteredWithinThirtyMinutesMeetsTheRegistrationClock() {
        Complaint c = received().assign(at(30), LI_NA_OWNER, "wang.wei");
        SlaStatus registration = status(c.sla(at(600)), SlaClock.REGISTRATION);
        assertEquals(ClockState.MET, registration.state());
        assertEquals(Duration.ofMinutes(30), registration.elapsed());
        assertEquals(at(30), registration.stoppedAt().orElseThrow());
    }

    @Test
    void registrationClockWarnsAtHalfAndThreeQuartersBeforeItBreaches() {
        Complaint c = received();
        assertEquals(Set.of(), status(c.sla(at(14)), SlaClock.REGISTRATION).warnings());
        assertEquals(Set.of(SlaWarning.HALF_USED), status(c.sla(at(15)), SlaClock.REGISTRATION).warnings());
        SlaStatus at23 = status(c.sla(at(23)), SlaClock.REGISTRATION);
        assertEquals(Set.of(SlaWarning.HALF_USED, SlaWarning.THREE_QUARTERS_USED), at23.warnings());
        assertEquals(ClockState.RUNNING, at23.state());
        assertEquals(at(30), at23.dueAt().orElseThrow());
        assertEquals(Duration.ofMinutes(7), at23.remaining());
    }

    @Test
    void timeAwaitingTheCustomerNeverCounts() {
        Complaint c = investigating().requestInformation(at(60), WANG)
                .customerResponded(at(60 + 3 * 24 * 60), CUSTOMER);
        SlaStatus resolution = status(c.sla(at(60 + 3 * 24 * 60 + 30)), SlaClock.RESOLUTION);
        assertEquals(Duration.ofMinutes(90), resolution.elapsed());
        assertEquals(ClockState.RUNNING, resolution.state());
        SlaStatus whileWaiting = status(c.sla(at(60 + 24 * 60)), SlaClock.RESOLUTION);
        assertEquals(ClockState.PAUSED, whileWaiting.state());
        assertEquals(Duration.ofMinutes(60), whileWaiting.elapsed());
        assertTrue(whileWaiting.dueAt().isEmpty());
    }

    @Test
    void businessHoursClockWaitsForMondayMorning() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        BusinessCalendar calendar = BusinessCalendar.builder(shanghai).build();
        ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(calendar)).build();
        // Friday 2026-03-06 17:45 Shanghai = 09:45Z
        Instant friday = Instant.parse("2026-03-06T09:45:00Z");
        Complaint c = Complaint.receive(workflow, ComplaintCommand.receive(intake(Severity.HIGH), friday, LI_NA));
        Instant mondayNineFifteen = Instant.parse("2026-03-09T01:15:00Z");
        SlaStatus registration = status(c.sla(mondayNineFifteen), SlaClock.REGISTRATION);
        assertEquals(Duration.ofMinutes(30), registration.elapsed());
        assertEquals(ClockState.RUNNING, registration.state());
        assertEquals(mondayNineFifteen, registration.dueAt().orElseThrow());
    }

    @Test
    void slaFollowsAnInjectedClock() {
        Complaint c = received();
        Clock clock = Clock.fixed(at(45), ZoneOffset.UTC);
        assertEquals(c.sla(at(45)), c.sla(clock));
        assertEquals(ClockState.BREACHED, status(c.sla(clock), SlaClock.REGISTRATION).state());
    }

    @Test
    void pendingActionsSayWhatIsDueAndEscalateBreaches() {
        Complaint c = investigating();
        // HIGH: resolution 48h; at 50h after receipt it is 2h overdue
        List<PendingAction> actions = c.pendingActions(at(50 * 60));
        PendingAction escalate = actions.stream().filter(a -> a.reason().startsWith("resolution")).findFirst()
                .orElseThrow();
        assertEquals("escalate: resolution SLA breached 2h ago", escalate.toString());
        assertTrue(escalate.overdue());
        assertTrue(actions.get(0).overdue());
        List<PendingAction> early = received().pendingActions(at(5));
        assertEquals(ComplaintTrigger.ASSIGN, early.get(0).trigger());
        assertEquals(at(30), early.get(0).dueAt().orElseThrow());
        assertTrue(early.get(0).toString().startsWith("assign: registration SLA due at"));
    }

    @Test
    void aLateRegistrationAsksForTheRegistrationNotAnEscalation() {
        List<PendingAction> actions = received().pendingActions(at(45));
        assertEquals("assign: registration SLA breached 15m ago", actions.get(0).toString());
    }

    @Test
    void aClosedComplaintHasNothingPending() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 4, "supplier-defect");
        assertEquals(List.of(), closed.pendingActions(at(200)));
        assertEquals(ComplaintTrigger.CLOSE, closed.asOf(at(95)).orElseThrow().pendingActions(at(95)).get(0).trigger());
    }

    @Test
    void anIllegalTransitionNamesTheStateTheTriggerAndWhatIsAllowed() {
        Complaint c = received();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> c.close(at(5), LI_NA_OWNER, 5, "none"));
        assertEquals(ComplaintState.RECEIVED, e.state());
        assertEquals(ComplaintTrigger.CLOSE, e.trigger());
        assertEquals(Set.of(ComplaintTrigger.ASSIGN, ComplaintTrigger.ESCALATE, ComplaintTrigger.WITHDRAW),
                e.allowedTriggers());
        assertEquals("complaint CP-1 in state RECEIVED cannot close: allowed now [assign, escalate, withdraw]",
                e.getMessage());
    }

    @Test
    void onlyASupervisorOrManagerMayEscalateToLevelTwo() {
        Complaint level1 = investigating().escalate(at(40), WANG);
        assertEquals(1, level1.escalationLevel());
        GuardRefusedException e = assertThrows(GuardRefusedException.class, () -> level1.escalate(at(50), WANG));
        assertEquals("escalation authority", e.guard());
        assertEquals("only a supervisor or a manager may escalate to level 2", e.reason());
        Complaint level2 = level1.escalate(at(50), SUPERVISOR, "zhao.lei");
        assertEquals(2, level2.escalationLevel());
        assertEquals("zhao.lei", level2.owner());
        Complaint level3 = level2.escalate(at(60), MANAGER);
        GuardRefusedException top = assertThrows(GuardRefusedException.class, () -> level3.escalate(at(70), MANAGER));
        assertEquals("escalation level 3 is the highest", top.reason());
    }

    @Test
    void rolesGuardTransitionsAndTheOwnerMustBeTheOwner() {
        Complaint c = received().assign(at(10), LI_NA_OWNER, "wang.wei");
        GuardRefusedException agent = assertThrows(GuardRefusedException.class, () -> c.acknowledge(at(20), LI_NA));
        assertEquals("role", agent.guard());
        assertEquals("only the owner, a supervisor or a manager may acknowledge; li.na acts as agent", agent.reason());
        GuardRefusedException owner = assertThrows(GuardRefusedException.class, () -> Complaint.receive(
                ComplaintWorkflow.standard(), ComplaintCommand.receive(intake(Severity.LOW), T0, WANG)));
        assertEquals("only an agent, a supervisor or a manager may receive; wang.wei acts as owner", owner.reason());
        GuardRefusedException notOwner = assertThrows(GuardRefusedException.class,
                () -> c.acknowledge(at(20), LI_NA_OWNER));
        assertEquals("owner", notOwner.guard());
        assertTrue(notOwner instanceof ComplaintRefusedException);
    }

    @Test
    void onlyTheComplainingCustomerMayActAsTheCustomer() {
        Complaint c = received().assign(at(10), LI_NA_OWNER, "wang.wei");
        Actor anotherCustomer = Actor.of("c-99", Role.CUSTOMER);
        GuardRefusedException e = assertThrows(GuardRefusedException.class, () -> c.withdraw(at(20), anotherCustomer));
        assertEquals("customer", e.guard());
        assertEquals("c-99 acts as customer but complaint CP-1 is customer c-17's", e.reason());
        Complaint proposed = investigating().proposeResolution(at(60), WANG);
        assertThrows(GuardRefusedException.class, () -> proposed.customerAccepts(at(70), anotherCustomer));
        assertEquals(ComplaintState.RESOLVED, proposed.customerAccepts(at(70), CUSTOMER).state());
        ComplaintWorkflow open = ComplaintWorkflow.builder()
                .configure(ComplaintState.NEW).permit(ComplaintTrigger.RECEIVE, ComplaintState.RECEIVED).build();
        assertThrows(GuardRefusedException.class, () -> Complaint.receive(open,
                ComplaintCommand.receive(intake(Severity.LOW), T0, anotherCustomer)));
        assertEquals(ComplaintState.RECEIVED, Complaint.receive(open,
                ComplaintCommand.receive(intake(Severity.LOW), T0, CUSTOMER)).state());
    }

    @Test
    void theReopenWindowEndsExactlySevenDaysAfterTheClose() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 2, "repair-incomplete");
        Instant windowEnd = at(100).plus(Duration.ofDays(7));
        assertEquals(ComplaintState.INVESTIGATING, closed.reopen(windowEnd, CUSTOMER).state());
        GuardRefusedException e = assertThrows(GuardRefusedException.class,
                () -> closed.reopen(windowEnd.plusNanos(1), CUSTOMER));
        assertEquals("reopen window", e.guard());
        assertEquals("CP-2", closed.reopenOrFollowUp(windowEnd.plusNanos(1), CUSTOMER, "CP-2").id());
    }

    @Test
    void theOwnerAskedToReopenAfterTheWindowReceivesTheFollowUp() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 2, "repair-incomplete");
        Complaint followUp = closed.reopenOrFollowUp(at(100).plus(Duration.ofDays(8)), WANG, "CP-2");
        assertEquals("CP-2", followUp.id());
        assertEquals("wang.wei", followUp.owner());
        assertEquals(Actor.of("wang.wei", Role.AGENT), followUp.lastEvent().actor(), "received as front line");
        assertEquals(ComplaintState.INVESTIGATING,
                closed.reopenOrFollowUp(at(200), WANG, "CP-3").state(), "within the window the owner reopens");
    }

    @Test
    void rolesAreConfigurable() {
        ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder().roles(ComplaintTrigger.ACKNOWLEDGE,
                Role.AGENT, Role.OWNER).build();
        Complaint c = Complaint.receive(workflow, ComplaintCommand.receive(intake(Severity.LOW), T0, LI_NA))
                .assign(at(10), LI_NA_OWNER, "wang.wei").acknowledge(at(20), LI_NA);
        assertEquals(ComplaintState.ACKNOWLEDGED, c.state());
        assertThrows(GuardRefusedException.class,
                () -> c.assign(at(30), WANG, "x").startInvestigation(at(40), WANG));
    }

    @Test
    void closingNeedsTheCustomersAcceptanceASatisfactionScoreAndARootCause() {
        Complaint proposed = investigating().proposeResolution(at(60), WANG);
        GuardRefusedException early = assertThrows(GuardRefusedException.class,
                () -> proposed.close(at(70), WANG, 4, "supplier-defect"));
        assertEquals("acceptance timeout", early.guard());
        Complaint accepted = proposed.customerAccepts(at(90), CUSTOMER);
        GuardRefusedException noEvaluation = assertThrows(GuardRefusedException.class,
                () -> accepted.apply(ComplaintCommand.of(ComplaintTrigger.CLOSE, at(100), WANG)));
        assertEquals("close needs a satisfaction score 1–5 and a root cause", noEvaluation.reason());
        assertThrows(IllegalArgumentException.class, () -> accepted.close(at(100), WANG, 6, "supplier-defect"));
        Complaint closed = accepted.close(at(100), WANG, 4, "supplier-defect");
        assertEquals(ComplaintState.CLOSED, closed.state());
        assertEquals(4, closed.satisfaction().getAsInt());
        assertEquals("supplier-defect", closed.rootCause().orElseThrow());
    }

    @Test
    void anUnansweredResolutionMayBeClosedAfterTheAcceptanceTimeout() {
        Complaint proposed = investigating().proposeResolution(at(60), WANG);
        Complaint closed = proposed.close(at(60).plus(Duration.ofDays(7)), WANG, 3, "no-answer");
        assertEquals(ComplaintState.CLOSED, closed.state());
    }

    @Test
    void aReopenWithinSevenDaysReturnsToInvestigation() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 2, "repair-incomplete");
        Complaint reopened = closed.reopen(at(100).plus(Duration.ofDays(7)), CUSTOMER);
        assertEquals(ComplaintState.INVESTIGATING, reopened.state());
        assertEquals(1, reopened.reopenCount());
        assertTrue(reopened.satisfaction().isEmpty());
    }

    @Test
    void afterTheReopenWindowANewComplaintIsOpenedLinkedToTheOldOne() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 2, "repair-incomplete");
        Instant later = at(100).plus(Duration.ofDays(8));
        GuardRefusedException e = assertThrows(GuardRefusedException.class, () -> closed.reopen(later, CUSTOMER));
        assertEquals("reopen window", e.guard());
        Complaint followUp = closed.reopenOrFollowUp(later, CUSTOMER, "CP-2");
        assertEquals("CP-2", followUp.id());
        assertEquals("CP-1", followUp.intake().linkedTo().orElseThrow());
        assertEquals(ComplaintState.RECEIVED, followUp.state());
        assertEquals(closed.customer(), followUp.customer());
        assertEquals(ComplaintState.INVESTIGATING,
                closed.reopenOrFollowUp(at(200), CUSTOMER, "CP-3").state());
    }

    @Test
    void asOfTravelsBackInTime() {
        Complaint c = investigating();
        assertEquals(ComplaintState.ASSIGNED, c.asOf(at(15)).orElseThrow().state());
        assertEquals(ComplaintState.ACKNOWLEDGED, c.asOf(at(20)).orElseThrow().state());
        assertTrue(c.asOf(T0.minusSeconds(1)).isEmpty());
        assertEquals(c, c.asOf(at(1000)).orElseThrow());
    }

    @Test
    void replayingTheHistoryRebuildsAnEqualComplaint() {
        Complaint c = investigating().escalate(at(40), WANG).requestInformation(at(50), WANG)
                .customerResponded(at(70), CUSTOMER);
        Complaint replayed = Complaint.replay(c.history());
        assertEquals(c, replayed);
        assertEquals(c.hashCode(), replayed.hashCode());
        assertEquals(c.owner(), replayed.owner());
        assertEquals(c.escalationLevel(), replayed.escalationLevel());
        assertEquals(c.sla(at(100)), replayed.sla(at(100)));
        assertNotEquals(c, received());
    }

    @Test
    void aTamperedHistoryIsRejected() {
        List<ComplaintEvent> history = investigating().history();
        IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
                () -> Complaint.replay(List.of(history.get(0), history.get(2))));
        assertEquals("event 2 (acknowledge) starts from ASSIGNED but the complaint CP-1 is in RECEIVED",
                skipped.getMessage());
        ComplaintEvent forged = ComplaintEvent.of(history.get(1).command(), ComplaintState.RECEIVED,
                ComplaintState.CLOSED);
        IllegalArgumentException notInTable = assertThrows(IllegalArgumentException.class,
                () -> Complaint.replay(List.of(history.get(0), forged)));
        assertEquals("event 2: assign from RECEIVED to CLOSED is not in the workflow's table", notInTable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Complaint.replay(List.of()));
    }

    @Test
    void commandsOutOfTimeOrderAreRejected() {
        Complaint c = received().assign(at(10), LI_NA_OWNER, "wang.wei");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.acknowledge(at(5), WANG));
        assertTrue(e.getMessage().contains("is before the last event of complaint CP-1"));
    }

    @Test
    void identifiersAndCodesWithControlCharactersAreRejectedSoMessagesStayOneLine() {
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> ComplaintIntake.builder()
                .id("CP-1\nforged line").customer(CustomerId.of("c-17")).channel(Channel.PHONE)
                .category(ComplaintCategory.FAULT_IN_USE).severity(Severity.LOW).build());
        assertEquals("complaint id must not contain control characters", id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComplaintIntake.builder().id("CP-1")
                .customer(CustomerId.of("c-17")).channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE)
                .severity(Severity.LOW).linkedTo("CP-0\r").build());
        assertThrows(IllegalArgumentException.class, () -> ComplaintIntake.builder().id("CP-1")
                .customer(CustomerId.of("c-17")).channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE)
                .severity(Severity.LOW).linkedTo(" ").build());
        assertThrows(IllegalArgumentException.class, () -> Actor.of("li.na\n", Role.AGENT));
        ComplaintCommand assign = ComplaintCommand.of(ComplaintTrigger.ASSIGN, T0, LI_NA_OWNER);
        assertThrows(IllegalArgumentException.class, () -> assign.withAssignee("wang\twei"));
        ComplaintCommand close = ComplaintCommand.of(ComplaintTrigger.CLOSE, T0, WANG);
        assertThrows(IllegalArgumentException.class, () -> close.withEvaluation(4, "defect\n"));
    }

    @Test
    void theDescriptionAndNotesNeverAppearInToString() {
        Complaint c = received().apply(ComplaintCommand.of(ComplaintTrigger.ASSIGN, at(10), LI_NA_OWNER)
                .withAssignee("wang.wei").withNote("customer's mobile 13812345678"));
        assertFalse(c.toString().contains("13812345678"), c.toString());
        assertFalse(c.intake().toString().contains("13812345678"));
        assertFalse(c.history().toString().contains("13812345678"));
        assertTrue(c.toString().contains("state=ASSIGNED"));
    }

    @Test
    void withdrawalStopsEveryClock() {
        Complaint c = investigating().requestInformation(at(40), WANG).withdraw(at(100), CUSTOMER);
        for (SlaStatus s : c.sla(at(10_000))) {
            assertTrue(s.stoppedAt().isPresent(), s.clock() + " stopped");
        }
        assertFalse(c.isOpen());
        assertEquals(List.of(), c.pendingActions(at(10_000)));
    }

    @Test
    void aReopenRestartsTheResolutionClockWithoutCountingTheClosedTime() {
        Complaint closed = investigating().proposeResolution(at(60), WANG).customerAccepts(at(90), CUSTOMER)
                .close(at(100), WANG, 2, "repair-incomplete");
        Complaint reopened = closed.reopen(at(100 + 24 * 60), CUSTOMER);
        SlaStatus resolution = status(reopened.sla(at(100 + 24 * 60 + 10)), SlaClock.RESOLUTION);
        assertEquals(Duration.ofMinutes(100), resolution.elapsed());
        assertEquals(ClockState.RUNNING, resolution.state());
    }

    @Test
    void slaBeforeReceiptIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> received().sla(T0.minusSeconds(60)));
    }

    @Test
    void holidaysDoNotCount() {
        BusinessCalendar calendar = BusinessCalendar.builder(ZoneOffset.UTC).holiday(LocalDate.of(2026, 3, 3))
                .build();
        assertEquals(Duration.ofHours(9), calendar.businessTimeBetween(T0, T0.plus(Duration.ofDays(2))));
    }

    @Test
    void pendingActionsNameTheCommandOnceAndOnlyCommandsTheTablePermits() {
        // issue 10 §4: "acknowledge: acknowledge: ..." and proposeResolution suggested while ASSIGNED
        Complaint assigned = received().assign(at(10), LI_NA_OWNER, "wang.wei");
        List<PendingAction> actions = assigned.pendingActions(at(15));
        // HIGH: acknowledgement 2h, first response 8h, resolution 48h from receipt at 09:00Z
        assertEquals(List.of(
                "acknowledge: acknowledgement SLA due at 2026-03-02T11:00:00Z (13 % used)",
                "acknowledge: first response SLA due at 2026-03-02T17:00:00Z (3 % used)",
                "acknowledge: resolution SLA due at 2026-03-04T09:00:00Z (1 % used)"),
                actions.stream().map(PendingAction::toString).toList());
        Complaint acknowledged = assigned.acknowledge(at(20), WANG);
        assertEquals(List.of(ComplaintTrigger.PROPOSE_RESOLUTION, ComplaintTrigger.PROPOSE_RESOLUTION),
                acknowledged.pendingActions(at(25)).stream().map(PendingAction::trigger).toList());
        // awaiting the customer: every clock paused, the customer's answer is what is due
        Complaint waiting = investigating().requestInformation(at(40), WANG);
        assertEquals(List.of("customerResponded: awaiting the customer since 2026-03-02T09:40:00Z; SLA clocks paused"),
                waiting.pendingActions(at(50)).stream().map(PendingAction::toString).toList());
    }

    @Test
    void aClockThreeHundredYearsLateIsBreachedNotAnOverflow() {
        // issue 10 §3: an event mistyped as year 2326 gave ArithmeticException "long overflow"
        Complaint c = received();
        Instant late = Instant.parse("2326-03-02T09:00:00Z");
        // 300 years of 365 days plus the 72 leap days of 2028-2324 (75 multiples of 4, less 2100, 2200, 2300)
        Duration span = Duration.ofDays(300 * 365 + 72);
        SlaStatus resolution = status(c.sla(late), SlaClock.RESOLUTION);
        assertEquals(span, resolution.elapsed());
        assertEquals(span.minusHours(48), resolution.overdue());
        assertEquals(ClockState.BREACHED, resolution.state());
        assertEquals(109_572.0 * 24 / 48, resolution.fractionUsed(), 1e-9);
        List<PendingAction> actions = c.pendingActions(late);
        assertEquals("assign: registration SLA breached 2629727h 30m ago", actions.get(0).toString());
        Complaint typo = c.assign(at(10), LI_NA_OWNER, "wang.wei").acknowledge(late.plus(Duration.ofMinutes(20)), WANG);
        SlaStatus ack = status(typo.sla(typo.lastEvent().at()), SlaClock.ACKNOWLEDGEMENT);
        assertEquals(span.plusMinutes(20), ack.elapsed());
        assertEquals(ClockState.BREACHED, ack.state());
    }

    @Test
    void threeHundredYearsOfOfficeHoursAreCountedByWeeks() {
        ComplaintWorkflow office = ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(
                BusinessCalendar.builder(ZoneId.of("Asia/Shanghai")).build())).build();
        // Monday 2026-03-02 09:00 Shanghai; 300 years later it is Tuesday 09:00: 109,572 days = 15,653
        // weeks of 5 x 9 h and one Monday of 9 h (Shanghai has had no daylight saving since 1991)
        Instant monday = Instant.parse("2026-03-02T01:00:00Z");
        Complaint c = Complaint.receive(office, ComplaintCommand.receive(intake(Severity.LOW), monday, LI_NA));
        SlaStatus resolution = status(c.sla(Instant.parse("2326-03-02T01:00:00Z")), SlaClock.RESOLUTION);
        assertEquals(Duration.ofHours(15_653L * 45 + 9), resolution.elapsed());
    }

    @Test
    void instantsBeyondTheCalendarsYearsAreRefusedWithTheRange() {
        Complaint c = received();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.sla(Instant.MAX));
        assertEquals("to +1000000000-12-31T23:59:59.999999999Z is outside 0001-01-01T00:00:00Z to "
                + "9999-12-31T23:59:59.999999999Z, the instants a business calendar covers", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.pendingActions(Instant.MAX));
    }
}
