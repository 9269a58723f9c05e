package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A named condition on a transition of the {@link ComplaintWorkflow}: it sees a
 * {@link GuardContext} (the complaint before the command, as a plain value, and the workflow's
 * settings) and the command, and when it refuses it explains why.
 *
 * <p>Two kinds. A guard made with {@link #of} must be a pure function of the context and the
 * command (no clock, no I/O, no captured settings that may change): {@link Complaint#replay}
 * evaluates it again for every recorded event, so a history that the guard would have refused is
 * refused. A guard made with {@link #external} depends on settings outside the history and the
 * workflow (a staff directory, a contract, a feature switch): it is evaluated only when the
 * command is applied, and its passing is recorded in the event
 * ({@link ComplaintEvent#externalGuards()}); replay checks that the record is there.
 *
 * <pre>{@code
 * Guard noteGiven = Guard.of("note given", (c, cmd) -> cmd.note().isPresent(), (c, cmd) -> "a rejection needs a note");
 * builder.configure(ComplaintState.RESOLUTION_PROPOSED).permit(ComplaintTrigger.CUSTOMER_REJECTS, ComplaintState.INVESTIGATING, noteGiven);
 * }</pre>
 */
public final class Guard {

    private final String name;
    private final boolean external;
    private final BiPredicate<GuardContext, ComplaintCommand> allows;
    private final BiFunction<GuardContext, ComplaintCommand, @Nullable String> reason;

    private Guard(String name, boolean external, BiPredicate<GuardContext, ComplaintCommand> allows,
            BiFunction<GuardContext, ComplaintCommand, @Nullable String> reason) {
        this.name = name;
        this.external = external;
        this.allows = allows;
        this.reason = reason;
    }

    /**
     * Returns a guard that is a pure function of the context and the command; replay evaluates it
     * again.
     *
     * @param name a short name shown in refusals and diagrams, e.g. "reopen window"
     * @param allows whether the command may proceed on the complaint
     * @param reason why it may not, in words (no personal data), called only on refusal
     * @return the guard
     * @throws IllegalArgumentException if the name is blank or holds control characters
     */
    public static Guard of(String name, BiPredicate<GuardContext, ComplaintCommand> allows,
            BiFunction<GuardContext, ComplaintCommand, @Nullable String> reason) {
        return new Guard(checkName(name), false, requireNonNull(allows, "allows"), requireNonNull(reason, "reason"));
    }

    /**
     * Returns a guard that depends on settings outside the history and the workflow. It is
     * evaluated when a command is applied; the event records that it passed, and replay checks
     * that record instead of evaluating it again.
     *
     * @param name a short name shown in refusals and diagrams and recorded in events
     * @param allows whether the command may proceed on the complaint
     * @param reason why it may not, in words (no personal data), called only on refusal
     * @return the guard
     * @throws IllegalArgumentException if the name is blank or holds control characters
     */
    public static Guard external(String name, BiPredicate<GuardContext, ComplaintCommand> allows,
            BiFunction<GuardContext, ComplaintCommand, @Nullable String> reason) {
        return new Guard(checkName(name), true, requireNonNull(allows, "allows"), requireNonNull(reason, "reason"));
    }

    private static String checkName(String name) {
        requireNonNull(name, "name");
        checkArgument(!name.isBlank(), "guard name is blank: name the guard");
        checkArgument(name.length() <= 128 && name.chars().noneMatch(Character::isISOControl),
                "guard name of length %s must be at most 128 characters without control characters", name.length());
        return name;
    }

    /** @return the guard's name */
    public String name() {
        return name;
    }

    /** @return whether the guard depends on outside settings (its passing is recorded, not re-evaluated) */
    public boolean isExternal() {
        return external;
    }

    /**
     * Tells whether the guard lets a command through.
     *
     * @param context the complaint before the command
     * @param command the command
     * @return true if allowed
     */
    public boolean allows(GuardContext context, ComplaintCommand command) {
        return allows.test(context, command);
    }

    /**
     * Explains a refusal.
     *
     * @param context the complaint before the command
     * @param command the refused command
     * @return the reason, in words; when the guard's reason function gives none (null or blank),
     *     "the condition of guard 'NAME' does not hold"
     */
    public String reason(GuardContext context, ComplaintCommand command) {
        @Nullable String why = reason.apply(context, command);
        return why == null || why.isBlank() ? "the condition of guard '" + name + "' does not hold" : why;
    }

    @Override
    public String toString() {
        return "Guard[" + name + (external ? ", external" : "") + "]";
    }
}
