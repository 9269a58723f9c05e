package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a customer has completed a course: by attending every session, or a share of them.
 *
 * <p>A share {@code s} (a decimal in (0, 1]) of a course with {@code n} sessions requires
 * {@code k = ⌈s · n⌉} attended sessions, computed exactly in decimal arithmetic, so the rule is
 * <em>exactly met</em> when the attended count equals {@code s · n} (attending 3 of 4 sessions
 * meets a share of 0.75; 7 of 10 meets 0.7 — no binary rounding can turn {@code 0.7 · 10} into
 * 7.000…01). A share that does not divide evenly rounds up: 0.7 of 3 sessions needs 3.
 * {@link #allSessions()} requires {@code k = n}. Only attended sessions count; the sessions are
 * those of the whole course, held or not, so a customer can complete a share before the course
 * ends.
 *
 * <pre>{@code
 * CompletionRule rule = CompletionRule.share("0.75");
 * boolean met = rule.isMet(3, 4);   // true
 * }</pre>
 */
public final class CompletionRule {

    private static final CompletionRule ALL = new CompletionRule(null);

    /** The required share, or null for all sessions. */
    private final @Nullable BigDecimal share;

    private CompletionRule(@Nullable BigDecimal share) {
        this.share = share;
    }

    /** @return the rule that requires every session of the course */
    public static CompletionRule allSessions() {
        return ALL;
    }

    /**
     * Returns the rule that requires a share of the course's sessions.
     *
     * @param share the share, greater than 0 and at most 1, e.g. {@code 0.75}
     * @return the rule
     * @throws IllegalArgumentException if the share is outside (0, 1]
     */
    public static CompletionRule share(BigDecimal share) {
        requireNonNull(share, "completion share");
        checkArgument(share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0,
                "completion share %s is outside (0, 1]: give the share of sessions to attend, e.g. 0.75",
                share.toPlainString());
        return new CompletionRule(share.stripTrailingZeros());
    }

    /**
     * Parses a share such as {@code "0.75"}.
     *
     * @param share a decimal in (0, 1]
     * @return the rule
     * @throws IllegalArgumentException if the text is not a decimal or outside (0, 1]
     */
    public static CompletionRule share(String share) {
        requireNonNull(share, "completion share");
        BigDecimal value;
        try {
            value = new BigDecimal(share.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("completion share '" + share
                    + "' is not a decimal number: give the share of sessions to attend, e.g. 0.75", e);
        }
        return share(value);
    }

    /** @return the required share, empty for {@link #allSessions()} */
    public Optional<BigDecimal> requiredShare() {
        return Optional.ofNullable(share);
    }

    /**
     * Returns the number of attended sessions the rule requires: {@code ⌈s · n⌉} exactly, or
     * {@code n} for all sessions.
     *
     * @param sessions the course's number of sessions, at least 1
     * @return the required count, between 1 and {@code sessions}
     * @throws IllegalArgumentException if {@code sessions} is below 1
     */
    public int requiredSessions(int sessions) {
        checkArgument(sessions >= 1, "sessions %s must be at least 1", sessions);
        if (share == null) {
            return sessions;
        }
        return share.multiply(BigDecimal.valueOf(sessions)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /**
     * Tells whether attending a number of sessions meets the rule.
     *
     * @param attended sessions attended, from 0 to {@code sessions}
     * @param sessions the course's number of sessions, at least 1
     * @return true if {@code attended} reaches {@link #requiredSessions(int)}
     * @throws IllegalArgumentException if the counts are out of range
     */
    public boolean isMet(int attended, int sessions) {
        checkArgument(attended >= 0 && attended <= sessions,
                "attended sessions %s is outside [0, %s]", attended, sessions);
        return attended >= requiredSessions(sessions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletionRule other
                && (share == null ? other.share == null : other.share != null && share.compareTo(other.share) == 0);
    }

    @Override
    public int hashCode() {
        return share == null ? 0 : share.hashCode();
    }

    /** @return {@code all} or the share as a plain decimal, the form the command line reads */
    @Override
    public String toString() {
        return share == null ? "all" : share.toPlainString();
    }
}
