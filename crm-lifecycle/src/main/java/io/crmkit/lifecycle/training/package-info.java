/**
 * Customer training, one of the five modules of a CRM (docs/domain.md §10: courses, taking part,
 * evaluating the effect): a {@link io.crmkit.lifecycle.training.Course} (topic, product, format,
 * capacity) with dated {@link io.crmkit.lifecycle.training.Session sessions}, a
 * {@link io.crmkit.lifecycle.training.CourseRoster roster} with its waiting list, attendance per
 * session, a {@link io.crmkit.lifecycle.training.CompletionRule completion rule},
 * {@link io.crmkit.lifecycle.training.Certificate certificates} whose renewal reminders are care
 * events of {@link io.crmkit.lifecycle.care.CareSchedule}, and evaluation on Kirkpatrick's four
 * levels — reaction, learning ({@link io.crmkit.lifecycle.training.LearningGain normalised gain}),
 * behaviour after a stated delay, and results, where trained customers' complaints, repeat
 * purchases or spend are compared with comparable untrained customers by
 * {@link io.crmkit.lifecycle.training.DifferenceInDifferences difference-in-differences} with a
 * seeded bootstrap interval. {@link io.crmkit.lifecycle.training.CourseHistory} gathers one
 * course's data and produces its {@link io.crmkit.lifecycle.training.CourseReport report}.
 * Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value or
 * element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.lifecycle.training;

import org.jspecify.annotations.NullMarked;
