package io.crmkit.cli.training;

import io.crmkit.lifecycle.training.Course;
import io.crmkit.lifecycle.training.EvaluationPlan;
import io.crmkit.lifecycle.training.OutcomeMeasure;

/**
 * A course as read from {@code courses.csv}: the course, its evaluation scales, the outcome it
 * targets and the length of the windows before and after.
 *
 * @param course the course
 * @param plan the evaluation's scales
 * @param outcome the level-4 outcome the course targets
 * @param windowDays the length of each outcome window in days
 */
public record CourseSpec(Course course, EvaluationPlan plan, OutcomeMeasure outcome, int windowDays) {
}
