/**
 * Customers and their file: identity, contact points that change over time, and the dated history
 * of every change. Personal data is always masked when printed, and
 * {@link io.crmkit.core.customer.PersonalData} masks the names and handles other modules hold as
 * plain strings the same way. Nullness: the package is {@code @NullMarked} (JSpecify), so no
 * parameter, return value or element is ever {@code null}; an absent value is an empty
 * {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.core.customer;

import org.jspecify.annotations.NullMarked;
