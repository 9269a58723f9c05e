/**
 * Contacts between the company and a customer: calls, visits, messages, e-mails, surveys and
 * complaints ({@link io.crmkit.core.interaction.Interaction}). A relationship's review checks
 * them against the contacts its level promises.
 */
package io.crmkit.core.interaction;
