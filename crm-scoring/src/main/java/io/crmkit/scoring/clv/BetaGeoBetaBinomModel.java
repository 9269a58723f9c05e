package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.internal.math.SpecialFunctions.digamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logBetaRatio;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logGamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logGammaRatio;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The beta-geometric/beta-binomial (BG/BB) model of Fader, Hardie &amp; Shang (2010),
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", <i>Marketing Science</i>
 * 29(6), 1086-1108: customers have discrete transaction opportunities (a yearly donation drive, an
 * annual event). While alive, a customer transacts at each opportunity with probability p; at the
 * start of each opportunity an alive customer dies with probability θ. Across customers
 * p ~ Beta(α, β) and θ ~ Beta(γ, δ).
 *
 * <p>A customer's history over n opportunities is (x, t<sub>x</sub>, n): x transactions, the last
 * one at opportunity t<sub>x</sub> (0 when x = 0), with x &le; t<sub>x</sub> &le; n, all whole
 * numbers, n at most 10,000,000. In {@link CustomerSummaries} put x in {@code frequency},
 * t<sub>x</sub> in {@code recency} and n in {@code T}. Formulas (B is the beta function):
 * <ul>
 *   <li>the likelihood function: L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *       + Σ<sub>i=0</sub><sup>n−t<sub>x</sub>−1</sup> B(α+x, β+t<sub>x</sub>−x+i)/B(α,β)
 *       · B(γ+1, δ+t<sub>x</sub>+i)/B(γ,δ);</li>
 *   <li>P(X(n) = x) for a new customer: C(n,x) B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *       + Σ<sub>i=x</sub><sup>n−1</sup> C(i,x) B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ);</li>
 *   <li>E[X(n)] for a new customer: α/(α+β) · Σ<sub>t=1</sub><sup>n</sup> B(γ, δ+t)/B(γ,δ),
 *       which equals the paper's closed form
 *       α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n) / (Γ(γ+δ+n)Γ(1+δ))];</li>
 *   <li>P(alive at opportunity n+1 | x, t<sub>x</sub>, n): B(α+x, β+n−x)/B(α,β)
 *       · B(γ, δ+n+1)/B(γ,δ) / L;</li>
 *   <li>expected transactions in the next n* opportunities: B(α+x+1, β+n−x)/B(α,β)
 *       · Σ<sub>t=n+1</sub><sup>n+n*</sup> B(γ, δ+t)/B(γ,δ) / L.</li>
 * </ul>
 * Sums over opportunities are evaluated as running products of ratios of beta functions, in log
 * space, so n up to hundreds of thousands neither overflows nor loses precision. Parameters are
 * estimated by maximum likelihood with the analytic gradient (digamma functions) as described in
 * {@link FitDiagnostics}. Instances are immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.fit(CustomerSummaries.of(x, tx, n, weights));
 * double nextFiveYears = model.conditionalExpectedPurchases(5, 3, 4, 6);
 * }</pre>
 */
public final class BetaGeoBetaBinomModel implements PurchaseModel, Serializable {

    private static final String NAME = "bgbb";
    private static final List<String> PARAMETER_NAMES = List.of("alpha", "beta", "gamma", "delta");
    private static final int NO_ROW = -1;
    /** The likelihood sums over the opportunities after the last transaction: keep that bounded. */
    private static final int MAX_OPPORTUNITIES = 10_000_000;
    /** Up to this many future opportunities the sum of survival terms is added up term by term. */
    private static final int DIRECT_SUM_LIMIT = 1000;

    /**
     * Rows per chunk of the likelihood sum ({@link ChunkedSum}): fixed, so that the fit does not
     * depend on the number of threads.
     */
    static final int CHUNK_ROWS = 256;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests,
     * interleaved, 2 cores at load average 13-20, so that only the CPU figures are reliable): about 3.7 µs of CPU per distinct history of up to 400 opportunities (the
     * sum over the periods after the last transaction); a chunk of 256 rows is about 1 ms. From 512
     * rows on (2 ms an evaluation) the parallel sums took at most 2 % more CPU.
     */
    static final int PARALLEL_ROWS = 512;
    private static final long serialVersionUID = 1L;

    /** The parameters and every term that depends on them only. */
    private final Kernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private BetaGeoBetaBinomModel(double[] params, FitDiagnostics diagnostics) {
        this.kernel = new Kernel(params);
        this.diagnostics = diagnostics;
    }

    /**
     * Fits the model by maximum likelihood (no penalizer).
     *
     * @param data histories with x in {@code frequency}, t<sub>x</sub> in {@code recency} and the
     *     number of opportunities n in {@code T}; rows may be weighted
     * @return the fitted model
     * @throws IllegalArgumentException if a row is not a valid discrete-time history, there are
     *     fewer than 4 customers, or none made a transaction
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static BetaGeoBetaBinomModel fit(CustomerSummaries data) {
        return fit(data, 0.0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalizer on the parameters (the meaning of
     * {@code lifetimes}' {@code penalizer_coef}: the objective is −LL/W + λ Σ θ²).
     *
     * @param data histories with x in {@code frequency}, t<sub>x</sub> in {@code recency} and the
     *     number of opportunities n in {@code T}; rows may be weighted
     * @param penalizer λ, 0 to {@link ClvModels#MAX_PENALIZER}
     * @return the fitted model
     * @throws IllegalArgumentException if a row is not a valid discrete-time history, there are
     *     fewer than 4 customers, none made a transaction, or λ is out of range
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static BetaGeoBetaBinomModel fit(CustomerSummaries data, double penalizer) {
        requireNonNull(data, "data");
        for (int i = 0; i < data.size(); i++) {
            checkRow(data.frequency(i), data.recency(i), data.age(i), i);
        }
        ParetoNbdModel.requireRepeatPurchases(data, NAME);
        CustomerSummaries rows = data.compressed();
        int size = rows.size();
        double[] x = rows.frequencies();
        double[] tx = rows.recencies();
        double[] n = rows.ages();
        double[] w = rows.weights();
        LogLikelihood likelihood = likelihood(x, tx, n, w, PARALLEL_ROWS);
        // opportunities are counts: there is no unit to standardise
        ModelFit.Estimate estimate = ModelFit.fit(new ModelFit.Problem(NAME, PARAMETER_NAMES, likelihood,
                rows.totalWeight(), size, 1, new double[4], 0, BetaGeoBetaBinomModel::meaning), penalizer);
        return new BetaGeoBetaBinomModel(estimate.params(), estimate.diagnostics());
    }

    /**
     * The weighted log-likelihood of the rows, summed in chunks of {@value #CHUNK_ROWS} rows by
     * {@link ChunkedSum}, on several threads from {@code parallelRows} rows on (the result does not
     * depend on it). Each chunk has its own scratch array; the kernel is immutable.
     */
    static LogLikelihood likelihood(double[] x, double[] tx, double[] n, double[] w, int parallelRows) {
        return (params, gradient) -> {
            Kernel k = new Kernel(params);
            return ChunkedSum.sum(x.length, CHUNK_ROWS, parallelRows, gradient, (from, to, g) -> {
                double[] rowGradient = new double[4];
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += w[i] * k.logLikelihood(x[i], tx[i], n[i], rowGradient);
                    for (int j = 0; j < 4; j++) {
                        g[j] += w[i] * rowGradient[j];
                    }
                }
                return sum;
            });
        };
    }

    private static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "alpha", "beta" -> atInfinity ? "transaction probabilities do not vary across customers (only"
                    + " alpha/(alpha+beta) is identified)" : "transaction probabilities pile up at 0 and 1";
            case "gamma" -> atInfinity ? "dropout probabilities pile up at 1"
                    : "no dropout detected: the dropout probability is 0 for nearly every customer";
            default -> atInfinity ? "no dropout detected: the dropout probability is 0 for nearly every customer"
                    : "dropout probabilities pile up at 1";
        };
    }

    /**
     * A model with known parameters, e.g. from a previous fit or the paper.
     *
     * @param alpha α &gt; 0, first shape of the beta distribution of the transaction probability p
     * @param beta β &gt; 0, second shape of the beta distribution of p
     * @param gamma γ &gt; 0, first shape of the beta distribution of the dropout probability θ
     * @param delta δ &gt; 0, second shape of the beta distribution of θ
     * @return the model
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BetaGeoBetaBinomModel of(double alpha, double beta, double gamma, double delta) {
        double[] params = {alpha, beta, gamma, delta};
        for (int j = 0; j < 4; j++) {
            require(Double.isFinite(params[j]) && params[j] > 0,
                    "%s %s is invalid: BG/BB parameters must be finite and > 0", PARAMETER_NAMES.get(j), params[j]);
        }
        return new BetaGeoBetaBinomModel(params, FitDiagnostics.notFitted(NAME));
    }

    /** @return α, first shape of the beta distribution of the per-opportunity transaction probability */
    public double alpha() {
        return kernel.alpha;
    }

    /** @return β, second shape of the beta distribution of the transaction probability */
    public double beta() {
        return kernel.beta;
    }

    /** @return γ, first shape of the beta distribution of the per-opportunity dropout probability */
    public double gamma() {
        return kernel.gamma;
    }

    /** @return δ, second shape of the beta distribution of the dropout probability */
    public double delta() {
        return kernel.delta;
    }

    /** @return {@code bgbb}, the model's name on the command line */
    @Override
    public String name() {
        return NAME;
    }

    /** @return the parameters alpha, beta, gamma, delta by name, in the paper's order */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("alpha", kernel.alpha, "beta", kernel.beta, "gamma", kernel.gamma,
                "delta", kernel.delta);
    }

    /** @return how the fit went; a model made by {@link #of} reports no iterations */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The log-likelihood of one history (FHS 2010, the likelihood function).
     *
     * @param x transactions (repeat donations), whole number &ge; 0
     * @param tx the opportunity of the last transaction, whole number, 0 when x = 0, x &le; tx &le; n
     * @param n the number of opportunities observed, whole number &ge; 1
     * @return ln L(α, β, γ, δ | x, t<sub>x</sub>, n), finite and &le; 0
     * @throws IllegalArgumentException if the history is invalid
     */
    @Override
    public double logLikelihood(double x, double tx, double n) {
        checkHistory(x, tx, n, NO_ROW);
        return Math.min(0.0, kernel.logLikelihood(x, tx, n, null));
    }

    /**
     * The expected number of transactions of a new customer in the first n opportunities, E[X(n)]
     * (FHS 2010, the mean of the BG/BB distribution).
     *
     * @param n the number of opportunities, &ge; 0
     * @return E[X(n)], in [0, n]
     * @throws IllegalArgumentException if n is negative
     */
    public double expectedPurchases(int n) {
        require(n >= 0, "opportunities n %s is invalid: it must be >= 0", n);
        return Math.min(n, kernel.meanP * kernel.survivalSum(kernel.delta, n));
    }

    /**
     * The probability that a new customer makes exactly {@code x} transactions in the first n
     * opportunities, P(X(n) = x) (FHS 2010, the BG/BB distribution).
     *
     * @param x the number of transactions, &ge; 0
     * @param n the number of opportunities, &ge; 0
     * @return P(X(n) = x), in [0, 1]; 0 when x &gt; n
     * @throws IllegalArgumentException if x or n is negative
     */
    public double probabilityOfPurchases(int x, int n) {
        require(x >= 0, "transactions x %s is invalid: it must be >= 0", x);
        require(n >= 0, "opportunities n %s is invalid: it must be >= 0", n);
        if (x > n) {
            return 0.0;
        }
        Kernel k = kernel;
        double first = logChoose(n, x) + logBetaRatio(k.alpha, k.beta, x, n - x)
                + logBetaRatio(k.gamma, k.delta, 0, n);
        double max = first;
        double sum = 1.0;
        for (int i = x; i < n; i++) {
            double term = logChoose(i, x) + logBetaRatio(k.alpha, k.beta, x, i - x)
                    + logBetaRatio(k.gamma, k.delta, 1, i);
            if (term > max) {
                sum = sum * Math.exp(max - term) + 1.0;
                max = term;
            } else {
                sum += Math.exp(term - max);
            }
        }
        return clamp01(Math.exp(max + Math.log(sum)));
    }

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, n) is still alive at
     * opportunity n + 1 (FHS 2010, P(alive)).
     *
     * @param x transactions in the n opportunities observed
     * @param tx the opportunity of the last transaction (0 when x = 0)
     * @param n the number of opportunities observed, &ge; 1
     * @return P(alive at n + 1 | x, t<sub>x</sub>, n), in [0, 1]
     * @throws IllegalArgumentException if the history is invalid
     */
    @Override
    public double probabilityAlive(double x, double tx, double n) {
        checkHistory(x, tx, n, NO_ROW);
        return kernel.probabilityAlive(x, tx, n);
    }

    /**
     * The expected number of transactions in the next {@code futurePeriods} opportunities
     * (n, n + n*] of a customer with history (x, t<sub>x</sub>, n) (FHS 2010, conditional expectation).
     *
     * @param futurePeriods n*, the number of future opportunities, &ge; 0
     * @param x transactions in the n opportunities observed
     * @param tx the opportunity of the last transaction (0 when x = 0)
     * @param n the number of opportunities observed, &ge; 1
     * @return E[X(n, n + n*) | x, t<sub>x</sub>, n], in [0, n*]
     * @throws IllegalArgumentException if n* is negative or the history is invalid
     */
    public double conditionalExpectedPurchases(int futurePeriods, double x, double tx, double n) {
        require(futurePeriods >= 0, "future opportunities %s is invalid: it must be >= 0", futurePeriods);
        checkHistory(x, tx, n, NO_ROW);
        return kernel.conditionalExpectation(futurePeriods, x, tx, n);
    }

    /**
     * {@link #conditionalExpectedPurchases(int, double, double, double)} for a horizon given as a
     * double, which must be a whole number of opportunities.
     *
     * @param futurePeriods n*, a whole number &ge; 0
     * @param x transactions in the n opportunities observed
     * @param tx the opportunity of the last transaction (0 when x = 0)
     * @param n the number of opportunities observed, &ge; 1
     * @return E[X(n, n + n*) | x, t<sub>x</sub>, n], in [0, n*]
     * @throws IllegalArgumentException if n* is not a whole number &ge; 0 or the history is invalid
     */
    @Override
    public double conditionalExpectedPurchases(double futurePeriods, double x, double tx, double n) {
        return conditionalExpectedPurchases(opportunities(futurePeriods), x, tx, n);
    }

    /**
     * Bulk {@link #conditionalExpectedPurchases(double, double, double, double)}; the horizon must
     * be a whole number of opportunities.
     *
     * @param futurePeriods n*, a whole number &ge; 0
     * @param x transactions per customer
     * @param tx opportunity of the last transaction per customer
     * @param n opportunities observed per customer
     * @param out receives the expectations; at least as long as {@code x}
     * @throws IllegalArgumentException if n* is not a whole number &ge; 0, the columns differ in
     *     length or a row is invalid
     */
    @Override
    public void conditionalExpectedPurchases(double futurePeriods, double[] x, double[] tx, double[] n,
            double[] out) {
        conditionalExpectedPurchases(opportunities(futurePeriods), x, tx, n, out);
    }

    private int opportunities(double horizon) {
        require(horizon >= 0 && horizon <= Integer.MAX_VALUE && horizon == Math.rint(horizon),
                "horizon %s is invalid for %s: it must be a whole number of opportunities >= 0", horizon, NAME);
        return (int) horizon;
    }

    /**
     * Bulk {@link #conditionalExpectedPurchases(int, double, double, double)} over columns, without
     * allocating: {@code out[i]} receives the value for row i.
     *
     * @param futurePeriods n*, the number of future opportunities, &ge; 0
     * @param x transactions per customer
     * @param tx opportunity of the last transaction per customer
     * @param n opportunities observed per customer
     * @param out receives the expectations; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length, n* is negative or a row is
     *     invalid
     */
    public void conditionalExpectedPurchases(int futurePeriods, double[] x, double[] tx, double[] n, double[] out) {
        Columns.check(x, tx, n, out);
        require(futurePeriods >= 0, "future opportunities %s is invalid: it must be >= 0", futurePeriods);
        for (int i = 0; i < x.length; i++) {
            checkRow(x[i], tx[i], n[i], i);
            out[i] = kernel.conditionalExpectation(futurePeriods, x[i], tx[i], n[i]);
        }
    }

    /**
     * Bulk {@link #probabilityAlive(double, double, double)} over columns, without allocating.
     *
     * @param x transactions per customer
     * @param tx opportunity of the last transaction per customer
     * @param n opportunities observed per customer
     * @param out receives the probabilities; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void probabilityAlive(double[] x, double[] tx, double[] n, double[] out) {
        Columns.check(x, tx, n, out);
        for (int i = 0; i < x.length; i++) {
            checkRow(x[i], tx[i], n[i], i);
            out[i] = kernel.probabilityAlive(x[i], tx[i], n[i]);
        }
    }

    /**
     * The most customers {@link #simulate} draws, {@value}: three columns of doubles, 240 MB, the
     * largest that a common heap holds (Integer.MAX_VALUE customers would need 51 GB).
     */
    public static final int MAX_SIMULATED_CUSTOMERS = 10_000_000;

    /**
     * The most opportunities {@link #simulate} observes a customer for, {@value}, as
     * {@link ShiftedBetaGeometricModel#simulate}: each costs up to two draws per customer.
     */
    public static final int MAX_SIMULATED_PERIODS = 100_000;

    /**
     * Simulates {@code customers} new customers over {@code periods} opportunities from this
     * model, for what-if studies and to check fits: each draws p ~ Beta(α, β) and
     * θ ~ Beta(γ, δ); at each opportunity an alive customer first dies with probability θ, then,
     * if still alive, transacts with probability p. The same seed gives the same data.
     *
     * @param customers how many customers, 1 to {@link #MAX_SIMULATED_CUSTOMERS}
     * @param periods the opportunities n each customer is observed for, 1 to
     *     {@link #MAX_SIMULATED_PERIODS}
     * @param seed the random seed
     * @return the histories (x, t<sub>x</sub>, n), weight 1 each
     * @throws IllegalArgumentException if customers or periods is outside its range
     */
    public CustomerSummaries simulate(int customers, int periods, long seed) {
        require(customers >= 1 && customers <= MAX_SIMULATED_CUSTOMERS,
                "customers %s is invalid: simulate 1 to %s", customers, MAX_SIMULATED_CUSTOMERS);
        require(periods >= 1 && periods <= MAX_SIMULATED_PERIODS,
                "periods %s is invalid: observe 1 to %s opportunities", periods, MAX_SIMULATED_PERIODS);
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] n = new double[customers];
        for (int c = 0; c < customers; c++) {
            double p = draws.beta(kernel.alpha, kernel.beta);
            double theta = draws.beta(kernel.gamma, kernel.delta);
            int count = 0;
            int last = 0;
            for (int t = 1; t <= periods; t++) {
                if (draws.uniform() < theta) {
                    break;
                }
                if (draws.uniform() < p) {
                    count++;
                    last = t;
                }
            }
            x[c] = count;
            tx[c] = last;
            n[c] = periods;
        }
        return CustomerSummaries.of(x, tx, n);
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerializedModel(NAME, new double[] {alpha(), beta(), gamma(), delta()}, diagnostics, Double.NaN);
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

    private double[] kernelParameters() {
        return new double[] {kernel.alpha, kernel.beta, kernel.gamma, kernel.delta};
    }

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static BetaGeoBetaBinomModel restore(double[] p, FitDiagnostics diagnostics) {
        return new BetaGeoBetaBinomModel(of(p[0], p[1], p[2], p[3]).kernelParameters(), diagnostics);
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "BetaGeoBetaBinomModel[alpha=" + kernel.alpha + ", beta=" + kernel.beta + ", gamma=" + kernel.gamma
                + ", delta=" + kernel.delta + ", " + diagnostics.fitSummary() + "]";
    }

    /**
     * ln L of one history at {@code params} with its analytic gradient; for tests of the gradient.
     *
     * @param params α, β, γ, δ
     * @param x transactions
     * @param tx opportunity of the last transaction
     * @param n opportunities observed
     * @param gradient receives ∂ ln L / ∂(α, β, γ, δ)
     * @return ln L
     */
    static double logLikelihood(double[] params, double x, double tx, double n, double @Nullable [] gradient) {
        return new Kernel(params).logLikelihood(x, tx, n, gradient);
    }

    private static void checkRow(double x, double tx, double n, int row) {
        checkHistory(x, tx, n, row);
    }

    /** Checks one history; the row index, or {@link #NO_ROW}, only goes into the message. */
    private static void checkHistory(double x, double tx, double n, int row) {
        boolean valid = n >= 1 && n == Math.rint(n) && n <= MAX_OPPORTUNITIES && x >= 0 && x == Math.rint(x)
                && tx == Math.rint(tx) && x <= tx && tx <= n && (x > 0 || tx == 0);
        if (!valid) {
            explainHistory(x, tx, n, row == NO_ROW ? "" : " at row " + row);
        }
    }

    private static void explainHistory(double x, double tx, double n, String where) {
        require(n >= 1 && n == Math.rint(n) && n <= MAX_OPPORTUNITIES,
                "opportunities n %s%s is invalid: it must be a whole number from 1 to %s", n, where, MAX_OPPORTUNITIES);
        require(Double.isFinite(x) && x >= 0 && x == Math.rint(x),
                "frequency %s%s is invalid: it must be a whole number of transactions >= 0", x, where);
        require(Double.isFinite(tx) && tx >= 0 && tx == Math.rint(tx),
                "recency %s%s is invalid: it must be the whole-numbered opportunity of the last transaction",
                tx, where);
        require(tx <= n, "recency %s exceeds opportunities n %s%s: the last transaction cannot follow the last"
                + " opportunity", tx, n, where);
        require(x <= tx, "frequency %s exceeds recency %s%s: x transactions need at least x opportunities",
                x, tx, where);
        require(x > 0 || tx == 0, "recency %s%s is invalid with frequency 0: it must be 0 when there was no"
                + " transaction", tx, where);
    }

    private static double logChoose(int n, int k) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
    }

    private static double clamp01(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** The parameters with every parameter-only term hoisted. */
    private static final class Kernel implements Serializable {
        private static final long serialVersionUID = 1L;

        final double alpha;
        final double beta;
        final double gamma;
        final double delta;
        final double meanP;
        final double psiA;
        final double psiB;
        final double psiAB;
        final double psiG;
        final double psiG1;
        final double psiD;
        final double psiGD;

        Kernel(double[] params) {
            alpha = params[0];
            beta = params[1];
            gamma = params[2];
            delta = params[3];
            meanP = alpha / (alpha + beta);
            psiA = digamma(alpha);
            psiB = digamma(beta);
            psiAB = digamma(alpha + beta);
            psiG = digamma(gamma);
            psiG1 = digamma(gamma + 1);
            psiD = digamma(delta);
            psiGD = digamma(gamma + delta);
        }

        /**
         * ln L (the likelihood function), and its gradient with respect to (α, β, γ, δ) when {@code gradient} is
         * not null. The terms of the sum fall with i, so they are summed relative to the first.
         */
        double logLikelihood(double x, double tx, double n, double @Nullable [] gradient) {
            double head = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n);
            int count = (int) (n - tx);
            if (count == 0) {
                if (gradient != null) {
                    headGradient(x, n, gradient, 1.0);
                }
                return head;
            }
            double first = logBetaRatio(alpha, beta, x, tx - x) + logBetaRatio(gamma, delta, 1, tx);
            boolean grad = gradient != null;
            double psi1 = grad ? digamma(beta + tx - x) : 0;
            double psi2 = grad ? digamma(alpha + beta + tx) : 0;
            double psi3 = grad ? digamma(delta + tx) : 0;
            double psi4 = grad ? digamma(gamma + delta + 1 + tx) : 0;
            double relative = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double logRatio = 0;
            for (int i = 0; i < count; i++) {
                double e = Math.exp(logRatio);
                relative += e;
                double b1 = beta + tx - x + i;
                double b2 = alpha + beta + tx + i;
                double b3 = delta + tx + i;
                double b4 = gamma + delta + 1 + tx + i;
                if (grad) {
                    s1 += e * psi1;
                    s2 += e * psi2;
                    s3 += e * psi3;
                    s4 += e * psi4;
                    psi1 += 1 / b1;
                    psi2 += 1 / b2;
                    psi3 += 1 / b3;
                    psi4 += 1 / b4;
                }
                logRatio += Math.log(b1 / b2) + Math.log(b3 / b4);
            }
            double tail = first + Math.log(relative);
            double total = SpecialFunctions.logSumExp(head, tail);
            if (grad) {
                double wHead = Math.exp(head - total);
                double wTail = Math.exp(tail - total);
                headGradient(x, n, gradient, wHead);
                double psiAx = digamma(alpha + x);
                gradient[0] += wTail * (psiAx - s2 / relative - psiA + psiAB);
                gradient[1] += wTail * (s1 / relative - s2 / relative - psiB + psiAB);
                gradient[2] += wTail * (psiG1 - s4 / relative - psiG + psiGD);
                gradient[3] += wTail * (s3 / relative - s4 / relative - psiD + psiGD);
            }
            return total;
        }

        /** Writes weight × ∇ of the first term of the likelihood into {@code gradient}. */
        private void headGradient(double x, double n, double[] gradient, double weight) {
            double psiABn = digamma(alpha + beta + n);
            double psiGDn = digamma(gamma + delta + n);
            gradient[0] = weight * (digamma(alpha + x) - psiABn - psiA + psiAB);
            gradient[1] = weight * (digamma(beta + n - x) - psiABn - psiB + psiAB);
            gradient[2] = weight * (psiGD - psiGDn);
            gradient[3] = weight * (digamma(delta + n) - psiGDn - psiD + psiGD);
        }

        double probabilityAlive(double x, double tx, double n) {
            double logL = logLikelihood(x, tx, n, null);
            double alive = logBetaRatio(alpha, beta, x, n - x) + logBetaRatio(gamma, delta, 0, n + 1);
            return clamp01(Math.exp(alive - logL));
        }

        double conditionalExpectation(int futurePeriods, double x, double tx, double n) {
            if (futurePeriods == 0) {
                return 0.0;
            }
            double logL = logLikelihood(x, tx, n, null);
            double head = logBetaRatio(alpha, beta, x + 1, n - x) + logBetaRatio(gamma, delta, 0, n);
            double value = Math.exp(head - logL) * survivalSum(delta + n, futurePeriods);
            return Math.max(0.0, Math.min(futurePeriods, value));
        }

        /**
         * G(d, m) = Σ<sub>k=1</sub><sup>m</sup> B(γ, d+k)/B(γ, d): the expected number of the next m
         * opportunities survived by someone whose θ ~ Beta(γ, d). Term by term (ratios
         * (d+k−1)/(γ+d+k−1)) for small m or γ near 1, else the closed form
         * d/(γ−1) · [1 − Γ(γ+d)Γ(1+d+m)/(Γ(γ+d+m)Γ(1+d))].
         */
        double survivalSum(double d, int m) {
            if (m <= DIRECT_SUM_LIMIT || Math.abs(gamma - 1) < 1e-3) {
                double sum = 0;
                double term = 1;
                for (int k = 1; k <= m; k++) {
                    term *= (d + k - 1) / (gamma + d + k - 1);
                    sum += term;
                }
                return sum;
            }
            double logRatio = logGammaRatio(1 + d, m) - logGammaRatio(gamma + d, m);
            return Math.max(0.0, Math.min(m, d / (gamma - 1) * -Math.expm1(logRatio)));
        }
    }
}
