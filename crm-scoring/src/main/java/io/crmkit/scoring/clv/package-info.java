/**
 * Customer lifetime value: simple retention-based formulas and the probabilistic "buy till you
 * die" models fitted by maximum likelihood. Package map: the data — purchase logs condensed by
 * {@link io.crmkit.scoring.clv.CustomerSummarizer} into
 * {@link io.crmkit.scoring.clv.CustomerSummary} values or columnar, mergeable
 * {@link io.crmkit.scoring.clv.CustomerSummaries}, which carry their time unit and hold the one
 * check of a summary; the model family — {@link io.crmkit.scoring.clv.ClvModel}, with the
 * {@link io.crmkit.scoring.clv.PurchaseModel}s BG/NBD
 * ({@link io.crmkit.scoring.clv.BetaGeoModel}), MBG/NBD
 * ({@link io.crmkit.scoring.clv.ModifiedBetaGeoModel}, the same implementation with one flag),
 * Pareto/NBD ({@link io.crmkit.scoring.clv.ParetoNbdModel}; these three are
 * {@link io.crmkit.scoring.clv.TransactionModel}s) and BG/BB
 * ({@link io.crmkit.scoring.clv.BetaGeoBetaBinomModel}) and GGom/NBD
 * ({@link io.crmkit.scoring.clv.GammaGompertzNbdModel}), BG/CNBD-k and MBG/CNBD-k
 * ({@link io.crmkit.scoring.clv.ErlangBetaGeoModel}), Pareto/NBD and BG/NBD with static
 * {@link io.crmkit.scoring.clv.Covariates} ({@link io.crmkit.scoring.clv.CovariateModel}s
 * {@link io.crmkit.scoring.clv.ParetoNbdCovariateModel} and
 * {@link io.crmkit.scoring.clv.BetaGeoCovariateModel}, compared by a
 * {@link io.crmkit.scoring.clv.LikelihoodRatioTest}), and the
 * {@link io.crmkit.scoring.clv.SpendModel} Gamma-Gamma
 * ({@link io.crmkit.scoring.clv.GammaGammaModel}); the registry
 * {@link io.crmkit.scoring.clv.ClvModels} (name to fit and predict); how a fit went,
 * {@link io.crmkit.scoring.clv.FitDiagnostics} with typed
 * {@link io.crmkit.scoring.clv.FitWarning}s; how uncertain it is, as delta-method and bootstrap
 * intervals ({@link io.crmkit.scoring.clv.ParameterUncertainty},
 * {@link io.crmkit.scoring.clv.BetaGeoBetaBinomUncertainty},
 * {@link io.crmkit.scoring.clv.CohortUncertainty} for the sBG
 * {@link io.crmkit.scoring.clv.ShiftedBetaGeometricModel}); and
 * {@link io.crmkit.scoring.clv.LifetimeValue}, which combines a purchase and a spend model. Every model is fitted through one package-private
 * template (standardised units, convergence, boundary optima, identifiability, standard errors),
 * cites its paper and equations, reproduces the published estimates, and never returns NaN,
 * infinity or a wrong finite number for parameters its factory accepts. The generic numerics live
 * in the module's unexported {@code io.crmkit.scoring.internal.math}. Nullness: the package is
 * {@code @NullMarked} (JSpecify), so nothing is {@code null} except the amount column of
 * {@link io.crmkit.scoring.clv.CustomerSummarizer#summarizeEpochDays(int[], int[], double[])} and
 * {@link io.crmkit.scoring.clv.CustomerSummarizer#summarizeEpochSeconds(int[], long[], double[])},
 * which may be {@code null} when spend is unknown; elsewhere an absent value is an empty
 * {@link java.util.Optional}. Threads: above a size measured per model (a few hundred distinct
 * rows for GGom/NBD and BG/BB, a few thousand for Pareto/NBD, BG/CNBD-k and the covariate fits,
 * 65,536 for Gamma-Gamma, 100,000 for BG/NBD and MBG/NBD) a fit sums its likelihood in fixed chunks
 * on the fork-join pool it is called from (the common pool when called from an ordinary thread);
 * call the fit inside your own {@link java.util.concurrent.ForkJoinPool} to choose the threads,
 * e.g. one. The estimate is bit-identical whatever the pool and the number of cores.
 */
@NullMarked
package io.crmkit.scoring.clv;

import org.jspecify.annotations.NullMarked;
