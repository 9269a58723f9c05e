package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 10 §3 as a property: at any instants Java can represent, every public method of a complaint
 * returns a valid value or throws its documented exception (never an ArithmeticException, a
 * DateTimeException or a hang).
 */
class ComplaintInstantRangePropertiesTest {

    static final List<ComplaintWorkflow> WORKFLOWS = List.of(ComplaintWorkflow.standard(),
            ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(BusinessCalendar.builder(
                    ZoneId.of("Europe/Berlin")).build())).build(),
            // windows longer than any span of instants: the guards' deadlines saturate, never overflow
            ComplaintWorkflow.standardBuilder().reopenWindow(Duration.ofSeconds(Long.MAX_VALUE))
                    .acceptanceTimeout(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)).build());

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Arbitraries.of(Instant.MIN, Instant.MAX, BusinessCalendar.MIN_INSTANT, BusinessCalendar.MAX_INSTANT,
                        Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2326-03-02T09:00:00Z")),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond),
                Arbitraries.longs().between(BusinessCalendar.MIN_INSTANT.getEpochSecond(),
                        BusinessCalendar.MAX_INSTANT.getEpochSecond()).map(Instant::ofEpochSecond));
    }

    @Provide
    Arbitrary<List<Long>> gaps() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 3_600), Arbitraries.longs().between(0, 30L * 86_400),
                Arbitraries.longs().between(0, 400L * 366 * 86_400), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    static Instant plusSaturating(Instant at, long seconds) {
        return Instant.MAX.getEpochSecond() - at.getEpochSecond() < seconds ? Instant.MAX : at.plusSeconds(seconds);
    }

    @Property(tries = 300)
    void atAnyInstantsEveryMethodAnswersOrThrowsItsDocumentedException(@ForAll("instants") Instant receivedAt,
            @ForAll("gaps") List<Long> gaps, @ForAll("instants") Instant asOf,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int which) {
        ComplaintWorkflow workflow = WORKFLOWS.get(which);
        boolean inRange = !receivedAt.isBefore(BusinessCalendar.MIN_INSTANT)
                && !receivedAt.isAfter(BusinessCalendar.MAX_INSTANT);
        Complaint c;
        try {
            c = Complaint.receive(workflow, ComplaintCommand.receive(ComplaintStoriesTest.intake(Severity.HIGH),
                    receivedAt, Actor.of("li.na", Role.MANAGER)));
        } catch (InstantOutOfRangeException refused) {
            // outside the years 1 to 9999, or the SLA targets run past them: refused before any event exists
            assertTrue(!inRange || receivedAt.isAfter(BusinessCalendar.MAX_INSTANT.minus(Duration.ofDays(400))),
                    refused.getMessage());
            assertEquals(receivedAt, refused.instant());
            Statistics.label("receive").collect("refused");
            return;
        }
        assertTrue(inRange, receivedAt.toString());
        Instant at = receivedAt;
        int k = 0;
        for (long gap : gaps) {
            at = plusSaturating(at, gap);
            List<ComplaintTrigger> permitted = new ArrayList<>(c.permittedTriggers());
            if (permitted.isEmpty()) {
                break;
            }
            ComplaintTrigger t = permitted.get(k++ % permitted.size());
            if (at.isAfter(BusinessCalendar.MAX_INSTANT)) {
                Instant late = at;
                assertEquals(late, assertThrows(InstantOutOfRangeException.class,
                        () -> ComplaintCommand.of(t, late, Actor.of("qian.min", Role.MANAGER))).instant());
                break;
            }
            ComplaintCommand cmd = ComplaintCommand.of(t, at, t == ComplaintTrigger.CUSTOMER_ACCEPTS
                    || t == ComplaintTrigger.CUSTOMER_RESPONDED || t == ComplaintTrigger.CUSTOMER_REJECTS
                    || t == ComplaintTrigger.WITHDRAW ? Actor.of("c-17", Role.CUSTOMER) : Actor.of("qian.min",
                            Role.MANAGER));
            cmd = switch (t) {
                case ASSIGN, ESCALATE -> cmd.withAssignee("wang.wei");
                case CLOSE -> cmd.withEvaluation(3, "cause");
                default -> cmd;
            };
            try {
                c = c.apply(cmd);
            } catch (ComplaintRefusedException | InstantOutOfRangeException refused) {
                Statistics.label("refused").collect(refused.getClass().getSimpleName());
            }
        }
        Complaint last = c;
        assertEquals(last, Complaint.replay(workflow, last.history(), last.headHash()));
        // review s24, finding 1: every complaint the commands made answers at each of its events' instants
        for (ComplaintEvent e : last.history()) {
            assertEquals(io.crmkit.lifecycle.sla.SlaClock.values().length, last.sla(e.at()).size(), e.toString());
            last.pendingActions(e.at());
        }
        for (Instant when : List.of(asOf, last.lastEvent().at(), receivedAt)) {
            try {
                for (SlaStatus s : last.sla(when)) {
                    assertTrue(Double.isFinite(s.fractionUsed()) && s.fractionUsed() >= 0, s.toString());
                    assertTrue(!s.elapsed().isNegative() && !s.remaining().isNegative() && !s.overdue().isNegative());
                }
                last.pendingActions(when).forEach(a -> assertTrue(last.workflow().permittedTriggers(
                        last.asOf(when).orElseThrow().state()).contains(a.trigger())));
                ComplaintStatistics.of(List.of(last), when).slaBreachRate();
                Statistics.label("sla").collect("answered");
            } catch (IllegalArgumentException documented) {
                Statistics.label("sla").collect("refused");
            }
        }
        assertTrue(last.toString().startsWith("Complaint[id=CP-1"));
        last.asOf(asOf);
    }

    @Property(tries = 50)
    void aHugeSpanIsEvaluatedQuickly(@ForAll("instants") Instant asOf) {
        Complaint c = Complaint.receive(WORKFLOWS.get(1), ComplaintCommand.receive(
                ComplaintStoriesTest.intake(Severity.LOW), BusinessCalendar.MIN_INSTANT, Actor.of("li.na", Role.AGENT)));
        long started = System.nanoTime();
        try {
            c.pendingActions(asOf);
        } catch (IllegalArgumentException documented) {
            Statistics.label("outcome").collect("refused");
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
    }
}
