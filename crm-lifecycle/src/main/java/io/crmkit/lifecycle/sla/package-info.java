/**
 * Service-level clocks without background timers: a
 * {@link io.crmkit.lifecycle.sla.BusinessCalendar} (working days and hours, holidays, time zone,
 * or 24×7) measures business time, a {@link io.crmkit.lifecycle.sla.ClockRun} records when a clock
 * started, paused, resumed and stopped, and a {@link io.crmkit.lifecycle.sla.SlaPolicy} turns a
 * run into a {@link io.crmkit.lifecycle.sla.SlaStatus} (running, paused, met or breached, with
 * warnings at 50 %, 75 % and at breach) for any instant. Everything is computed from recorded
 * instants, so a restart loses nothing. Calendars cover the years 1 to 9999 and count whole weeks
 * at once, so any span within them is evaluated in milliseconds and never overflows. Nullness: the
 * package is {@code @NullMarked} (JSpecify), so no parameter, return value or element is ever
 * {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.lifecycle.sla;

import org.jspecify.annotations.NullMarked;
