package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The commands that move a complaint. Each has a command name in lower camel case
 * ({@code startInvestigation}) used in scripts and on the command line.
 */
public enum ComplaintTrigger {
    /** Take in a new complaint (the first event, which carries the intake). */
    RECEIVE("receive", TriggerEffect.RECEIVE),
    /** Register and hand over to an owner (also a later re-assignment). */
    ASSIGN("assign", TriggerEffect.ASSIGN),
    /** Tell the customer the complaint is being handled. */
    ACKNOWLEDGE("acknowledge", TriggerEffect.ACKNOWLEDGE),
    /** Start investigating. */
    START_INVESTIGATION("startInvestigation", TriggerEffect.NONE),
    /** Ask the customer for information; pauses the SLA clocks. */
    REQUEST_INFORMATION("requestInformation", TriggerEffect.REQUEST_INFORMATION),
    /** The customer supplied the information; resumes the SLA clocks. */
    CUSTOMER_RESPONDED("customerResponded", TriggerEffect.NONE),
    /** Raise the escalation level by one (optionally handing over to a new owner). */
    ESCALATE("escalate", TriggerEffect.ESCALATE),
    /** Propose a resolution to the customer. */
    PROPOSE_RESOLUTION("proposeResolution", TriggerEffect.PROPOSE_RESOLUTION),
    /** The customer accepts the proposed resolution. */
    CUSTOMER_ACCEPTS("customerAccepts", TriggerEffect.ACCEPT),
    /** The customer rejects the proposed resolution; back to investigation. */
    CUSTOMER_REJECTS("customerRejects", TriggerEffect.NONE),
    /** Close and evaluate: needs a satisfaction score 1–5 and a root cause. */
    CLOSE("close", TriggerEffect.CLOSE),
    /** Reopen a closed complaint within the reopen window. */
    REOPEN("reopen", TriggerEffect.REOPEN),
    /** The customer withdraws the complaint. */
    WITHDRAW("withdraw", TriggerEffect.WITHDRAW);

    private final String commandName;
    private final TriggerEffect effect;

    ComplaintTrigger(String commandName, TriggerEffect effect) {
        this.commandName = commandName;
        this.effect = effect;
    }

    /** @return what the trigger does to the complaint's facts and clocks, on every row of the table */
    TriggerEffect effect() {
        return effect;
    }

    /** @return the command name, e.g. {@code startInvestigation} */
    public String commandName() {
        return commandName;
    }

    /**
     * Finds a trigger by its command name (case-insensitive) or its constant name.
     *
     * @param name a command name such as {@code proposeResolution} or {@code PROPOSE_RESOLUTION}
     * @return the trigger
     * @throws IllegalArgumentException if no trigger has that name
     */
    public static ComplaintTrigger fromCommandName(String name) {
        requireNonNull(name, "name");
        for (ComplaintTrigger t : values()) {
            if (t.commandName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        checkArgument(false, "command '%s' is unknown: use one of %s", name,
                Arrays.stream(values()).map(ComplaintTrigger::commandName).collect(Collectors.joining(", ")));
        throw new AssertionError();
    }

    /** @return the command name in words, e.g. "start investigation" */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
