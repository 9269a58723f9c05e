package io.crmkit.lifecycle.complaint;

import com.google.common.collect.Sets;
import io.crmkit.lifecycle.sla.SlaClock;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a command does besides moving the complaint to the row's target: how it changes the
 * complaint's facts (owner, escalation level, reopens, evaluation) and its SLA clocks. Every row
 * of a {@link ComplaintWorkflow}'s table carries the effect of its trigger, so the table is the
 * single source of behaviour; each {@link ComplaintTrigger} names its effect, and the
 * workflow's builder puts it on every row of that trigger. Pausing while the complaint awaits the customer is a property of
 * the state {@link ComplaintState#AWAITING_CUSTOMER}, not of a trigger.
 */
enum TriggerEffect {
    /** Receipt: the receiver owns the complaint; every clock starts. */
    RECEIVE(Set.of(), false, false) {
        @Override
        ComplaintFacts apply(ComplaintFacts before, ComplaintCommand command) {
            return ComplaintFacts.receivedBy(command.actor().id());
        }
    },
    /** Hand over to the assignee; registration is done. */
    ASSIGN(EnumSet.of(SlaClock.REGISTRATION), false, false) {
        @Override
        ComplaintFacts apply(ComplaintFacts f, ComplaintCommand command) {
            return new ComplaintFacts(assigneeOr(command, f.owner()), f.escalationLevel(), f.reopenCount(),
                    f.satisfaction(), f.rootCause());
        }
    },
    /** The customer has been told; acknowledgement is done. */
    ACKNOWLEDGE(EnumSet.of(SlaClock.ACKNOWLEDGEMENT), false, false),
    /** No fact and no clock changes. */
    NONE(Set.of(), false, false),
    /** A question to the customer is a first response. */
    REQUEST_INFORMATION(EnumSet.of(SlaClock.FIRST_RESPONSE), false, false),
    /** One level up, and to the assignee if one is named. */
    ESCALATE(Set.of(), false, false) {
        @Override
        ComplaintFacts apply(ComplaintFacts f, ComplaintCommand command) {
            return new ComplaintFacts(assigneeOr(command, f.owner()), f.escalationLevel() + 1, f.reopenCount(),
                    f.satisfaction(), f.rootCause());
        }
    },
    /** A proposed resolution is a first response. */
    PROPOSE_RESOLUTION(EnumSet.of(SlaClock.FIRST_RESPONSE), false, false),
    /** The customer's acceptance resolves the complaint. */
    ACCEPT(EnumSet.of(SlaClock.RESOLUTION), false, false),
    /** Close and record the evaluation; resolution ends here if it had not yet. */
    CLOSE(EnumSet.of(SlaClock.RESOLUTION), false, false) {
        @Override
        ComplaintFacts apply(ComplaintFacts f, ComplaintCommand command) {
            return new ComplaintFacts(f.owner(), f.escalationLevel(), f.reopenCount(), command.satisfactionOrZero(),
                    command.rootCauseOrNull());
        }
    },
    /** One more reopen, the evaluation is cleared, and the resolution clock restarts. */
    REOPEN(Set.of(), true, false) {
        @Override
        ComplaintFacts apply(ComplaintFacts f, ComplaintCommand command) {
            return new ComplaintFacts(f.owner(), f.escalationLevel(), f.reopenCount() + 1, 0, null);
        }
    },
    /** Every clock stops without being met by work: the customer withdrew. */
    WITHDRAW(Set.of(), false, true);

    private final Set<SlaClock> fulfils;
    private final boolean restartsResolution;
    private final boolean stopsEveryClock;

    TriggerEffect(Set<SlaClock> fulfils, boolean restartsResolution, boolean stopsEveryClock) {
        this.fulfils = fulfils.isEmpty() ? Set.of() : Sets.immutableEnumSet(fulfils);
        this.restartsResolution = restartsResolution;
        this.stopsEveryClock = stopsEveryClock;
    }

    /** @return the clocks this effect stops because the work they measure is done */
    Set<SlaClock> fulfils() {
        return fulfils;
    }

    /** @return whether this effect restarts a stopped resolution clock */
    boolean restartsResolution() {
        return restartsResolution;
    }

    /** @return whether this effect stops every clock (the complaint no longer needs work) */
    boolean stopsEveryClock() {
        return stopsEveryClock;
    }

    /**
     * Applies the effect to the complaint's facts; the default changes nothing.
     *
     * @param before the facts before the command
     * @param command the command
     * @return the facts after it
     */
    ComplaintFacts apply(ComplaintFacts before, ComplaintCommand command) {
        return before;
    }

    private static String assigneeOr(ComplaintCommand c, String owner) {
        return c.assigneeOrNull() == null ? owner : c.assigneeOrNull();
    }
}
