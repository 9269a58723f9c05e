package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import io.crmkit.scoring.internal.math.GaussHypergeometric;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The formulas shared by BG/NBD and MBG/NBD beyond the per-customer ones of
 * {@link BetaGeoKernel}: fitting on a rescaled time axis, the bulk conditional expectation,
 * P(X(t) = n), input checks and the simulator. The ₂F₁ of the expectations is
 * {@link GaussHypergeometric#stoppedPoissonMean}.
 */
final class BetaGeoMath {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private BetaGeoMath() {
    }

    /**
     * Fits (r, α, a, b) through {@link ModelFit} on the time axis of {@code lifetimes}: times are
     * rescaled so that the largest T is 10 (so the penalizer means the same as
     * {@code penalizer_coef}), and α carries 1/time.
     */
    static ModelFit.Estimate fit(String model, CustomerSummaries data, double penalizer, boolean modified) {
        requireNonNull(data, "data");
        require(data.size() > 0, "no customers to fit %s on", model);
        double maxAge = 0;
        for (int i = 0; i < data.size(); i++) {
            maxAge = Math.max(maxAge, data.age(i));
        }
        double scale = 10.0 / maxAge;
        // the likelihood of data.compressed(), merged run by run of equal recency instead of in one
        // table of every row; rows, weights and repeat purchases as the compressed rows give them
        BetaGeoLikelihood likelihood = BetaGeoLikelihood.compressing(data, scale, modified);
        double repeat = likelihood.repeatPurchases();
        require(repeat > 0, "no customer has a repeat purchase: %s cannot be fitted on frequency 0 alone", model);
        // λ scales with 1/time: each repeat purchase's density picks up a factor 1/scale
        return ModelFit.fit(new ModelFit.Problem(model, NAMES, likelihood, likelihood.totalWeight(),
                likelihood.rows(), scale, new double[] {0, -1, 0, 0}, repeat * Math.log(scale),
                BetaGeoMath::meaning), penalizer);
    }

    static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "a" -> atInfinity ? "every customer drops out at once after a purchase"
                    : "no dropout detected: the dropout probability is 0 for nearly every customer";
            case "b" -> atInfinity ? "no dropout detected: the dropout probability is 0 for nearly every customer"
                    : "dropout probabilities pile up at 1";
            default -> ModelFit.purchaseRateMeaning(parameter, atInfinity);
        };
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
        CustomerSummaries.requireValid(x, tx, age, "");
    }

    static void checkHorizon(double t) {
        require(Double.isFinite(t) && t >= 0, "time %s is invalid: it must be finite and >= 0", t);
    }

    /** Whether the row is a valid summary, for the bulk loops (which then report it by row). */
    static boolean validRow(double x, double tx, double age) {
        return CustomerSummaries.isValid(x, tx, age);
    }

    static IllegalArgumentException badRow(int row, double x, double tx, double age) {
        CustomerSummaries.requireValid(x, tx, age, " at row " + row);
        return new IllegalArgumentException("row " + row + " is invalid");
    }

    /**
     * The odds that row {@code i}'s customer has dropped out against being alive, P(dead)/P(alive)
     * (0 for BG/NBD without a repeat purchase), after checking the row.
     */
    private static double deadOdds(int i, double xi, double recency, double ti, double r, double alpha, double a,
            double b, int shift) {
        if (!validRow(xi, recency, ti)) {
            throw badRow(i, xi, recency, ti);
        }
        return xi + shift == 0 ? 0
                : a / (b + (xi + shift - 1)) * Math.exp((r + xi) * Math.log1p((ti - recency) / (alpha + recency)));
    }

    /**
     * Bulk E[Y(t) | x, t<sub>x</sub>, T] = P(alive) · E[purchases while alive] for BG/NBD
     * ({@code modified} false) or MBG/NBD, with the series coefficients that depend on the
     * parameters only — the upper parameters a+b−1−r (+1 for MBG/NBD) and a−1 — computed once per
     * call instead of once per customer. The mean while alive depends on (x, T) alone (shape r+x,
     * rate α+T, b' = b+x(+1)), and customers share them: 136,820 customers of a 1 M-row log have
     * 5,125 distinct pairs. Each pair's series is summed once per call ({@link PairMeans}), and
     * every customer of the pair gets the very same double as its own evaluation would give.
     */
    static void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out, double r,
            double alpha, double a, double b, boolean modified) {
        // one horizon, no sum: the expectations alone, from the loop the monthly values take
        monthlyValues(new double[] {t}, null, x, tx, age, null, null, out, r, alpha, a, b, modified);
    }

    /**
     * {@link LifetimeValue}'s discounted monthly sum for BG/NBD or MBG/NBD, every month of a
     * customer at once: for each row, Σ<sub>m</sub> spend · (E[Y(t<sub>m</sub>)] −
     * E[Y(t<sub>m−1</sub>)]) · discount<sub>m</sub> in month order, each E[Y(t<sub>m</sub>)] the
     * double {@link #conditionalExpectedPurchases} gives at t<sub>m</sub>, and the sum taken by the
     * same operations as month-by-month bulk calls take it, so the value is the same double. What
     * is saved is the repetition: the alive odds of a customer are computed once instead of once a
     * month, and the series of an (x, T) pair once per month for all its customers.
     *
     * @param horizons t<sub>m</sub>, month m's end in the data's time unit, m = 1..months
     * @param discounts the discount factor of each month, or null with {@code spend} and {@code out}
     *     null: no sum, the expectations alone ({@link #conditionalExpectedPurchases})
     * @param spend the expected spend per purchase of each customer, or null
     * @param out receives the sums, or null
     * @param last receives E[Y(t<sub>months</sub>)], the expected purchases over the horizon
     */
    static void monthlyValues(double[] horizons, double @Nullable [] discounts, double[] x, double[] tx,
            double[] age, double @Nullable [] spend, double @Nullable [] out, double[] last, double r, double alpha,
            double a, double b, boolean modified) {
        for (double t : horizons) {
            checkHorizon(t);
        }
        int shift = modified ? 1 : 0;
        int months = horizons.length;
        GaussHypergeometric.StoppedPoissonSeries series =
                new GaussHypergeometric.StoppedPoissonSeries(a + b - 1 - r + shift, a - 1);
        PairMeans means = new PairMeans(x.length, months);
        double[] mean = new double[months];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double ti = age[i];
            double shape = r + xi;
            double odds = deadOdds(i, xi, tx[i], ti, r, alpha, a, b, shift);
            int slot = means.slot(xi, ti);
            if (!means.has(slot)) {
                for (int m = 0; m < months; m++) {
                    mean[m] = series.mean(horizons[m], shape, alpha + ti, a, b + xi + shift);
                }
                slot = means.put(slot, xi, ti, mean);
            }
            double previous = 0;
            double total = 0;
            for (int m = 0; m < months; m++) {
                double cumulative = means.value(slot, m) / (1 + odds);
                if (spend != null && discounts != null) {
                    total += spend[i] * (cumulative - previous) * discounts[m];
                }
                previous = cumulative;
            }
            if (out != null) {
                out[i] = total;
            }
            last[i] = previous;
        }
    }

    /**
     * The means already summed in one bulk call, {@code width} of them (one per horizon) by the
     * exact bits of (x, T): open addressing in parallel arrays, doubled when half full, so a
     * lookup costs a hash and a probe or two. Keys are compared bit for bit, so a hit is always
     * the value the same inputs give.
     */
    static final class PairMeans {
        private final int width;
        private long[] xs;
        private long[] ts;
        private double[] values;
        private boolean[] used;
        private int size;

        PairMeans(int rows, int width) {
            this.width = width;
            allocate(Integer.highestOneBit(Math.max(16, Math.min(rows, 1 << 12)) * 2 - 1));
        }

        private void allocate(int capacity) {
            xs = new long[capacity];
            ts = new long[capacity];
            values = new double[capacity * width];
            used = new boolean[capacity];
        }

        /** The slot of (x, T): where it is, or the free slot where it goes. */
        int slot(double x, double t) {
            return find(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(t));
        }

        private int find(long xBits, long tBits) {
            int mask = used.length - 1;
            int i = hash(xBits, tBits) & mask;
            while (used[i] && (xs[i] != xBits || ts[i] != tBits)) {
                i = (i + 1) & mask;
            }
            return i;
        }

        boolean has(int slot) {
            return used[slot];
        }

        /** Mean {@code k} of the pair in {@code slot}. */
        double value(int slot, int k) {
            return values[slot * width + k];
        }

        /**
         * Stores the means of (x, T) in the free slot {@link #slot} gave.
         *
         * @return the pair's slot from now on (it moves when the table grows)
         */
        int put(int slot, double x, double t, double[] means) {
            used[slot] = true;
            xs[slot] = Double.doubleToRawLongBits(x);
            ts[slot] = Double.doubleToRawLongBits(t);
            System.arraycopy(means, 0, values, slot * width, width);
            if (++size * 2 <= used.length) {
                return slot;
            }
            long[] oldX = xs;
            long[] oldT = ts;
            double[] oldValues = values;
            boolean[] oldUsed = used;
            allocate(used.length * 2);
            for (int k = 0; k < oldUsed.length; k++) {
                if (oldUsed[k]) {
                    int i = find(oldX[k], oldT[k]);
                    used[i] = true;
                    xs[i] = oldX[k];
                    ts[i] = oldT[k];
                    System.arraycopy(oldValues, k * width, values, i * width, width);
                }
            }
            return slot(x, t);
        }

        private static int hash(long xBits, long tBits) {
            long h = xBits * 0x9E3779B97F4A7C15L + tBits;
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            return (int) h;
        }
    }

    /**
     * P(X(t) = n) for a new customer (FHL 2005 eq. 8; MBG/NBD: Batislam et al. 2007): with
     * k = n (BG/NBD) or n + 1 (MBG/NBD), B(a, b+k)/B(a, b) · NB(n) + [k &gt; 0] B(a+1, b+k−1)/B(a, b)
     * · P(NB &ge; n), NB the negative binomial count of a Gamma(r, α)-Poisson buyer over t.
     */
    static double probabilityOfPurchases(int n, double t, double r, double alpha, double a, double b, boolean modified) {
        require(n >= 0, "number of purchases %s is invalid: it must be >= 0", n);
        checkHorizon(t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        long k = (long) n + (modified ? 1 : 0);
        double lnP = -Math.log1p(t / alpha);
        double lnQ = Math.log(t / (alpha + t));
        // negative binomial pmf of n purchases while alive, in logs
        double lnNb = SpecialFunctions.logGammaRatio(r, n) - SpecialFunctions.logGamma(n + 1.0) + r * lnP + n * lnQ;
        // B(a, b+k)/B(a, b) and B(a+1, b+k-1)/B(a, b) as ratios of Pochhammer symbols, which stay exact
        // however large b is (the difference of the log-betas cancels to nothing there)
        double lnStay = SpecialFunctions.logGammaRatio(b, k) - SpecialFunctions.logGammaRatio(a + b, k);
        double first = Math.exp(lnStay + lnNb);
        if (k == 0) {
            return clamp(first);
        }
        double tail = negativeBinomialTail(n, r, lnP, lnQ);
        double lnDrop = Math.log(a) + SpecialFunctions.logGammaRatio(b, k - 1) - SpecialFunctions.logGammaRatio(a + b, k);
        return clamp(first + Math.exp(lnDrop) * tail);
    }

    /** P(N ≥ n) for N negative binomial(r, p = e^lnP), summed on the smaller side. */
    private static double negativeBinomialTail(int n, double r, double lnP, double lnQ) {
        double below = 0;
        double lnTerm = r * lnP;
        for (int j = 0; j < n; j++) {
            double term = Math.exp(lnTerm);
            below += term;
            if (below >= 0.5 && term < 1e-17 * below && j > r) {
                // past the mode and negligible: the rest of the lower sum does not matter; start the upper
                // sum at n from the pmf itself instead of walking up to a very large n
                lnTerm = SpecialFunctions.logGammaRatio(r, n) - SpecialFunctions.logGamma(n + 1.0) + r * lnP + n * lnQ;
                break;
            }
            lnTerm += Math.log((r + j) / (j + 1)) + lnQ;
        }
        if (below < 0.5) {
            return 1 - below;
        }
        double above = 0;
        for (long j = n; j < n + 10_000_000L; j++) {
            double term = Math.exp(lnTerm);
            above += term;
            if (term <= 1e-17 * above && j > n + r) {
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
