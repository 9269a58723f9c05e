/**
 * The numerics behind the CLV models, not part of the published API (the module does not export
 * this package): BFGS with a strong-Wolfe line search ({@code Bfgs}), weighted maximum likelihood
 * over log-parameters with standard errors ({@code MaximumLikelihood}), log-gamma, digamma and
 * Pochhammer ratios ({@code SpecialFunctions}), the Gauss hypergeometric function in the two forms
 * the models need, the only home of ₂F₁ in the library ({@code GaussHypergeometric}), Gauss-Legendre
 * quadrature of log-concave integrands ({@code LogConcaveIntegral}), Tricomi's confluent hypergeometric U
 * ({@code ConfluentHypergeometric}), the continuously discounted count of a cumulative expectation
 * ({@code DiscountedIntegral}) on a shared Gauss-Legendre rule ({@code GaussLegendre}), and the gamma and beta draws of
 * the simulators ({@code HeterogeneityDraws}), and the deterministic chunked, optionally parallel
 * sum of a likelihood over rows that every model uses ({@code ChunkedSum}). They are written here rather than taken from a
 * library because the module depends at runtime only on Guava and the SLF4J API, and because
 * neither Apache Commons Math nor Hipparchus offers what is needed: neither has a ₂F₁, their BFGS
 * equivalents (non-linear conjugate gradient, BOBYQA) are not quasi-Newton with the observed
 * information the standard errors need, and a log-gamma of a dozen lines (upward shift, then the
 * Stirling series) called millions of times per fit from the likelihood loops does not justify a
 * dependency (the speed of the two was not compared here). Each function has reference tests against closed forms,
 * Abramowitz &amp; Stegun or values computed once with mpmath at 40-60 digits. Nullness: the
 * package is {@code @NullMarked} (JSpecify); the optional output arrays of
 * {@code GaussHypergeometric.logEuler} and {@code LogConcaveIntegral.log}, the standard errors of
 * an estimate that has none and {@code MaximumLikelihood.inverseDiagonal} of a matrix that is not
 * positive definite are the only {@code @Nullable} positions.
 */
@NullMarked
package io.crmkit.scoring.internal.math;

import org.jspecify.annotations.NullMarked;
