package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.ClockRun;
import io.crmkit.lifecycle.sla.ClockState;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaClock;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A customer complaint: an immutable value holding its intake (id, customer, channel, category,
 * severity, description), its current owner and escalation level, and an <b>append-only
 * history</b> of events. Every command returns a new complaint with exactly one more event; a
 * refused command throws a {@link ComplaintRefusedException} and changes nothing. The history is a
 * persistent list shared between versions, so a command costs one event and one complaint object,
 * never a copy of the history.
 *
 * <p>The complaint knows its past: {@link #asOf(Instant)} returns it as it was at an instant, and
 * {@link #replay(Iterable)} rebuilds an equal complaint from its events, so events stored in a
 * database lose nothing. SLA clocks ({@link #sla(Instant)}) and pending actions
 * ({@link #pendingActions(Instant)}) are computed from the history for any instant, so there are
 * no timers to lose on a restart. First-contact responsibility: whoever receives a complaint owns
 * it until it is assigned to someone else.
 *
 * <pre>{@code
 * Complaint c = Complaint.receive(intake, Instant.parse("2026-03-02T09:00:00Z"), Actor.of("li.na", Role.AGENT))
 *         .assign(Instant.parse("2026-03-02T09:20:00Z"), Actor.of("li.na", Role.OWNER), "wang.wei");
 * List<SlaStatus> sla = c.sla(Instant.parse("2026-03-02T10:00:00Z"));
 * }</pre>
 *
 * <p>Equality compares the histories (which determine everything else), not the workflow.
 * {@link #toString()} never shows the description or notes.
 */
public final class Complaint {

    private final ComplaintWorkflow workflow;
    private final ComplaintIntake intake;
    private final Complaint previous;
    private final ComplaintEvent last;
    private final int size;
    private final Instant receivedAt;
    private final String owner;
    private final int escalationLevel;
    private final int reopenCount;
    private final int satisfaction;
    private final String rootCause;

    private Complaint(ComplaintWorkflow workflow, ComplaintIntake intake, Complaint previous, ComplaintEvent last,
            int size, Instant receivedAt, String owner, int escalationLevel, int reopenCount, int satisfaction,
            String rootCause) {
        this.workflow = workflow;
        this.intake = intake;
        this.previous = previous;
        this.last = last;
        this.size = size;
        this.receivedAt = receivedAt;
        this.owner = owner;
        this.escalationLevel = escalationLevel;
        this.reopenCount = reopenCount;
        this.satisfaction = satisfaction;
        this.rootCause = rootCause;
    }

    /**
     * Receives a complaint on the standard workflow; the receiver owns it until handing it over.
     *
     * @param intake what is recorded at receipt
     * @param at when it was received
     * @param receiver who received it
     * @return the complaint in state RECEIVED, with one event
     * @throws GuardRefusedException if the receiver's role may not receive complaints
     */
    public static Complaint receive(ComplaintIntake intake, Instant at, Actor receiver) {
        return receive(ComplaintWorkflow.standard(), ComplaintCommand.receive(intake, at, receiver));
    }

    /**
     * Receives a complaint on a workflow.
     *
     * @param workflow the workflow
     * @param command the {@code receive} command (see {@link ComplaintCommand#receive})
     * @return the complaint with one event
     * @throws IllegalArgumentException if the command is not a {@code receive}
     * @throws GuardRefusedException if the receiver's role may not receive complaints
     */
    public static Complaint receive(ComplaintWorkflow workflow, ComplaintCommand command) {
        requireNonNull(workflow, "workflow");
        requireNonNull(command, "command");
        ComplaintIntake intake = command.intakeOrNull();
        checkArgument(intake != null, "command %s is not a receive: a complaint starts with receive",
                command.trigger().commandName());
        Transition t = workflow.transition(intake.id(), ComplaintState.NEW, ComplaintTrigger.RECEIVE);
        workflow.checkRole(intake, ComplaintState.NEW, command, command.actor().id());
        return first(workflow, ComplaintEvent.of(command, ComplaintState.NEW, t.to()));
    }

    private static Complaint first(ComplaintWorkflow workflow, ComplaintEvent event) {
        ComplaintCommand c = event.command();
        return new Complaint(workflow, c.intakeOrNull(), null, event, 1, c.at(), c.actor().id(), 0, 0, 0, null);
    }

    /**
     * Rebuilds a complaint on the standard workflow from its history.
     *
     * @param events the events, oldest first, starting with {@code receive}
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException if the history is empty, does not start with receive, is
     *         out of time order, or holds a transition that is not in the table or does not start
     *         from the state the previous event left
     */
    public static Complaint replay(Iterable<ComplaintEvent> events) {
        return replay(ComplaintWorkflow.standard(), events);
    }

    /**
     * Rebuilds a complaint on a workflow from its history. Every event is checked against the
     * table (its from-state and its target); roles and guards are not re-run, because they
     * were checked when the event was recorded and their settings may have changed since.
     *
     * @param workflow the workflow the rebuilt complaint continues on
     * @param events the events, oldest first, starting with {@code receive}
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException as {@link #replay(Iterable)}
     */
    public static Complaint replay(ComplaintWorkflow workflow, Iterable<ComplaintEvent> events) {
        requireNonNull(workflow, "workflow");
        Iterator<ComplaintEvent> it = requireNonNull(events, "events").iterator();
        checkArgument(it.hasNext(), "history is empty: a complaint starts with a receive event");
        ComplaintEvent head = requireNonNull(it.next(), "event");
        checkArgument(head.trigger() == ComplaintTrigger.RECEIVE && head.from() == ComplaintState.NEW,
                "event 1 is %s from %s: a history starts with receive from NEW", head.trigger().commandName(),
                head.from());
        checkRow(workflow, head, 1);
        Complaint c = first(workflow, head);
        int n = 1;
        while (it.hasNext()) {
            ComplaintEvent e = requireNonNull(it.next(), "event");
            n++;
            checkArgument(e.from() == c.state(), "event %s (%s) starts from %s but the complaint %s is in %s", n,
                    e.trigger().commandName(), e.from(), c.id(), c.state());
            checkRow(workflow, e, n);
            checkArgument(!e.at().isBefore(c.last.at()), "event %s at %s is before event %s at %s", n, e.at(), n - 1,
                    c.last.at());
            c = c.next(e);
        }
        return c;
    }

    private static void checkRow(ComplaintWorkflow workflow, ComplaintEvent e, int n) {
        Transition row = workflow.row(e.from(), e.trigger());
        checkArgument(row != null && row.to() == e.to(), "event %s: %s from %s to %s is not in the workflow's table",
                n, e.trigger().commandName(), e.from(), e.to());
    }

    /**
     * Applies a command: looks up the table, checks the role, the owner and the guards, and
     * returns the complaint with one more event.
     *
     * @param command the command
     * @return the new complaint
     * @throws IllegalArgumentException if the command is earlier than the last event
     * @throws IllegalTransitionException if the table has no such transition from the current state
     * @throws GuardRefusedException if the role, the owner check or a guard refuses
     */
    public Complaint apply(ComplaintCommand command) {
        requireNonNull(command, "command");
        if (command.at().isBefore(last.at())) {
            throw new IllegalArgumentException("command " + command.trigger().commandName() + " at " + command.at()
                    + " is before the last event of complaint " + id() + " at " + last.at()
                    + ": events are recorded in time order");
        }
        Transition t = workflow.transition(id(), state(), command.trigger());
        workflow.checkGuards(this, command, t);
        return next(new ComplaintEvent(command, last.to(), t.to()));
    }

    private Complaint next(ComplaintEvent e) {
        ComplaintCommand cmd = e.command();
        String newOwner = owner;
        int level = escalationLevel;
        int reopens = reopenCount;
        int score = satisfaction;
        String cause = rootCause;
        switch (cmd.trigger()) {
            case ASSIGN -> newOwner = cmd.assigneeOrNull() == null ? owner : cmd.assigneeOrNull();
            case ESCALATE -> {
                level++;
                newOwner = cmd.assigneeOrNull() == null ? owner : cmd.assigneeOrNull();
            }
            case CLOSE -> {
                score = cmd.satisfactionOrZero();
                cause = cmd.rootCauseOrNull();
            }
            case REOPEN -> {
                reopens++;
                score = 0;
                cause = null;
            }
            default -> {
            }
        }
        return new Complaint(workflow, intake, this, e, size + 1, receivedAt, newOwner, level, reopens, score, cause);
    }

    private Complaint fire(ComplaintTrigger trigger, Instant at, Actor by) {
        return apply(ComplaintCommand.of(trigger, at, by));
    }

    /**
     * Registers and hands the complaint over to an owner (or re-assigns it).
     *
     * @param at when
     * @param by who hands it over
     * @param newOwner who takes it over
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint assign(Instant at, Actor by, String newOwner) {
        return apply(ComplaintCommand.of(ComplaintTrigger.ASSIGN, at, by).withAssignee(newOwner));
    }

    /**
     * Tells the customer the complaint is being handled.
     *
     * @param at when
     * @param by who
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint acknowledge(Instant at, Actor by) {
        return fire(ComplaintTrigger.ACKNOWLEDGE, at, by);
    }

    /**
     * Starts the investigation.
     *
     * @param at when
     * @param by who
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint startInvestigation(Instant at, Actor by) {
        return fire(ComplaintTrigger.START_INVESTIGATION, at, by);
    }

    /**
     * Asks the customer for information; the SLA clocks pause until the customer responds.
     *
     * @param at when
     * @param by who
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint requestInformation(Instant at, Actor by) {
        return fire(ComplaintTrigger.REQUEST_INFORMATION, at, by);
    }

    /**
     * Records that the customer supplied the information asked for; the SLA clocks resume.
     *
     * @param at when
     * @param by who (the customer, or the owner recording it)
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint customerResponded(Instant at, Actor by) {
        return fire(ComplaintTrigger.CUSTOMER_RESPONDED, at, by);
    }

    /**
     * Raises the escalation level by one; the owner stays.
     *
     * @param at when
     * @param by who (the workflow decides which roles may reach which level)
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint escalate(Instant at, Actor by) {
        return fire(ComplaintTrigger.ESCALATE, at, by);
    }

    /**
     * Raises the escalation level by one and hands the complaint over.
     *
     * @param at when
     * @param by who
     * @param newOwner who takes it over
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint escalate(Instant at, Actor by, String newOwner) {
        return apply(ComplaintCommand.of(ComplaintTrigger.ESCALATE, at, by).withAssignee(newOwner));
    }

    /**
     * Proposes a resolution to the customer.
     *
     * @param at when
     * @param by who
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint proposeResolution(Instant at, Actor by) {
        return fire(ComplaintTrigger.PROPOSE_RESOLUTION, at, by);
    }

    /**
     * Records that the customer accepts the proposed resolution (the resolution clock stops).
     *
     * @param at when
     * @param by who (the customer, or the owner recording it)
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint customerAccepts(Instant at, Actor by) {
        return fire(ComplaintTrigger.CUSTOMER_ACCEPTS, at, by);
    }

    /**
     * Records that the customer rejects the proposed resolution; back to investigation.
     *
     * @param at when
     * @param by who (the customer, or the owner recording it)
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint customerRejects(Instant at, Actor by) {
        return fire(ComplaintTrigger.CUSTOMER_REJECTS, at, by);
    }

    /**
     * Closes and evaluates the complaint: needs the customer's acceptance (or the acceptance
     * timeout to have passed), a satisfaction score and a root cause.
     *
     * @param at when
     * @param by who
     * @param satisfactionScore the customer's satisfaction, 1 to 5
     * @param rootCauseCode the root cause as a short code, e.g. {@code supplier-defect}
     * @return the complaint with one more event
     * @throws IllegalArgumentException if the score is outside 1–5 or the code is blank
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint close(Instant at, Actor by, int satisfactionScore, String rootCauseCode) {
        return apply(ComplaintCommand.of(ComplaintTrigger.CLOSE, at, by).withEvaluation(satisfactionScore,
                rootCauseCode));
    }

    /**
     * Reopens a closed complaint within the reopen window; it returns to investigation.
     *
     * @param at when
     * @param by who
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses (guard {@code reopen window}
     *         after the window)
     */
    public Complaint reopen(Instant at, Actor by) {
        return fire(ComplaintTrigger.REOPEN, at, by);
    }

    /**
     * Reopens this complaint if the workflow allows it; after the reopen window, receives a new
     * complaint with the same customer, channel, category, severity and description, linked to
     * this one.
     *
     * @param at when
     * @param by who asks (for a follow-up, the receiver; a customer's request is received by the
     *        current owner as agent, and an owner receives it as agent)
     * @param followUpId the id of the follow-up complaint, used only after the window
     * @return this complaint reopened, or the new linked complaint
     * @throws ComplaintRefusedException if neither is allowed (e.g. the complaint is still open)
     */
    public Complaint reopenOrFollowUp(Instant at, Actor by, String followUpId) {
        requireNonNull(followUpId, "followUpId");
        try {
            return reopen(at, by);
        } catch (GuardRefusedException e) {
            if (!e.guard().equals("reopen window")) {
                throw e;
            }
            ComplaintIntake followUp = ImmutableComplaintIntake.copyOf(intake).withId(followUpId).withLinkedTo(id());
            // a customer's request is received by the current owner; an owner receives it as the
            // front line (the owner role belongs to the old complaint, and may not receive)
            Actor receiver = switch (by.role()) {
                case CUSTOMER -> Actor.of(owner, Role.AGENT);
                case OWNER -> Actor.of(by.id(), Role.AGENT);
                default -> by;
            };
            return receive(workflow, ComplaintCommand.receive(followUp, at, receiver));
        }
    }

    /**
     * Records that the customer withdraws the complaint; every SLA clock stops.
     *
     * @param at when
     * @param by who (the customer, or the owner recording it)
     * @return the complaint with one more event
     * @throws ComplaintRefusedException if the workflow refuses
     */
    public Complaint withdraw(Instant at, Actor by) {
        return fire(ComplaintTrigger.WITHDRAW, at, by);
    }

    /** @return the complaint's id */
    public String id() {
        return intake.id();
    }

    /** @return the complaining customer */
    public CustomerId customer() {
        return intake.customer();
    }

    /** @return what was recorded at receipt */
    public ComplaintIntake intake() {
        return intake;
    }

    /** @return what the complaint is about */
    public ComplaintCategory category() {
        return intake.category();
    }

    /** @return how urgent it is */
    public Severity severity() {
        return intake.severity();
    }

    /** @return the current state */
    public ComplaintState state() {
        return last.to();
    }

    /** @return who owns the complaint now (the receiver until it is handed over) */
    public String owner() {
        return owner;
    }

    /** @return how many times it has been escalated, 0 if never */
    public int escalationLevel() {
        return escalationLevel;
    }

    /** @return how many times it has been reopened */
    public int reopenCount() {
        return reopenCount;
    }

    /** @return when it was received */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the satisfaction score given at the last close, if the complaint is closed */
    public OptionalInt satisfaction() {
        return satisfaction == 0 ? OptionalInt.empty() : OptionalInt.of(satisfaction);
    }

    /** @return the root cause recorded at the last close, if the complaint is closed */
    public Optional<String> rootCause() {
        return Optional.ofNullable(rootCause);
    }

    /** @return when it was closed, if it is closed */
    public Optional<Instant> closedAt() {
        return state() == ComplaintState.CLOSED ? Optional.of(last.at()) : Optional.empty();
    }

    /** @return whether it still needs work (not closed or withdrawn) */
    public boolean isOpen() {
        return state().isOpen();
    }

    /** @return the workflow the complaint follows */
    public ComplaintWorkflow workflow() {
        return workflow;
    }

    /** @return the triggers the table allows now (roles and guards not considered) */
    public Set<ComplaintTrigger> permittedTriggers() {
        return workflow.permittedTriggers(state());
    }

    /** @return the most recent event */
    public ComplaintEvent lastEvent() {
        return last;
    }

    /** @return the number of events in the history */
    public int eventCount() {
        return size;
    }

    /** @return the full history, oldest first */
    public List<ComplaintEvent> history() {
        ComplaintEvent[] events = new ComplaintEvent[size];
        int i = size;
        for (Complaint c = this; c != null; c = c.previous) {
            events[--i] = c.last;
        }
        return ImmutableList.copyOf(events);
    }

    /** @return when the complaint entered its current state (reentries such as escalate do not count) */
    Instant enteredStateAt() {
        Complaint c = this;
        while (c.last.from() == c.last.to() && c.previous != null) {
            c = c.previous;
        }
        return c.last.at();
    }

    /**
     * Returns the complaint as it was at an instant: with the events recorded up to and
     * including that instant.
     *
     * @param instant the instant
     * @return the complaint then, or empty if it had not been received yet
     */
    public Optional<Complaint> asOf(Instant instant) {
        requireNonNull(instant, "instant");
        Complaint c = this;
        while (c != null && c.last.at().isAfter(instant)) {
            c = c.previous;
        }
        return Optional.ofNullable(c);
    }

    /**
     * Evaluates the SLA clocks at the clock's current instant, with the workflow's SLA policy.
     *
     * @param clock the clock (inject it; tests use a fixed clock)
     * @return one status per clock, in {@link SlaClock} order
     * @throws IllegalArgumentException if the clock's instant is before the receipt
     */
    public List<SlaStatus> sla(Clock clock) {
        return sla(requireNonNull(clock, "clock").instant());
    }

    /**
     * Evaluates the SLA clocks at an instant, with the workflow's SLA policy.
     *
     * @param asOf the instant; events after it are ignored
     * @return one status per clock, in {@link SlaClock} order
     * @throws IllegalArgumentException if {@code asOf} is before the receipt
     */
    public List<SlaStatus> sla(Instant asOf) {
        return sla(workflow.slaPolicy(), asOf);
    }

    /**
     * Evaluates the SLA clocks at an instant with a given policy. Every clock starts at receipt
     * and pauses while the complaint awaits the customer; registration stops at the first
     * assignment, acknowledgement at acknowledge, first response at the first request for
     * information or proposed resolution, resolution when the customer accepts (or at close or
     * withdrawal); a withdrawal stops every clock; a reopen restarts the resolution clock and the
     * closed time does not count.
     *
     * @param policy the SLA policy
     * @param asOf the instant; events after it are ignored
     * @return one status per clock, in {@link SlaClock} order
     * @throws IllegalArgumentException if {@code asOf} is before the receipt
     */
    public List<SlaStatus> sla(SlaPolicy policy, Instant asOf) {
        requireNonNull(policy, "policy");
        Complaint then = asOf(asOf).orElseThrow(() -> new IllegalArgumentException(
                "asOf " + asOf + " is before complaint " + id() + " was received at " + receivedAt));
        Map<SlaClock, ClockRun> runs = then.clockRuns();
        ImmutableList.Builder<SlaStatus> out = ImmutableList.builder();
        for (SlaClock clock : SlaClock.values()) {
            out.add(policy.status(clock, severity(), runs.get(clock), asOf));
        }
        return out.build();
    }

    /** Derives each clock's run from the history. */
    Map<SlaClock, ClockRun> clockRuns() {
        Map<SlaClock, ClockRun> runs = new EnumMap<>(SlaClock.class);
        for (ComplaintEvent e : history()) {
            Instant at = e.at();
            ComplaintTrigger t = e.trigger();
            if (t == ComplaintTrigger.RECEIVE) {
                for (SlaClock clock : SlaClock.values()) {
                    runs.put(clock, ClockRun.startedAt(at));
                }
                continue;
            }
            boolean leavesAwaiting = e.from() == ComplaintState.AWAITING_CUSTOMER
                    && e.to() != ComplaintState.AWAITING_CUSTOMER;
            if (leavesAwaiting && t != ComplaintTrigger.WITHDRAW) {
                runs.replaceAll((clock, run) -> run.isPausedAt(at) && run.stop().isEmpty() ? run.resumedAt(at) : run);
            }
            switch (t) {
                case ASSIGN -> stop(runs, SlaClock.REGISTRATION, at);
                case ACKNOWLEDGE -> stop(runs, SlaClock.ACKNOWLEDGEMENT, at);
                case REQUEST_INFORMATION, PROPOSE_RESOLUTION -> stop(runs, SlaClock.FIRST_RESPONSE, at);
                case CUSTOMER_ACCEPTS, CLOSE -> stop(runs, SlaClock.RESOLUTION, at);
                case WITHDRAW -> {
                    for (SlaClock clock : SlaClock.values()) {
                        stop(runs, clock, at);
                    }
                }
                case REOPEN -> {
                    // a custom table may reopen a complaint whose resolution clock still runs
                    ClockRun resolution = runs.get(SlaClock.RESOLUTION);
                    if (resolution.stop().isPresent()) {
                        runs.put(SlaClock.RESOLUTION, resolution.restartedAt(at));
                    }
                }
                default -> {
                }
            }
            if (e.to() == ComplaintState.AWAITING_CUSTOMER && e.from() != ComplaintState.AWAITING_CUSTOMER) {
                runs.replaceAll((clock, run) -> run.stop().isEmpty() ? run.pausedAt(at) : run);
            }
        }
        return runs;
    }

    private static void stop(Map<SlaClock, ClockRun> runs, SlaClock clock, Instant at) {
        ClockRun run = runs.get(clock);
        if (run.stop().isEmpty()) {
            runs.put(clock, run.stoppedAt(at));
        }
    }

    /**
     * Lists what is due at the clock's current instant.
     *
     * @param clock the clock (inject it; tests use a fixed clock)
     * @return the pending actions, overdue ones first, then by due time
     * @throws IllegalArgumentException if the clock's instant is before the receipt
     */
    public List<PendingAction> pendingActions(Clock clock) {
        return pendingActions(requireNonNull(clock, "clock").instant());
    }

    /**
     * Lists what is due at an instant: for each running clock the action that stops it and when
     * it falls due (once breached: still that action for registration and acknowledgement, an
     * escalation for first response and resolution while one is possible); the customer's
     * answer while awaiting it; and the close once the customer accepted or the acceptance
     * timeout passed. A closed or withdrawn complaint has none.
     *
     * @param asOf the instant; events after it are ignored
     * @return the pending actions, overdue ones first, then by due time
     * @throws IllegalArgumentException if {@code asOf} is before the receipt
     */
    public List<PendingAction> pendingActions(Instant asOf) {
        List<SlaStatus> statuses = sla(asOf);
        Complaint then = asOf(asOf).orElseThrow();
        ComplaintState state = then.state();
        List<PendingAction> actions = new ArrayList<>();
        if (!state.isOpen()) {
            return List.of();
        }
        switch (state) {
            case AWAITING_CUSTOMER -> actions.add(new PendingAction(ComplaintTrigger.CUSTOMER_RESPONDED,
                    "awaiting the customer since " + then.enteredStateAt() + "; SLA clocks paused", Optional.empty(),
                    false));
            case RESOLVED -> actions.add(new PendingAction(ComplaintTrigger.CLOSE,
                    "the customer accepted the resolution: close and evaluate (satisfaction 1–5, root cause)",
                    Optional.empty(), false));
            case RESOLUTION_PROPOSED -> {
                Instant timeout = then.enteredStateAt().plus(workflow.acceptanceTimeout());
                actions.add(asOf.isBefore(timeout)
                        ? new PendingAction(ComplaintTrigger.CUSTOMER_ACCEPTS,
                                "awaiting the customer's answer to the proposed resolution", Optional.of(timeout), false)
                        : new PendingAction(ComplaintTrigger.CLOSE, "the acceptance timeout passed at " + timeout
                                + ": close without acceptance, or ask the customer again", Optional.empty(), true));
            }
            default -> {
            }
        }
        boolean canEscalate = workflow.permittedTriggers(state).contains(ComplaintTrigger.ESCALATE)
                && then.escalationLevel < workflow.maxEscalationLevel();
        for (SlaStatus s : statuses) {
            if (s.stoppedAt().isPresent() || s.state() == ClockState.PAUSED) {
                continue;
            }
            ComplaintTrigger stopping = stoppingTrigger(s.clock());
            if (s.clock() == SlaClock.RESOLUTION && state == ComplaintState.RESOLUTION_PROPOSED && !s.isBreached()) {
                continue;
            }
            if (s.isBreached()) {
                String what = s.clock().label() + " SLA breached " + Texts.duration(s.overdue()) + " ago";
                boolean escalate = canEscalate
                        && (s.clock() == SlaClock.FIRST_RESPONSE || s.clock() == SlaClock.RESOLUTION);
                actions.add(new PendingAction(escalate ? ComplaintTrigger.ESCALATE : stopping, what,
                        Optional.empty(), true));
            } else {
                String what = s.clock().action() + ": " + s.clock().label() + " SLA due at " + s.dueAt().orElseThrow()
                        + " (" + Math.round(100 * s.fractionUsed()) + " % used)";
                actions.add(new PendingAction(stopping, what, s.dueAt(), false));
            }
        }
        actions.sort(Comparator.comparing((PendingAction a) -> !a.overdue())
                .thenComparing(a -> a.dueAt().orElse(Instant.MAX)));
        return ImmutableList.copyOf(actions);
    }

    private static ComplaintTrigger stoppingTrigger(SlaClock clock) {
        return switch (clock) {
            case REGISTRATION -> ComplaintTrigger.ASSIGN;
            case ACKNOWLEDGEMENT -> ComplaintTrigger.ACKNOWLEDGE;
            case FIRST_RESPONSE, RESOLUTION -> ComplaintTrigger.PROPOSE_RESOLUTION;
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Complaint other) || size != other.size) {
            return false;
        }
        for (Complaint a = this, b = other; a != null; a = a.previous, b = b.previous) {
            if (a == b) {
                return true;
            }
            if (!a.last.equals(b.last)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Complaint c = this; c != null; c = c.previous) {
            h = 31 * h + c.last.hashCode();
        }
        return h;
    }

    /** Shows the complaint without its description or notes (personal data). */
    @Override
    public String toString() {
        return "Complaint[id=" + id() + ", customer=" + customer() + ", category=" + category() + ", severity="
                + severity() + ", state=" + state() + ", owner=" + owner + ", level=" + escalationLevel + ", events="
                + size + ", description=<" + intake.description().length() + " chars>]";
    }
}
