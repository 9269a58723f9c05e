/**
 * Recency-frequency-monetary scoring: {@link io.crmkit.scoring.rfm.RfmScorer} turns purchases
 * (read through crm-core's {@link io.crmkit.core.purchase.PurchaseLog}, whose day, zone and as-of
 * rules the lifetime-value summaries and life-cycle histories share), or columns of recency,
 * frequency and monetary value for millions of customers, into tie-preserving quantile scores 1..5
 * and a named segment from a total, non-overlapping {@link io.crmkit.scoring.rfm.RfmSegmentMap}.
 * Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value or
 * element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.scoring.rfm;

import org.jspecify.annotations.NullMarked;
