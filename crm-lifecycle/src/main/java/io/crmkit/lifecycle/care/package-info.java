/**
 * The care (contact) schedule of a dealer's manual (docs/domain.md §5): a
 * {@link io.crmkit.lifecycle.care.CareSchedule} turns
 * {@link io.crmkit.lifecycle.care.CareEvent events} (a prospect's visit, a price objection, a
 * booked delivery, a birthday, …) into dated {@link io.crmkit.lifecycle.care.CareTask tasks} by
 * its {@link io.crmkit.lifecycle.care.CareRule rules} (same-day thank-you, callback within 48
 * hours, reminders 72 and 24 hours before delivery, …), reports the overdue ones as of any
 * instant, and checks the daily follow-up quota of each salesperson. Nullness: the package is
 * {@code @NullMarked} (JSpecify), so no parameter, return value or element is ever {@code null};
 * an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.lifecycle.care;

import org.jspecify.annotations.NullMarked;
