package io.crmkit.examples.readme;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.care.CareEvent;
import io.crmkit.lifecycle.care.CareMoment;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import io.crmkit.lifecycle.care.QuotaReport;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintStatistics;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.complaint.PendingAction;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import io.crmkit.lifecycle.stage.ChurnPolicy;
import io.crmkit.lifecycle.stage.Departure;
import io.crmkit.lifecycle.stage.LifecycleClassifier;
import io.crmkit.lifecycle.stage.LostCustomerAnalysis;
import io.crmkit.lifecycle.stage.PhaseAssessment;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import io.crmkit.lifecycle.stage.StageAssessment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The README snippets of this area, compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class LifecycleSnippets {

    private LifecycleSnippets() {
    }

    /** The README's {@code complaint} snippet. */
    static void complaint(Instant t0, Instant t1, Instant t2, Instant t3, Instant t4, Instant t5, Instant t6, Instant t7, Instant t8, Instant t9) {
        // tag::complaint[]
        Actor agent = Actor.of("li.na", Role.AGENT), owner = Actor.of("wang.wei", Role.OWNER),
                customer = Actor.of("c-17", Role.CUSTOMER);
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17"))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("engine light on").build();              // never printed by toString()
        Complaint c = Complaint.receive(intake, t0, agent)
                .assign(t0.plus(Duration.ofMinutes(20)), Actor.of("li.na", Role.OWNER), "wang.wei")
                .acknowledge(t1, owner).startInvestigation(t2, owner)
                .requestInformation(t3, owner)                         // SLA clocks pause ...
                .customerResponded(t4, customer)                        // ... and resume
                .proposeResolution(t5, owner).customerAccepts(t6, customer)
                .close(t7, owner, 4, "supplier-defect");                 // satisfaction 1–5 and a root cause
        c.reopen(t8, customer);                                        // within 7 days: back to INVESTIGATING; after it:
        c.reopenOrFollowUp(t9, customer, "CP-2");                      // a new complaint linked to CP-1
        // end::complaint[]
    }

    /** The README's {@code workflow} snippet. */
    static void workflow() {
        // tag::workflow[]
        ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder()
                .roles(ComplaintTrigger.CLOSE, Role.SUPERVISOR, Role.MANAGER)   // who may close
                .reopenWindow(Duration.ofDays(14))
                .slaPolicy(SlaPolicy.standard(BusinessCalendar.builder(ZoneId.of("Asia/Shanghai"))
                        .hours(LocalTime.of(9, 0), LocalTime.of(18, 0)).holiday(LocalDate.of(2026, 10, 1)).build()))
                .build();
        workflow.toMermaid(); workflow.toDot(); workflow.toMarkdown();
        // end::workflow[]
    }

    /** The README's {@code sla} snippet. */
    static void sla(Complaint c, Clock clock, List<Complaint> complaints, Instant asOf) {
        // tag::sla[]
        List<SlaStatus> sla = c.sla(clock);                    // RUNNING / PAUSED / MET / BREACHED, elapsed, due
        List<PendingAction> todo = c.pendingActions(clock);    // "escalate: resolution SLA breached 2h ago"
        ComplaintStatistics stats = ComplaintStatistics.of(complaints, asOf);  // by category, cause, p90 time to resolve, breach and reopen rates
        // end::sla[]
    }

    /** The README's {@code stage} snippet. */
    static void stage(CustomerId customer, List<Purchase> purchases, Instant asOf, ToDoubleFunction<PurchaseHistory> pAlive, List<Departure> departures, ZoneId zone) {
        // tag::stage[]
        PurchaseHistory h = PurchaseHistory.of(customer, purchases, asOf);
        StageAssessment stage = LifecycleClassifier.standard().stage(h);   // PROSPECT … LOYAL, AT_RISK, LAPSED, WON_BACK + reason
        Optional<PhaseAssessment> phase = LifecycleClassifier.standard().phase(h, Duration.ofDays(90), 4); // introduction/growth/maturity/decline
        ChurnPolicy.fixedWindow(Duration.ofDays(365)).assess(h);
        ChurnPolicy.relativeRhythm(3.0, Duration.ofDays(365)).assess(h);      // k × the customer's median gap between visits
        ChurnPolicy.probabilityAlive("BG/NBD", pAlive, 0.3).assess(h);      // P(alive) of any model, as a function of the history
        LostCustomerAnalysis.of(departures, zone).byCause();                  // why, which class, when
        // end::stage[]
    }

    /** The README's {@code care} snippet. */
    static void care(CustomerId customer, Instant deliveredAt, List<Interaction> interactions, Instant asOf) {
        // tag::care[]
        CareSchedule care = CareSchedule.dealerManual(ZoneId.of("Asia/Shanghai"));
        List<CareTask> tasks = care.tasks(List.of(CareEvent.of(customer, CareMoment.DELIVERED, deliveredAt, "wang.wei")));
        List<CareTask> late = care.overdue(tasks, asOf);
        QuotaReport quota = care.followUpQuota(interactions, LocalDate.of(2026, 6, 29), List.of("wang.wei", "li.na"));
        // end::care[]
    }
}
