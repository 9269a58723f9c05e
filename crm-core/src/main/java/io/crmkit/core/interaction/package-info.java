/**
 * Contacts between the company and a customer: calls, visits, messages, e-mails, surveys and
 * complaints ({@link io.crmkit.core.interaction.Interaction}). A relationship's review checks them
 * against the contacts its level promises. Nullness: the package is {@code @NullMarked}
 * (JSpecify), so no parameter, return value or element is ever {@code null}; an absent value is an
 * empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.core.interaction;

import org.jspecify.annotations.NullMarked;
