package io.crmkit.loyalty;

/** The kinds of ledger entry. */
public enum EntryKind {
    /** Points earned by a purchase under the earning rule. */
    EARN,
    /** Campaign points of a purchase, or a one-off bonus (birthday, referral). */
    BONUS,
    /** Points spent. */
    REDEEM,
    /** Points that reached their lot's expiry unspent. */
    EXPIRE,
    /** Points taken back by a refund (or a recorded refund debt settled by a later earning). */
    REVERSE,
    /** A manual correction, up or down, with its actor and reason. */
    ADJUST
}
