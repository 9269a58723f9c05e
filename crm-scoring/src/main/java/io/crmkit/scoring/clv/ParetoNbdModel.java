package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static io.crmkit.scoring.internal.math.SpecialFunctions.digamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logGamma;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.ConfluentHypergeometric;
import io.crmkit.scoring.internal.math.GaussHypergeometric;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.LogConcaveIntegral;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting Your Customers:
 * Who Are They and What Will They Do Next?", <i>Management Science</i> 33(1), 1-24: while alive a
 * customer buys as a Poisson process with rate λ and dies after an exponential lifetime with rate
 * μ; across customers λ ~ Gamma(r, α) and μ ~ Gamma(s, β) (shape, rate). Formulas follow Fader
 * &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions"
 * (brucehardie.com), with A<sub>0</sub> evaluated as their note on implementing the model
 * describes: by the hypergeometric form over whichever of α, β is larger.
 *
 * <p>For a customer with x repeat purchases, the last at t<sub>x</sub>, observed until T:
 * <ul>
 *   <li>likelihood: L = Γ(r+x)α<sup>r</sup>β<sup>s</sup>/Γ(r) · [ (α+T)<sup>−(r+x)</sup>
 *       (β+T)<sup>−s</sup> + s/(r+s+x) · A<sub>0</sub> ], where with a = r+s+x and
 *       K(τ) = (α+τ)<sup>−a</sup> <sub>2</sub>F<sub>1</sub>(a, s+1; a+1; (α−β)/(α+τ)) / a,
 *       s/(r+s+x)·A<sub>0</sub> = s·[K(t<sub>x</sub>) − K(T)]. K(τ) is the integral
 *       ∫<sub>τ</sub><sup>∞</sup> (α+y)<sup>−(r+x)</sup>(β+y)<sup>−(s+1)</sup> dy; for α &lt; β the
 *       argument is negative and the Pfaff transformation gives Fader &amp; Hardie's second form
 *       (β+τ)<sup>−a</sup> <sub>2</sub>F<sub>1</sub>(a, r+x; a+1; (β−α)/(β+τ)) / a
 *       (see {@link GaussHypergeometric});</li>
 *   <li>P(alive | x, t<sub>x</sub>, T) = (α+T)<sup>−(r+x)</sup>(β+T)<sup>−s</sup> / [the bracket above];</li>
 *   <li>E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))<sup>s−1</sup>] (the limit rβ/α · ln(1+t/β) at
 *       s = 1);</li>
 *   <li>E[Y(t) | x, t<sub>x</sub>, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))<sup>s−1</sup>]
 *       · P(alive | x, t<sub>x</sub>, T);</li>
 *   <li>P(X(t) = n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))<sup>r</sup>(t/(α+t))<sup>n</sup>(β/(β+t))<sup>s</sup>
 *       + Γ(r+n)α<sup>r</sup>β<sup>s</sup>s/(Γ(r) n!) ∫<sub>0</sub><sup>t</sup> y<sup>n</sup>
 *       (α+y)<sup>−(r+n)</sup>(β+y)<sup>−(s+1)</sup> dy (Fader &amp; Hardie 2006, "Deriving an
 *       Expression for P(X(t) = x) Under the Pareto/NBD Model", before their expansion of the
 *       integral into hypergeometric terms, which cancel badly for large n); the integral is
 *       computed by Gauss-Legendre quadrature in ln y, its log-concave integrand split into
 *       panels sized by the local curvature.</li>
 * </ul>
 * Parameters are estimated by maximum likelihood ({@link FitDiagnostics}) with the analytic
 * gradient: the derivatives of ln K with respect to r, α, s, β come from the hypergeometric
 * series differentiated term by term (harmonic sums Σ 1/(e+j) for the parameters, the series of
 * the derivative for the argument); where the argument exceeds
 * {@value GaussHypergeometric#SERIES_LIMIT} they are the exact derivatives of the integral form,
 * moments of its integrand plus the boundary term. The likelihood is flat along s/β, so s and β are less
 * precisely determined than r and α. Instances are immutable, thread-safe and serializable; the bulk methods
 * do not allocate.
 *
 * <pre>{@code
 * ParetoNbdModel model = ParetoNbdModel.fit(CustomerSummaries.of(frequency, recency, T));
 * double next39Weeks = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 */
public final class ParetoNbdModel implements TransactionModel, Serializable {

    private static final String NAME = "pareto";
    private static final List<String> PARAMETER_NAMES = List.of("r", "alpha", "s", "beta");
    private static final int NO_ROW = -1;

    /**
     * Rows per chunk of the likelihood sum ({@link ChunkedSum}): fixed, so that the fit does not
     * depend on the number of threads.
     */
    static final int CHUNK_ROWS = 1024;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests,
     * interleaved, 2 cores at load average 13-20, so that only the CPU figures are reliable): about 0.37 µs of CPU per row (the ₂F₁ of each row); a chunk of 1,024
     * rows is 0.37 ms. From 4,096 rows on the parallel sums took at most 5 % more CPU, from 8,192
     * rows (3 ms an evaluation) at most 3 %.
     */
    static final int PARALLEL_ROWS = 8192;
    private static final long serialVersionUID = 1L;

    /** The parameters and every term that depends on them only. */
    private final Kernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private ParetoNbdModel(double[] params, FitDiagnostics diagnostics) {
        this.kernel = new Kernel(params);
        this.diagnostics = diagnostics;
    }

    /**
     * Fits the model by maximum likelihood (no penalizer).
     *
     * @param data customer summaries (x, t<sub>x</sub>, T), possibly weighted
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 4 customers or none made a repeat purchase
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ParetoNbdModel fit(CustomerSummaries data) {
        return fit(data, 0.0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalizer (the meaning of
     * {@code lifetimes}' {@code penalizer_coef}: the objective is −LL/W + λ Σ θ²).
     *
     * @param data customer summaries (x, t<sub>x</sub>, T), possibly weighted
     * @param penalizer λ, 0 to {@link ClvModels#MAX_PENALIZER}
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 4 customers, none made a repeat
     *     purchase, or λ is out of range
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ParetoNbdModel fit(CustomerSummaries data, double penalizer) {
        requireNonNull(data, "data");
        requireRepeatPurchases(data, NAME);
        CustomerSummaries rows = data.compressed();
        int size = rows.size();
        double[] x = rows.frequencies();
        double[] tx = rows.recencies();
        double[] age = rows.ages();
        double[] w = rows.weights();
        // the time axis of lifetimes: the largest T is 10; λ and μ (so α and β) carry 1/time
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < size; i++) {
            maxAge = Math.max(maxAge, age[i]);
            repeat += w[i] * x[i];
        }
        double scale = 10.0 / maxAge;
        for (int i = 0; i < size; i++) {
            tx[i] *= scale;
            age[i] *= scale;
        }
        LogLikelihood likelihood = likelihood(x, tx, age, w, PARALLEL_ROWS);
        ModelFit.Estimate estimate = ModelFit.fit(new ModelFit.Problem(NAME, PARAMETER_NAMES, likelihood,
                rows.totalWeight(), size, scale, new double[] {0, -1, 0, -1}, repeat * Math.log(scale),
                ParetoNbdModel::meaning), penalizer);
        return new ParetoNbdModel(estimate.params(), estimate.diagnostics());
    }

    /**
     * The weighted log-likelihood of the rows, summed in chunks of {@value #CHUNK_ROWS} rows by
     * {@link ChunkedSum}, on several threads from {@code parallelRows} rows on (the result does not
     * depend on it). Each chunk has its own {@link Scratch}; the kernel is immutable.
     */
    static LogLikelihood likelihood(double[] x, double[] tx, double[] age, double[] w, int parallelRows) {
        return (params, gradient) -> {
            Kernel k = new Kernel(params);
            return ChunkedSum.sum(x.length, CHUNK_ROWS, parallelRows, gradient, (from, to, g) -> {
                Scratch scratch = new Scratch();
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += w[i] * k.logLikelihood(x[i], tx[i], age[i], scratch);
                    for (int j = 0; j < 4; j++) {
                        g[j] += w[i] * scratch.gradient[j];
                    }
                }
                return sum;
            });
        };
    }

    private static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "s" -> atInfinity ? "dropout rates do not vary across customers (only s/beta is identified)"
                    : "no dropout detected: the dropout rate is 0 for nearly every customer";
            case "beta" -> atInfinity ? "no dropout detected: the dropout rate is 0 for nearly every customer"
                    : "lifetimes are far below the data's time resolution";
            default -> ModelFit.purchaseRateMeaning(parameter, atInfinity);
        };
    }

    /**
     * A model with known parameters, e.g. from a previous fit or a paper.
     *
     * @param r r &gt; 0, shape of the gamma distribution of the purchase rate λ
     * @param alpha α &gt; 0, rate of the gamma distribution of λ (in the data's time unit)
     * @param s s &gt; 0, shape of the gamma distribution of the dropout rate μ
     * @param beta β &gt; 0, rate of the gamma distribution of μ (in the data's time unit)
     * @return the model
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        double[] params = {r, alpha, s, beta};
        for (int j = 0; j < 4; j++) {
            require(Double.isFinite(params[j]) && params[j] > 0,
                    "%s %s is invalid: Pareto/NBD parameters must be finite and > 0", PARAMETER_NAMES.get(j),
                    params[j]);
        }
        return new ParetoNbdModel(params, FitDiagnostics.notFitted(NAME));
    }

    /** @return r, shape of the gamma distribution of the purchase rate */
    public double r() {
        return kernel.r;
    }

    /** @return α, rate of the gamma distribution of the purchase rate */
    public double alpha() {
        return kernel.alpha;
    }

    /** @return s, shape of the gamma distribution of the dropout rate */
    public double s() {
        return kernel.s;
    }

    /** @return β, rate of the gamma distribution of the dropout rate */
    public double beta() {
        return kernel.beta;
    }

    /** @return {@code pareto}, the model's name on the command line */
    @Override
    public String name() {
        return NAME;
    }

    /** @return r, alpha, s, beta by name, in the paper's order */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("r", kernel.r, "alpha", kernel.alpha, "s", kernel.s, "beta", kernel.beta);
    }

    /** @return how the fit went; a model made by {@link #of} reports no iterations */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The Pareto/NBD log-likelihood of one customer (Fader &amp; Hardie 2005, the likelihood with
     * A<sub>0</sub>; see the class documentation).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return ln L(r, α, s, β | x, t<sub>x</sub>, T), finite
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double logLikelihood(double x, double tx, double age) {
        checkSummary(x, tx, age, NO_ROW);
        return finite(kernel.logLikelihood(x, tx, age, null), x, tx, age);
    }

    /**
     * The expected number of repeat purchases of a new customer in (0, t]:
     * E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))<sup>s−1</sup>].
     *
     * @param t the length of the period, &ge; 0
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    @Override
    public double expectedPurchases(double t) {
        checkHorizon(t);
        Kernel k = kernel;
        return k.r / k.alpha * aliveTime(t, k.beta, k.s);
    }

    /**
     * The expected number of purchases in (T, T + t] of a customer with history (x, t<sub>x</sub>, T):
     * (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))<sup>s−1</sup>] · P(alive).
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return E[Y(t) | x, t<sub>x</sub>, T]
     * @throws IllegalArgumentException if t is negative or the triple is not a valid summary
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        checkHorizon(t);
        checkSummary(x, tx, age, NO_ROW);
        return finite(kernel.conditionalExpectation(t, x, tx, age), x, tx, age);
    }

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) is still alive at T:
     * 1 / [1 + s/(r+s+x) · (α+T)<sup>r+x</sup>(β+T)<sup>s</sup> A<sub>0</sub>].
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return P(alive | x, t<sub>x</sub>, T), in [0, 1]
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        checkSummary(x, tx, age, NO_ROW);
        return finite(kernel.probabilityAlive(x, tx, age), x, tx, age);
    }

    /**
     * P(X(T, T+t) = n | x, t<sub>x</sub>, T) (Fader &amp; Hardie, "Deriving the conditional PMF of the
     * Pareto/NBD model", brucehardie.com note 028): the unconditional PMF at r+x, α+T, s, β+T,
     * weighted by P(alive); see {@link TransactionModel#conditionalProbabilityOfPurchases}.
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if n or t is invalid or the triple is not a valid summary
     */
    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        require(n >= 0, "purchases n %s is invalid: it must be >= 0", n);
        double alive = probabilityAlive(x, tx, age);
        double future = of(r() + x, alpha() + age, s(), beta() + age).probabilityOfPurchases(n, t);
        return Math.min(1, (n == 0 ? 1 - alive : 0) + alive * future);
    }

    /**
     * DERT in closed form (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for
     * customer base analysis", <i>Journal of Marketing Research</i> 42(4), eq. 2):
     * α<sup>r</sup>β<sup>s</sup>δ<sup>s−1</sup>Γ(r+x+1) Ψ(s, s; δ(β+T)) /
     * [Γ(r)(α+T)<sup>r+x+1</sup> L(r, α, s, β | x, t<sub>x</sub>, T)], Ψ the confluent
     * hypergeometric function of the second kind. It is evaluated as the equal product
     * P(alive) · (r+x)/(α+T) · (β+T) · z<sup>s−1</sup> Ψ(s, s; z), z = δ(β+T) — the posterior mean
     * rate of an alive customer times her expected discounted remaining lifetime — in log space.
     *
     * @param delta the continuous discount rate per unit of the data's time, &gt; 0 and finite
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return DERT, &ge; 0
     * @throws IllegalArgumentException if δ is invalid or the triple is not a valid summary
     */
    @Override
    public double discountedExpectedResidualPurchases(double delta, double x, double tx, double age) {
        require(Double.isFinite(delta) && delta > 0, "discount rate delta %s is invalid: it must be finite and > 0",
                delta);
        double alive = probabilityAlive(x, tx, age);
        if (alive == 0) {
            return 0;
        }
        double z = delta * (beta() + age);
        double logU;
        try {
            logU = ConfluentHypergeometric.logU(s(), s(), z);
        } catch (IllegalStateException e) {
            // refused with the model's parameters, not the evaluator's state
            throw new IllegalArgumentException("Pareto/NBD parameters r " + r() + ", alpha " + alpha() + ", s " + s()
                    + ", beta " + beta() + " are invalid for DERT at delta " + delta + ": " + e.getMessage(), e);
        }
        double log = Math.log(alive) + Math.log(r() + x) - Math.log(alpha() + age) + Math.log(beta() + age)
                + (s() - 1) * Math.log(z) + logU;
        double value = Math.exp(log);
        require(Double.isFinite(value), "DERT of (%s, %s, %s) at delta %s is beyond the range of a double", x, tx,
                age, delta);
        return value;
    }

    /**
     * The probability that a new customer makes exactly n repeat purchases in (0, t] (Fader &amp;
     * Hardie 2006, integral form; see the class documentation).
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period, &ge; 0
     * @return P(X(t) = n), in [0, 1]
     * @throws IllegalArgumentException if n or t is negative
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        require(n >= 0, "purchases n %s is invalid: it must be >= 0", n);
        checkHorizon(t);
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        Kernel k = kernel;
        double prefix = logGamma(k.r + n) - k.logGammaR - logGamma(n + 1.0);
        double alive = prefix + k.r * -Math.log1p(t / k.alpha) + n * Math.log(t / (k.alpha + t))
                + k.s * -Math.log1p(t / k.beta);
        double died = prefix + k.r * k.logAlpha + k.s * k.logBeta + Math.log(k.s)
                + LogConcaveIntegral.log(n + 1, k.r + n, k.alpha, k.s + 1, k.beta, Double.NEGATIVE_INFINITY,
                        Math.log(t), null);
        double p = Math.exp(SpecialFunctions.logSumExp(alive, died));
        return Double.isFinite(p) ? Math.max(0.0, Math.min(1.0, p)) : 0.0;
    }

    /**
     * Bulk {@link #conditionalExpectedPurchases(double, double, double, double)} over columns,
     * without allocating; parameter-only terms are computed once per model.
     *
     * @param t the length of the period ahead, &ge; 0
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the expectations; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        checkHorizon(t);
        for (int i = 0; i < x.length; i++) {
            checkSummary(x[i], tx[i], age[i], i);
            out[i] = finite(kernel.conditionalExpectation(t, x[i], tx[i], age[i]), x[i], tx[i], age[i]);
        }
    }

    /**
     * Bulk {@link #probabilityAlive(double, double, double)} over columns, without allocating.
     *
     * @param x repeat purchases per customer
     * @param tx recency per customer
     * @param age T per customer
     * @param out receives the probabilities; at least as long as {@code x}
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void probabilityAlive(double[] x, double[] tx, double[] age, double[] out) {
        Columns.check(x, tx, age, out);
        for (int i = 0; i < x.length; i++) {
            checkSummary(x[i], tx[i], age[i], i);
            out[i] = finite(kernel.probabilityAlive(x[i], tx[i], age[i]), x[i], tx[i], age[i]);
        }
    }

    /**
     * Simulates one new customer per element of {@code ages} from this model, for what-if studies
     * and to check fits: each draws λ ~ Gamma(r, α) and μ ~ Gamma(s, β), lives an exponential
     * time with rate μ, and while alive buys at the events of a Poisson process with rate λ; the
     * first purchase at time 0 is not counted. The same seed gives the same data.
     *
     * @param ages the observation length T of each customer, finite and &gt; 0
     * @param seed the random seed
     * @return the summaries (x, t<sub>x</sub>, T), weight 1 each
     * @throws IllegalArgumentException if {@code ages} is empty or holds an invalid T
     */
    public CustomerSummaries simulate(double[] ages, long seed) {
        requireNonNull(ages, "ages");
        require(ages.length > 0, "ages is empty: simulate at least 1 customer");
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        int count = ages.length;
        double[] x = new double[count];
        double[] tx = new double[count];
        for (int c = 0; c < count; c++) {
            double age = ages[c];
            requireRow(Double.isFinite(age) && age > 0, "T %s at row %s is invalid: it must be finite and > 0", age, c);
            double lambda = draws.gamma(kernel.r, kernel.alpha);
            double mu = draws.gamma(kernel.s, kernel.beta);
            double end = Math.min(age, draws.exponential(mu));
            double time = draws.exponential(lambda);
            while (time <= end) {
                x[c]++;
                tx[c] = time;
                time += draws.exponential(lambda);
            }
        }
        return CustomerSummaries.of(x, tx, ages.clone());
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerializedModel(NAME, new double[] {r(), alpha(), s(), beta()}, diagnostics, Double.NaN);
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
        return new double[] {kernel.r, kernel.alpha, kernel.s, kernel.beta};
    }

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static ParetoNbdModel restore(double[] p, FitDiagnostics diagnostics) {
        return new ParetoNbdModel(of(p[0], p[1], p[2], p[3]).kernelParameters(), diagnostics);
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "ParetoNbdModel[r=" + kernel.r + ", alpha=" + kernel.alpha + ", s=" + kernel.s + ", beta="
                + kernel.beta + ", " + diagnostics.fitSummary() + "]";
    }

    /**
     * ln L of one customer at {@code params} with its analytic gradient; for tests.
     *
     * @param params r, α, s, β
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param gradient receives ∂ ln L / ∂(r, α, s, β)
     * @return ln L
     */
    static double logLikelihood(double[] params, double x, double tx, double age, double[] gradient) {
        Scratch scratch = new Scratch();
        double value = new Kernel(params).logLikelihood(x, tx, age, scratch);
        System.arraycopy(scratch.gradient, 0, gradient, 0, 4);
        return value;
    }

    /**
     * ln L of customers who share r and s but each have their own α and β (the rows of
     * {@link ParetoNbdCovariateModel}), with the analytic gradient: the terms of r (ln Γ(r), ψ(r))
     * are computed once and the work arrays reused, where {@link #logLikelihood(double[], double,
     * double, double, double[])} would recompute and allocate them for every customer. Not
     * thread-safe: one per likelihood evaluation and thread.
     */
    static final class CustomerLikelihood {
        private final double r;
        private final double s;
        private final double logGammaR;
        private final double psiR;
        private final Scratch scratch = new Scratch();

        /**
         * @param r the common shape of the purchase rate's Gamma
         * @param s the common shape of the dropout rate's Gamma
         */
        /**
         * A kernel for one covariate fit, computing the terms of r and s once per likelihood evaluation
         * rather than once per customer. Not thread-safe: one per fit.
         */
        static CovariateFit.Kernel forCovariateFit() {
            return new CovariateFit.Kernel() {
                private @Nullable CustomerLikelihood current;

                @Override
                public double logLikelihood(double[] theta, double x, double tx, double age, double[] gradient) {
                    CustomerLikelihood c = current;
                    if (c == null || c.r != theta[0] || c.s != theta[2]) {
                        c = new CustomerLikelihood(theta[0], theta[2]);
                        current = c;
                    }
                    return c.logLikelihood(theta[1], theta[3], x, tx, age, gradient);
                }

                @Override
                public CovariateFit.Kernel forChunk() {
                    return forCovariateFit();
                }
            };
        }

        CustomerLikelihood(double r, double s) {
            this.r = r;
            this.s = s;
            this.logGammaR = logGamma(r);
            this.psiR = digamma(r);
        }

        /**
         * @param alpha this customer's α
         * @param beta this customer's β
         * @param x repeat purchases
         * @param tx recency
         * @param age T
         * @param gradient receives ∂ ln L / ∂(r, α, s, β)
         * @return ln L, equal to {@code logLikelihood(new double[] {r, alpha, s, beta}, x, tx, age, gradient)}
         */
        double logLikelihood(double alpha, double beta, double x, double tx, double age, double[] gradient) {
            double value = new Kernel(r, alpha, s, beta, logGammaR, psiR).logLikelihood(x, tx, age, scratch);
            System.arraycopy(scratch.gradient, 0, gradient, 0, 4);
            return value;
        }
    }

    /** Without any repeat purchase the likelihood peaks at the boundary: no estimate exists. */
    static void requireRepeatPurchases(CustomerSummaries data, String model) {
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                return;
            }
        }
        throw new IllegalArgumentException(Strings.lenientFormat("frequency is 0 for all %s customers: %s cannot be"
                + " fitted without any repeat purchase", data.totalWeight(), model));
    }

    private double finite(double value, double x, double tx, double age) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw new IllegalArgumentException(Strings.lenientFormat("Pareto/NBD with r %s, alpha %s, s %s, beta %s"
                + " cannot be evaluated at frequency %s, recency %s, T %s: the result is not a finite number",
                kernel.r, kernel.alpha, kernel.s, kernel.beta, x, tx, age));
    }

    private static void checkHorizon(double t) {
        require(Double.isFinite(t) && t >= 0, "time t %s is invalid: it must be finite and >= 0", t);
    }

    /** Checks one summary; the row index, or {@link #NO_ROW}, only goes into the message. */
    private static void checkSummary(double x, double tx, double age, int row) {
        CustomerSummaries.requireValid(x, tx, age, row == NO_ROW ? "" : " at row " + row);
    }

    /**
     * The expected time alive within the next t of someone alive now whose dropout rate is
     * Gamma(s, β): β/(s−1) · [1 − (β/(β+t))<sup>s−1</sup>] (limit β ln(1 + t/β) at s = 1), written as
     * t · [ln(1+y)/y] · [(1 − e<sup>−z</sup>)/z] with y = t/β and z = (s−1) ln(1+y), so that no
     * factor overflows or cancels as β grows to the largest double (the limit is t: no dropout).
     */
    private static double aliveTime(double t, double beta, double s) {
        if (t == 0) {
            return 0;
        }
        double y = t / beta;
        double log = Math.log1p(y);
        double perY = y < 1e-8 ? 1 - y / 2 : log / y;
        double z = (s - 1) * log;
        double perZ = Math.abs(z) < 1e-300 ? 1 - z / 2 : -Math.expm1(-z) / z;
        return t * perY * perZ;
    }

    /** Per-evaluation work arrays of the fit, so that rows do not allocate. */
    private static final class Scratch {
        final double[] gradient = new double[4];
        final double[] atRecency = new double[4];
        final double[] atAge = new double[4];
        final double[] partials = new double[3];
        final double[] moments = new double[4];
    }

    /** The parameters with every parameter-only term hoisted. */
    private static final class Kernel implements Serializable {
        private static final long serialVersionUID = 1L;

        final double r;
        final double alpha;
        final double s;
        final double beta;
        final double logAlpha;
        final double logBeta;
        final double logGammaR;
        final double psiR;

        Kernel(double[] params) {
            this(params[0], params[1], params[2], params[3], logGamma(params[0]), digamma(params[0]));
        }

        /** With ln Γ(r) and ψ(r) already known (they depend on r alone). */
        Kernel(double r, double alpha, double s, double beta, double logGammaR, double psiR) {
            this.r = r;
            this.alpha = alpha;
            this.s = s;
            this.beta = beta;
            this.logAlpha = Math.log(alpha);
            this.logBeta = Math.log(beta);
            this.logGammaR = logGammaR;
            this.psiR = psiR;
        }

        /**
         * ln L of one customer; with {@code scratch}, also its gradient into scratch.gradient.
         * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[e^head + s (K(t_x) − K(T))].
         */
        double logLikelihood(double x, double tx, double age, @Nullable Scratch scratch) {
            double p = r + x;
            double prefix = logGamma(p) - logGammaR + r * logAlpha + s * logBeta;
            double bracket = logBracket(x, tx, age, scratch);
            if (scratch != null) {
                double[] g = scratch.gradient;
                g[0] += digamma(p) - psiR + logAlpha;
                g[1] += r / alpha;
                g[2] += logBeta;
                g[3] += s / beta;
            }
            return prefix + bracket;
        }

        /**
         * ln[(α+T)^−(r+x) (β+T)^−s + s (K(t_x) − K(T))], the part of ln L that depends on the
         * customer beyond ln Γ(r+x); with {@code scratch}, its gradient into scratch.gradient.
         */
        double logBracket(double x, double tx, double age, @Nullable Scratch scratch) {
            double p = r + x;
            double logAlphaT = Math.log(alpha + age);
            double logBetaT = Math.log(beta + age);
            double head = -p * logAlphaT - s * logBetaT;
            double tail = Double.NEGATIVE_INFINITY;
            double rho = 0;
            if (tx < age) {
                double kTx = logK(p, tx, scratch == null ? null : scratch.atRecency, scratch);
                double kT = logK(p, age, scratch == null ? null : scratch.atAge, scratch);
                double drop = kT - kTx;
                if (drop < 0) {
                    rho = Math.exp(drop);
                    tail = Math.log(s) + kTx + Math.log(-Math.expm1(drop));
                } else if (Double.isNaN(drop)) {
                    return Double.NaN;
                }
            }
            double total = SpecialFunctions.logSumExp(head, tail);
            if (scratch != null) {
                double[] g = scratch.gradient;
                double wHead = Math.exp(head - total);
                g[0] = -wHead * logAlphaT;
                g[1] = -wHead * p / (alpha + age);
                g[2] = -wHead * logBetaT;
                g[3] = -wHead * s / (beta + age);
                if (tail != Double.NEGATIVE_INFINITY) {
                    double wTail = Math.exp(tail - total);
                    double scale = wTail / (1 - rho);
                    for (int j = 0; j < 4; j++) {
                        g[j] += scale * (scratch.atRecency[j] - rho * scratch.atAge[j]);
                    }
                    g[2] += wTail / s;
                }
            }
            return total;
        }

        /**
         * ln K(τ), K(τ) = ∫<sub>τ</sub><sup>∞</sup> (α+y)<sup>−p</sup>(β+y)<sup>−(s+1)</sup> dy, by
         * the hypergeometric form over the larger of α+τ and β+τ, and optionally its gradient
         * with respect to (r, α, s, β) into {@code gradient}.
         */
        double logK(double p, double tau, double @Nullable [] gradient, @Nullable Scratch scratch) {
            double a = p + s;
            if (gradient == null) {
                double z = (alpha - beta) / (alpha + tau);
                double oneMinusZ = (beta + tau) / (alpha + tau);
                if (Double.isFinite(z) && Double.isFinite(oneMinusZ)) {
                    return -a * Math.log(alpha + tau) - Math.log(a) + GaussHypergeometric.logTwoF1(a, s + 1, z,
                            oneMinusZ);
                }
                // β so much larger than α + τ that the ratio overflows: the form over the larger of the two
                // (below) never forms it
                gradient = new double[4];
                scratch = new Scratch();
            }
            double q = s + 1;
            boolean alphaLarger = alpha >= beta;
            double big = (alphaLarger ? alpha : beta) + tau;
            double small = (alphaLarger ? beta : alpha) + tau;
            double m = alphaLarger ? p : q;
            double n = alphaLarger ? q : p;
            double z = (big - small) / big;
            double[] d = scratch.partials;
            double value;
            double dm;
            double dn;
            double dBig;
            double dSmall;
            if (z <= GaussHypergeometric.SERIES_LIMIT) {
                // K = big^-m small^-(n-1) E(m, m+n, z) / (m+n-1), differentiated through E's series
                value = -m * Math.log(big) - (n - 1) * Math.log(small) - Math.log(a)
                        + GaussHypergeometric.logEuler(m, m + n, z, d);
                dm = -Math.log(big) - 1 / a + d[0] + d[1];
                dn = -Math.log(small) - 1 / a + d[1];
                dBig = -m / big + d[2] * small / (big * big);
                dSmall = -(n - 1) / small - d[2] / big;
            } else {
                // K = ∫ e^h dt, t = ln(small + y), h = (1-n) t - m ln(D + e^t), D = big - small
                double[] mo = scratch.moments;
                double span = big - small;
                value = LogConcaveIntegral.log(1 - n, m, span, 0, 0, Math.log(small), Double.POSITIVE_INFINITY, mo);
                dm = -mo[1];
                dn = -mo[0];
                // D = big - small; the lower limit ln(small) moves with small
                dBig = -m * mo[2];
                dSmall = m * mo[2] - mo[3] / small;
            }
            gradient[0] = alphaLarger ? dm : dn;
            gradient[2] = alphaLarger ? dn : dm;
            gradient[1] = alphaLarger ? dBig : dSmall;
            gradient[3] = alphaLarger ? dSmall : dBig;
            return value;
        }

        double probabilityAlive(double x, double tx, double age) {
            double head = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
            return Math.max(0.0, Math.min(1.0, Math.exp(head - logBracket(x, tx, age, null))));
        }

        double conditionalExpectation(double t, double x, double tx, double age) {
            if (t == 0) {
                return 0.0;
            }
            double alive = probabilityAlive(x, tx, age);
            double perAlive = (r + x) / (alpha + age) * aliveTime(t, beta + age, s);
            return alive * perAlive;
        }
    }
}
