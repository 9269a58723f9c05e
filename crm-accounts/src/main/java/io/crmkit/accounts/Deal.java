package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A deal with the account moving through the {@link ProjectStage project life cycle}: its dated
 * stage changes, the longest the plan allows it to stay in one stage, and what is planned for
 * each stage. Time in a stage runs from the day the stage was entered to the day the next one
 * was entered (or to the as-of day for the current stage), in whole days.
 *
 * <pre>{@code
 * Deal d = Deal.of("d1", ProjectStage.PROJECT_RUN, LocalDate.parse("2026-05-01"));
 * long days = d.daysInCurrentStage(LocalDate.parse("2026-08-01"));   // 92
 * }</pre>
 */
@Value.Immutable
public abstract class Deal {

    Deal() {
    }

    /** @return the deal's id in the plan, unique there */
    public abstract String id();

    /**
     * Returns the stage changes in the order they happened: at least one, dates never going back
     * (two changes on the same day are allowed, the later one in the list counting).
     *
     * @return the stage changes, oldest first
     */
    public abstract List<StageChange> changes();

    /** @return the most days the deal may stay in one stage before it counts as stalled, if limited */
    public abstract OptionalInt maxDaysInStage();

    /** @return the plan for each stage the planner has filled in */
    public abstract Map<ProjectStage, StagePlan> stagePlans();

    /** @return the current stage: that of the last change */
    public final ProjectStage stage() {
        return changes().get(changes().size() - 1).stage();
    }

    /** @return the day the current stage was entered */
    public final LocalDate since() {
        return changes().get(changes().size() - 1).date();
    }

    /**
     * Returns the whole days the deal has been in its current stage, {@code asOf - since()}.
     *
     * @param asOf the day of the review, not before {@link #since()}
     * @return the days, 0 or more
     * @throws IllegalArgumentException if {@code asOf} is before the current stage was entered
     */
    public final long daysInCurrentStage(LocalDate asOf) {
        checkArgument(!asOf.isBefore(since()), "asOf %s is before deal %s entered %s on %s", asOf, id(), stage(), since());
        return ChronoUnit.DAYS.between(since(), asOf);
    }

    /**
     * Returns the whole days spent in each stage up to {@code asOf}: the days between each change
     * and the next, and from the last change to {@code asOf}; a stage entered twice sums both
     * spells. Stages never entered are absent.
     *
     * @param asOf the day of the review, not before the last change
     * @return days per stage in stage order; the values add up to {@code asOf} minus the first change
     * @throws IllegalArgumentException if {@code asOf} is before the last change
     */
    public final Map<ProjectStage, Long> daysInStages(LocalDate asOf) {
        daysInCurrentStage(asOf);
        Map<ProjectStage, Long> days = new EnumMap<>(ProjectStage.class);
        List<StageChange> c = changes();
        for (int i = 0; i < c.size(); i++) {
            LocalDate end = i + 1 < c.size() ? c.get(i + 1).date() : asOf;
            days.merge(c.get(i).stage(), ChronoUnit.DAYS.between(c.get(i).date(), end), Long::sum);
        }
        return Collections.unmodifiableMap(days);
    }

    /**
     * Returns whether the deal has been in its current stage longer than the plan allows: more
     * than {@link #maxDaysInStage()} days (exactly that many is not yet stalled).
     *
     * @param asOf the day of the review; a day before the stage was entered is never stalled
     * @return whether it is stalled; false when there is no limit
     */
    public final boolean isStalled(LocalDate asOf) {
        return maxDaysInStage().isPresent()
                && ChronoUnit.DAYS.between(since(), asOf) > maxDaysInStage().getAsInt();
    }

    /**
     * Returns a deal with one stage change and no limit.
     *
     * @param id the deal's id
     * @param stage its current stage
     * @param since the day it entered the stage
     * @return the deal
     */
    public static Deal of(String id, ProjectStage stage, LocalDate since) {
        return builder().id(id).addChanges(new StageChange(stage, since)).build();
    }

    /**
     * Returns a new builder.
     *
     * @return a builder; {@code id} and at least one change are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a deal's fields; {@code build()} runs the deal's checks. Not thread-safe: use it on one
     * thread.
     */
    public static final class Builder extends ImmutableDeal.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        Texts.requireId("id of deal", id());
        checkArgument(!changes().isEmpty(), "changes of deal %s are empty: a deal has at least the stage it is in", id());
        for (int i = 1; i < changes().size(); i++) {
            checkArgument(!changes().get(i).date().isBefore(changes().get(i - 1).date()),
                    "changes of deal %s go back from %s to %s: stage changes are listed in date order",
                    id(), changes().get(i - 1).date(), changes().get(i).date());
        }
        maxDaysInStage().ifPresent(m -> checkArgument(m >= 1,
                "maxDaysInStage of deal %s is %s: the limit is at least 1 day", id(), m));
    }
}
