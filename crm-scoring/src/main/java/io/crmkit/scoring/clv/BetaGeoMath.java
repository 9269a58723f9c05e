package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.List;

/**
 * The numerics shared by BG/NBD and MBG/NBD: fitting on a rescaled time axis, the expected number
 * of purchases of a customer who is alive, P(X(t) = n), input checks and the simulator.
 *
 * <p>The ₂F₁ here is deliberately not {@link GaussHypergeometric} (the Pareto/NBD one): BG/NBD
 * needs [1 − (1−z)<sup>a−1</sup> ₂F₁(A, a−1; C; z)] / (a−1) with a lower parameter
 * C = a+b'−1 unrelated to the upper ones and upper parameters A = a+b'−1−shape and a−1 of either
 * sign (CDNOW: a−1 = −0.207), so the result is a difference whose 0/0 at a = 1 is removed term by
 * term, and near z = 1 it takes the signed connection formula A&amp;S 15.3.6.
 * {@code GaussHypergeometric} covers only ₂F₁(a, b; a+1; z) with 0 &lt; b &lt; a+1, i.e.
 * positive terms summed in log space, and returns the logarithm of the function itself, which
 * cannot carry the cancelling difference to the 1e-6 the BG/NBD predictions are pinned to.
 */
final class BetaGeoMath {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");
    /** Series terms tried before switching to the expansion around z = 1. */
    private static final int SERIES_TERMS = 4000;
    private static final double EPSILON = 1e-17;
    /**
     * On the rescaled time axis every parameter of a sensible fit is far inside [1e-6, 1e6]; an
     * estimate outside has run off towards the boundary where the likelihood only flattens out.
     */
    private static final double BOUNDARY = 1e-6;

    private BetaGeoMath() {
    }

    /**
     * Fits (r, α, a, b) like {@code lifetimes}: times are rescaled so that the largest T is 10,
     * BFGS starts at all ones on that scale (so the penalizer means the same as
     * {@code penalizer_coef}), and α, its standard error and the log-likelihood are carried back
     * to the data's own time scale.
     */
    static MaximumLikelihood.Estimate fit(String model, CustomerSummaries data, double penalizer, boolean modified) {
        requireNonNull(data, "data");
        CustomerSummaries rows = data.compressed();
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < rows.size(); i++) {
            maxAge = Math.max(maxAge, rows.age(i));
            repeat += rows.weight(i) * rows.frequency(i);
        }
        require(rows.size() > 0, "no customers to fit %s on", model);
        require(repeat > 0, "no customer has a repeat purchase: %s cannot be fitted on frequency 0 alone", model);
        double scale = 10.0 / maxAge;
        BetaGeoLikelihood likelihood = new BetaGeoLikelihood(rows, scale, modified);
        MaximumLikelihood.Estimate e = MaximumLikelihood.estimate(model, NAMES, likelihood, rows.totalWeight(),
                rows.size(), penalizer, new double[] {1, 1, 1, 1});
        FitDiagnostics d = e.diagnostics();
        for (int j = 0; j < NAMES.size(); j++) {
            double theta = e.params()[j];
            if (theta < BOUNDARY || theta > 1 / BOUNDARY) {
                String hint = theta > 1 ? "a penalizer (e.g. 0.001) keeps parameters from growing without bound"
                        : "the data do not pin the model down (too few customers or purchase patterns)";
                throw new ConvergenceException(model, d.iterations(), d.gradientNorm(), "parameter " + NAMES.get(j)
                        + " ran off to " + theta + " (on the time axis where the largest T is 10): the likelihood has"
                        + " no maximum inside the parameter space; " + hint);
            }
        }
        double[] p = e.params().clone();
        p[1] /= scale;
        // λ scales with 1/time: each repeat purchase's density picks up a factor 1/scale
        double logLikelihood = d.logLikelihood() + repeat * Math.log(scale);
        ImmutableMap<String, Double> se = d.standardErrors();
        if (!se.isEmpty()) {
            se = ImmutableMap.of("r", se.get("r"), "alpha", se.get("alpha") / scale, "a", se.get("a"), "b", se.get("b"));
        }
        FitDiagnostics carried = new FitDiagnostics(model, logLikelihood, d.customers(), d.rows(), d.iterations(),
                d.evaluations(), d.gradientNorm(), d.penalizer(), se);
        return new MaximumLikelihood.Estimate(p, carried);
    }

    static void checkParameters(String model, double r, double alpha, double a, double b) {
        require(positive(r) && positive(alpha) && positive(a) && positive(b),
                "%s parameters r %s, alpha %s, a %s, b %s are invalid: each must be finite and > 0", model, r, alpha, a,
                b);
    }

    private static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }

    static void checkCustomer(double x, double tx, double age) {
        require(Double.isFinite(x) && x >= 0 && x == Math.rint(x),
                "frequency %s is invalid: it must be a whole number of repeat purchases >= 0", x);
        require(Double.isFinite(age) && age > 0, "T %s is invalid: the age of a customer must be finite and > 0", age);
        require(Double.isFinite(tx) && tx >= 0, "recency %s is invalid: it must be finite and >= 0", tx);
        require(tx <= age, "recency %s exceeds age T %s", tx, age);
        require(x > 0 || tx == 0, "recency %s is invalid with frequency 0: it must be 0", tx);
    }

    static void checkHorizon(double t) {
        require(Double.isFinite(t) && t >= 0, "time %s is invalid: it must be finite and >= 0", t);
    }

    /** Whether the row is a valid summary, for the bulk loops (which then report it by row). */
    static boolean validRow(double x, double tx, double age) {
        return x >= 0 && x == Math.rint(x) && age > 0 && age < Double.POSITIVE_INFINITY && tx >= 0 && tx <= age
                && (x > 0 || tx == 0);
    }

    static IllegalArgumentException badRow(int row, double x, double tx, double age) {
        try {
            checkCustomer(x, tx, age);
        } catch (IllegalArgumentException e) {
            return new IllegalArgumentException(e.getMessage() + " (row " + row + ")");
        }
        return new IllegalArgumentException("row " + row + " is invalid");
    }

    /**
     * The expected number of purchases in the next t of a customer who is alive now, whose
     * purchase rate is Gamma(shape, rate β) and dropout probability Beta(a, b'):
     * E[(1/p)(1 − e<sup>−λpt</sup>)] = (a+b'−1)/(a−1) · [1 − (β/(β+t))<sup>shape</sup>
     * ₂F₁(shape, b'; a+b'−1; z)], z = t/(β+t) (FHL 2005 eq. 10 without its P(alive) factor).
     *
     * <p>By Euler's transformation ₂F₁(A, B; C; z) = (1−z)<sup>C−A−B</sup> ₂F₁(C−A, C−B; C; z)
     * (Abramowitz &amp; Stegun 15.3.3) this is (a+b'−1) · [1 − (1−z)<sup>a−1</sup>
     * ₂F₁(a+b'−1−shape, a−1; a+b'−1; z)] / (a−1), whose series has small upper parameters for any
     * number of purchases and whose every term past the first carries the factor (a−1): dividing
     * it out exactly removes the 0/0 at a = 1. Close to z = 1 the series is replaced by the
     * expansion around 1 − z (A&amp;S 15.3.6), evaluated in log space.
     */
    static double aliveExpectation(double t, double shape, double beta, double a, double bPrime) {
        if (t == 0) {
            return 0;
        }
        double z = t / (beta + t);
        double upper = a + bPrime - 1 - shape;
        double lower = a - 1;
        double c = a + bPrime - 1;
        double lnW = Math.log(beta / (beta + t));
        // s_n = c t_n / (a-1), t_n the n-th term of 2F1(upper, a-1; c; z): every term past the first has
        // (c)_n = c (c+1)_(n-1) below, so carrying the prefactor c inside removes the pole at a + b' = 1
        // (c > -1 always, so c + n > 0 for n >= 1)
        double term = upper * z;
        double sum = term;
        int n = 1;
        while (Math.abs(term) > EPSILON * Math.abs(sum) && n < SERIES_TERMS) {
            term *= (upper + n) * (lower + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            n++;
        }
        double value;
        if (n < SERIES_TERMS) {
            double el = lower * lnW;
            double e = Math.exp(el);
            // e - 1 is exact enough away from 0; near 0 the slower expm1 keeps the digits
            double expm1 = Math.abs(el) < 0.5 ? Math.expm1(el) : e - 1;
            double expm1Ratio = lower == 0 ? lnW : expm1 / lower;
            value = -c * expm1Ratio - e * sum;
        } else {
            value = nearOne(shape, beta, t, a, bPrime);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("expected purchases could not be evaluated for a " + a + ", b' " + bPrime
                    + ", shape " + shape + " at horizon " + t);
        }
        return Math.max(0, value);
    }

    /** Series coefficients precomputed by the bulk loop; rows needing more fall back to the scalar path. */
    private static final int COEFFICIENTS = 256;

    /**
     * Bulk E[Y(t) | x, t<sub>x</sub>, T] = P(alive) · {@link #aliveExpectation} for BG/NBD
     * ({@code modified} false) or MBG/NBD, with everything that depends on the parameters only —
     * the upper series parameters a+b−1−r (+1 for MBG/NBD) and a−1 and their products — computed
     * once per call instead of once per customer.
     */
    static void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out, double r,
            double alpha, double a, double b, boolean modified) {
        checkHorizon(t);
        int shift = modified ? 1 : 0;
        double upper = a + b - 1 - r + shift;
        double lower = a - 1;
        double[] coefficient = new double[COEFFICIENTS];
        for (int n = 1; n < COEFFICIENTS; n++) {
            coefficient[n] = (upper + n) * (lower + n) / (n + 1);
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double recency = tx[i];
            double ti = age[i];
            if (!validRow(xi, recency, ti)) {
                throw badRow(i, xi, recency, ti);
            }
            double shape = r + xi;
            double bPrime = b + xi + shift;
            double beta = alpha + ti;
            double odds = xi + shift == 0 ? 0
                    : a / (bPrime - 1) * Math.exp(shape * Math.log(beta / (alpha + recency)));
            double c = a + bPrime - 1;
            double expected = Double.NaN;
            if (t == 0) {
                expected = 0;
            } else if (c > 1e-6) {
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
                    double lnW = Math.log(beta / (beta + t));
                    double el = lower * lnW;
                    double e = Math.exp(el);
                    double expm1 = Math.abs(el) < 0.5 ? Math.expm1(el) : e - 1;
                    double ratio = lower == 0 ? lnW : expm1 / lower;
                    expected = Math.max(0, c * (-ratio - e * sum));
                }
            }
            if (Double.isNaN(expected)) {
                expected = aliveExpectation(t, shape, beta, a, bPrime);
            }
            out[i] = expected / (1 + odds);
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
    static double logAbsGamma(double x) {
        if (x > 0) {
            return SpecialFunctions.logGamma(x);
        }
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - SpecialFunctions.logGamma(1 - x);
    }

    static double signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return Math.floorMod((long) Math.floor(x), 2) == 0 ? 1 : -1;
    }

    /**
     * P(X(t) = n) for a new customer (FHL 2005 eq. 8; MBG/NBD: Batislam et al. 2007): with
     * k = n (BG/NBD) or n + 1 (MBG/NBD), B(a, b+k)/B(a, b) · NB(n) + [k &gt; 0] B(a+1, b+k−1)/B(a, b)
     * · P(NB &ge; n), NB the negative binomial count of a Gamma(r, α)-Poisson buyer over t.
     */
    static double probabilityOfPurchases(int n, double t, double r, double alpha, double a, double b, boolean modified) {
        require(n >= 0, "number of purchases %s is invalid: it must be >= 0", n);
        checkHorizon(t);
        int shift = modified ? 1 : 0;
        double lnBab = SpecialFunctions.logBeta(a, b);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double lnP = Math.log(alpha / (alpha + t));
        double lnQ = Math.log(t / (alpha + t));
        // negative binomial pmf of j purchases while alive, in logs
        double lnNb = SpecialFunctions.logGamma(r + n) - SpecialFunctions.logGamma(r) - SpecialFunctions.logGamma(n + 1.0)
                + r * lnP + n * lnQ;
        double first = Math.exp(SpecialFunctions.logBeta(a, b + n + shift) - lnBab + lnNb);
        if (n + shift == 0) {
            return clamp(first);
        }
        double tail = negativeBinomialTail(n, r, lnP, lnQ);
        double second = Math.exp(SpecialFunctions.logBeta(a + 1, b + n + shift - 1) - lnBab) * tail;
        return clamp(first + second);
    }

    /** P(N ≥ n) for N negative binomial(r, p = e^lnP), summed on the smaller side. */
    private static double negativeBinomialTail(int n, double r, double lnP, double lnQ) {
        double below = 0;
        double lnTerm = r * lnP;
        for (int j = 0; j < n; j++) {
            below += Math.exp(lnTerm);
            lnTerm += Math.log((r + j) / (j + 1)) + lnQ;
        }
        if (below < 0.5) {
            return 1 - below;
        }
        double above = 0;
        for (int j = n; j < n + 10_000_000; j++) {
            double term = Math.exp(lnTerm);
            above += term;
            if (term < 1e-17 * above && j > n + r) {
                break;
            }
            lnTerm += Math.log((r + j) / (j + 1)) + lnQ;
        }
        return above;
    }

    static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /**
     * Simulates the customers of a (M)BG/NBD population: each draws λ ~ Gamma(r, α) and
     * p ~ Beta(a, b), buys at the times of a Poisson process with rate λ from its first purchase
     * at time 0, and after each repeat purchase (MBG/NBD: also right at time 0) drops out with
     * probability p. Observed up to its own age T.
     */
    static CustomerSummaries simulate(double r, double alpha, double a, double b, boolean modified, double[] ages,
            long seed) {
        requireNonNull(ages, "ages");
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        int n = ages.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        for (int i = 0; i < n; i++) {
            double age = ages[i];
            require(Double.isFinite(age) && age > 0, "age T %s at row %s is invalid: it must be finite and > 0", age, i);
            double lambda = draws.gamma(r, alpha);
            double p = draws.beta(a, b);
            boolean alive = !(modified && draws.uniform() < p);
            double time = 0;
            int purchases = 0;
            double last = 0;
            while (alive) {
                time += draws.exponential(lambda);
                if (time > age) {
                    break;
                }
                purchases++;
                last = time;
                alive = draws.uniform() >= p;
            }
            x[i] = purchases;
            tx[i] = last;
        }
        return CustomerSummaries.of(x, tx, ages);
    }
}
