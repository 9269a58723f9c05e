/**
 * Customer lifetime value: simple retention-based formulas and the probabilistic "buy till you
 * die" models (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma) fitted by maximum likelihood.
 * Start from a purchase log: {@link io.crmkit.scoring.clv.CustomerSummarizer} condenses it into
 * {@link io.crmkit.scoring.clv.CustomerSummary} values (frequency, recency, T, monetary value, as
 * the {@code lifetimes} library defines them) or straight into columnar, mergeable
 * {@link io.crmkit.scoring.clv.CustomerSummaries}; fit a purchase model such as
 * {@link io.crmkit.scoring.clv.BetaGeoModel} and the spend model
 * {@link io.crmkit.scoring.clv.GammaGammaModel}; combine them with
 * {@link io.crmkit.scoring.clv.LifetimeValue}. Every model cites its paper and equations,
 * reproduces the published estimates, and never returns NaN or infinity.
 */
package io.crmkit.scoring.clv;
