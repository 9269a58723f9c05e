package io.crmkit.lifecycle.complaint;

import io.crmkit.core.customer.PersonalData;
import io.crmkit.core.customer.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a {@link Guard} sees of a complaint before a command: its id, customer, state, owner,
 * counts and instants, and the settings of the workflow it runs on. A plain value computed from
 * the history and the workflow, so a guard never reaches back into the complaint or the workflow,
 * and replaying a history evaluates every guard on exactly what it saw when the event was
 * recorded. The customer's description and notes (personal data) are not part of it.
 */
public final class GuardContext {

    private final String complaintId;
    private final CustomerId customer;
    private final ComplaintState state;
    private final ComplaintFacts facts;
    private final Instant enteredStateAt;
    private final Instant lastEventAt;
    private final WorkflowSettings settings;

    GuardContext(String complaintId, CustomerId customer, ComplaintState state, ComplaintFacts facts,
            Instant enteredStateAt, Instant lastEventAt, WorkflowSettings settings) {
        this.complaintId = complaintId;
        this.customer = customer;
        this.state = state;
        this.facts = facts;
        this.enteredStateAt = enteredStateAt;
        this.lastEventAt = lastEventAt;
        this.settings = settings;
    }

    /** @return the complaint's id */
    public String id() {
        return complaintId;
    }

    /** @return the complaining customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the state before the command ({@code NEW} for a receive) */
    public ComplaintState state() {
        return state;
    }

    /** @return who owns the complaint before the command (for a receive: the receiver) */
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

    /** @return when the complaint entered its current state (reentries such as escalate do not count) */
    public Instant enteredStateAt() {
        return enteredStateAt;
    }

    /** @return when the last event was recorded (for a receive: the receipt) */
    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** @return the workflow's highest escalation level */
    public int maxEscalationLevel() {
        return settings.maxEscalationLevel();
    }

    /**
     * Returns the roles the workflow lets raise a complaint to a level.
     *
     * @param level the level, 1 to {@link #maxEscalationLevel()}
     * @return the roles, empty for a level out of range
     */
    public Set<Role> escalationRoles(int level) {
        return settings.escalationRoles().getOrDefault(level, Set.of());
    }

    /** @return how long after closing the workflow lets a complaint be reopened */
    public Duration reopenWindow() {
        return settings.reopenWindow();
    }

    /** @return how long after a proposed resolution the workflow lets it be closed without acceptance */
    public Duration acceptanceTimeout() {
        return settings.acceptanceTimeout();
    }

    @Override
    public String toString() {
        return "GuardContext[id=" + complaintId + ", customer=" + customer.masked() + ", state=" + state + ", owner="
                + PersonalData.maskIdentifier(facts.owner()) + ", level=" + facts.escalationLevel() + ", reopens=" + facts.reopenCount()
                + ", enteredStateAt=" + enteredStateAt + ", lastEventAt=" + lastEventAt + "]";
    }
}
