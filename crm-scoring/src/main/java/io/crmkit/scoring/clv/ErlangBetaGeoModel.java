package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static io.crmkit.scoring.internal.math.SpecialFunctions.digamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logGamma;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.GaussHypergeometric;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.List;

/**
 * The BG/CNBD-k and MBG/CNBD-k models of Reutterer, Platzer &amp; Schröder (2021), "Leveraging
 * Purchase Regularity for Predicting Customer Behavior the Easy Way", <i>International Journal of
 * Research in Marketing</i> 38(1), 194-215 (BTYDplus' {@code bgcnbd.*} and {@code mbgcnbd.*}):
 * BG/NBD and MBG/NBD with Erlang-k inter-purchase times in place of exponential ones, so that
 * k &gt; 1 describes customers who buy more regularly than a Poisson process. While alive a
 * customer's inter-purchase times are Erlang(k, λ) with λ ~ Gamma(r, α); after each repeat
 * purchase (MBG: also at the first) the customer drops out with probability p ~ Beta(a, b). With
 * k = 1 the models are {@link BetaGeoModel BG/NBD} and {@link ModifiedBetaGeoModel MBG/NBD}, and
 * this class gives exactly their numbers.
 *
 * <p>For a customer with x repeat purchases, the last at t<sub>x</sub>, observed until T, the sum of
 * the logarithms of the inter-purchase times ℓ ({@link CustomerSummaries#withLogInterPurchaseTimes}),
 * d = 1 for MBG and 0 for BG, and m = r + kx (BTYDplus {@code xbgcnbd.LL}, the paper's eq. 5):
 * <ul>
 *   <li>ln L = (k−1)ℓ − x ln (k−1)! + ln B(a, b+x+d) − ln B(a, b) + ln Γ(m) − ln Γ(r) + r ln α
 *       − m ln(α+T) + ln(S<sub>1</sub> + S<sub>2</sub>), with
 *       S<sub>1</sub> = [d = 1 or x &gt; 0] · a/(b+x−1+d) · ((α+T)/(α+t<sub>x</sub>))<sup>m</sup> (died
 *       after the last purchase) and S<sub>2</sub> = Σ<sub>j=0</sub><sup>k−1</sup> Γ(m+j)/(Γ(m) j!) ·
 *       ((T−t<sub>x</sub>)/(α+T))<sup>j</sup> (alive, and the next purchase not yet due);</li>
 *   <li>P(alive | x, t<sub>x</sub>, T) = 1 / (1 + S<sub>1</sub>/S<sub>2</sub>) (1 for x = 0 in BG);</li>
 *   <li>E[Y(t) | x, t<sub>x</sub>, T]: no closed form exists for k &gt; 1; it is the exact mean of
 *       the model's distribution of future purchases ({@link #conditionalProbabilityOfPurchases}),
 *       summed over the phases of the gap under way and the phases completed in (T, T+t] (see
 *       {@link #conditionalExpectedPurchases}). BTYDplus
 *       ({@code xbgcnbd.ConditionalExpectedTransactions}) approximates it by the BG/NBD expression
 *       with the scale α replaced by kα; that approximation (13 % low at k = 3 and 31 % at k = 6 in
 *       its documented example) is {@link #conditionalExpectedPurchasesApproximation}. Both are the BG/NBD (MBG/NBD)
 *       closed form for k = 1.</li>
 * </ul>
 * A model with k &gt; 1 needs ℓ for its likelihood, so {@link #logLikelihood(double, double, double)}
 * refuses for k &gt; 1 and {@link #logLikelihood(double, double, double, double)} takes it.
 * {@link #fit(CustomerSummaries, boolean, int)} fits one k; {@link #fit(CustomerSummaries, boolean)}
 * fits k = 1, 2, … up to {@value #MAX_K} and keeps the k of the largest likelihood (stopping, as
 * BTYDplus, once the likelihood fell twice in a row, or at the first k that cannot be estimated). Immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * CustomerSummaries data = CustomerSummarizer.asOf(end).withLogInterPurchaseTimes()
 *         .summarizeEpochDays(customer, day, amount).summaries();
 * ErlangBetaGeoModel model = ErlangBetaGeoModel.fit(data, true);   // MBG/CNBD-k, k by likelihood
 * }</pre>
 */
public final class ErlangBetaGeoModel implements PurchaseModel, Serializable {

    /** The largest k tried by {@link #fit(CustomerSummaries, boolean)}, as in BTYDplus. */
    public static final int MAX_K = 12;
    private static final List<String> PARAMETER_NAMES = List.of("r", "alpha", "a", "b");
    private static final int NO_ROW = -1;
    /** Most terms the exact expectation visits for one customer before it refuses. */
    static final long MAX_PHASE_STEPS = 50_000_000L;

    /**
     * Rows per chunk of the likelihood sum ({@link ChunkedSum}): fixed, so that the fit does not
     * depend on the number of threads.
     */
    static final int CHUNK_ROWS = 1024;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests,
     * interleaved, 2 cores at load average 13-20, so that only the CPU figures are reliable): about 0.46 µs of CPU per row at k = 3 (more for larger k); a chunk of
     * 1,024 rows is 0.47 ms. From 4,096 rows on (1.9 ms an evaluation) the parallel sums took at
     * most 4 % more CPU.
     */
    static final int PARALLEL_ROWS = 4096;
    private static final long serialVersionUID = 1L;

    /** Regularity: the Erlang shape of inter-purchase times. */
    private final int k;
    /** MBG/CNBD-k (true) or BG/CNBD-k (false). */
    private final boolean modified;
    /** Shape r of the Gamma distribution of λ. */
    private final double r;
    /** Rate α of the Gamma distribution of λ, in 1 / time unit. */
    private final double alpha;
    /** First shape a of the Beta distribution of the dropout probability. */
    private final double a;
    /** Second shape b of the Beta distribution of the dropout probability. */
    private final double b;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private ErlangBetaGeoModel(int k, boolean modified, double[] p, FitDiagnostics diagnostics) {
        this.k = k;
        this.modified = modified;
        this.r = p[0];
        this.alpha = p[1];
        this.a = p[2];
        this.b = p[3];
        this.diagnostics = diagnostics;
    }

    /**
     * A model with known parameters.
     *
     * @param modified true for MBG/CNBD-k, false for BG/CNBD-k
     * @param k the Erlang shape, 1 to 1000
     * @param r r &gt; 0, shape of the gamma distribution of λ
     * @param alpha α &gt; 0, its rate (in the data's time unit)
     * @param a a &gt; 0, first shape of the beta distribution of the dropout probability
     * @param b b &gt; 0, its second shape
     * @return the model
     * @throws IllegalArgumentException if k or a parameter is invalid
     */
    public static ErlangBetaGeoModel of(boolean modified, int k, double r, double alpha, double a, double b) {
        require(k >= 1 && k <= 1000, "k %s is invalid: the Erlang shape must be a whole number from 1 to 1000", k);
        BetaGeoMath.checkParameters(name(modified), r, alpha, a, b);
        return new ErlangBetaGeoModel(k, modified, new double[] {r, alpha, a, b},
                FitDiagnostics.notFitted(name(modified)));
    }

    /**
     * Fits k = 1, 2, … {@value #MAX_K} and keeps the fit of the largest likelihood (the search stops
     * once the likelihood fell for two k in a row, as BTYDplus' {@code xbgcnbd.EstimateParameters}).
     *
     * @param data summaries carrying {@linkplain CustomerSummaries#logInterPurchaseTimes() the sum of
     *     log inter-purchase times} (without it likelihoods of different k are not comparable)
     * @param modified true for MBG/CNBD-k, false for BG/CNBD-k
     * @return the best fit
     * @throws IllegalArgumentException if the summaries do not carry the statistic or cannot be fitted
     * @throws ConvergenceException if no k converges
     */
    public static ErlangBetaGeoModel fit(CustomerSummaries data, boolean modified) {
        return fit(data, modified, 0.0);
    }

    /** {@link #fit(CustomerSummaries, boolean)} with an L2 penalizer on the standardised parameters. */
    static ErlangBetaGeoModel fit(CustomerSummaries data, boolean modified, double penalizer) {
        requireNonNull(data, "data");
        require(data.hasLogInterPurchaseTimes(), "%s needs the sum of log inter-purchase times to choose k: summarise"
                + " with CustomerSummarizer.withLogInterPurchaseTimes() or add the column", name(modified));
        ErlangBetaGeoModel best = null;
        double previous = Double.NEGATIVE_INFINITY;
        int falls = 0;
        for (int k = 1; k <= MAX_K; k++) {
            ErlangBetaGeoModel fitted;
            try {
                fitted = fit(data, modified, k, penalizer);
            } catch (ConvergenceException | IllegalArgumentException e) {
                // as BTYDplus: a k that cannot be estimated ends the search; the best k so far stands
                if (best == null) {
                    throw e;
                }
                break;
            }
            double ll = fitted.diagnostics.logLikelihood();
            if (best == null || ll > best.diagnostics.logLikelihood()) {
                best = fitted;
            }
            falls = ll < previous ? falls + 1 : 0;
            previous = ll;
            if (falls == 2) {
                break;
            }
        }
        return best;
    }

    /**
     * Fits (r, α, a, b) for one k by maximum likelihood; for k = 1 this is the BG/NBD (MBG/NBD) fit
     * itself and needs no inter-purchase statistic.
     *
     * @param data the summaries; for k &gt; 1 carrying the sum of log inter-purchase times
     * @param modified true for MBG/CNBD-k, false for BG/CNBD-k
     * @param k the Erlang shape, 1 to 1000
     * @return the fitted model
     * @throws IllegalArgumentException if k is invalid, the statistic is missing for k &gt; 1, or the
     *     data cannot be fitted
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ErlangBetaGeoModel fit(CustomerSummaries data, boolean modified, int k) {
        return fit(data, modified, k, 0.0);
    }

    private static ErlangBetaGeoModel fit(CustomerSummaries data, boolean modified, int k, double penalizer) {
        requireNonNull(data, "data");
        require(k >= 1 && k <= 1000, "k %s is invalid: the Erlang shape must be a whole number from 1 to 1000", k);
        String model = name(modified);
        if (k == 1) {
            ModelFit.Estimate e = BetaGeoMath.fit(model, data, penalizer, modified);
            return new ErlangBetaGeoModel(1, modified, e.params(), e.diagnostics());
        }
        require(data.hasLogInterPurchaseTimes(), "%s with k %s needs the sum of log inter-purchase times: summarise"
                + " with CustomerSummarizer.withLogInterPurchaseTimes() or add the column", model, k);
        CustomerSummaries rows = data.compressed();
        int size = rows.size();
        double[] x = rows.frequencies();
        double[] tx = rows.recencies();
        double[] age = rows.ages();
        double[] litt = rows.logInterPurchaseTimes();
        double[] w = rows.weights();
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < size; i++) {
            maxAge = Math.max(maxAge, age[i]);
            repeat += w[i] * x[i];
        }
        require(repeat > 0, "no customer has a repeat purchase: %s cannot be fitted on frequency 0 alone", model);
        double scale = 10.0 / maxAge;
        double shift = Math.log(scale);
        for (int i = 0; i < size; i++) {
            tx[i] *= scale;
            age[i] *= scale;
            litt[i] += x[i] * shift;
        }
        LogLikelihood likelihood = likelihood(modified, k, x, tx, age, litt, w, PARALLEL_ROWS);
        ModelFit.Estimate e = ModelFit.fit(new ModelFit.Problem(model, PARAMETER_NAMES, likelihood, rows.totalWeight(),
                size, scale, new double[] {0, -1, 0, 0}, repeat * shift, ErlangBetaGeoModel::meaning), penalizer);
        return new ErlangBetaGeoModel(k, modified, e.params(), e.diagnostics());
    }

    /**
     * The weighted log-likelihood of the rows, summed in chunks of {@value #CHUNK_ROWS} rows by
     * {@link ChunkedSum}, on several threads from {@code parallelRows} rows on (the result does not
     * depend on it). Each chunk has its own scratch array.
     */
    static LogLikelihood likelihood(boolean modified, int k, double[] x, double[] tx, double[] age, double[] litt,
            double[] w, int parallelRows) {
        return (params, gradient) -> ChunkedSum.sum(x.length, CHUNK_ROWS, parallelRows, gradient, (from, to, g) -> {
            double[] row = new double[4];
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += w[i] * logLikelihood(modified, k, params, x[i], tx[i], age[i], litt[i], row);
                for (int j = 0; j < 4; j++) {
                    g[j] += w[i] * row[j];
                }
            }
            return sum;
        });
    }

    private static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "a" -> atInfinity ? "every customer drops out at once after a purchase"
                    : "no dropout detected: the dropout probability is 0 for nearly every customer";
            case "b" -> atInfinity ? "no dropout detected: the dropout probability is 0 for nearly every customer"
                    : "dropout probabilities pile up at 1";
            default -> ModelFit.purchaseRateMeaning(parameter, atInfinity);
        };
    }

    private static String name(boolean modified) {
        return modified ? "mbgcnbd" : "bgcnbd";
    }

    /** @return {@code mbgcnbd} or {@code bgcnbd}, the model's name on the command line */
    @Override
    public String name() {
        return name(modified);
    }

    /** @return k, the Erlang shape of the inter-purchase times (1: Poisson purchasing) */
    public int k() {
        return k;
    }

    /** @return whether this is MBG/CNBD-k (dropout possible at the first purchase) */
    public boolean isModified() {
        return modified;
    }

    /** @return k, r, alpha, a, b by name, in BTYDplus' order */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("k", (double) k, "r", r, "alpha", alpha, "a", a, "b", b);
    }

    /** @return how the fit went; a model made by {@link #of} reports no iterations */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The log-likelihood of one customer; only for k = 1, where it does not depend on the
     * inter-purchase times (use {@link #logLikelihood(double, double, double, double)} otherwise).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return ln L, finite
     * @throws IllegalArgumentException if k &gt; 1 or the triple is not a valid summary
     */
    @Override
    public double logLikelihood(double x, double tx, double age) {
        require(k == 1, "%s with k %s needs the sum of log inter-purchase times: call logLikelihood(x, tx, T, litt)",
                name(), k);
        return logLikelihood(x, tx, age, 0);
    }

    /**
     * The log-likelihood of one customer (see the class documentation).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param logInterPurchaseTimes Σ ln of the x inter-purchase times, in the data's time unit; 0 for x = 0
     * @return ln L, finite
     * @throws IllegalArgumentException if the summary is not valid
     */
    public double logLikelihood(double x, double tx, double age, double logInterPurchaseTimes) {
        checkSummary(x, tx, age, NO_ROW);
        require(Double.isFinite(logInterPurchaseTimes) && (x > 0 || logInterPurchaseTimes == 0),
                "log_inter_purchase_times %s is invalid: it must be finite, and 0 with frequency 0", logInterPurchaseTimes);
        return finite(logLikelihood(modified, k, new double[] {r, alpha, a, b}, x, tx, age, logInterPurchaseTimes,
                null), x, tx, age);
    }

    /**
     * P(alive | x, t<sub>x</sub>, T) = 1 / (1 + S<sub>1</sub>/S<sub>2</sub>) (see the class documentation).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        checkSummary(x, tx, age, NO_ROW);
        return finite(alive(x, tx, age), x, tx, age);
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T], the exact mean of {@link #conditionalProbabilityOfPurchases}
     * (see there for the phases j of the gap under way, their weights w<sub>j</sub> and the negative
     * binomial count M of phases completed in (T, T+t]):
     * P(alive) Σ<sub>j</sub> w<sub>j</sub> Σ<sub>c&ge;1</sub> P(M &ge; kc−j) · B(a, b'+c−1)/B(a, b')
     * = P(alive) Σ<sub>j</sub> w<sub>j</sub> E[F(⌊(M+j)/k⌋)], where
     * F(n) = Σ<sub>c=1</sub><sup>n</sup> B(a, b'+c−1)/B(a, b') is what a customer with n purchases
     * due makes on average. For k = 1 it is the BG/NBD (MBG/NBD) closed form itself. For k &gt; 1
     * each j takes one pass over the phase counts that matter, from next to the mean of M outwards
     * in both directions until the terms no longer change the sum, plus F up to the mean; the pass
     * is refused rather than cut short when it would take more than 50 million terms, about
     * mean/k + 16 standard deviations of M per j (M has mean μ = (r+kx+j)·t/(α+T) and standard
     * deviation √(μ(1+t/(α+T)))): for instance 100 purchases within T = 1 and a horizon of 100,000
     * at k = 12, some 40 million phases. Cost: on 1 M simulated MBG/CNBD-k customers over 26 weeks it took
     * 1.5 µs of CPU per customer at k = 3 and 3.1 µs at k = 6, 9 and 17 times BTYDplus'
     * approximation (0.18 µs), which stays available as
     * {@link #conditionalExpectedPurchasesApproximation} (2026-11-29, a shared 2-core machine at load
     * 27, {@code ErlangPredictionCpuTime}).
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the conditional expectation, &ge; 0
     * @throws IllegalArgumentException if t is invalid, the triple is not a valid summary, or the
     *     sum would visit more than 50 million phase counts
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        require(Double.isFinite(t) && t >= 0, "time t %s is invalid: it must be finite and >= 0", t);
        checkSummary(x, tx, age, NO_ROW);
        if (k == 1) {
            return finite(approximation(t, x, tx, age), x, tx, age);
        }
        return finite(exactExpectation(t, x, tx, age), x, tx, age);
    }

    /**
     * BTYDplus' approximation of E[Y(t) | x, t<sub>x</sub>, T] ({@code xbgcnbd.ConditionalExpectedTransactions}
     * in BTYDplus 1.2, without the cohort-level rescaling that function applies afterwards): the
     * BG/NBD expression with the scale α replaced by kα, as if the Erlang-k process bought at the
     * rate λ/k of a Poisson one, P(alive) · (a+b'−1)/(a−1) · [1 − ((kα+T)/(kα+T+t))<sup>r+x</sup>
     * ₂F₁(r+x, b'; a+b'−1; t/(kα+T+t))] with b' = b+x (MBG: b+x+1). Exact for k = 1; for k &gt; 1 it
     * can be far from the model's mean ({@link #conditionalExpectedPurchases}): for MBG/CNBD-3 with
     * r 1.2, α 4, a 0.8, b 2.5 and the history (2, 20, 30) the next 39 give 1.76 approximated against
     * 2.02 exactly (k = 6: 1.48 against 2.15). Kept for comparison with BTYDplus and where its cost
     * matters more than its error.
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the approximate conditional expectation, &ge; 0
     * @throws IllegalArgumentException if t is invalid or the triple is not a valid summary
     */
    public double conditionalExpectedPurchasesApproximation(double t, double x, double tx, double age) {
        require(Double.isFinite(t) && t >= 0, "time t %s is invalid: it must be finite and >= 0", t);
        checkSummary(x, tx, age, NO_ROW);
        return finite(approximation(t, x, tx, age), x, tx, age);
    }

    private double approximation(double t, double x, double tx, double age) {
        double bPosterior = modified ? b + x + 1 : b + x;
        return alive(x, tx, age) * GaussHypergeometric.stoppedPoissonMean(t, r + x, k * alpha + age, a, bPosterior);
    }

    /**
     * The exact conditional mean by the phase sums for any k, also k = 1 (where the public method
     * uses the closed form; tests compare the two).
     */
    double exactExpectation(double t, double x, double tx, double age) {
        if (t == 0) {
            return 0;
        }
        double alive = alive(x, tx, age);
        if (alive == 0) {
            return 0;
        }
        double m = r + k * x;
        double q = (age - tx) / (alpha + age);
        double ahead = t / (alpha + age);
        double logOneMinusPi = -Math.log1p(ahead);
        double logPi = -Math.log1p((alpha + age) / t);
        double dropouts = modified ? b + x + 1 : b + x;
        // ln w_j up to a constant, ln Γ(m+j) − ln Γ(m) − ln j! + j ln q, by the ratio of consecutive terms
        double[] logWeight = new double[k];
        double logQ = Math.log(q);
        double largest = 0;
        for (int j = 1; j < k; j++) {
            logWeight[j] = logWeight[j - 1] + Math.log((m + j - 1) / j) + logQ;
            largest = Math.max(largest, logWeight[j]);
        }
        double[] weight = new double[k];
        double total = 0;
        for (int j = 0; j < k; j++) {
            weight[j] = Math.exp(logWeight[j] - largest);
            total += weight[j];
        }
        // the walks each run some 9 standard deviations of M, sqrt(shape·ahead·(1 + ahead)), from its mean, after
        // F(c1 - 1) took about mean/k steps: a sum that would certainly spend the budget is refused before it starts
        double planned = 0;
        for (int j = 0; j < k; j++) {
            if (weight[j] > 0) {
                double phases = (m + j) * ahead;
                planned += phases / k + 16 * Math.sqrt(phases * (1 + ahead));
            }
        }
        long[] budget = {planned > MAX_PHASE_STEPS ? -1 : MAX_PHASE_STEPS};
        // the first term when no purchase is due by the mean (c1 = 1, i0 = k − j), with ln (k−j)! carried downwards
        double logFactorial = logGamma(k + 1.0);
        double mean = 0;
        for (int j = 0; j < k; j++) {
            if (weight[j] > 0) {
                double shape = m + j;
                double logFirst = SpecialFunctions.logGammaRatio(shape, k - j) - logFactorial
                        + shape * logOneMinusPi + (k - j) * logPi;
                double phases = budget[0] < 0 ? -1
                        : phaseMean(k, j, shape, ahead, logOneMinusPi, logPi, logFirst, a, dropouts, budget);
                if (phases < 0) {
                    throw new IllegalArgumentException(Strings.lenientFormat("%s with k %s cannot sum its exact"
                            + " expected purchases at frequency %s, recency %s, T %s over t %s: its sum over the Erlang"
                            + " phases in the period (about %s, give or take %s) would take more than %s terms; use a"
                            + " shorter horizon or conditionalExpectedPurchasesApproximation", name(), k, x, tx, age, t,
                            (float) (shape * ahead), (float) Math.sqrt(shape * ahead * (1 + ahead)), MAX_PHASE_STEPS));
                }
                mean += weight[j] / total * phases;
            }
            logFactorial -= Math.log(k - j);
        }
        return alive * mean;
    }

    /**
     * E[F(⌊(M+j)/k⌋)] for M negative binomial with the given shape and π = ahead/(1+ahead), F(n) the
     * sum of the first n of β<sub>c</sub> = B(a, b'+c−1)/B(a, b'), c &ge; 1 (β<sub>1</sub> = 1,
     * β<sub>c+1</sub> = β<sub>c</sub>(b'+c−1)/(a+b'+c−1)); −1 once the budget of steps is spent.
     *
     * <p>With c<sub>1</sub> the number of purchases due at the phase count i<sub>0</sub> = kc<sub>1</sub>−j
     * just below the mean, E[F] = F(c<sub>1</sub>−1) − Σ<sub>i&lt;i<sub>0</sub></sub> P(M=i)
     * (F(c<sub>1</sub>−1) − F(⌊(i+j)/k⌋)) + Σ<sub>i&ge;i<sub>0</sub></sub> P(M=i)(F(⌊(i+j)/k⌋) −
     * F(c<sub>1</sub>−1)): two sums of positive terms, each starting next to the mean (as
     * {@link #negativeBinomialTail} does, so that no sum starts from an underflowed term), carrying
     * the F difference along, and running away from the mean until the terms no longer change it.
     */
    private static double phaseMean(int k, int j, double shape, double ahead, double logOneMinusPi, double logPi,
            double logFirst, double a, double dropouts, long[] budget) {
        double pi = Math.exp(logPi);
        double phaseMean = shape * ahead;
        double mode = Math.max(0, Math.floor((shape - 1) * ahead));
        double due = Math.floor((phaseMean + j) / k);
        if (due > budget[0]) {
            return -1;
        }
        long c1 = Math.max(1L, (long) due);
        long i0 = k * c1 - j;
        // F(c1 - 1), the purchases of a customer with c1 - 1 due, summed term by term
        // (compensated, and beta_c recomputed from its log-beta ratio every 1024 terms, so that neither the sum
        // nor the running product drifts over millions of terms)
        double below = 0;
        double lost = 0;
        double beta = 1;
        for (long c = 1; c < c1; c++) {
            double y = beta - lost;
            double sum = below + y;
            lost = (sum - below) - y;
            below = sum;
            beta = (c & 1023) == 0 ? Math.exp(SpecialFunctions.logBetaRatio(a, dropouts, 0, c))
                    : beta * (dropouts + c - 1) / (a + dropouts + c - 1);
        }
        budget[0] -= c1;
        double betaC1 = beta;
        // downwards from i0 - 1: the shortfall F(c1 - 1) - F(floor((i + j)/k)) grows by beta_c at each
        // multiple of k
        double shortfall = 0;
        if (c1 > 1) {
            long due1 = c1 - 1;
            double betaDue = betaC1 * (a + dropouts + due1 - 1) / (dropouts + due1 - 1);
            double gap = 0;
            double term = Math.exp(negativeBinomialLog(i0 - 1, shape, logOneMinusPi, logPi));
            for (long i = i0 - 1; i >= 0; i--) {
                while (i + j < k * due1) {
                    gap += betaDue;
                    due1--;
                    betaDue = due1 >= 1 ? betaDue * (a + dropouts + due1 - 1) / (dropouts + due1 - 1) : 0;
                }
                double part = term * gap;
                shortfall += part;
                if (--budget[0] < 0) {
                    return -1;
                }
                if (i == 0) {
                    break;
                }
                // what is left is below F(c1 - 1)·P(M < i), and below the mode (shape >= 1) the terms shrink by
                // a ratio that only falls further: stop once that bound no longer changes the result
                double ratio = i / ((shape + i - 1) * pi);
                if (i <= mode && (term < Double.MIN_NORMAL
                        || shape >= 1 && ratio < 1 && below * term * ratio / (1 - ratio) <= 1e-17 * (below - shortfall))) {
                    break;
                }
                term *= ratio;
            }
        }
        // upwards from i0: the excess F(floor((i + j)/k)) - F(c1 - 1), beta_{c1} at i0, grows at each multiple of k
        long dueUp = c1;
        double betaUp = betaC1;
        double excessF = betaC1;
        double excess = 0;
        double term = Math.exp(c1 == 1 ? logFirst : negativeBinomialLog(i0, shape, logOneMinusPi, logPi));
        for (long i = i0; ; i++) {
            while (i + j >= k * (dueUp + 1)) {
                betaUp *= (dropouts + dueUp - 1) / (a + dropouts + dueUp - 1);
                dueUp++;
                excessF += betaUp;
            }
            double part = term * excessF;
            excess += part;
            if (--budget[0] < 0) {
                return -1;
            }
            // past the mode the terms shrink by at most q (the ratio now for shape >= 1, where it falls towards pi;
            // pi for shape < 1, where it rises towards it), and the excess grows by at most beta per k phases, so
            // what is left is below term·[(excess F + beta)·q/(1 − q) + beta·q/(k(1 − q)²)]: stop once that no
            // longer changes the result (a bound, not the last term, which can be negligible while millions of
            // like terms after it are not)
            double ratio = (shape + i) / (i + 1) * pi;
            double q = shape >= 1 ? ratio : pi;
            if (i >= mode && (term < Double.MIN_NORMAL || q < 1 && term * ((excessF + betaUp) * q / (1 - q)
                    + betaUp * q / (k * (1 - q) * (1 - q))) <= 1e-17 * (below - shortfall + excess))) {
                break;
            }
            term *= ratio;
        }
        return Math.max(0, below - shortfall + excess);
    }

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) makes exactly n purchases
     * in (T, T+t], computed exactly. An Erlang-k gap is k exponential phases at rate λ. Given that
     * she is alive at T
     * ({@link #probabilityAlive}), the phases of the running gap completed by T are j = 0 … k−1
     * with weight w<sub>j</sub> ∝ Γ(m+j)/(Γ(m) j!) q<sup>j</sup> (the terms of S<sub>2</sub>,
     * m = r+kx, q = (T−t<sub>x</sub>)/(α+T)), and given j, λ ~ Gamma(m+j, α+T); the number M of
     * phases completed in (T, T+t] is then negative binomial, P(M = i) = Γ(m+j+i)/(Γ(m+j) i!) ·
     * (1−π)<sup>m+j</sup> π<sup>i</sup> with π = t/(α+T+t). Her c-th future purchase is due once
     * M &ge; kc − j, and she makes it unless she dropped out after one of the c−1 before, which has
     * probability 1 − E(1−p)<sup>c−1</sup> under the posterior p ~ Beta(a, b+x) (MBG: b+x+1). With
     * Y the purchases made, P(Y &ge; c | j) = P(M &ge; kc−j) · B(a, b'+c−1)/B(a, b'), so for n &ge; 1
     * P(Y = n | j) = P(kn−j &le; M &lt; k(n+1)−j) · B(a, b'+n−1)/B(a, b')
     * + P(M &ge; k(n+1)−j) · B(a+1, b'+n−1)/B(a, b'), and P(Y = 0 | j) = P(M &lt; k−j). The result is
     * [n = 0](1 − P(alive)) + P(alive) Σ<sub>j</sub> w<sub>j</sub> P(Y = n | j); with k = 1 it is
     * the BG/NBD (MBG/NBD) conditional distribution. The probabilities sum to 1 over n and their mean
     * is {@link #conditionalExpectedPurchases}.
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if n or t is invalid or the triple is not a valid summary
     */
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        require(n >= 0, "purchases n %s is invalid: it must be >= 0", n);
        require(Double.isFinite(t) && t >= 0, "time t %s is invalid: it must be finite and >= 0", t);
        checkSummary(x, tx, age, NO_ROW);
        double alive = alive(x, tx, age);
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        double m = r + k * x;
        double q = (age - tx) / (alpha + age);
        double logOneMinusPi = -Math.log1p(t / (alpha + age));
        double logPi = -Math.log1p((alpha + age) / t);
        double dropouts = modified ? b + x + 1 : b + x;
        double logBeta = SpecialFunctions.logBeta(a, dropouts);
        double atLeast = n == 0 ? 1 : Math.exp(SpecialFunctions.logBeta(a, dropouts + n - 1) - logBeta);
        double exactly = n == 0 ? 0 : Math.exp(SpecialFunctions.logBeta(a + 1, dropouts + n - 1) - logBeta);
        // the phase weights in log, normalised by their log-sum
        double[] logWeight = new double[k];
        double logTotal = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            logWeight[j] = logGamma(m + j) - logGamma(m) - logGamma(j + 1.0) + (j == 0 ? 0 : j * Math.log(q));
            logTotal = SpecialFunctions.logSumExp(logTotal, logWeight[j]);
        }
        double future = 0;
        for (int j = 0; j < k; j++) {
            double weight = Math.exp(logWeight[j] - logTotal);
            if (weight == 0) {
                continue;
            }
            double shape = m + j;
            long from = Math.max(0L, (long) k * n - j);
            long to = (long) k * (n + 1) - j;
            double given;
            if (n == 0) {
                given = 1 - negativeBinomialTail(to, shape, logOneMinusPi, logPi);
            } else {
                double tail = negativeBinomialTail(to, shape, logOneMinusPi, logPi);
                double range = 0;
                for (long i = from; i < to; i++) {
                    range += Math.exp(negativeBinomialLog(i, shape, logOneMinusPi, logPi));
                }
                given = range * atLeast + tail * exactly;
            }
            future += weight * Math.max(0, Math.min(1, given));
        }
        double p = (n == 0 ? 1 - alive : 0) + alive * future;
        return finite(Math.max(0, Math.min(1, p)), x, tx, age);
    }

    /** ln P(M = i) of the negative binomial with the given shape and ln(1−π), ln π. */
    private static double negativeBinomialLog(long i, double shape, double logOneMinusPi, double logPi) {
        // ln Γ(shape+i) − ln Γ(shape) − ln i! with the larger pair taken as one log-gamma ratio: two log-gammas
        // near 2e7 (i in the millions) differ by far less than they are, and their difference keeps only 8 or 9
        // digits
        double coefficient = i + 1.0 >= shape
                ? SpecialFunctions.logGammaRatio(i + 1.0, shape - 1) - logGamma(shape)
                : SpecialFunctions.logGammaRatio(shape, i) - logGamma(i + 1.0);
        return coefficient + shape * logOneMinusPi + (i == 0 ? 0 : i * logPi);
    }

    /**
     * P(M &ge; c). At or below the mean it is 1 − P(M &lt; c), the terms summed downwards from
     * i = c − 1; above the mean it is the sum of the terms from c on. Either way the sum starts at the
     * term next to the mode, computed from its logarithm, and runs away from it by the ratio of
     * consecutive terms until they no longer change the sum (or fall below the smallest normal
     * double). A sum that starts far out in a tail would start from an underflowed or subnormal term
     * whose lost digits the ratio then carries into every larger term.
     */
    private static double negativeBinomialTail(long c, double shape, double logOneMinusPi, double logPi) {
        if (c <= 0) {
            return 1;
        }
        double pi = Math.exp(logPi);
        double mean = shape * pi / (1 - pi);
        if (c <= mean) {
            // the terms grow up to the mode, floor((shape − 1)π/(1 − π)) < mean, and shrink after it
            double mode = Math.max(0, Math.floor((shape - 1) * pi / (1 - pi)));
            double term = Math.exp(negativeBinomialLog(c - 1, shape, logOneMinusPi, logPi));
            double below = 0;
            for (long i = c - 1; i >= 0; i--) {
                below += term;
                if (i == 0 || (i <= mode && (term < Double.MIN_NORMAL || term <= 1e-17 * below))) {
                    break;
                }
                term *= i / ((shape + i - 1) * pi);
            }
            return Math.max(0, 1 - below);
        }
        double term = Math.exp(negativeBinomialLog(c, shape, logOneMinusPi, logPi));
        double sum = 0;
        // below Double.MIN_NORMAL a term no longer shrinks by the ratio (subnormals round back up) and
        // is negligible in any case: stop there, or the loop would never end on a tiny tail
        for (long i = c; term >= Double.MIN_NORMAL && term > 1e-17 * sum; i++) {
            sum += term;
            term *= (shape + i) / (i + 1) * pi;
        }
        return Math.min(1, sum);
    }

    private double alive(double x, double tx, double age) {
        if (!modified && x == 0) {
            return 1;
        }
        double m = r + k * x;
        double dropouts = modified ? b + x : b + (x - 1);
        double logS1 = Math.log(a / dropouts) + m * Math.log1p((age - tx) / (alpha + tx));
        double odds = Math.exp(logS1 - logS2(m, (age - tx) / (alpha + age)));
        return 1 / (1 + odds);
    }

    /** ln Σ_{j<k} Γ(m+j)/(Γ(m) j!) q^j, q = (T−t_x)/(α+T) in [0, 1). */
    private double logS2(double m, double q) {
        return logS2(k, m, q, null);
    }

    private static double logS2(int k, double m, double q, double[] dm) {
        double term = 1;
        double sum = 1;
        double derivative = 0;
        double harmonic = 0;
        for (int j = 1; j < k; j++) {
            term *= (m + j - 1) / j * q;
            harmonic += 1 / (m + j - 1);
            sum += term;
            derivative += term * harmonic;
        }
        if (dm != null) {
            dm[0] = derivative / sum;
        }
        return Math.log(sum);
    }

    /**
     * ln L and, with {@code gradient}, ∂ ln L / ∂(r, α, a, b) (BTYDplus {@code xbgcnbd.LL}; see the class
     * documentation).
     */
    static double logLikelihood(boolean modified, int k, double[] params, double x, double tx, double age,
            double litt, double[] gradient) {
        double r = params[0];
        double alpha = params[1];
        double a = params[2];
        double b = params[3];
        double d = modified ? 1 : 0;
        double m = r + k * x;
        double logAlphaT = Math.log(alpha + age);
        double value = (k - 1) * litt - x * logGamma(k) + SpecialFunctions.logBeta(a, b + x + d)
                - SpecialFunctions.logBeta(a, b) + logGamma(m) - logGamma(r) + r * Math.log(alpha) - m * logAlphaT;
        double q = (age - tx) / (alpha + age);
        double[] dm = new double[1];
        double logS2 = logS2(k, m, q, dm);
        boolean died = modified || x > 0;
        double ratio = Math.log1p((age - tx) / (alpha + tx));
        double logS1 = died ? Math.log(a / (b + (x - 1 + d))) + m * ratio : Double.NEGATIVE_INFINITY;
        double total = SpecialFunctions.logSumExp(logS1, logS2);
        if (gradient != null) {
            double w1 = died ? Math.exp(logS1 - total) : 0;
            double w2 = Math.exp(logS2 - total);
            // S2's j-th term carries q^j, q = (T - t_x)/(α + T): ∂/∂α of ln term_j = -j/(α+T); the mean j is
            // recovered from the term sums below
            double meanJ = meanPower(k, m, q);
            gradient[0] = digamma(m) - digamma(r) + Math.log(alpha) - logAlphaT + w1 * ratio + w2 * dm[0];
            gradient[1] = r / alpha - m / (alpha + age) + w1 * m * (1 / (alpha + age) - 1 / (alpha + tx))
                    - w2 * meanJ / (alpha + age);
            gradient[2] = digamma(a + b) - digamma(a + b + x + d) + w1 / a;
            gradient[3] = digamma(b + x + d) - digamma(a + b + x + d) - digamma(b) + digamma(a + b)
                    - (died ? w1 / (b + (x - 1 + d)) : 0);
        }
        return value + total;
    }

    /** Σ j·term_j / Σ term_j over the terms of S2. */
    private static double meanPower(int k, double m, double q) {
        double term = 1;
        double sum = 1;
        double weighted = 0;
        for (int j = 1; j < k; j++) {
            term *= (m + j - 1) / j * q;
            sum += term;
            weighted += j * term;
        }
        return weighted / sum;
    }

    /**
     * Simulates one new customer per element of {@code ages}: λ ~ Gamma(r, α), p ~ Beta(a, b);
     * inter-purchase times Erlang(k, λ) (the sum of k exponentials); after each repeat purchase (MBG:
     * also at the first) the customer leaves with probability p. Returns the summaries with their
     * sum of log inter-purchase times. The same seed gives the same data.
     *
     * @param ages the observation length T of each customer, finite and &gt; 0
     * @param seed the random seed
     * @return the summaries, carrying the sum of log inter-purchase times
     * @throws IllegalArgumentException if {@code ages} is empty or holds an invalid T
     */
    public CustomerSummaries simulate(double[] ages, long seed) {
        requireNonNull(ages, "ages");
        require(ages.length > 0, "ages is empty: simulate at least 1 customer");
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        int n = ages.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] litt = new double[n];
        for (int i = 0; i < n; i++) {
            double age = ages[i];
            requireRow(Double.isFinite(age) && age > 0, "T %s at row %s is invalid: it must be finite and > 0", age, i);
            double lambda = draws.gamma(r, alpha);
            double p = draws.beta(a, b);
            boolean alive = !(modified && draws.uniform() < p);
            double time = 0;
            while (alive) {
                double gap = 0;
                for (int j = 0; j < k; j++) {
                    gap += draws.exponential(lambda);
                }
                if (time + gap > age) {
                    break;
                }
                time += gap;
                x[i]++;
                tx[i] = time;
                litt[i] += Math.log(gap);
                alive = draws.uniform() >= p;
            }
        }
        return CustomerSummaries.of(x, tx, ages.clone()).withLogInterPurchaseTimes(litt);
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerializedModel(name(), new double[] {k, r, alpha, a, b}, diagnostics, Double.NaN);
    }

    /**
     * Refuses a stream that claims to hold this class directly: models are read through their proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws InvalidObjectException {
        throw SerializedModel.proxyRequired();
    }

    /** The model from a proxy's parameters (k first), checked as {@code of} checks them. */
    static ErlangBetaGeoModel restore(boolean modified, double[] p, FitDiagnostics diagnostics) {
        require(p[0] == Math.rint(p[0]), "k %s is invalid: it must be a whole number", p[0]);
        ErlangBetaGeoModel checked = of(modified, (int) p[0], p[1], p[2], p[3], p[4]);
        return new ErlangBetaGeoModel(checked.k, modified, new double[] {p[1], p[2], p[3], p[4]}, diagnostics);
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "ErlangBetaGeoModel[" + name() + ", k=" + k + ", r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b
                + ", " + diagnostics.fitSummary() + "]";
    }

    private double finite(double value, double x, double tx, double age) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw new IllegalArgumentException(Strings.lenientFormat("%s with k %s, r %s, alpha %s, a %s, b %s cannot be"
                + " evaluated at frequency %s, recency %s, T %s: the result is not a finite number", name(), k, r, alpha,
                a, b, x, tx, age));
    }

    private static void checkSummary(double x, double tx, double age, int row) {
        CustomerSummaries.requireValid(x, tx, age, row == NO_ROW ? "" : " at row " + row);
    }
}
