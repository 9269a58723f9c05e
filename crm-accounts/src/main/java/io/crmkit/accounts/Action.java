package io.crmkit.accounts;

import io.crmkit.core.customer.PersonalData;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One action of the plan: what is to be done, for which key person, by which of our colleagues, by
 * when, and whether it is done. An open action is overdue from the day after its due date: an
 * action due today is not overdue today.
 *
 * <pre>{@code
 * Action a = Action.builder().id("a1").person("p1").owner("li.na").due(LocalDate.parse("2026-11-30")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Action {

    /** Whether an action is still to be done. */
    public enum Status {
        /** Still to be done. */
        OPEN,
        /** Done. */
        DONE
    }

    Action() {
    }

    /** @return the action's id in the plan, unique there */
    public abstract String id();

    /** @return the id of the key person the action is for, if it is for one */
    public abstract Optional<String> person();

    /** @return the handle of our colleague who owns the action, if named */
    public abstract Optional<String> owner();

    /** @return the last day on which the action is due */
    public abstract LocalDate due();

    /** @return the status; {@link Status#OPEN} unless set */
    @Value.Default
    public Status status() {
        return Status.OPEN;
    }

    /** @return what is to be done, at most 2,000 characters; empty if not described */
    @Value.Default
    public String description() {
        return "";
    }

    /**
     * Returns whether the action is open and past its due date.
     *
     * @param asOf the day of the review
     * @return {@code status() == OPEN && due().isBefore(asOf)}
     */
    public final boolean isOverdue(LocalDate asOf) {
        return status() == Status.OPEN && due().isBefore(asOf);
    }

    /** @return an equal action with the status {@link Status#DONE} */
    public final Action done() {
        return ((ImmutableAction) ImmutableAction.copyOf(this)).withStatus(Status.DONE);
    }

    /**
     * Returns a new builder.
     *
     * @return a builder; {@code id} and {@code due} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects an action's fields; {@code build()} runs the action's checks. Not thread-safe: use it
     * on one thread.
     */
    public static final class Builder extends ImmutableAction.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        Texts.requireId("id of action", id());
        person().ifPresent(p -> Texts.requireId("person of action " + id(), p));
        owner().ifPresent(o -> Texts.requireText("owner of action " + id(), o, true));
        Texts.requireNote("description of action " + id(), description(), false);
    }

    /** @return for example {@code Action[a1 for p1, owner l***, due 2026-11-30, OPEN]}; the owner is masked */
    @Override
    public String toString() {
        return "Action[" + id() + person().map(p -> " for " + p).orElse("")
                + owner().map(o -> ", owner " + PersonalData.maskHandle(o)).orElse("") + ", due " + due() + ", " + status() + "]";
    }
}
