package io.crmkit.scoring.internal.math;

import org.jspecify.annotations.Nullable;

/**
 * The Gauss hypergeometric function in the form the Pareto/NBD likelihood needs,
 * <sub>2</sub>F<sub>1</sub>(a, b; a+1; z) with 0 &lt; b &lt; a+1 and z &lt; 1, evaluated in log space.
 *
 * <p>Two classical transformations (Abramowitz &amp; Stegun 15.3.4 and 15.3.3) bring every
 * argument to a series of positive terms:
 * <ul>
 *   <li>z &lt; 0, Pfaff: F(a, b; c; z) = (1−z)<sup>−a</sup> F(a, c−b; c; z/(z−1)), and
 *       z/(z−1) lies in (0, 1);</li>
 *   <li>0 &le; z &lt; 1, Euler: F(a, b; a+1; z) = (1−z)<sup>1−b</sup> F(a+1−b, 1; a+1; z).</li>
 * </ul>
 * The remaining series E(e, f, z) = F(e, 1; f; z) = Σ<sub>k</sub> (e)<sub>k</sub>/(f)<sub>k</sub>
 * z<sup>k</sup> with 0 &lt; e &lt; f has positive terms whose ratio (e+k)/(f+k)·z stays below z,
 * so it neither overflows nor cancels, and the divergent factor (1−z)<sup>1−b</sup> near z = 1 is
 * exact in log space. The series needs about 40/(1−z) terms, so above z = {@value #SERIES_LIMIT}
 * the function is taken from its integral form instead: with c = a+1,
 * F(a, b; a+1; z) = a ∫<sub>0</sub><sup>∞</sup> (1+y)<sup>−(a+1−b)</sup>(1−z+y)<sup>−b</sup> dy,
 * whose integrand is log-concave in ln(1−z+y) and is integrated by {@link LogConcaveIntegral}.
 *
 * <p>The second form, {@link #stoppedPoissonMean}, is the one BG/NBD and MBG/NBD need: a
 * ₂F₁(A, a−1; C; z) with a general lower parameter C and upper parameters of either sign, inside
 * the cancelling difference C·[1 − (1−z)<sup>a−1</sup> ₂F₁(A, a−1; C; z)]/(a−1). It is summed
 * directly with the factor (a−1) divided out of every term (so a = 1 is no pole), near z = 1 by
 * the connection formula A&amp;S 15.3.6, and for a nearly degenerate Beta (b' large next to the
 * other parameters, where the difference cancels to nothing) by the series in the moments of p,
 * whose terms fall fast and do not cancel.
 */
public final class GaussHypergeometric {

    /** Above this argument the integral form replaces the series. */
    public static final double SERIES_LIMIT = 0.999;
    /** Most terms summed before giving up; far more than z up to {@value #SERIES_LIMIT} needs. */
    public static final int MAX_TERMS = 1_000_000;
    private static final double RELATIVE_TOLERANCE = 1e-17;
    private static final double EPSILON = 1e-17;
    /** Terms of the BG/NBD series tried before switching to the expansion around z = 1. */
    private static final int SERIES_TERMS = 4000;
    /** Above this b' the expansion around z = 1 is not used (see {@link #stoppedPoissonMean}). */
    private static final double LONG_SERIES_B = 50;
    /** Most terms of the BG/NBD series summed when the expansion around z = 1 is not used. */
    private static final int LONG_SERIES_TERMS = 50_000_000;
    /** Series coefficients a {@link StoppedPoissonSeries} precomputes. */
    private static final int COEFFICIENTS = 256;
    /**
     * Below this a and b' are both small enough for the series to lose its digits (from about
     * 1e-16 down), and the mean is taken through the split of {@link #nearlyDegenerateBeta}.
     */
    private static final double BOTH_SMALL = 1e-6;
    /** A relative error below which a limiting form replaces the function. */
    private static final double NEGLIGIBLE = 1e-17;
    /** The small-p series is used when its second term is at most this fraction of its first. */
    private static final double SMALL_P_RATIO = 1e-3;

    private GaussHypergeometric() {
    }

    /**
     * ln <sub>2</sub>F<sub>1</sub>(a, b; a+1; z).
     *
     * @param a a &gt; 0
     * @param b 0 &lt; b &lt; a + 1
     * @param z z &lt; 1
     * @return the logarithm of the function
     */
    public static double logTwoF1(double a, double b, double z) {
        return logTwoF1(a, b, z, 1 - z);
    }

    /**
     * ln <sub>2</sub>F<sub>1</sub>(a, b; a+1; z) given 1 − z as well, for callers that know it more
     * precisely than 1 − z can be rounded (z near 1 from a ratio such as (α−β)/(α+τ)).
     *
     * @param a a &gt; 0
     * @param b 0 &lt; b &lt; a + 1
     * @param z z &lt; 1
     * @param oneMinusZ 1 − z, &gt; 0
     * @return the logarithm of the function
     */
    public static double logTwoF1(double a, double b, double z, double oneMinusZ) {
        // z itself may round to 1 when 1 - z is tiny; oneMinusZ carries the information then
        if (!(a > 0 && b > 0 && b < a + 1 && z <= 1 && oneMinusZ > 0)) {
            throw new IllegalArgumentException("2F1(a=" + a + ", b=" + b + "; a+1; z=" + z
                    + ") is outside 0 < b < a+1, z < 1");
        }
        if (z < 0) {
            // Pfaff: F(a, b; a+1; z) = (1-z)^(-a) F(a, a+1-b; a+1; w), w = z/(z-1), 1-w = 1/(1-z)
            return -a * Math.log(oneMinusZ) + logNonNegative(a, a + 1 - b, z / (z - 1), 1 / oneMinusZ);
        }
        return logNonNegative(a, b, z, oneMinusZ);
    }

    private static double logNonNegative(double a, double b, double z, double oneMinusZ) {
        double logOneMinusZ = Math.log(oneMinusZ);
        if (z <= SERIES_LIMIT) {
            // Euler: F(a, b; a+1; z) = (1-z)^(1-b) F(a+1-b, 1; a+1; z)
            return (1 - b) * logOneMinusZ + logEuler(a + 1 - b, a + 1, z, null);
        }
        return Math.log(a) + LogConcaveIntegral.log(1 - b, a + 1 - b, z, 0, 0, logOneMinusZ,
                Double.POSITIVE_INFINITY, null);
    }

    /**
     * ln E(e, f, z) = ln <sub>2</sub>F<sub>1</sub>(e, 1; f; z) = ln Σ<sub>k&ge;0</sub>
     * (e)<sub>k</sub>/(f)<sub>k</sub> z<sup>k</sup>, and optionally its partial derivatives.
     *
     * @param e 0 &lt; e &lt; f
     * @param f f &gt; e
     * @param z 0 &le; z &lt; 1
     * @param partials null, or receives ∂/∂e, ∂/∂f, ∂/∂z of ln E in elements 0, 1, 2
     * @return ln E; NaN if the series does not converge within {@value #MAX_TERMS} terms
     */
    public static double logEuler(double e, double f, double z, double @Nullable [] partials) {
        boolean derivatives = partials != null;
        double term = 1.0;
        double sum = 1.0;
        double sumE = 0;
        double sumF = 0;
        double sumZ = 0;
        double harmonicE = 0;
        double harmonicF = 0;
        double stop = RELATIVE_TOLERANCE * (1 - z);
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (e + k) / (f + k);
            double withoutZ = term * ratio;
            double next = withoutZ * z;
            if (derivatives) {
                harmonicE += 1 / (e + k);
                harmonicF += 1 / (f + k);
                sumE += next * harmonicE;
                sumF -= next * harmonicF;
                // d/dz of z^(k+1) (e)_(k+1)/(f)_(k+1) = (k+1) z^k (e)_(k+1)/(f)_(k+1)
                sumZ += (k + 1) * withoutZ;
            }
            sum += next;
            term = next;
            if (term <= stop * sum) {
                if (derivatives) {
                    partials[0] = sumE / sum;
                    partials[1] = sumF / sum;
                    partials[2] = sumZ / sum;
                }
                return Math.log(sum);
            }
        }
        return Double.NaN;
    }

    /**
     * The mean number of events in (0, t] of a Poisson process of rate λ that stops for good
     * after each event with probability p, over λ ~ Gamma(shape, rate β) and p ~ Beta(a, b'):
     * E[(1/p)(1 − e<sup>−λpt</sup>)] = (a+b'−1)/(a−1) · [1 − (β/(β+t))<sup>shape</sup>
     * ₂F₁(shape, b'; a+b'−1; z)], z = t/(β+t) — the expected purchases of an alive BG/NBD
     * customer (Fader, Hardie &amp; Lee 2005, eq. 10 without its P(alive) factor).
     *
     * <p>By Euler's transformation ₂F₁(A, B; C; z) = (1−z)<sup>C−A−B</sup> ₂F₁(C−A, C−B; C; z)
     * (Abramowitz &amp; Stegun 15.3.3) this is C · [1 − (1−z)<sup>a−1</sup>
     * ₂F₁(C−shape, a−1; C; z)] / (a−1), C = a+b'−1, whose series has small upper parameters for
     * any shape and whose every term past the first carries the factor (a−1): dividing it out
     * exactly removes the 0/0 at a = 1. Close to z = 1 the series is replaced by the expansion
     * around 1 − z (A&amp;S 15.3.6), evaluated in log space. When b' is so large that p is
     * almost surely tiny, the difference cancels to nothing in double precision; there the mean is
     * the series Σ<sub>k&ge;1</sub> (−1)<sup>k+1</sup> (shape)<sub>k</sub> (t/β)<sup>k</sup>
     * (a)<sub>k−1</sub> / ((a+b')<sub>k−1</sub> k!) in the moments E[λ<sup>k</sup>] and
     * E[p<sup>k−1</sup>], whose first term is the no-dropout limit shape·t/β.
     *
     * @param t the horizon, &ge; 0 and finite
     * @param shape the Gamma shape, &gt; 0
     * @param beta the Gamma rate, &gt; 0
     * @param a the first Beta shape, &gt; 0
     * @param bPrime the second Beta shape, &gt; 0
     * @return the mean, &ge; 0
     * @throws IllegalStateException if the value cannot be evaluated to a finite number
     */
    public static double stoppedPoissonMean(double t, double shape, double beta, double a, double bPrime) {
        if (t == 0) {
            return 0;
        }
        double degenerate = nearlyDegenerateBeta(t, shape, beta, a, bPrime);
        if (!Double.isNaN(degenerate)) {
            return degenerate;
        }
        double smallP = smallDropoutSeries(t, shape, beta, a, bPrime);
        if (!Double.isNaN(smallP)) {
            return smallP;
        }
        // after the moment series, which is exact where the dropout probability is tiny (and so keeps
        // the values it gave there), before the methods that lose their digits to a concentrated Beta
        double concentrated = concentratedBeta(t, shape, beta, a, bPrime);
        if (!Double.isNaN(concentrated)) {
            return concentrated;
        }
        if (alternating(shape, a, bPrime)) {
            double integral = overDropoutLogs(t, shape, beta, a, bPrime);
            if (withinDropoutBounds(integral, t, shape, beta)) {
                return integral;
            }
        }
        double z = t / (beta + t);
        double upper = a + bPrime - 1 - shape;
        double lower = a - 1;
        double c = a + bPrime - 1;
        double lnW = -Math.log1p(t / beta);
        // s_n = c t_n / (a-1), t_n the n-th term of 2F1(upper, a-1; c; z): every term past the first has
        // (c)_n = c (c+1)_(n-1) below, so carrying the prefactor c inside removes the pole at a + b' = 1
        // (c > -1 always, so c + n > 0 for n >= 1)
        // with b' large the expansion around z = 1 cancels (its Γ terms grow with b'); the series then
        // has terms of one sign and converges, if slowly, so it is summed at length instead
        int limit = bPrime > LONG_SERIES_B ? LONG_SERIES_TERMS : SERIES_TERMS;
        double term = upper * z;
        double sum = term;
        int n = 1;
        while (Math.abs(term) > EPSILON * Math.abs(sum) && n < limit) {
            term *= (upper + n) * (lower + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            n++;
        }
        double value;
        if (n < limit) {
            value = c * complement(lower, lnW) - Math.exp(lower * lnW) * sum;
        } else {
            value = nearOne(shape, beta, t, a, bPrime);
        }
        if (!withinDropoutBounds(value, t, shape, beta) && a >= 1 && bPrime >= 1) {
            value = overBeta(t, shape, beta, a, bPrime);
        }
        if (!withinDropoutBounds(value, t, shape, beta)) {
            value = overDropoutLogs(t, shape, beta, a, bPrime);
        }
        if (!withinDropoutBounds(value, t, shape, beta)) {
            throw new IllegalStateException("expected purchases could not be evaluated for a " + a + ", b' " + bPrime
                    + ", shape " + shape + " at horizon " + t);
        }
        return Math.max(0, value);
    }

    /**
     * Whether the series of {@link #stoppedPoissonMean} alternates in sign from its start: its upper
     * parameter a+b'−1−shape is below −1 when the Gamma shape exceeds a + b' (no BG/NBD posterior of
     * a customer with a + b &gt; r does this, but a customer whose a<sub>i</sub>, b<sub>i</sub> a
     * covariate drove towards 0 does), and its terms then cancel to a fraction of their digits; the
     * quadrature replaces it while its log-beta normaliser is exact (a + b' below 10<sup>4</sup>).
     */
    private static boolean alternating(double shape, double a, double bPrime) {
        return shape > a + bPrime && a + bPrime < 1e4;
    }

    /**
     * {@link #stoppedPoissonMean} by adaptive quadrature over the dropout probability on logarithmic
     * scales, for any a and b' (where a Beta shape below 1 puts an integrable spike at 0 or 1 that
     * the series and {@link #overBeta} cannot follow): E[g(p)] with g(p) =
     * (1 − (1 + pρ)<sup>−shape</sup>)/p, ρ = t/β, split at p = ½. Below it the variable is
     * u = ln p, the integrand p<sup>a</sup>(1−p)<sup>b'−1</sup>g(p), and below u₀ (where
     * g(p) = g(0) and (1−p)<sup>b'−1</sup> = 1 to 1e-17) the rest is g(0) e<sup>a u₀</sup>/a in
     * closed form; above it v = ln(1−p), the integrand (1−p)<sup>b'</sup>p<sup>a−1</sup>g(p), and
     * below v₀ the rest is g(1) e<sup>b' v₀</sup>/b'. The sum is divided by B(a, b'). Both pieces
     * are integrated by {@link AdaptiveQuadrature} in log space, so nothing over- or underflows.
     *
     * @return the mean, or NaN if it cannot be evaluated
     */
    static double overDropoutLogs(double t, double shape, double beta, double a, double bPrime) {
        double rho = t / beta;
        double logAtZero = Math.log(shape) + Math.log(rho);
        double logAtOne = Math.log(-Math.expm1(-shape * Math.log1p(rho)));
        double half = -Math.log(2);
        double lowEnd = Math.min(half - 1, Math.min(Math.log(1e-17 / ((shape + 1) * rho)),
                Math.log(1e-17 / (1 + Math.abs(bPrime - 1)))));
        double highEnd = Math.min(half - 1, Math.log(1e-17 / ((2 + shape) * (1 + Math.abs(a - 1)))));
        AdaptiveQuadrature.LogIntegrand low = (u, scores) -> {
            double p = Math.exp(u);
            return a * u + (bPrime - 1) * Math.log1p(-p) + logG(p, shape, rho);
        };
        AdaptiveQuadrature.LogIntegrand high = (v, scores) -> {
            double q = Math.exp(v);
            return bPrime * v + (a - 1) * Math.log1p(-q) + logG(1 - q, shape, rho);
        };
        double log = AdaptiveQuadrature.log(low, lowEnd, half, 0, null);
        log = SpecialFunctions.logSumExp(log, logAtZero + a * lowEnd - Math.log(a));
        log = SpecialFunctions.logSumExp(log, AdaptiveQuadrature.log(high, highEnd, half, 0, null));
        log = SpecialFunctions.logSumExp(log, logAtOne + bPrime * highEnd - Math.log(bPrime));
        double value = Math.exp(log - SpecialFunctions.logBeta(a, bPrime));
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** ln g(p) = ln[(1 − (1 + pρ)<sup>−shape</sup>)/p], accurate for small pρ through expm1 and log1p. */
    private static double logG(double p, double shape, double rho) {
        return Math.log(-Math.expm1(-shape * Math.log1p(p * rho))) - Math.log(p);
    }

    /**
     * Whether a mean is finite and within the bounds every dropout Beta respects: g(p) =
     * (1 − (1 + pρ)<sup>−shape</sup>)/p falls from g(0) = shape·ρ to g(1), so g(1) &le; E[g(p)] &le;
     * g(0) (ρ = t/β; a relative slack of 1e-9 for rounding). A value outside them is a series that
     * lost its digits, never a mean.
     */
    private static boolean withinDropoutBounds(double value, double t, double shape, double beta) {
        if (!Double.isFinite(value)) {
            return false;
        }
        double rho = t / beta;
        double atOne = -Math.expm1(-shape * Math.log1p(rho));
        return value >= atOne * (1 - 1e-9) && value <= shape * rho * (1 + 1e-9);
    }

    /**
     * {@link #stoppedPoissonMean} when a or b' is so small that the dropout Beta has all but a
     * negligible part of its mass at p = 0 or p = 1 (the series and the expansion around z = 1 lose
     * every digit there: their terms carry Γ(a) and Γ(b') of order 1/a and 1/b'); NaN otherwise.
     *
     * <p>With g(p) = (1 − (1 + pρ)<sup>−shape</sup>)/p, ρ = t/β, the mean is E[g(p)], and
     * E[g(p)] = b'/(a+b') E<sub>Beta(a, b'+1)</sub>[g] + a/(a+b') E<sub>Beta(a+1, b')</sub>[g]
     * exactly (split E[g] into E[(1−p) g] + E[p g]). As a → 0, Beta(a, b'+1) tends to the point
     * mass at 0, where g is g(0) = shape·ρ, the no-dropout mean; as b' → 0, Beta(a+1, b') tends to
     * the point mass at 1, where g is g(1) = 1 − (1 + ρ)<sup>−shape</sup>, the mean of a customer
     * who drops out at the first event. Bounding |g(p) − g(0)| by min(g(0), |g'(0)| p) gives a
     * relative error of the first limit of at most a (1 + ln(1 + (shape+1)ρ)); bounding
     * (g(p) − g(1))/(1 − p) by 8 on [½, 1] and by 2 min(g(0), 1/p) below gives an error of the
     * second of at most b' (10 + 2 ln(1 + g(0))) relative to g(1). A limit is taken when its error
     * is below 10<sup>−17</sup>, and the other half of the split is then evaluated on its own
     * (its parameters are no longer both small) unless its weight is negligible. This is the case
     * of a covariate model whose per-customer a<sub>i</sub> and b<sub>i</sub> are both scaled down
     * by exp(γ<sub>life</sub>ᵀz) (Beta(a, b) with a, b → 0 puts mass a/(a+b) at p = 1 and
     * b/(a+b) at p = 0). When a and b' are both below {@value #BOTH_SMALL} but neither limit is
     * close enough, the split is evaluated as it stands, each half having one shape &ge; 1.
     */
    static double nearlyDegenerateBeta(double t, double shape, double beta, double a, double bPrime) {
        boolean bothSmall = a < BOTH_SMALL && bPrime < BOTH_SMALL;
        if (a > NEGLIGIBLE && bPrime > NEGLIGIBLE && !bothSmall) {
            return Double.NaN; // neither limit can apply: both error bounds exceed their parameter
        }
        double rho = t / beta;
        double atZero = shape * rho;
        double atOne = -Math.expm1(-shape * Math.log1p(rho));
        boolean aNegligible = a * (1 + Math.log1p((shape + 1) * rho)) <= NEGLIGIBLE;
        boolean bNegligible = bPrime * (10 + 2 * Math.log1p(atZero)) <= NEGLIGIBLE * atOne;
        if (!aNegligible && !bNegligible && !bothSmall) {
            return Double.NaN;
        }
        double towardZero = bPrime / (a + bPrime);
        double towardOne = a / (a + bPrime);
        double value;
        if (!aNegligible && !bNegligible) {
            // both small, neither negligible: the split itself, each half with one shape >= 1
            value = towardZero * stoppedPoissonMean(t, shape, beta, a, bPrime + 1)
                    + towardOne * stoppedPoissonMean(t, shape, beta, a + 1, bPrime);
        } else if (aNegligible) {
            // E[g] = b'/(a+b') g(0) + a/(a+b') E_Beta(a+1, b')[g]
            double rest = a <= NEGLIGIBLE * bPrime ? 0
                    : bNegligible ? atOne : stoppedPoissonMean(t, shape, beta, a + 1, bPrime);
            value = towardZero * atZero + towardOne * rest;
        } else {
            // E[g] = b'/(a+b') E_Beta(a, b'+1)[g] + a/(a+b') g(1); E_Beta(a, b'+1)[g] <= g(0)
            double rest = bPrime * atZero <= NEGLIGIBLE * a * atOne ? 0
                    : stoppedPoissonMean(t, shape, beta, a, bPrime + 1);
            value = towardZero * rest + towardOne * atOne;
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * {@link #stoppedPoissonMean} when the dropout Beta is so concentrated around its mean
     * μ = a/(a+b') that E[g(p)] is g(μ) to 10<sup>−17</sup>, g(p) = (1 − (1 + pρ)<sup>−shape</sup>)/p,
     * ρ = t/β; NaN otherwise. This is the case of a covariate model whose a<sub>i</sub> and
     * b<sub>i</sub> a covariate scaled up together (a = 3.8e34, b' = 1.2e35: the Beta's standard
     * deviation, 3e-18, is below the spacing of the doubles near μ, where the series cancels to
     * nothing and every quadrature grid collapses to a point).
     *
     * <p>The bound: since E[p − μ] = 0, E[g(p)] − g(μ) = E[g(p) − g(μ) − g'(μ)(p − μ)], with
     * σ² = ab'/((a+b')²(a+b'+1)) and h(q) = 1 − (1 + qρ)<sup>−shape</sup>, g = h/p, s = shape.
     * Two bounds of it, the smaller taken: (1) writing g(p) = ∫₀¹ h'(pu) du gives
     * |g''| ≤ sup|h'''|/3 = s(s+1)(s+2)ρ³/3 on [0, 1], hence s(s+1)(s+2)ρ³σ²/6 (tight for small
     * ρ); (2) from 0 ≤ h ≤ 1, |h'(q)| ≤ s/q and |h''(q)| ≤ s(s+1)/q², |g''(p)| ≤ (s+1)(s+2)/p³,
     * so the part above μ/2 is at most 4(s+1)(s+2)σ²/μ³, and below μ/2 the integrand is at most
     * 2g(0) + |g'(μ)|μ ≤ 2sρ + (s+1)/μ, on a mass of at most 4σ²/μ² (Chebyshev). The limit is
     * taken when the bound is below 10<sup>−17</sup> of g(1) = h(1), the smallest value the mean
     * can take.
     */
    static double concentratedBeta(double t, double shape, double beta, double a, double bPrime) {
        double sum = a + bPrime;
        double mean = a / sum;
        if (!(mean > 0)) {
            return Double.NaN;
        }
        double variance = mean * (bPrime / sum) / (sum + 1);
        double rho = t / beta;
        double atOne = -Math.expm1(-shape * Math.log1p(rho));
        double global = shape * (shape + 1) * (shape + 2) / 6 * rho * rho * rho * variance;
        double nearMean = 4 * (shape + 1) * (shape + 2) * variance / (mean * mean * mean);
        double belowHalf = (2 * shape * rho + (shape + 1) / mean) * 4 * variance / (mean * mean);
        double error = Math.min(global, nearMean + belowHalf);
        if (!(error <= NEGLIGIBLE * atOne)) {
            return Double.NaN;
        }
        double value = -Math.expm1(-shape * Math.log1p(mean * rho)) / mean;
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * {@link #stoppedPoissonMean} by direct integration over the dropout probability, for a unimodal
     * Beta (a, b' &ge; 1), where the series and the expansion around z = 1 lose every digit to
     * their Γ terms (a and b' both large: a nearly degenerate Beta away from 0):
     * ∫ (1 − (1 + p t/β)<sup>−shape</sup>)/p · Beta(p; a, b') dp, the inner expectation over λ in
     * closed form. The density is taken relative to its mode m in log space, (a−1) ln(1 + (p−m)/m)
     * + (b'−1) ln(1 − (p−m)/(1−m)), which keeps its digits however large a and b' are, and
     * normalised by the same rule; 16-point Gauss–Legendre on 400 panels over mode ± 40 standard
     * deviations (clipped to [0, 1]).
     *
     * @return the mean, or NaN if it cannot be evaluated
     */
    static double overBeta(double t, double shape, double beta, double a, double bPrime) {
        double ab = a + bPrime;
        double mode = ab > 2 ? (a - 1) / (ab - 2) : 0.5;
        double sd = Math.sqrt(a / ab * (bPrime / ab) / (ab + 1));
        double lo = Math.max(0, mode - 40 * sd);
        double hi = Math.min(1, mode + 40 * sd);
        int panels = 400;
        double width = (hi - lo) / panels;
        double rate = t / beta;
        double mass = 0;
        double sum = 0;
        for (int j = 0; j < panels; j++) {
            double mid = lo + (j + 0.5) * width;
            for (int i = 0; i < GaussLegendre.ORDER; i++) {
                double p = mid + 0.5 * width * GaussLegendre.node(i);
                double log = (a == 1 ? 0 : (a - 1) * Math.log1p((p - mode) / mode))
                        + (bPrime == 1 ? 0 : (bPrime - 1) * Math.log1p(-(p - mode) / (1 - mode)));
                double density = GaussLegendre.weight(i) * Math.exp(log);
                mass += density;
                sum += density * -Math.expm1(-shape * Math.log1p(p * rate)) / p;
            }
        }
        return mass > 0 ? sum / mass : Double.NaN;
    }

    /** [1 − e<sup>y·lnW</sup>]/y and its limit −lnW at y = 0; e − 1 is exact enough away from 0. */
    private static double complement(double y, double lnW) {
        if (y == 0) {
            return -lnW;
        }
        double el = y * lnW;
        double expm1 = Math.abs(el) < 0.5 ? Math.expm1(el) : Math.exp(el) - 1;
        return -expm1 / y;
    }

    /**
     * The moment series of {@link #stoppedPoissonMean} for a nearly degenerate dropout Beta, or NaN
     * when its terms do not fall fast enough (second term above {@value #SMALL_P_RATIO} of the first).
     */
    private static double smallDropoutSeries(double t, double shape, double beta, double a, double bPrime) {
        double rate = t / beta;
        double ab = a + bPrime;
        if (!((shape + 1) * rate * a / ab <= SMALL_P_RATIO * 2)) {
            return Double.NaN;
        }
        double term = shape * rate;
        double sum = term;
        for (int k = 1; k < 10_000; k++) {
            double ratio = (shape + k) * rate * (a + k - 1) / ((ab + k - 1) * (k + 1));
            if (ratio >= 1) {
                // past its smallest term the series diverges: not converged to double precision
                return Double.NaN;
            }
            term *= -ratio;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum)) {
                return sum;
            }
        }
        return Double.NaN;
    }

    /**
     * {@link #stoppedPoissonMean} for many customers who share the upper series parameters
     * C−shape and a−1 (the BG/NBD posterior of every customer has shape r+x and b' = b+x(+1), so
     * C − shape = a+b−1−r(+1) is the same for all): the series coefficients are computed once.
     * Immutable and thread-safe.
     */
    public static final class StoppedPoissonSeries {
        private final double upper;
        private final double lower;
        private final double[] coefficient = new double[COEFFICIENTS];

        /**
         * Prepares the coefficients.
         *
         * @param upper C − shape, the same for every customer
         * @param lower a − 1
         */
        public StoppedPoissonSeries(double upper, double lower) {
            this.upper = upper;
            this.lower = lower;
            for (int n = 1; n < COEFFICIENTS; n++) {
                coefficient[n] = (upper + n) * (lower + n) / (n + 1);
            }
        }

        /**
         * The mean for one customer.
         *
         * @param t the horizon, &ge; 0 and finite
         * @param shape the Gamma shape, with shape = a + b' − 1 − upper
         * @param beta the Gamma rate, &gt; 0
         * @param a the first Beta shape, lower + 1
         * @param bPrime the second Beta shape
         * @return {@link #stoppedPoissonMean}{@code (t, shape, beta, a, bPrime)}
         */
        public double mean(double t, double shape, double beta, double a, double bPrime) {
            if (t == 0) {
                return 0;
            }
            double c = a + bPrime - 1;
            if (c > 1e-6 && !alternating(shape, a, bPrime)
                    && Double.isNaN(nearlyDegenerateBeta(t, shape, beta, a, bPrime))
                    && Double.isNaN(smallDropoutSeries(t, shape, beta, a, bPrime))) {
                double z = t / (beta + t);
                double term = upper / c * z;
                double sum = term;
                int n = 1;
                while (Math.abs(term) > EPSILON * Math.abs(sum) && n < COEFFICIENTS) {
                    term *= coefficient[n] * z / (c + n);
                    sum += term;
                    n++;
                }
                if (n < COEFFICIENTS) {
                    double lnW = -Math.log1p(t / beta);
                    double value = c * (complement(lower, lnW) - Math.exp(lower * lnW) * sum);
                    // the cheap half of the bounds g(1) <= mean <= g(0): a positive mean below the no-dropout one
                    if (value > 0 && value <= shape * (t / beta) * (1 + 1e-9)) {
                        return value;
                    }
                }
            }
            return stoppedPoissonMean(t, shape, beta, a, bPrime);
        }
    }

    /**
     * C · [1 − (1−z)^(a−1) ₂F₁(A, a−1; C; z)] / (a−1) by A&amp;S 15.3.6, perturbing a off the integer
     * cases; the factor C = a+b'−1 is taken into the expansion's Γ(C) as Γ(C+1), so C = 0 is no pole.
     */
    private static double nearOne(double shape, double beta, double t, double a, double bPrime) {
        double m = shape + 1 - a;
        double lower = a - 1;
        if (Math.abs(m - Math.rint(m)) < 1e-6 || Math.abs(lower) < 1e-6) {
            // the expansion has removable singularities here; the quantity is smooth in a
            double h = 1e-5;
            return 0.5 * (nearOneRegular(shape, beta, t, a + h, bPrime) + nearOneRegular(shape, beta, t, a - h, bPrime));
        }
        return nearOneRegular(shape, beta, t, a, bPrime);
    }

    private static double nearOneRegular(double shape, double beta, double t, double a, double bPrime) {
        double w = beta / (beta + t);
        double lnW = Math.log(w);
        double upper = a + bPrime - 1 - shape;
        double lower = a - 1;
        double c = a + bPrime - 1;
        double m = c - upper - lower; // = shape + 1 - a
        // (1-z)^(a-1) 2F1(upper, lower; c; z)
        //   = w^(a-1) Γ(c)Γ(m)/(Γ(shape)Γ(b')) F(upper, lower; 1-m; w)
        //   + w^(shape) Γ(c)Γ(-m)/(Γ(upper)Γ(lower)) F(shape, b'; 1+m; w)
        // both terms times c, with c Γ(c) = Γ(c+1)
        double first = signedTerm(lower * lnW, new double[] {c + 1, m}, new double[] {shape, bPrime})
                * series(upper, lower, 1 - m, w);
        double second = signedTerm(shape * lnW, new double[] {c + 1, -m}, new double[] {upper, lower})
                * series(shape, bPrime, 1 + m, w);
        return (c - first - second) / lower;
    }

    /** e^logScale · ΠΓ(num) / ΠΓ(den), with signs, 0 when a denominator Γ has a pole. */
    private static double signedTerm(double logScale, double[] numerator, double[] denominator) {
        double log = logScale;
        double sign = 1;
        for (double v : numerator) {
            log += logAbsGamma(v);
            sign *= signGamma(v);
        }
        for (double v : denominator) {
            if (v <= 0 && v == Math.rint(v)) {
                return 0;
            }
            log -= logAbsGamma(v);
            sign *= signGamma(v);
        }
        return sign * Math.exp(log);
    }

    private static double series(double p, double q, double c, double w) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < SERIES_TERMS; n++) {
            term *= (p + n) * (q + n) / ((c + n) * (n + 1)) * w;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }

    /** ln |Γ(x)| for any x that is not a pole, by the reflection formula for x &lt; 0.5. */
    private static double logAbsGamma(double x) {
        if (x > 0) {
            return SpecialFunctions.logGamma(x);
        }
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - SpecialFunctions.logGamma(1 - x);
    }

    private static double signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return Math.floorMod((long) Math.floor(x), 2) == 0 ? 1 : -1;
    }
}
