package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static io.crmkit.lifecycle.complaint.ComplaintState.ACKNOWLEDGED;
import static io.crmkit.lifecycle.complaint.ComplaintState.ASSIGNED;
import static io.crmkit.lifecycle.complaint.ComplaintState.AWAITING_CUSTOMER;
import static io.crmkit.lifecycle.complaint.ComplaintState.CLOSED;
import static io.crmkit.lifecycle.complaint.ComplaintState.INVESTIGATING;
import static io.crmkit.lifecycle.complaint.ComplaintState.NEW;
import static io.crmkit.lifecycle.complaint.ComplaintState.RECEIVED;
import static io.crmkit.lifecycle.complaint.ComplaintState.RESOLUTION_PROPOSED;
import static io.crmkit.lifecycle.complaint.ComplaintState.RESOLVED;
import static io.crmkit.lifecycle.complaint.ComplaintState.WITHDRAWN;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.ACKNOWLEDGE;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.ASSIGN;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.CLOSE;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.CUSTOMER_ACCEPTS;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.CUSTOMER_REJECTS;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.CUSTOMER_RESPONDED;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.ESCALATE;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.PROPOSE_RESOLUTION;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.RECEIVE;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.REOPEN;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.REQUEST_INFORMATION;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.START_INVESTIGATION;
import static io.crmkit.lifecycle.complaint.ComplaintTrigger.WITHDRAW;
import static io.crmkit.lifecycle.complaint.Role.AGENT;
import static io.crmkit.lifecycle.complaint.Role.CUSTOMER;
import static io.crmkit.lifecycle.complaint.Role.MANAGER;
import static io.crmkit.lifecycle.complaint.Role.OWNER;
import static io.crmkit.lifecycle.complaint.Role.SUPERVISOR;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import io.crmkit.lifecycle.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complaint workflow: one transition table, configured like stateless4j
 * ({@code configure(state).permit(trigger, target, guards…)}), which is the single source for
 * behaviour, for the diagrams ({@link #toMermaid()}, {@link #toDot()}) and for the documentation
 * ({@link #toMarkdown()}). Besides the guards of each row, every trigger may be fired only by its
 * configured roles (guard {@code role}); acting as {@link Role#OWNER} requires being the
 * complaint's current owner (guard {@code owner}), and acting as {@link Role#CUSTOMER} requires
 * the actor's id to be the complaining customer's id (guard {@code customer}). Every row carries
 * the effect of its trigger (the owner after assign and escalate, the level after escalate, the
 * evaluation after close, the reopen count, and which SLA clock the command stops or restarts),
 * so applying a command, replaying a history, the SLA clocks and the pending actions all read the
 * same rows. Guards see a {@link GuardContext}: the complaint before the command as a value, and
 * this workflow's settings.
 *
 * <p>The standard table (rows: from state, trigger → target [guards]):
 * <pre>
 * NEW                 receive → RECEIVED
 * RECEIVED            assign → ASSIGNED [assignee named]; escalate ↺ [escalation authority]; withdraw → WITHDRAWN
 * ASSIGNED            acknowledge → ACKNOWLEDGED; assign ↺; escalate ↺; withdraw → WITHDRAWN
 * ACKNOWLEDGED        startInvestigation → INVESTIGATING; proposeResolution → RESOLUTION_PROPOSED; assign ↺; escalate ↺; withdraw
 * INVESTIGATING       requestInformation → AWAITING_CUSTOMER; proposeResolution → RESOLUTION_PROPOSED; assign ↺; escalate ↺; withdraw
 * AWAITING_CUSTOMER   customerResponded → INVESTIGATING; escalate ↺; withdraw → WITHDRAWN
 * RESOLUTION_PROPOSED customerAccepts → RESOLVED; customerRejects → INVESTIGATING;
 *                     close → CLOSED [acceptance timeout, evaluation]; escalate ↺; withdraw
 * RESOLVED            close → CLOSED [evaluation]
 * CLOSED              reopen → INVESTIGATING [reopen window]
 * WITHDRAWN           (final)
 * </pre>
 * Standard roles: receive by agent, supervisor or manager; assign, acknowledge, start
 * investigation, request information, propose resolution and close by the owner, a supervisor or
 * a manager; customer responded / accepts / rejects by the customer or the owner (recording what
 * the customer said); escalate by the owner, a supervisor or a manager, where level 1 may be
 * reached by the owner, level 2 only by a supervisor or manager and level 3 (the highest) only by
 * a manager; reopen by the customer, owner, supervisor or manager; withdraw by the customer or
 * the owner. The reopen window is 7 days after closing (after it, open a follow-up complaint with
 * {@link Complaint#reopenOrFollowUp}); a proposed resolution the customer has not answered may be
 * closed without acceptance once the acceptance timeout (7 days, crmkit's default) has passed.
 *
 * <pre>{@code
 * ComplaintWorkflow workflow = ComplaintWorkflow.standardBuilder().reopenWindow(Duration.ofDays(14)).roles(ComplaintTrigger.CLOSE, Role.SUPERVISOR).build();
 * String diagram = workflow.toMermaid();
 * }</pre>
 */
public final class ComplaintWorkflow {

    private static final int STATES = ComplaintState.values().length;
    private static final int TRIGGERS = ComplaintTrigger.values().length;
    private static final ComplaintWorkflow STANDARD = standardBuilder().build();

    private final Transition[][] table;
    private final Set<ComplaintTrigger>[] permitted;
    private final Map<ComplaintTrigger, Set<Role>> roles;
    private final WorkflowSettings settings;
    private final SlaPolicy slaPolicy;

    @SuppressWarnings("unchecked")
    private ComplaintWorkflow(Builder b) {
        this.table = new Transition[STATES][];
        this.permitted = new Set[STATES];
        for (int s = 0; s < STATES; s++) {
            table[s] = b.table[s].clone();
            EnumSet<ComplaintTrigger> allowed = EnumSet.noneOf(ComplaintTrigger.class);
            for (Transition t : table[s]) {
                if (t != null) {
                    allowed.add(t.trigger());
                }
            }
            permitted[s] = Sets.immutableEnumSet(allowed);
        }
        Map<ComplaintTrigger, Set<Role>> r = new EnumMap<>(ComplaintTrigger.class);
        b.roles.forEach((t, set) -> r.put(t, Sets.immutableEnumSet(set)));
        this.roles = r;
        Map<Integer, Set<Role>> e = new java.util.HashMap<>();
        b.escalationRoles.forEach((level, set) -> e.put(level, Sets.immutableEnumSet(set)));
        this.settings = new WorkflowSettings(b.maxEscalationLevel, Map.copyOf(e), b.reopenWindow, b.acceptanceTimeout);
        this.slaPolicy = b.slaPolicy;
    }

    /** @return the standard workflow described in the class documentation */
    public static ComplaintWorkflow standard() {
        return STANDARD;
    }

    /** @return a builder holding the standard table, roles and settings, to adjust */
    public static Builder standardBuilder() {
        Guard assignee = Guard.of("assignee named", (c, cmd) -> cmd.assigneeOrNull() != null,
                (c, cmd) -> cmd.trigger().commandName() + " needs the new owner (assignee)");
        Guard escalation = Guard.of("escalation authority", ComplaintWorkflow::mayEscalate,
                ComplaintWorkflow::whyNotEscalate);
        Guard evaluation = Guard.of("evaluation",
                (c, cmd) -> cmd.satisfactionOrZero() != 0 && cmd.rootCauseOrNull() != null,
                (c, cmd) -> "close needs a satisfaction score 1–5 and a root cause");
        Guard acceptanceTimeout = Guard.of("acceptance timeout",
                (c, cmd) -> !cmd.at().isBefore(plus(c.enteredStateAt(), c.acceptanceTimeout())),
                (c, cmd) -> "the customer has not accepted the resolution proposed at " + c.enteredStateAt()
                        + "; closing without acceptance is allowed from "
                        + plus(c.enteredStateAt(), c.acceptanceTimeout()) + " (acceptance timeout "
                        + Texts.duration(c.acceptanceTimeout()) + ")");
        Guard reopenWindow = Guard.of("reopen window",
                (c, cmd) -> !cmd.at().isAfter(plus(c.lastEventAt(), c.reopenWindow())),
                (c, cmd) -> "the reopen window of " + Texts.duration(c.reopenWindow()) + " ended at "
                        + plus(c.lastEventAt(), c.reopenWindow())
                        + ": open a follow-up complaint linked to this one");
        Builder b = new Builder();
        b.configure(NEW).permit(RECEIVE, RECEIVED);
        b.configure(RECEIVED)
                .permit(ASSIGN, ASSIGNED, assignee)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(ASSIGNED)
                .permit(ACKNOWLEDGE, ACKNOWLEDGED)
                .permitReentry(ASSIGN, assignee)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(ACKNOWLEDGED)
                .permit(START_INVESTIGATION, INVESTIGATING)
                .permit(PROPOSE_RESOLUTION, RESOLUTION_PROPOSED)
                .permitReentry(ASSIGN, assignee)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(INVESTIGATING)
                .permit(REQUEST_INFORMATION, AWAITING_CUSTOMER)
                .permit(PROPOSE_RESOLUTION, RESOLUTION_PROPOSED)
                .permitReentry(ASSIGN, assignee)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(AWAITING_CUSTOMER)
                .permit(CUSTOMER_RESPONDED, INVESTIGATING)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(RESOLUTION_PROPOSED)
                .permit(CUSTOMER_ACCEPTS, RESOLVED)
                .permit(CUSTOMER_REJECTS, INVESTIGATING)
                .permit(CLOSE, CLOSED, acceptanceTimeout, evaluation)
                .permitReentry(ESCALATE, escalation)
                .permit(WITHDRAW, WITHDRAWN);
        b.configure(RESOLVED)
                .permit(CLOSE, CLOSED, evaluation);
        b.configure(CLOSED)
                .permit(REOPEN, INVESTIGATING, reopenWindow);
        Set<Role> staff = EnumSet.of(OWNER, SUPERVISOR, MANAGER);
        b.roles(RECEIVE, AGENT, SUPERVISOR, MANAGER);
        for (ComplaintTrigger t : List.of(ASSIGN, ACKNOWLEDGE, START_INVESTIGATION, REQUEST_INFORMATION,
                PROPOSE_RESOLUTION, ESCALATE, CLOSE)) {
            b.roles.put(t, EnumSet.copyOf(staff));
        }
        for (ComplaintTrigger t : List.of(CUSTOMER_RESPONDED, CUSTOMER_ACCEPTS, CUSTOMER_REJECTS, WITHDRAW)) {
            b.roles(t, CUSTOMER, OWNER);
        }
        b.roles(REOPEN, CUSTOMER, OWNER, SUPERVISOR, MANAGER);
        b.escalationRoles(1, OWNER, SUPERVISOR, MANAGER);
        b.escalationRoles(2, SUPERVISOR, MANAGER);
        b.escalationRoles(3, MANAGER);
        return b;
    }

    /** @return a builder with an empty table, every trigger open to every role, and the standard settings */
    public static Builder builder() {
        return new Builder();
    }

    private static boolean mayEscalate(GuardContext c, ComplaintCommand cmd) {
        int next = c.escalationLevel() + 1;
        return next <= c.maxEscalationLevel() && c.escalationRoles(next).contains(cmd.actor().role());
    }

    private static String whyNotEscalate(GuardContext c, ComplaintCommand cmd) {
        int next = c.escalationLevel() + 1;
        if (next > c.maxEscalationLevel()) {
            return "escalation level " + c.escalationLevel() + " is the highest";
        }
        return "only " + roleNames(c.escalationRoles(next)) + " may escalate to level " + next;
    }

    /** An instant plus a window, saturating at {@link Instant#MAX} instead of overflowing. */
    static Instant plus(Instant at, Duration window) {
        return window.compareTo(Duration.between(at, Instant.MAX)) >= 0 ? Instant.MAX : at.plus(window);
    }

    static String roleNames(Set<Role> roles) {
        List<String> names = roles.stream()
                .map(r -> r == OWNER ? "the owner" : (r == AGENT ? "an " : "a ") + r.label())
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            return "nobody";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /**
     * Returns the triggers the table allows from a state (before roles and guards).
     *
     * @param state the state
     * @return the triggers, possibly none
     */
    public Set<ComplaintTrigger> permittedTriggers(ComplaintState state) {
        return permitted[requireNonNull(state, "state").ordinal()];
    }

    /**
     * Looks up the table.
     *
     * @param state the state
     * @param trigger the trigger
     * @return the target state, or empty if the table has no such transition
     */
    public Optional<ComplaintState> target(ComplaintState state, ComplaintTrigger trigger) {
        Transition t = table[requireNonNull(state, "state").ordinal()][requireNonNull(trigger, "trigger").ordinal()];
        return t == null ? Optional.empty() : Optional.of(t.to());
    }

    /**
     * Names the guards of a transition, in the order they are checked (after the role check).
     *
     * @param state the state
     * @param trigger the trigger
     * @return the guard names, empty if none or if there is no such transition
     */
    public List<String> guardNames(ComplaintState state, ComplaintTrigger trigger) {
        Transition t = table[requireNonNull(state, "state").ordinal()][requireNonNull(trigger, "trigger").ordinal()];
        return t == null ? List.of() : t.guardList().stream().map(Guard::name).collect(ImmutableList.toImmutableList());
    }

    /**
     * Returns the roles that may fire a trigger.
     *
     * @param trigger the trigger
     * @return the roles
     */
    public Set<Role> roles(ComplaintTrigger trigger) {
        return roles.get(requireNonNull(trigger, "trigger"));
    }

    /**
     * Returns the roles that may raise a complaint to an escalation level.
     *
     * @param level the level, 1 to {@link #maxEscalationLevel()}
     * @return the roles, empty for a level out of range
     */
    public Set<Role> escalationRoles(int level) {
        return settings.escalationRoles().getOrDefault(level, Set.of());
    }

    /** @return the highest escalation level */
    public int maxEscalationLevel() {
        return settings.maxEscalationLevel();
    }

    /** @return how long after closing a complaint may be reopened */
    public Duration reopenWindow() {
        return settings.reopenWindow();
    }

    /** @return how long after a proposed resolution it may be closed without the customer's acceptance */
    public Duration acceptanceTimeout() {
        return settings.acceptanceTimeout();
    }

    /** @return the SLA policy complaints on this workflow are measured against */
    public SlaPolicy slaPolicy() {
        return slaPolicy;
    }

    /** Finds the row, or throws the typed refusal naming the allowed triggers. */
    Transition transition(String complaintId, ComplaintState state, ComplaintTrigger trigger) {
        Transition t = table[state.ordinal()][trigger.ordinal()];
        if (t == null) {
            throw new IllegalTransitionException(complaintId, state, trigger, permitted[state.ordinal()]);
        }
        return t;
    }

    /** Finds the row for a recorded event, or empty. */
    Transition row(ComplaintState state, ComplaintTrigger trigger) {
        return table[state.ordinal()][trigger.ordinal()];
    }

    /** @return the settings guards read */
    WorkflowSettings settings() {
        return settings;
    }

    /**
     * Checks the role, the owner, the customer and the row's guards; throws the first refusal.
     *
     * @param context the complaint before the command
     * @param command the command
     * @param t the row
     * @param evaluateExternal whether to evaluate external guards (when applying) or skip them
     *        (when replaying: their outcome is recorded in the event)
     * @return the names of the external guards that passed (empty when skipped)
     */
    List<String> checkGuards(GuardContext context, ComplaintCommand command, Transition t, boolean evaluateExternal) {
        checkRole(context, command);
        List<String> external = List.of();
        for (Guard g : t.guards()) {
            if (g.isExternal() && !evaluateExternal) {
                continue;
            }
            if (!g.allows(context, command)) {
                throw new GuardRefusedException(context.id(), context.state(), command.trigger(), g.name(),
                        g.reason(context, command));
            }
            if (g.isExternal()) {
                external = ImmutableList.<String>builder().addAll(external).add(g.name()).build();
            }
        }
        return external;
    }

    private void checkRole(GuardContext context, ComplaintCommand command) {
        String complaintId = context.id();
        Actor actor = command.actor();
        Set<Role> allowed = roles.get(command.trigger());
        if (!allowed.contains(actor.role())) {
            throw new GuardRefusedException(complaintId, context.state(), command.trigger(), "role",
                    "only " + roleNames(allowed) + " may " + command.trigger().commandName() + "; " + PersonalData.maskIdentifier(actor.id())
                            + " acts as " + actor.role().label());
        }
        if (actor.role() == OWNER && !actor.id().equals(context.owner())) {
            throw new GuardRefusedException(complaintId, context.state(), command.trigger(), "owner",
                    PersonalData.maskIdentifier(actor.id()) + " acts as owner but the owner is " + PersonalData.maskIdentifier(context.owner()));
        }
        if (actor.role() == CUSTOMER && !actor.id().equals(context.customer().value())) {
            throw new GuardRefusedException(complaintId, context.state(), command.trigger(), "customer",
                    PersonalData.maskIdentifier(actor.id()) + " acts as customer but complaint " + complaintId + " is customer "
                            + context.customer().masked() + "'s");
        }
    }

    /** @return the rows of the table in state then trigger order */
    List<Transition> rows() {
        List<Transition> rows = new ArrayList<>();
        for (Transition[] byTrigger : table) {
            for (Transition t : byTrigger) {
                if (t != null) {
                    rows.add(t);
                }
            }
        }
        return rows;
    }

    /**
     * Draws the table as a Mermaid state diagram ({@code stateDiagram-v2}); the pseudo-state
     * {@code NEW} is drawn as the start, states without outgoing transitions lead to the end.
     *
     * @return the diagram source
     */
    public String toMermaid() {
        return WorkflowDiagrams.mermaid(this);
    }

    /**
     * Draws the table as a Graphviz DOT digraph.
     *
     * @return the diagram source
     */
    public String toDot() {
        return WorkflowDiagrams.dot(this);
    }

    /**
     * Documents the table as a Markdown table: from, command, to, roles, guards.
     *
     * @return the Markdown source
     */
    public String toMarkdown() {
        return WorkflowDiagrams.markdown(this);
    }

    @Override
    public String toString() {
        return "ComplaintWorkflow[" + rows().size() + " transitions, reopen window " + settings.reopenWindow()
                + ", acceptance timeout " + settings.acceptanceTimeout() + "]";
    }

    /** Builds a workflow; not thread-safe. */
    public static final class Builder {
        private final Transition[][] table = new Transition[STATES][TRIGGERS];
        private final Map<ComplaintTrigger, Set<Role>> roles = new EnumMap<>(ComplaintTrigger.class);
        private final Map<Integer, Set<Role>> escalationRoles = new java.util.HashMap<>();
        private int maxEscalationLevel = 3;
        private Duration reopenWindow = Duration.ofDays(7);
        private Duration acceptanceTimeout = Duration.ofDays(7);
        private SlaPolicy slaPolicy = SlaPolicy.standard();

        private Builder() {
            for (ComplaintTrigger t : ComplaintTrigger.values()) {
                roles.put(t, EnumSet.allOf(Role.class));
            }
            for (int level = 1; level <= maxEscalationLevel; level++) {
                escalationRoles.put(level, EnumSet.allOf(Role.class));
            }
        }

        /**
         * Starts (or continues) the rows leaving a state.
         *
         * @param state the state
         * @return the state's configuration
         */
        public StateConfiguration configure(ComplaintState state) {
            return new StateConfiguration(this, requireNonNull(state, "state"));
        }

        /**
         * Sets the roles that may fire a trigger (replacing the previous ones).
         *
         * @param trigger the trigger
         * @param first a role
         * @param more further roles
         * @return this builder
         */
        public Builder roles(ComplaintTrigger trigger, Role first, Role... more) {
            roles.put(requireNonNull(trigger, "trigger"), EnumSet.of(requireNonNull(first, "first"), more));
            return this;
        }

        /**
         * Sets the roles that may raise a complaint to an escalation level.
         *
         * @param level the level, 1 to the highest level
         * @param first a role
         * @param more further roles
         * @return this builder
         * @throws IllegalArgumentException if the level is out of range
         */
        public Builder escalationRoles(int level, Role first, Role... more) {
            checkArgument(level >= 1 && level <= maxEscalationLevel, "escalation level %s is outside 1–%s", level,
                    maxEscalationLevel);
            escalationRoles.put(level, EnumSet.of(requireNonNull(first, "first"), more));
            return this;
        }

        /**
         * Sets the highest escalation level (default 3); new levels are open to managers.
         *
         * @param level the highest level, 1 to 9
         * @return this builder
         * @throws IllegalArgumentException if the level is outside 1–9
         */
        public Builder maxEscalationLevel(int level) {
            checkArgument(level >= 1 && level <= 9, "maxEscalationLevel %s is outside 1–9", level);
            for (int l = maxEscalationLevel + 1; l <= level; l++) {
                escalationRoles.put(l, EnumSet.of(MANAGER));
            }
            escalationRoles.keySet().removeIf(l -> l > level);
            maxEscalationLevel = level;
            return this;
        }

        /**
         * Sets how long after closing a complaint may be reopened (default 7 days).
         *
         * @param window the window, positive
         * @return this builder
         * @throws IllegalArgumentException if the window is not positive
         */
        public Builder reopenWindow(Duration window) {
            checkArgument(!window.isNegative() && !window.isZero(), "reopenWindow %s must be positive", window);
            this.reopenWindow = window;
            return this;
        }

        /**
         * Sets how long after proposing a resolution it may be closed without the customer's
         * acceptance (default 7 days).
         *
         * @param timeout the timeout, positive
         * @return this builder
         * @throws IllegalArgumentException if the timeout is not positive
         */
        public Builder acceptanceTimeout(Duration timeout) {
            checkArgument(!timeout.isNegative() && !timeout.isZero(), "acceptanceTimeout %s must be positive",
                    timeout);
            this.acceptanceTimeout = timeout;
            return this;
        }

        /**
         * Sets the SLA policy (default {@link SlaPolicy#standard()}, 24×7 in UTC).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder slaPolicy(SlaPolicy policy) {
            this.slaPolicy = requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds the workflow.
         *
         * @return the workflow
         * @throws IllegalStateException if the table has no {@code receive} row from {@code NEW},
         *         has {@code receive} from another state, leads back to {@code NEW}, or guards
         *         the {@code receive} row
         */
        public ComplaintWorkflow build() {
            Transition receive = table[NEW.ordinal()][RECEIVE.ordinal()];
            checkState(receive != null, "the workflow needs a receive transition from NEW");
            checkState(receive.guards().length == 0, "the receive transition cannot have guards (only roles)");
            for (Transition[] byTrigger : table) {
                for (Transition t : byTrigger) {
                    if (t != null) {
                        checkState(t.to() != NEW, "transition %s from %s leads back to NEW", t.trigger(), t.from());
                        checkState(t.trigger() != RECEIVE || t.from() == NEW, "receive is allowed only from NEW");
                        checkState(t.from() != NEW || t.trigger() == RECEIVE, "NEW allows only receive");
                    }
                }
            }
            return new ComplaintWorkflow(this);
        }
    }

    /** The rows leaving one state, configured fluently. */
    public static final class StateConfiguration {
        private final Builder builder;
        private final ComplaintState state;

        private StateConfiguration(Builder builder, ComplaintState state) {
            this.builder = builder;
            this.state = state;
        }

        /**
         * Permits a trigger from this state to a target, if the guards allow (checked in order,
         * after the role check). Replaces an earlier row for the same trigger.
         *
         * @param trigger the trigger
         * @param target the state after
         * @param guards the guards, possibly none
         * @return this configuration
         */
        public StateConfiguration permit(ComplaintTrigger trigger, ComplaintState target, Guard... guards) {
            requireNonNull(trigger, "trigger");
            requireNonNull(target, "target");
            for (Guard g : guards) {
                requireNonNull(g, "guard");
            }
            builder.table[state.ordinal()][trigger.ordinal()] = new Transition(state, trigger, target, guards.clone(),
                    trigger.effect());
            return this;
        }

        /**
         * Permits a trigger that stays in this state (an internal transition that still records
         * an event, e.g. escalate or re-assign).
         *
         * @param trigger the trigger
         * @param guards the guards, possibly none
         * @return this configuration
         */
        public StateConfiguration permitReentry(ComplaintTrigger trigger, Guard... guards) {
            return permit(trigger, state, guards);
        }

        /**
         * Removes a row.
         *
         * @param trigger the trigger no longer allowed from this state
         * @return this configuration
         */
        public StateConfiguration forbid(ComplaintTrigger trigger) {
            builder.table[state.ordinal()][requireNonNull(trigger, "trigger").ordinal()] = null;
            return this;
        }

        /**
         * Continues with another state.
         *
         * @param next the state
         * @return its configuration
         */
        public StateConfiguration configure(ComplaintState next) {
            return builder.configure(next);
        }

        /** @return the builder, for roles and settings */
        public Builder and() {
            return builder;
        }

        /**
         * Builds the workflow.
         *
         * @return the workflow
         * @throws IllegalStateException as {@link Builder#build()}
         */
        public ComplaintWorkflow build() {
            return builder.build();
        }
    }
}
