/**
 * {@code crm care schedule|quota}: the dealer manual's care schedule of crm-lifecycle's
 * {@link io.crmkit.lifecycle.care.CareSchedule} over a CSV of care events
 * ({@code customer_id,moment,at,owner}), with the tasks overdue at an instant, and the daily
 * follow-up quota over a CSV of interactions.
 */
package io.crmkit.cli.care;
