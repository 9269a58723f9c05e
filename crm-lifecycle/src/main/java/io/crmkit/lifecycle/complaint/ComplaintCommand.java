package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * One command to a complaint: the trigger, when, by whom, and the trigger's own data (the intake
 * for {@code receive}, the new owner for {@code assign} or {@code escalate}, the satisfaction score
 * and root cause for {@code close}, a free-text note for any). Immutable; the {@code with…}
 * methods return a new command. The note is free text and may hold personal data, so
 * {@link #toString()} shows only its length.
 *
 * <pre>{@code
 * ComplaintCommand close = ComplaintCommand.of(ComplaintTrigger.CLOSE, at, Actor.of("wang.wei", Role.OWNER))
 *         .withEvaluation(4, "supplier-defect");
 * }</pre>
 */
public final class ComplaintCommand {

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_CODE = 128;

    private final ComplaintTrigger trigger;
    private final Instant at;
    private final Actor actor;
    private final @Nullable ComplaintIntake intake;
    private final @Nullable String assignee;
    private final int satisfaction;
    private final @Nullable String rootCause;
    private final @Nullable String note;

    private ComplaintCommand(ComplaintTrigger trigger, Instant at, Actor actor, @Nullable ComplaintIntake intake,
            @Nullable String assignee, int satisfaction, @Nullable String rootCause, @Nullable String note) {
        if (at.isBefore(BusinessCalendar.MIN_INSTANT) || at.isAfter(BusinessCalendar.MAX_INSTANT)) {
            throw new InstantOutOfRangeException("at", at, InstantOutOfRangeException.YEARS);
        }
        this.trigger = trigger;
        this.at = at;
        this.actor = actor;
        this.intake = intake;
        this.assignee = assignee;
        this.satisfaction = satisfaction;
        this.rootCause = rootCause;
        this.note = note;
    }

    /**
     * Returns a command without data.
     *
     * @param trigger the trigger, not {@code RECEIVE} (use {@link #receive})
     * @param at when it is fired, in the years 1 to 9999 (UTC):
     *        {@link BusinessCalendar#MIN_INSTANT} to {@link BusinessCalendar#MAX_INSTANT}
     * @param actor who fires it, in which role
     * @return the command
     * @throws IllegalArgumentException if the trigger is {@code RECEIVE}
     * @throws InstantOutOfRangeException if {@code at} lies outside the years 1 to 9999
     */
    public static ComplaintCommand of(ComplaintTrigger trigger, Instant at, Actor actor) {
        requireNonNull(trigger, "trigger");
        checkArgument(trigger != ComplaintTrigger.RECEIVE,
                "command receive needs the complaint's intake: use ComplaintCommand.receive");
        return new ComplaintCommand(trigger, requireNonNull(at, "at"), requireNonNull(actor, "actor"), null, null, 0,
                null, null);
    }

    /**
     * Returns the command that receives a new complaint.
     *
     * @param intake what is recorded at receipt
     * @param at when it was received, in the years 1 to 9999 (UTC):
     *        {@link BusinessCalendar#MIN_INSTANT} to {@link BusinessCalendar#MAX_INSTANT}
     * @param receiver who received it (and owns it until handing it over)
     * @return the command
     * @throws InstantOutOfRangeException if {@code at} lies outside the years 1 to 9999
     */
    public static ComplaintCommand receive(ComplaintIntake intake, Instant at, Actor receiver) {
        return new ComplaintCommand(ComplaintTrigger.RECEIVE, requireNonNull(at, "at"),
                requireNonNull(receiver, "receiver"), requireNonNull(intake, "intake"), null, 0, null, null);
    }

    /**
     * Names the new owner (for {@code assign} and {@code escalate}).
     *
     * @param newOwner the employee or team who takes over, not blank, at most 128 characters
     * @return a command with the assignee
     * @throws IllegalArgumentException if the assignee is blank, too long or holds control characters
     */
    public ComplaintCommand withAssignee(String newOwner) {
        requireNonNull(newOwner, "newOwner");
        checkArgument(!newOwner.isBlank(), "assignee of command %s is blank: name who takes over",
                trigger.commandName());
        checkArgument(newOwner.length() <= MAX_CODE, "assignee of length %s is too long: at most %s characters",
                newOwner.length(), MAX_CODE);
        checkArgument(newOwner.chars().noneMatch(Character::isISOControl),
                "assignee of command %s must not contain control characters", trigger.commandName());
        return new ComplaintCommand(trigger, at, actor, intake, newOwner, satisfaction, rootCause, note);
    }

    /**
     * Adds the evaluation a close needs.
     *
     * @param satisfactionScore the customer's satisfaction at close, 1 (very dissatisfied) to 5
     *        (very satisfied)
     * @param rootCauseCode a short code for the root cause, e.g. {@code supplier-defect}; not
     *        blank, at most 128 characters, not personal data
     * @return a command with the evaluation
     * @throws IllegalArgumentException if the score is outside 1–5 or the code is blank, too long or
     *         holds control characters
     */
    public ComplaintCommand withEvaluation(int satisfactionScore, String rootCauseCode) {
        requireNonNull(rootCauseCode, "rootCauseCode");
        checkArgument(satisfactionScore >= 1 && satisfactionScore <= 5,
                "satisfaction %s is outside 1–5: score the customer's satisfaction from 1 to 5", satisfactionScore);
        checkArgument(!rootCauseCode.isBlank(), "root cause is blank: name the cause with a short code");
        checkArgument(rootCauseCode.length() <= MAX_CODE, "root cause of length %s is too long: at most %s characters",
                rootCauseCode.length(), MAX_CODE);
        checkArgument(rootCauseCode.chars().noneMatch(Character::isISOControl),
                "root cause must not contain control characters: use a short code");
        return new ComplaintCommand(trigger, at, actor, intake, assignee, satisfactionScore, rootCauseCode.strip(),
                note);
    }

    /**
     * Adds a free-text note (personal data: never printed).
     *
     * @param text the note, at most 10000 characters
     * @return a command with the note
     * @throws IllegalArgumentException if the note is too long
     */
    public ComplaintCommand withNote(String text) {
        requireNonNull(text, "text");
        checkArgument(text.length() <= MAX_TEXT, "note of length %s is too long: at most %s characters",
                text.length(), MAX_TEXT);
        return new ComplaintCommand(trigger, at, actor, intake, assignee, satisfaction, rootCause, text);
    }

    /** @return the trigger */
    public ComplaintTrigger trigger() {
        return trigger;
    }

    /** @return when the command is fired */
    public Instant at() {
        return at;
    }

    /** @return who fires it, in which role */
    public Actor actor() {
        return actor;
    }

    /** @return the intake, present exactly for {@code receive} */
    public Optional<ComplaintIntake> intake() {
        return Optional.ofNullable(intake);
    }

    /** @return the new owner, if named */
    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    /** @return the satisfaction score 1–5, if given */
    public OptionalInt satisfaction() {
        return satisfaction == 0 ? OptionalInt.empty() : OptionalInt.of(satisfaction);
    }

    /** @return the root-cause code, if given */
    public Optional<String> rootCause() {
        return Optional.ofNullable(rootCause);
    }

    /** @return the free-text note, if any; personal data */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** The same command at another instant (used to shift histories in tests and tools). */
    ComplaintCommand at(Instant instant) {
        return new ComplaintCommand(trigger, requireNonNull(instant, "instant"), actor, intake, assignee, satisfaction,
                rootCause, note);
    }

    @Nullable ComplaintIntake intakeOrNull() {
        return intake;
    }

    @Nullable String assigneeOrNull() {
        return assignee;
    }

    int satisfactionOrZero() {
        return satisfaction;
    }

    @Nullable String rootCauseOrNull() {
        return rootCause;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplaintCommand c && trigger == c.trigger && at.equals(c.at) && actor.equals(c.actor)
                && Objects.equals(intake, c.intake) && Objects.equals(assignee, c.assignee)
                && satisfaction == c.satisfaction && Objects.equals(rootCause, c.rootCause)
                && Objects.equals(note, c.note);
    }

    @Override
    public int hashCode() {
        int h = trigger.ordinal();
        h = 31 * h + at.hashCode();
        h = 31 * h + actor.hashCode();
        h = 31 * h + Objects.hashCode(intake);
        h = 31 * h + Objects.hashCode(assignee);
        h = 31 * h + satisfaction;
        h = 31 * h + Objects.hashCode(rootCause);
        return 31 * h + Objects.hashCode(note);
    }

    /** Shows the command without the note's text, which may hold personal data. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(trigger.commandName()).append(" at ").append(at).append(" by ")
                .append(actor);
        if (intake != null) {
            s.append(' ').append(intake);
        }
        if (assignee != null) {
            s.append(" to ").append(PersonalData.maskIdentifier(assignee));
        }
        if (satisfaction != 0) {
            s.append(" satisfaction ").append(satisfaction).append(" root cause ").append(rootCause);
        }
        if (note != null) {
            s.append(" note <").append(note.length()).append(" chars>");
        }
        return s.toString();
    }
}
