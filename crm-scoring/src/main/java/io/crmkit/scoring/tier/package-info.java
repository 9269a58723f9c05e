/**
 * Tier ladders: a {@link io.crmkit.scoring.tier.TierPolicy} places a customer in the highest tier
 * whose {@link io.crmkit.scoring.tier.Criterion criteria} hold and explains the placement and what
 * is missing for the next tier ({@link io.crmkit.scoring.tier.TierPlacement}); it follows a
 * customer through periods under a {@link io.crmkit.scoring.tier.DowngradeRule} (grace,
 * hysteresis, one tier at a time), and {@link io.crmkit.scoring.tier.TierPresets} holds the bank's
 * wealth tiers, credit grades, operating condition and sales-pipeline grades of the source
 * documents. Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return
 * value or element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.scoring.tier;

import org.jspecify.annotations.NullMarked;
