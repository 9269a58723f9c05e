package io.crmkit.lifecycle.complaint;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a workflow that guards read through their {@link GuardContext}, held apart from
 * the workflow so that a guard's inputs never lead back to the table that holds the guard.
 *
 * @param maxEscalationLevel the highest escalation level
 * @param escalationRoles the roles that may raise a complaint to each level
 * @param reopenWindow how long after closing a complaint may be reopened
 * @param acceptanceTimeout how long after a proposed resolution it may be closed without acceptance
 */
record WorkflowSettings(int maxEscalationLevel, Map<Integer, Set<Role>> escalationRoles, Duration reopenWindow,
        Duration acceptanceTimeout) {
}
