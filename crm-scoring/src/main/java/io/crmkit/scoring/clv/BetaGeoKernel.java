package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.GaussHypergeometric;
import java.io.Serializable;

/**
 * The parameters (r, α, a, b) of a BG/NBD or MBG/NBD population and every per-customer formula
 * the two public models share; {@link BetaGeoModel} and {@link ModifiedBetaGeoModel} hold one and
 * document the formulas. The two models differ only in whether a customer can drop out right after
 * the first purchase ({@code modified}): MBG/NBD's dropout posterior is Beta(a, b+x+1) where
 * BG/NBD's is Beta(a, b+x), and one-time buyers are certainly alive only in BG/NBD.
 * Immutable, thread-safe and serializable.
 */
final class BetaGeoKernel implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Shape r of the Gamma distribution of purchase rates. */
    private final double r;
    /** Rate α of the Gamma distribution of purchase rates, in 1 / time unit. */
    private final double alpha;
    /** First shape a of the Beta distribution of dropout probabilities. */
    private final double a;
    /** Second shape b of the Beta distribution of dropout probabilities. */
    private final double b;
    /** MBG/NBD (true) or BG/NBD (false). */
    private final boolean modified;

    BetaGeoKernel(double r, double alpha, double a, double b, boolean modified) {
        BetaGeoMath.checkParameters(name(modified), r, alpha, a, b);
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.modified = modified;
    }

    /** The parameters of a fit, in the order of {@link BetaGeoMath#NAMES}. */
    static BetaGeoKernel of(double[] params, boolean modified) {
        return new BetaGeoKernel(params[0], params[1], params[2], params[3], modified);
    }

    private static String name(boolean modified) {
        return modified ? "mbgnbd" : "bgnbd";
    }

    String name() {
        return name(modified);
    }

    double r() {
        return r;
    }

    double alpha() {
        return alpha;
    }

    double a() {
        return a;
    }

    double b() {
        return b;
    }

    ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("r", r, "alpha", alpha, "a", a, "b", b);
    }

    double logLikelihood(double x, double tx, double age) {
        BetaGeoMath.checkCustomer(x, tx, age);
        return BetaGeoLikelihood.customer(new double[] {r, alpha, a, b}, x, tx, age, modified, new double[4]);
    }

    double expectedPurchases(double t) {
        BetaGeoMath.checkHorizon(t);
        if (modified) {
            // survive the first purchase with chance b/(a+b), then BG/NBD with dropout Beta(a, b+1)
            return b / (a + b) * stoppedPoissonMean(t, r, alpha, a, b + 1);
        }
        return stoppedPoissonMean(t, r, alpha, a, b);
    }

    /**
     * The expected purchases of an alive customer, refused with the model's parameters (an
     * IllegalArgumentException, not the evaluator's IllegalStateException) where the series
     * cannot give a double, as for r = α = a = b = 1e308.
     */
    private double stoppedPoissonMean(double t, double shape, double scale, double dropoutA, double dropoutB) {
        try {
            return GaussHypergeometric.stoppedPoissonMean(t, shape, scale, dropoutA, dropoutB);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(name() + " parameters r " + r + ", alpha " + alpha + ", a " + a + ", b "
                    + b + " are invalid for the expected purchases at horizon " + t + ": " + e.getMessage(), e);
        }
    }

    double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        BetaGeoMath.checkHorizon(t);
        BetaGeoMath.checkCustomer(x, tx, age);
        double alive = alive(x, tx, age);
        double bPosterior = modified ? b + x + 1 : b + x;
        return alive * stoppedPoissonMean(t, r + x, alpha + age, a, bPosterior);
    }

    double probabilityAlive(double x, double tx, double age) {
        BetaGeoMath.checkCustomer(x, tx, age);
        return alive(x, tx, age);
    }

    private double alive(double x, double tx, double age) {
        if (!modified && x == 0) {
            return 1;
        }
        double dropouts = modified ? b + x : b + (x - 1);
        double odds = a / dropouts * Math.exp((r + x) * Math.log1p((age - tx) / (alpha + tx)));
        return 1 / (1 + odds);
    }

    double probabilityOfPurchases(int n, double t) {
        return BetaGeoMath.probabilityOfPurchases(n, t, r, alpha, a, b, modified);
    }

    void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        BetaGeoMath.conditionalExpectedPurchases(t, x, tx, age, out, r, alpha, a, b, modified);
    }

    /** {@link BetaGeoMath#monthlyValues} for this population. */
    void monthlyValues(double[] horizons, double[] discounts, double[] x, double[] tx, double[] age, double[] spend,
            double[] out, double[] last) {
        Columns.check(x, tx, age, out);
        BetaGeoMath.monthlyValues(horizons, discounts, x, tx, age, spend, out, last, r, alpha, a, b, modified);
    }

    void probabilityAlive(double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double t = age[i];
            double recency = tx[i];
            if (!BetaGeoMath.validRow(xi, recency, t)) {
                throw BetaGeoMath.badRow(i, xi, recency, t);
            }
            out[i] = !modified && xi == 0 ? 1
                    : 1 / (1 + a / (b + (modified ? xi : xi - 1)) * Math.exp((r + xi) * Math.log1p((t - recency) / (alpha + recency))));
        }
    }

    CustomerSummaries simulate(double[] ages, long seed) {
        return BetaGeoMath.simulate(r, alpha, a, b, modified, ages, seed);
    }

    @Override
    public String toString() {
        return name() + "[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + "]";
    }
}
