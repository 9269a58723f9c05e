package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.ClockRun;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaClock;
import io.crmkit.lifecycle.sla.SlaPolicy;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * database lose nothing; replay refuses a history that commands could not have recorded, and
 * the hash chain ({@link #headHash()}, {@link #replay(Iterable, String)}) detects an edited or
 * truncated one. SLA clocks ({@link #sla(Instant)}) and pending actions
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
    private final @Nullable Complaint previous;
    private final ComplaintEvent last;
    private final int size;
    private final Instant receivedAt;
    /** When the complaint entered its current state; reentries such as escalate do not count. */
    private final Instant enteredStateAt;
    private final ComplaintFacts facts;

    private Complaint(ComplaintWorkflow workflow, ComplaintIntake intake, @Nullable Complaint previous, ComplaintEvent last,
            int size, Instant receivedAt, Instant enteredStateAt, ComplaintFacts facts) {
        this.workflow = workflow;
        this.intake = intake;
        this.previous = previous;
        this.last = last;
        this.size = size;
        this.receivedAt = receivedAt;
        this.enteredStateAt = enteredStateAt;
        this.facts = facts;
    }

    /**
     * Receives a complaint on the standard workflow; the receiver owns it until handing it over.
     *
     * @param intake what is recorded at receipt
     * @param at when it was received
     * @param receiver who received it
     * @return the complaint in state RECEIVED, with one event
     * @throws GuardRefusedException if the receiver's role may not receive complaints
     * @throws InstantOutOfRangeException if {@code at} lies outside the years 1 to 9999 (UTC), or
     *         an SLA clock started at {@code at} would fall due after year 9999
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
     * @throws InstantOutOfRangeException if an SLA clock started at the command's instant would
     *         fall due after year 9999, with the workflow's SLA policy
     */
    public static Complaint receive(ComplaintWorkflow workflow, ComplaintCommand command) {
        requireNonNull(workflow, "workflow");
        requireNonNull(command, "command");
        ComplaintIntake intake = command.intakeOrNull();
        checkArgument(intake != null, "command %s is not a receive: a complaint starts with receive",
                command.trigger().commandName());
        Transition t = workflow.transition(intake.id(), ComplaintState.NEW, ComplaintTrigger.RECEIVE);
        List<String> external = workflow.checkGuards(receiptContext(workflow, command), command, t, true);
        ComplaintEvent e = ComplaintEvent.recorded(command, ComplaintState.NEW, t.to(), external, null);
        return checkDue(first(workflow, e, t), e, t);
    }

    /** What the guards of a receive see: the receiver owns the complaint being received. */
    static GuardContext receiptContext(ComplaintWorkflow workflow, ComplaintCommand receive) {
        ComplaintIntake intake = receive.intakeOrNull();
        return new GuardContext(intake.id(), intake.customer(), ComplaintState.NEW,
                ComplaintFacts.receivedBy(receive.actor().id()), receive.at(), receive.at(), workflow.settings());
    }

    /** The complaint with its first event, whose row is {@code t}; the row's effect sets the facts. */
    static Complaint first(ComplaintWorkflow workflow, ComplaintEvent event, Transition t) {
        ComplaintCommand c = event.command();
        return new Complaint(workflow, c.intakeOrNull(), null, event, 1, c.at(), c.at(), t.effect().apply(null, c));
    }

    /**
     * Rebuilds a complaint on the standard workflow from its history, re-checking everything the
     * history determines (see {@link #replay(ComplaintWorkflow, Iterable, String)}).
     *
     * @param events the events, oldest first, starting with {@code receive}
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException if the history could not have been recorded on the standard
     *         workflow; the message names the event's index (1 for the first) and the rule
     */
    public static Complaint replay(Iterable<ComplaintEvent> events) {
        return ComplaintReplay.replay(ComplaintWorkflow.standard(), events, null);
    }

    /**
     * Rebuilds a complaint on the standard workflow from its history and checks that the history
     * ends at the expected head hash (kept apart from the events, e.g. by the store), so dropped,
     * edited or reordered events are detected.
     *
     * @param events the events, oldest first, starting with {@code receive}
     * @param expectedHead the {@link #headHash()} of the complaint when the history was stored
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException as {@link #replay(Iterable)}, or if the last event's hash
     *         is not {@code expectedHead}
     */
    public static Complaint replay(Iterable<ComplaintEvent> events, String expectedHead) {
        return ComplaintReplay.replay(ComplaintWorkflow.standard(), events, requireNonNull(expectedHead,
                "expectedHead"));
    }

    /**
     * Rebuilds a complaint on a workflow from its history (see
     * {@link #replay(ComplaintWorkflow, Iterable, String)}), without a known head hash.
     *
     * @param workflow the workflow the history was recorded on, which the rebuilt complaint continues on
     * @param events the events, oldest first, starting with {@code receive}
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException if the history could not have been recorded on the
     *         workflow; the message names the event's index (1 for the first) and the rule
     */
    public static Complaint replay(ComplaintWorkflow workflow, Iterable<ComplaintEvent> events) {
        return ComplaintReplay.replay(requireNonNull(workflow, "workflow"), events, null);
    }

    /**
     * Rebuilds a complaint on a workflow from its history, accepting only a history that could
     * have been recorded by commands on that workflow. For every event, in order: it is not null;
     * the first is a {@code receive} from {@code NEW}; it starts from the state the previous event
     * left and its row is in the table with the same target; it is not earlier than the previous
     * event; its {@link ComplaintEvent#previousHash()} is the previous event's hash; and the role,
     * owner and customer checks and every guard of its row hold on the complaint as the history
     * has it so far (the owner, escalation level, windows and timeouts all follow from the
     * history and the workflow's settings); and no SLA clock it starts, resumes or restarts
     * falls due after year 9999 with the workflow's SLA policy. External guards ({@link Guard#external}) are not
     * evaluated again: the event must record that they passed. Replay on the workflow the
     * history was recorded on: a narrower workflow (a shorter reopen window, fewer roles) refuses
     * histories that a wider one recorded. When {@code expectedHead} is given, the last event's
     * hash must equal it, which detects dropped trailing events and any edit.
     *
     * @param workflow the workflow the history was recorded on, which the rebuilt complaint continues on
     * @param events the events, oldest first, starting with {@code receive}
     * @param expectedHead the {@link #headHash()} when the history was stored
     * @return a complaint equal to the one that recorded them
     * @throws IllegalArgumentException if a check fails; the message names the event's index (1
     *         for the first), its command and the rule
     */
    public static Complaint replay(ComplaintWorkflow workflow, Iterable<ComplaintEvent> events,
            String expectedHead) {
        return ComplaintReplay.replay(requireNonNull(workflow, "workflow"), events,
                requireNonNull(expectedHead, "expectedHead"));
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
     * @throws InstantOutOfRangeException if an SLA clock the command resumes or restarts would fall
     *         due after year 9999, with the workflow's SLA policy
     */
    public Complaint apply(ComplaintCommand command) {
        requireNonNull(command, "command");
        if (command.at().isBefore(last.at())) {
            throw new IllegalArgumentException("command " + command.trigger().commandName() + " at " + command.at()
                    + " is before the last event of complaint " + id() + " at " + last.at()
                    + ": events are recorded in time order");
        }
        Transition t = workflow.transition(id(), state(), command.trigger());
        List<String> external = workflow.checkGuards(context(), command, t, true);
        ComplaintEvent e = ComplaintEvent.recorded(command, last.to(), t.to(), external, last);
        return checkDue(next(e, t), e, t);
    }

    /**
     * Refuses an event after which an SLA clock could not be evaluated: one that starts, resumes
     * or restarts a clock whose due instant, with the workflow's SLA policy, falls after
     * {@link io.crmkit.lifecycle.sla.BusinessCalendar#MAX_INSTANT}. No other event moves a
     * running clock's due instant (a pause removes it, a stop ends it), so checking these events
     * keeps every instant from receipt to the last event evaluable.
     *
     * @return {@code c}, the complaint after event {@code e} of row {@code t}
     */
    static Complaint checkDue(Complaint c, ComplaintEvent e, Transition t) {
        if (e.from() != ComplaintState.NEW && e.from() != ComplaintState.AWAITING_CUSTOMER
                && !t.effect().restartsResolution()) {
            return c;
        }
        SlaPolicy policy = c.workflow.slaPolicy();
        Map<SlaClock, ClockRun> runs = ComplaintClocks.runs(c.workflow, c.history());
        for (SlaClock clock : SlaClock.values()) {
            try {
                policy.status(clock, c.severity(), runs.get(clock), e.at());
            } catch (IllegalArgumentException late) {
                throw new InstantOutOfRangeException("at", e.at(), "the " + clock.label() + " SLA target of "
                        + Texts.duration(policy.target(c.severity(), clock)) + " for a "
                        + c.severity().name().toLowerCase(Locale.ROOT) + "-severity complaint would fall due after "
                        + "the year 9999 (UTC)");
            }
        }
        return c;
    }

    /** The complaint with one more event, whose row is {@code t}; the row's effect changes the facts. */
    Complaint next(ComplaintEvent e, Transition t) {
        Instant entered = t.isReentry() ? enteredStateAt : e.at();
        return new Complaint(workflow, intake, this, e, size + 1, receivedAt, entered,
                t.effect().apply(facts, e.command()));
    }

    /** @return what a guard sees of this complaint before the next command */
    GuardContext context() {
        return new GuardContext(id(), customer(), state(), facts, enteredStateAt(), last.at(), workflow.settings());
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
            // copyOf always gives the package-private generated type, whose with* copies are not published
            ComplaintIntake followUp = ((ImmutableComplaintIntake) ImmutableComplaintIntake.copyOf(intake))
                    .withId(followUpId).withLinkedTo(id());
            // a customer's request is received by the current owner; an owner receives it as the
            // front line (the owner role belongs to the old complaint, and may not receive)
            Actor receiver = switch (by.role()) {
                case CUSTOMER -> Actor.of(owner(), Role.AGENT);
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
        return facts.owner();
    }

    /** @return how many times it has been escalated, 0 if never */
    public int escalationLevel() {
        return facts.escalationLevel();
    }

    /** @return how many times it has been reopened */
    public int reopenCount() {
        return facts.reopenCount();
    }

    /** @return when it was received */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the satisfaction score given at the last close, if the complaint is closed */
    public OptionalInt satisfaction() {
        return facts.satisfaction() == 0 ? OptionalInt.empty() : OptionalInt.of(facts.satisfaction());
    }

    /** @return the root cause recorded at the last close, if the complaint is closed */
    public Optional<String> rootCause() {
        return Optional.ofNullable(facts.rootCause());
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

    /**
     * Returns the hash of the last event: the head of the history's hash chain. Keep it apart from
     * the stored events and pass it to {@link #replay(Iterable, String)} to detect a truncated or
     * edited history.
     *
     * @return 64 lower-case hexadecimal digits (SHA-256)
     */
    public String headHash() {
        return last.hash();
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
        return enteredStateAt;
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
     * @throws IllegalArgumentException as {@link #sla(Instant)}
     */
    public List<SlaStatus> sla(Clock clock) {
        return sla(requireNonNull(clock, "clock").instant());
    }

    /**
     * Evaluates the SLA clocks at an instant, with the workflow's SLA policy.
     *
     * @param asOf the instant; events after it are ignored
     * @return one status per clock, in {@link SlaClock} order
     * @throws IllegalArgumentException if {@code asOf} is before the receipt, or {@code asOf}, an
     *         event or a due instant lies outside the years a business calendar covers
     *         ({@link io.crmkit.lifecycle.sla.BusinessCalendar#MIN_INSTANT} to
     *         {@link io.crmkit.lifecycle.sla.BusinessCalendar#MAX_INSTANT}); any span within them,
     *         e.g. an event mistyped 300 years late, is evaluated
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
     * @throws IllegalArgumentException if {@code asOf} is before the receipt, or {@code asOf}, an
     *         event or a due instant lies outside the years a business calendar covers
     *         ({@link io.crmkit.lifecycle.sla.BusinessCalendar#MIN_INSTANT} to
     *         {@link io.crmkit.lifecycle.sla.BusinessCalendar#MAX_INSTANT}); any span within them,
     *         e.g. an event mistyped 300 years late, is evaluated
     */
    public List<SlaStatus> sla(SlaPolicy policy, Instant asOf) {
        requireNonNull(policy, "policy");
        Complaint then = then(asOf);
        return ComplaintClocks.statuses(workflow, then.history(), severity(), policy, asOf);
    }

    private Complaint then(Instant asOf) {
        return asOf(asOf).orElseThrow(() -> new IllegalArgumentException(
                "asOf " + asOf + " is before complaint " + id() + " was received at " + receivedAt));
    }

    /**
     * Lists what is due at the clock's current instant.
     *
     * @param clock the clock (inject it; tests use a fixed clock)
     * @return the pending actions, overdue ones first, then by due time
     * @throws IllegalArgumentException as {@link #pendingActions(Instant)}
     */
    public List<PendingAction> pendingActions(Clock clock) {
        return pendingActions(requireNonNull(clock, "clock").instant());
    }

    /**
     * Lists what is due at an instant: for each running clock the command that moves it towards
     * its stop and when it falls due (once breached: an escalation for first response and
     * resolution while one is possible, else that command again); the customer's answer while
     * awaiting it; and the close once the customer accepted or the acceptance timeout passed. Every
     * suggested command is one the workflow's table permits from the complaint's state (roles and
     * guards not considered): the command that stops the clock if the state allows it, otherwise
     * the first step of the shortest path through the table to it. A closed or withdrawn complaint
     * has none.
     *
     * @param asOf the instant; events after it are ignored
     * @return the pending actions, overdue ones first, then by due time
     * @throws IllegalArgumentException as {@link #sla(Instant)}
     */
    public List<PendingAction> pendingActions(Instant asOf) {
        List<SlaStatus> statuses = sla(asOf);
        Complaint then = then(asOf);
        return ComplaintClocks.pendingActions(workflow, then.state(), then.enteredStateAt(), then.escalationLevel(),
                statuses, asOf);
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
        return "Complaint[id=" + id() + ", customer=" + customer().masked() + ", category=" + category() + ", severity="
                + severity() + ", state=" + state() + ", owner=" + PersonalData.maskIdentifier(owner()) + ", level=" + escalationLevel() + ", events="
                + size + ", description=<" + intake.description().length() + " chars>]";
    }
}
