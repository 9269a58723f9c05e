package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When points expire. Expiry is derived as of any instant from the lots and the member's activity;
 * nothing runs on a schedule. A lot's expiry instant is the first instant at which its points are
 * gone: they are available at every earlier instant.
 * <ul>
 *   <li>{@link #rolling(int) rolling(N)}: a lot expires N months after the instant it was earned,
 *       counted on the program's calendar (earned 2026-01-31 10:00 with N = 1: expires 2026-02-28
 *       10:00, the month's last day when the day does not exist);</li>
 *   <li>{@link #endOfYear(int) endOfYear(N)}: a lot expires at the end of the calendar year N years
 *       after the year it was earned in (N = 1: earned any day of 2025, usable through 2026-12-31,
 *       gone at 2027-01-01 00:00 in the program's zone; N = 0: gone at the end of the same
 *       year);</li>
 *   <li>{@link #activityExtended(int) activityExtended(N)}: every lot expires N months after the
 *       member's last activity (a purchase, a one-off bonus or a redemption); each activity pushes
 *       every lot's expiry out. A lot granted after the last activity (a positive adjustment to a
 *       dormant member) counts from its own grant instead, so no lot expires before it exists;</li>
 *   <li>{@link #never()}: points do not expire.</li>
 * </ul>
 *
 * @param kind the kind of policy
 * @param period the months (rolling, activity-extended) or years (end of year); 0 for never
 */
public record ExpiryPolicy(Kind kind, int period) {

    /** The kinds of expiry policy. */
    public enum Kind {
        /** N months after the lot was earned. */
        ROLLING,
        /** End of the calendar year N years after the lot was earned. */
        END_OF_YEAR,
        /** N months after the member's last activity. */
        ACTIVITY_EXTENDED,
        /** Never. */
        NEVER
    }

    /**
     * Validates the policy.
     *
     * @param kind the kind of policy
     * @param period months for rolling and activity-extended (1 to 1200), years for end of year
     *        (0 to 100), 0 for never
     * @throws IllegalArgumentException if the period is out of range for the kind
     */
    public ExpiryPolicy {
        requireNonNull(kind, "kind");
        switch (kind) {
            case ROLLING, ACTIVITY_EXTENDED -> checkArgument(period >= 1 && period <= 1200,
                    "expiry months %s is out of range: it must be 1 to 1200", period);
            case END_OF_YEAR -> checkArgument(period >= 0 && period <= 100,
                    "expiry years %s is out of range: it must be 0 to 100", period);
            case NEVER -> checkArgument(period == 0, "expiry period %s must be 0 for points that never expire", period);
            default -> throw new AssertionError(kind);
        }
    }

    /**
     * Returns the rolling policy.
     *
     * @param months months from earning to expiry, 1 to 1200
     * @return the policy
     * @throws IllegalArgumentException if months is out of range
     */
    public static ExpiryPolicy rolling(int months) {
        return new ExpiryPolicy(Kind.ROLLING, months);
    }

    /**
     * Returns the end-of-calendar-year policy.
     *
     * @param yearsAfter years after the year of earning, 0 to 100
     * @return the policy
     * @throws IllegalArgumentException if yearsAfter is out of range
     */
    public static ExpiryPolicy endOfYear(int yearsAfter) {
        return new ExpiryPolicy(Kind.END_OF_YEAR, yearsAfter);
    }

    /**
     * Returns the activity-extended policy.
     *
     * @param months months from the last activity to expiry, 1 to 1200
     * @return the policy
     * @throws IllegalArgumentException if months is out of range
     */
    public static ExpiryPolicy activityExtended(int months) {
        return new ExpiryPolicy(Kind.ACTIVITY_EXTENDED, months);
    }

    /** @return the policy under which points never expire */
    public static ExpiryPolicy never() {
        return new ExpiryPolicy(Kind.NEVER, 0);
    }

    /**
     * The expiry instant of a lot.
     *
     * @param earnedAt when the lot was earned
     * @param lastActivity the member's last activity so far (used by the activity-extended policy,
     *     which counts from the later of it and {@code earnedAt})
     * @param zone the program's zone, whose calendar counts months and years
     * @return the first instant at which the lot's points are gone, or empty if they never expire
     */
    public Optional<Instant> expiryOf(Instant earnedAt, Instant lastActivity, ZoneId zone) {
        requireNonNull(earnedAt, "earnedAt");
        requireNonNull(lastActivity, "lastActivity");
        requireNonNull(zone, "zone");
        return switch (kind) {
            case ROLLING -> Optional.of(earnedAt.atZone(zone).plusMonths(period).toInstant());
            case END_OF_YEAR -> Optional.of(LocalDate.of(earnedAt.atZone(zone).getYear() + period + 1, 1, 1)
                    .atStartOfDay(zone).toInstant());
            case ACTIVITY_EXTENDED -> Optional.of((lastActivity.isAfter(earnedAt) ? lastActivity : earnedAt)
                    .atZone(zone).plusMonths(period).toInstant());
            case NEVER -> Optional.empty();
        };
    }
}
