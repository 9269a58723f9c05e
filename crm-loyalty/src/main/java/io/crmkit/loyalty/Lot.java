package io.crmkit.loyalty;

import java.time.Instant;
import java.util.Optional;

/**
 * Points earned together, which expire together: a purchase's base points, one campaign's bonus on
 * a purchase, a one-off bonus or an upward adjustment. Lots are spent in the order they expire
 * (those that never expire last), then by the instant they were earned, then by id.
 *
 * @param id the lot's id: the source event's id, followed by {@code /} and the campaign's name for a
 *        campaign bonus
 * @param kind {@link EntryKind#EARN}, {@link EntryKind#BONUS} or {@link EntryKind#ADJUST}
 * @param sourceEventId the event that created it
 * @param earnedAt when it was created
 * @param points the points it was created with
 * @param remaining the points still in it, 0 to points
 * @param expiresAt the first instant its points are gone, as derived so far; empty if never
 */
public record Lot(String id, EntryKind kind, String sourceEventId, Instant earnedAt, long points, long remaining,
        Optional<Instant> expiresAt) {
}
