/**
 * Satisfaction as performance minus expectation (docs/domain.md §6):
 * {@link io.crmkit.scoring.satisfaction.ServiceQuality} measures SERVQUAL gaps over the RATER
 * dimensions with weights summing to 1, and {@link io.crmkit.scoring.satisfaction.SurveyReport}
 * aggregates the company's own survey answers by day, week, month, salesperson and question.
 * Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value or
 * element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.scoring.satisfaction;

import org.jspecify.annotations.NullMarked;
