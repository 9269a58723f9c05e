/**
 * Campaigns aimed at segments and measured against a randomised control group: a
 * {@link io.crmkit.marketing.CampaignPlan} names the objective, offer, channel, budget, schedule
 * and the {@link io.crmkit.marketing.AudienceRule} over what crmkit computes (RFM segment, tier,
 * lifetime value, P(alive), life-cycle stage, any metric);
 * {@link io.crmkit.marketing.CampaignSelection} suppresses customers without consent, over the
 * contact cap or in an open complaint ({@link io.crmkit.marketing.Suppression}), holds out a
 * seeded control group and says why each customer was chosen or not;
 * {@link io.crmkit.marketing.CampaignResults} attributes responses within a window and reports the
 * uplift with Newcombe's interval and a seeded bootstrap, and
 * {@link io.crmkit.marketing.SampleSize} tells how large an audience a plan needs. Nullness: the
 * package is {@code @NullMarked} (JSpecify), so no parameter, return value or element is ever
 * {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.marketing;

import org.jspecify.annotations.NullMarked;
