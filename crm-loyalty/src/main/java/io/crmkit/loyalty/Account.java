package io.crmkit.loyalty;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * A member's points as of an instant: the balance, any recorded refund debt, the open lots in the
 * order they will be spent, every entry up to the instant, the refused events and the tier.
 * Immutable.
 *
 * @param customer the member
 * @param asOf the instant
 * @param balance the points available, the sum of the entries' points; below zero only under
 *        {@link RefundPolicy#NEGATIVE_BALANCE}
 * @param debt refund points recorded as debt, to be settled by later earnings (only under
 *        {@link RefundPolicy#RECORDED_DEBT})
 * @param lots the lots with points left, in spending order
 * @param entries the entries, in the order they were derived (chronological)
 * @param refusals the events refused up to the instant
 * @param tier the tier held at the instant
 */
public record Account(CustomerId customer, Instant asOf, long balance, long debt, List<Lot> lots,
        List<LedgerEntry> entries, List<Refusal> refusals, TierStatus tier) {

    /**
     * Copies the lists.
     *
     * @param customer the member
     * @param asOf the instant
     * @param balance the balance
     * @param debt the debt
     * @param lots the open lots
     * @param entries the entries
     * @param refusals the refusals
     * @param tier the tier
     */
    public Account {
        requireNonNull(customer, "customer");
        requireNonNull(asOf, "asOf");
        lots = ImmutableList.copyOf(lots);
        entries = ImmutableList.copyOf(entries);
        refusals = ImmutableList.copyOf(refusals);
        requireNonNull(tier, "tier");
    }

    /**
     * The net points of one kind of entry up to the instant (negative for redeem, expire and
     * reverse).
     *
     * @param kind the kind
     * @return the sum of those entries' signed points
     */
    public long total(EntryKind kind) {
        long sum = 0;
        for (LedgerEntry e : entries) {
            if (e.kind() == kind) {
                sum = Math.addExact(sum, e.points());
            }
        }
        return sum;
    }

    /**
     * Points that expire after the as-of instant and no later than an instant, assuming no further
     * activity (under the activity-extended policy, activity would push them out).
     *
     * @param until the end of the horizon, inclusive
     * @return the points in lots whose expiry falls in (asOf, until]
     */
    public long expiringBy(Instant until) {
        requireNonNull(until, "until");
        long sum = 0;
        for (Lot l : lots) {
            if (l.expiresAt().isPresent() && l.expiresAt().get().isAfter(asOf) && !l.expiresAt().get().isAfter(until)) {
                sum = Math.addExact(sum, l.remaining());
            }
        }
        return sum;
    }
}
