/**
 * Loyalty points: a {@link io.crmkit.loyalty.Program} (earning rules, campaigns, expiry, refund
 * policy, tiers and their qualification window) and a {@link io.crmkit.loyalty.Ledger} that
 * applies {@link io.crmkit.loyalty.LoyaltyEvent source events} once each and derives, as of any
 * instant, an append-only list of {@link io.crmkit.loyalty.LedgerEntry entries}, the open
 * {@link io.crmkit.loyalty.Lot lots}, the {@link io.crmkit.loyalty.TierStatus tier} with what is
 * needed to keep or reach one, {@link io.crmkit.loyalty.Statement statements}, points expiring
 * soon, liability and breakage. Storage is behind {@link io.crmkit.loyalty.LedgerStore}, an
 * append-only journal of source events with an in-memory default; crm-store's
 * {@code CrmStore.loyalty()} keeps it durably in a database (H2 or PostgreSQL). Entries are not stored: they are a
 * pure function of the journal and the as-of instant (expiry is derived, never run by a scheduled
 * job), so storing the journal stores the ledger. Nullness: the package is {@code @NullMarked}
 * (JSpecify), so nothing is {@code null} except a purchase's category where marked
 * {@link org.jspecify.annotations.Nullable @Nullable}
 * ({@link io.crmkit.loyalty.Program#categoryMultiplier(String)},
 * {@link io.crmkit.loyalty.Campaign#appliesTo(java.time.Instant, String)}); elsewhere an absent
 * value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.loyalty;

import org.jspecify.annotations.NullMarked;
