package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * A named condition on a transition of the {@link ComplaintWorkflow}: it sees the complaint before
 * the command and the command, and when it refuses it explains why. Guards must be pure functions
 * of their inputs (no clock, no I/O), so replaying a history needs no guard at all.
 *
 * <pre>{@code
 * Guard noteGiven = Guard.of("note given", (c, cmd) -> cmd.note().isPresent(), (c, cmd) -> "a rejection needs a note");
 * builder.configure(ComplaintState.RESOLUTION_PROPOSED).permit(ComplaintTrigger.CUSTOMER_REJECTS, ComplaintState.INVESTIGATING, noteGiven);
 * }</pre>
 */
public final class Guard {

    private final String name;
    private final BiPredicate<Complaint, ComplaintCommand> allows;
    private final BiFunction<Complaint, ComplaintCommand, String> reason;

    private Guard(String name, BiPredicate<Complaint, ComplaintCommand> allows,
            BiFunction<Complaint, ComplaintCommand, String> reason) {
        this.name = name;
        this.allows = allows;
        this.reason = reason;
    }

    /**
     * Returns a guard.
     *
     * @param name a short name shown in refusals and diagrams, e.g. "reopen window"
     * @param allows whether the command may proceed on the complaint
     * @param reason why it may not, in words (no personal data), called only on refusal
     * @return the guard
     * @throws IllegalArgumentException if the name is blank
     */
    public static Guard of(String name, BiPredicate<Complaint, ComplaintCommand> allows,
            BiFunction<Complaint, ComplaintCommand, String> reason) {
        requireNonNull(name, "name");
        checkArgument(!name.isBlank(), "guard name is blank: name the guard");
        return new Guard(name, requireNonNull(allows, "allows"), requireNonNull(reason, "reason"));
    }

    /** @return the guard's name */
    public String name() {
        return name;
    }

    /**
     * Tells whether the guard lets a command through.
     *
     * @param complaint the complaint before the command
     * @param command the command
     * @return true if allowed
     */
    public boolean allows(Complaint complaint, ComplaintCommand command) {
        return allows.test(complaint, command);
    }

    /**
     * Explains a refusal.
     *
     * @param complaint the complaint before the command
     * @param command the refused command
     * @return the reason, in words; when the guard's reason function gives none (null or blank),
     *     "the condition of guard 'NAME' does not hold"
     */
    public String reason(Complaint complaint, ComplaintCommand command) {
        String why = reason.apply(complaint, command);
        return why == null || why.isBlank() ? "the condition of guard '" + name + "' does not hold" : why;
    }

    @Override
    public String toString() {
        return "Guard[" + name + "]";
    }
}
