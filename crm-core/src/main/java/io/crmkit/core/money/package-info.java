/**
 * Money as an exact decimal amount with its currency ({@link io.crmkit.core.money.Money}).
 * Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value or
 * element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.core.money;

import org.jspecify.annotations.NullMarked;
