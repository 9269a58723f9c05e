/**
 * Kotler's five relationship levels ({@link io.crmkit.core.relationship.RelationshipLevel}), his
 * table recommending a level from the number of customers and the margin
 * ({@link io.crmkit.core.relationship.RelationshipLevels}), the contacts each level promises
 * ({@link io.crmkit.core.relationship.ContactPolicy}), and the relationship with one customer
 * ({@link io.crmkit.core.relationship.Relationship}): its dated levels, intended zone, bonds and a
 * review of the promised contacts kept and missed. Nullness: the package is {@code @NullMarked}
 * (JSpecify), so no parameter, return value or element is ever {@code null}; an absent value is an
 * empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.core.relationship;

import org.jspecify.annotations.NullMarked;
