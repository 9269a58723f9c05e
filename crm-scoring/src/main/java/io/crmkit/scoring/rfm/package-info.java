/**
 * Recency-frequency-monetary scoring: {@link io.crmkit.scoring.rfm.RfmScorer} turns purchases (or
 * columns of recency, frequency and monetary value for millions of customers) into tie-preserving
 * quantile scores 1..5 and a named segment from a total, non-overlapping
 * {@link io.crmkit.scoring.rfm.RfmSegmentMap}.
 */
package io.crmkit.scoring.rfm;
