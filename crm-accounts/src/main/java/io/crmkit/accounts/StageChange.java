package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The day a deal entered a stage of the project life cycle.
 *
 * @param stage the stage entered
 * @param date the day it was entered
 */
public record StageChange(ProjectStage stage, LocalDate date) {

    /**
     * Checks the fields.
     *
     * @param stage the stage, not null
     * @param date the day, not null
     */
    public StageChange {
        requireNonNull(stage, "stage");
        requireNonNull(date, "date");
    }
}
