package io.crmkit.cli.tour;

import io.crmkit.cli.format.ComplaintScript;

import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintRefusedException;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.complaint.PendingAction;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Tour chapter: a complaint replayed from the bundled script, its SLA clocks, refusals and diagram. */
public final class ComplaintTour implements TourSection {

    static final String SCRIPT = "/io/crmkit/data/complaint-script.jsonl";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm").withZone(SHANGHAI);

    @Override
    public String title() {
        return "Complaints: an immutable workflow with SLA clocks (crm-lifecycle)";
    }

    public static List<String> scriptLines() {
        try (InputStream in = ComplaintTour.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("bundled script " + SCRIPT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void narrate(PrintWriter out) {
        BusinessCalendar showroom = BusinessCalendar.builder(SHANGHAI).hours(LocalTime.of(9, 0), LocalTime.of(18, 0))
                .build();
        ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(showroom))
                .build();
        Complaint c = ComplaintScript.run("complaint-script.jsonl", scriptLines(), workflow).complaint().orElseThrow();
        out.println("A customer phones about a rattling roof rack (severity high). The bundled script");
        out.println("complaint-script.jsonl replays the dealer's steps: accept -> handle -> escalate -> close and");
        out.println("evaluate. Every command returns a new immutable complaint with one more event:");
        for (ComplaintEvent e : c.history()) {
            out.printf("  %s  %-19s by %-22s %s -> %s%n", TIME.format(e.at()), e.trigger().commandName(),
                    e.actor(), e.from(), e.to());
        }
        out.println();
        out.println("SLA clocks on the showroom's hours (Mon-Fri 09:00-18:00 Shanghai), paused while awaiting");
        out.println("the customer. The dealer's manual wants registration and hand-over within 30 minutes:");
        for (SlaStatus s : c.sla(c.lastEvent().at())) {
            out.printf("  %-16s %-8s used %-8s of %s%n", s.clock().label(), s.state(), hours(s.elapsed()),
                    hours(s.target()));
        }
        Instant tuesdayNoon = Instant.parse("2026-03-03T04:00:00Z");
        Complaint then = c.asOf(tuesdayNoon).orElseThrow();
        out.println();
        out.printf("Time travel: on %s the complaint was %s; pending then:%n", TIME.format(tuesdayNoon), then.state());
        for (PendingAction a : then.pendingActions(tuesdayNoon)) {
            out.println("  " + a);
        }
        Instant mondayMorning = Instant.parse("2026-03-02T03:00:00Z");
        out.printf("and on %s, before the customer was asked:%n", TIME.format(mondayMorning));
        for (PendingAction a : c.asOf(mondayMorning).orElseThrow().pendingActions(mondayMorning)) {
            out.println("  " + a);
        }
        out.println();
        out.println("Refusals explain themselves and leave the complaint unchanged:");
        Instant later = c.lastEvent().at().plus(Duration.ofMinutes(5));
        refuse(out, () -> c.escalate(later, Actor.of("wang.wei", Role.OWNER)));
        Complaint escalated = c.asOf(Instant.parse("2026-03-05T01:00:00Z")).orElseThrow();
        refuse(out, () -> escalated.escalate(Instant.parse("2026-03-05T02:00:00Z"), Actor.of("wang.wei", Role.OWNER)));
        refuse(out, () -> c.reopen(c.lastEvent().at().plus(Duration.ofDays(9)), Actor.of("c-17", Role.CUSTOMER)));
        Complaint followUp = c.reopenOrFollowUp(c.lastEvent().at().plus(Duration.ofDays(9)),
                Actor.of("c-17", Role.CUSTOMER), "CP-2026-0051");
        out.printf("  after the 7-day window a follow-up is opened instead: %s linked to %s%n", followUp.id(),
                followUp.intake().linkedTo().orElseThrow());
        out.println();
        out.printf("Store the %d events anywhere; Complaint.replay(events) rebuilds an equal complaint: %s%n",
                c.eventCount(), Complaint.replay(workflow, c.history()).equals(c));
        out.println();
        out.println("The workflow's single transition table draws its own diagram (crm complaint diagram):");
        workflow.toMermaid().lines().limit(8).forEach(l -> out.println("  " + l));
        out.println("  ...");
        out.println("Try: crm complaint replay --input complaint-script.jsonl --business-hours 09:00-18:00 "
                + "--zone Asia/Shanghai");
    }

    private static void refuse(PrintWriter out, Runnable attempt) {
        try {
            attempt.run();
            out.println("  (accepted)");
        } catch (ComplaintRefusedException e) {
            out.printf("  %s: %s%n", e.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String hours(Duration d) {
        return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
    }
}
