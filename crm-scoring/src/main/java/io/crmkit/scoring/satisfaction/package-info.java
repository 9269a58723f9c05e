/**
 * Satisfaction as performance minus expectation (docs/domain.md §6):
 * {@link io.crmkit.scoring.satisfaction.ServiceQuality} measures SERVQUAL gaps over the RATER
 * dimensions with weights summing to 1, and {@link io.crmkit.scoring.satisfaction.SurveyReport}
 * aggregates the company's own survey answers by day, week, month, salesperson and question.
 */
package io.crmkit.scoring.satisfaction;
