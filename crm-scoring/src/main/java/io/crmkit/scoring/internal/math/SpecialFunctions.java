package io.crmkit.scoring.internal.math;

/**
 * Log-gamma, digamma and log-beta in double precision, for the likelihoods of the "buy till you
 * die" models.
 *
 * <p>Both functions shift the argument up to at least {@value #SHIFT} with the recurrences
 * {@code Γ(x+1) = xΓ(x)} and {@code ψ(x+1) = ψ(x) + 1/x}, then sum the asymptotic (Stirling)
 * series, Abramowitz &amp; Stegun 6.1.41 and 6.3.18; the truncation error there is below
 * {@code 1e-16} relative. Arguments must be positive and finite; callers guarantee it.
 */
public final class SpecialFunctions {

    private static final double SHIFT = 10.0;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /**
     * ln Γ(x) for x &gt; 0.
     *
     * @param x a positive finite number
     * @return ln Γ(x)
     */
    public static double logGamma(double x) {
        double shift = 0.0;
        if (x < SHIFT) {
            double product = 1.0;
            while (x < SHIFT) {
                product *= x;
                x += 1.0;
            }
            shift = Math.log(product);
        }
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingSeries(x) - shift;
    }

    /** A&amp;S 6.1.41: the Bernoulli-number series Σ B<sub>2k</sub> / (2k (2k−1) x<sup>2k−1</sup>), x &ge; 10. */
    private static double stirlingSeries(double x) {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
                + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
    }

    /**
     * ln Γ(x+d) − ln Γ(x) without the cancellation of the difference of two large log-gammas: for
     * x and x+d at least {@value #SHIFT} it is (x − ½) ln(1 + d/x) + d ln(x+d) − d plus the
     * difference of the Stirling series (A&amp;S 6.1.41), every term of which stays small next to
     * the result, so it is accurate up to x = {@link Double#MAX_VALUE}, where ln Γ(x) itself is not
     * representable.
     *
     * @param x a positive finite number
     * @param d a finite number with x + d &gt; 0
     * @return ln Γ(x+d) − ln Γ(x), ln of the Pochhammer symbol (x)<sub>d</sub>
     */
    public static double logGammaRatio(double x, double d) {
        if (d == 0) {
            return 0;
        }
        double y = x + d;
        if (x < SHIFT || y < SHIFT) {
            return logGamma(y) - logGamma(x);
        }
        return (x - 0.5) * Math.log1p(d / x) + d * Math.log(y) - d + (stirlingSeries(y) - stirlingSeries(x));
    }

    /**
     * The digamma function ψ(x) = d/dx ln Γ(x) for x &gt; 0.
     *
     * @param x a positive finite number
     * @return ψ(x)
     */
    public static double digamma(double x) {
        double result = 0.0;
        while (x < SHIFT) {
            result -= 1.0 / x;
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // A&S 6.3.18: ln x - 1/(2x) - sum B_2k / (2k x^(2k))
        double series = inv2 * (1.0 / 12 + inv2 * (-1.0 / 120 + inv2 * (1.0 / 252 + inv2 * (-1.0 / 240
                + inv2 * (1.0 / 132 + inv2 * (-691.0 / 32760 + inv2 * (1.0 / 12)))))));
        return result + Math.log(x) - 0.5 * inv - series;
    }

    /**
     * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b &gt; 0.
     *
     * @param a a positive finite number
     * @param b a positive finite number
     * @return ln B(a, b)
     */
    public static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /**
     * ln B(a+da, b+db) − ln B(a, b) as a sum of {@link #logGammaRatio} terms, exact however large
     * a and b are (where the difference of two log-betas cancels to nothing).
     *
     * @param a a positive finite number
     * @param b a positive finite number
     * @param da a finite shift with a + da &gt; 0
     * @param db a finite shift with b + db &gt; 0
     * @return ln [B(a+da, b+db) / B(a, b)]
     */
    public static double logBetaRatio(double a, double b, double da, double db) {
        return logGammaRatio(a, da) + logGammaRatio(b, db) - logGammaRatio(a + b, da + db);
    }

    /**
     * ln(e^a + e^b) without overflow.
     *
     * @param a a log value, possibly −∞
     * @param b a log value, possibly −∞
     * @return ln(e^a + e^b)
     */
    public static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    /**
     * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), the upper tail of a
     * Gamma(a, 1) variable (so P(χ²<sub>k</sub> &ge; y) = Q(k/2, y/2)): the series for x &lt; a + 1,
     * Lentz's continued fraction above (Numerical Recipes, 3rd ed., §6.2).
     *
     * @param a the shape, &gt; 0
     * @param x the point, &ge; 0
     * @return Q(a, x), in [0, 1]
     */
    public static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return Math.max(0, Math.min(1, 1 - sum * Math.exp(logPrefix)));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.max(0, Math.min(1, Math.exp(logPrefix) * h));
    }
}
