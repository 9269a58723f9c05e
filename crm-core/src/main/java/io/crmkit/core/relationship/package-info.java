/**
 * Kotler's five relationship levels ({@link io.crmkit.core.relationship.RelationshipLevel}), his
 * table recommending a level from the number of customers and the margin
 * ({@link io.crmkit.core.relationship.RelationshipLevels}), the contacts each level promises
 * ({@link io.crmkit.core.relationship.ContactPolicy}), and the relationship with one customer
 * ({@link io.crmkit.core.relationship.Relationship}): its dated levels, intended zone, bonds and a
 * review of the promised contacts kept and missed.
 */
package io.crmkit.core.relationship;
