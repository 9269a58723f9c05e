package io.crmkit.examples;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintRefusedException;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * crm-lifecycle's complaint workflow in one run: a complaint received, handed over, investigated
 * while the SLA clocks run (and pause while awaiting the customer), closed with an evaluation,
 * refused a command the table does not allow, and rebuilt from its hash-chained history.
 */
public final class ComplaintExample {

    private ComplaintExample() {
    }

    /**
     * Walks one complaint through its life.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Instant t0 = Instant.parse("2026-03-02T01:00:00Z");   // Monday 09:00 in Shanghai
        Actor agent = Actor.of("li.na", Role.AGENT);
        Actor owner = Actor.of("wang.wei", Role.OWNER);
        Actor customer = Actor.of("c-17", Role.CUSTOMER);
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17"))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("engine light on after the first service").build();
        Complaint c = Complaint.receive(intake, t0, agent)
                .assign(t0.plus(Duration.ofMinutes(20)), Actor.of("li.na", Role.OWNER), "wang.wei")
                .acknowledge(t0.plus(Duration.ofMinutes(50)), owner)
                .startInvestigation(t0.plus(Duration.ofHours(2)), owner)
                .requestInformation(t0.plus(Duration.ofHours(3)), owner)
                .customerResponded(t0.plus(Duration.ofHours(27)), customer);
        System.out.println(c.state() + ", owner " + c.owner());
        for (SlaStatus s : c.sla(t0.plus(Duration.ofHours(28)))) {
            System.out.println("  " + s.clock() + " " + s.state() + (s.isBreached() ? " (breached)" : ""));
        }
        try {
            c.close(t0.plus(Duration.ofHours(29)), owner, 4, "supplier-defect");
        } catch (ComplaintRefusedException e) {
            System.out.println("refused: " + e.getMessage());
        }
        Complaint closed = c.proposeResolution(t0.plus(Duration.ofHours(30)), owner)
                .customerAccepts(t0.plus(Duration.ofHours(31)), customer)
                .close(t0.plus(Duration.ofHours(32)), owner, 4, "supplier-defect");
        System.out.println(closed.state() + " after " + closed.history().size() + " events");
        Complaint rebuilt = Complaint.replay(closed.history(), closed.headHash());
        System.out.println("replayed equal: " + rebuilt.equals(closed));
    }
}
