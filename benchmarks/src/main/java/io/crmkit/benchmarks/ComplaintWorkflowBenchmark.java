package io.crmkit.benchmarks;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Area 7: the complaint workflow. One transition with its history append; the full life of a
 * complaint (receive, assign, acknowledge, investigate, ask the customer, answer, propose,
 * accept, close: 9 transitions); and the same life on stateless4j 2.6.0 as the baseline, with
 * the same states, triggers and role guards, and an event record appended to a list per
 * transition so that both keep an audit trail.
 *
 * <p>The complaint's command path is compiled late by C2 (the first two seconds run about ten
 * times slower), hence the longer warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComplaintWorkflowBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Actor AGENT = Actor.of("li.na", Role.AGENT);
    private static final Actor HANDOVER = Actor.of("li.na", Role.OWNER);
    private static final Actor OWNER = Actor.of("wang.wei", Role.OWNER);
    private static final Actor CUSTOMER = Actor.of("c-17", Role.CUSTOMER);

    private ComplaintIntake intake;
    private Complaint investigating;
    private StateMachineConfig<ComplaintState, ComplaintTrigger> baseline;

    /** Builds the inputs and the baseline's configuration once. */
    @Setup
    public void setUp() {
        intake = ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17")).channel(Channel.PHONE)
                .category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH).description("engine light on")
                .build();
        investigating = Complaint.receive(intake, T0, AGENT)
                .assign(T0.plusSeconds(600), HANDOVER, "wang.wei")
                .acknowledge(T0.plusSeconds(1200), OWNER)
                .startInvestigation(T0.plusSeconds(1800), OWNER);
        baseline = stateless4jConfig();
    }

    /** @return a complaint one event longer than the shared starting point */
    @Benchmark
    public Complaint transition() {
        return investigating.requestInformation(T0.plusSeconds(3600), OWNER);
    }

    /** @return the closed complaint with its 9 events */
    @Benchmark
    public Complaint fullLife() {
        return Complaint.receive(intake, T0, AGENT)
                .assign(T0.plusSeconds(600), HANDOVER, "wang.wei")
                .acknowledge(T0.plusSeconds(1200), OWNER)
                .startInvestigation(T0.plusSeconds(1800), OWNER)
                .requestInformation(T0.plusSeconds(3600), OWNER)
                .customerResponded(T0.plus(Duration.ofDays(1)), CUSTOMER)
                .proposeResolution(T0.plus(Duration.ofDays(2)), OWNER)
                .customerAccepts(T0.plus(Duration.ofDays(2)).plusSeconds(3600), CUSTOMER)
                .close(T0.plus(Duration.ofDays(3)), OWNER, 4, "supplier-defect");
    }

    /** @return the audit trail of the same life on stateless4j */
    @Benchmark
    public List<Stateless4jEvent> fullLifeOnStateless4j() {
        Stateless4jLife life = new Stateless4jLife(baseline);
        life.fire(ComplaintTrigger.ASSIGN, HANDOVER, T0.plusSeconds(600));
        life.fire(ComplaintTrigger.ACKNOWLEDGE, OWNER, T0.plusSeconds(1200));
        life.fire(ComplaintTrigger.START_INVESTIGATION, OWNER, T0.plusSeconds(1800));
        life.fire(ComplaintTrigger.REQUEST_INFORMATION, OWNER, T0.plusSeconds(3600));
        life.fire(ComplaintTrigger.CUSTOMER_RESPONDED, CUSTOMER, T0.plus(Duration.ofDays(1)));
        life.fire(ComplaintTrigger.PROPOSE_RESOLUTION, OWNER, T0.plus(Duration.ofDays(2)));
        life.fire(ComplaintTrigger.CUSTOMER_ACCEPTS, CUSTOMER, T0.plus(Duration.ofDays(2)).plusSeconds(3600));
        life.fire(ComplaintTrigger.CLOSE, OWNER, T0.plus(Duration.ofDays(3)));
        return life.events;
    }

    /**
     * One audit record of the baseline.
     *
     * @param trigger what was fired
     * @param from the state before
     * @param to the state after
     * @param actor who fired it
     * @param at when
     */
    public record Stateless4jEvent(ComplaintTrigger trigger, ComplaintState from, ComplaintState to, Actor actor,
            Instant at) {
    }

    /** A stateless4j machine whose guards read the role of the actor firing the current trigger. */
    static final class Stateless4jLife {
        final StateMachine<ComplaintState, ComplaintTrigger> machine;
        final List<Stateless4jEvent> events = new ArrayList<>();
        Role role;

        Stateless4jLife(StateMachineConfig<ComplaintState, ComplaintTrigger> config) {
            machine = new StateMachine<>(ComplaintState.RECEIVED, config);
            events.add(new Stateless4jEvent(ComplaintTrigger.RECEIVE, ComplaintState.NEW, ComplaintState.RECEIVED,
                    AGENT, T0));
        }

        void fire(ComplaintTrigger trigger, Actor actor, Instant at) {
            ComplaintState from = machine.getState();
            role = actor.role();
            CURRENT.set(this);
            machine.fire(trigger);
            events.add(new Stateless4jEvent(trigger, from, machine.getState(), actor, at));
        }
    }

    /** stateless4j's guards take no arguments: they read the firing actor's role from here. */
    private static final ThreadLocal<Stateless4jLife> CURRENT = new ThreadLocal<>();

    private static boolean roleIs(Role... allowed) {
        Role role = CURRENT.get().role;
        for (Role r : allowed) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    private static StateMachineConfig<ComplaintState, ComplaintTrigger> stateless4jConfig() {
        StateMachineConfig<ComplaintState, ComplaintTrigger> config = new StateMachineConfig<>();
        config.configure(ComplaintState.RECEIVED)
                .permitIf(ComplaintTrigger.ASSIGN, ComplaintState.ASSIGNED, () -> roleIs(Role.OWNER, Role.SUPERVISOR))
                .permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN);
        config.configure(ComplaintState.ASSIGNED)
                .permitIf(ComplaintTrigger.ACKNOWLEDGE, ComplaintState.ACKNOWLEDGED, () -> roleIs(Role.OWNER))
                .permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN);
        config.configure(ComplaintState.ACKNOWLEDGED)
                .permitIf(ComplaintTrigger.START_INVESTIGATION, ComplaintState.INVESTIGATING, () -> roleIs(Role.OWNER))
                .permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN);
        config.configure(ComplaintState.INVESTIGATING)
                .permitIf(ComplaintTrigger.REQUEST_INFORMATION, ComplaintState.AWAITING_CUSTOMER,
                        () -> roleIs(Role.OWNER))
                .permitIf(ComplaintTrigger.PROPOSE_RESOLUTION, ComplaintState.RESOLUTION_PROPOSED,
                        () -> roleIs(Role.OWNER))
                .permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN);
        config.configure(ComplaintState.AWAITING_CUSTOMER)
                .permitIf(ComplaintTrigger.CUSTOMER_RESPONDED, ComplaintState.INVESTIGATING,
                        () -> roleIs(Role.CUSTOMER, Role.AGENT, Role.OWNER))
                .permit(ComplaintTrigger.WITHDRAW, ComplaintState.WITHDRAWN);
        config.configure(ComplaintState.RESOLUTION_PROPOSED)
                .permitIf(ComplaintTrigger.CUSTOMER_ACCEPTS, ComplaintState.RESOLVED,
                        () -> roleIs(Role.CUSTOMER, Role.AGENT, Role.OWNER))
                .permitIf(ComplaintTrigger.CUSTOMER_REJECTS, ComplaintState.INVESTIGATING,
                        () -> roleIs(Role.CUSTOMER, Role.AGENT, Role.OWNER));
        config.configure(ComplaintState.RESOLVED)
                .permitIf(ComplaintTrigger.CLOSE, ComplaintState.CLOSED, () -> roleIs(Role.OWNER, Role.SUPERVISOR));
        config.configure(ComplaintState.CLOSED)
                .permit(ComplaintTrigger.REOPEN, ComplaintState.INVESTIGATING);
        return config;
    }
}
