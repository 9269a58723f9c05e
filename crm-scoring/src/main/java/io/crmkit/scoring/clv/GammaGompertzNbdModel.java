package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static io.crmkit.scoring.internal.math.SpecialFunctions.digamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logGamma;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.AdaptiveQuadrature;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.List;

/**
 * The Gamma-Gompertz/NBD (GGom/NBD) model of Bemmaor &amp; Glady (2012), "Modeling Purchasing
 * Behavior with Sudden 'Death': A Flexible Customer Lifetime Model", <i>Management Science</i>
 * 58(5), 1012-1021: while alive a customer buys as a Poisson process with rate λ, λ ~ Gamma(r, α)
 * (shape, rate) across customers, as in Pareto/NBD; the lifetime τ follows a Gompertz law with
 * survival exp(−η(e<sup>bτ</sup> − 1)), b &gt; 0 common to everyone and η ~ Gamma(s, β). Across
 * customers the lifetime survives with S(τ) = (β / (β + e<sup>bτ</sup> − 1))<sup>s</sup>, which
 * bends from a hazard that falls with age (β &lt; 1) to one that rises (β &gt; 1); as b → 0 with
 * β/b fixed it is the Pareto/NBD lifetime with β<sub>Pareto</sub> = β/b.
 *
 * <p>For a customer with x repeat purchases, the last at t<sub>x</sub>, observed until T, with
 * p = r + x and E(τ) = e<sup>bτ</sup> − 1 (Bemmaor &amp; Glady 2012, eq. 8; the same likelihood as
 * CLVTools' {@code ggomnbd}):
 * <ul>
 *   <li>likelihood: L = Γ(p)α<sup>r</sup>/Γ(r) · [ (α+T)<sup>−p</sup> (β/(β+E(T)))<sup>s</sup>
 *       + b s β<sup>s</sup> ∫ e<sup>bτ</sup>
 *       (α+τ)<sup>−p</sup> (β+E(τ))<sup>−(s+1)</sup> dτ ], the integral over τ from t<sub>x</sub>
 *       to T: alive at T, or dead at some τ between the last purchase and T;</li>
 *   <li>P(alive | x, t<sub>x</sub>, T) = the first term of the bracket / the bracket;</li>
 *   <li>E[Y(t) | x, t<sub>x</sub>, T] = P(alive) · (r+x)/(α+T) · ∫<sub>T</sub><sup>T+t</sup>
 *       ((β+E(T))/(β+E(τ)))<sup>s</sup> dτ: given alive at T, λ ~ Gamma(r+x, α+T) and
 *       η ~ Gamma(s, β+E(T)), independently;</li>
 *   <li>E[X(t)] = r/α · ∫<sub>0</sub><sup>t</sup> S(τ) dτ for a new customer.</li>
 * </ul>
 * The integrals have no closed form. As CLVTools does with GSL's adaptive integrator, they are
 * computed by globally adaptive Gauss-Kronrod (7/15-point) quadrature, to a relative error of
 * 10<sup>−11</sup>, of the integrand scaled by its largest value (so large x, T and t neither
 * overflow nor underflow), with ln(β + E(τ)) evaluated as bτ + ln(1 + (β−1)e<sup>−bτ</sup>) once
 * bτ is large. The gradient of the likelihood is analytic: the derivatives of the integrand's
 * logarithm are integrated on the same nodes as the integrand. Parameters are estimated through
 * the common fit ({@link FitDiagnostics}). The likelihood is flat along β/b when the hazard is
 * nearly constant (CDNOW is such a data set: the fit then runs towards b → 0, the Pareto/NBD
 * limit, and the fit warns that b is at its boundary); r, α, s and the ratio β/b remain well
 * determined. Instances are immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * GammaGompertzNbdModel model = GammaGompertzNbdModel.fit(CustomerSummaries.of(frequency, recency, T));
 * double next39Weeks = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 */
public final class GammaGompertzNbdModel implements PurchaseModel, Serializable {

    private static final String NAME = "ggomnbd";
    private static final List<String> PARAMETER_NAMES = List.of("r", "alpha", "b", "s", "beta");
    private static final int COUNT = 5;
    private static final int NO_ROW = -1;
    /** Above this bτ, ln(β + e^bτ − 1) is evaluated as bτ + ln(1 + (β−1)e^−bτ). */
    private static final double LARGE_EXPONENT = 30;

    /**
     * Rows per chunk of the likelihood sum ({@link ChunkedSum}): fixed, so that the fit does not
     * depend on the number of threads.
     */
    static final int CHUNK_ROWS = 128;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests,
     * interleaved, 2 cores at load average 13-20, so that only the CPU figures are reliable): about 8 µs of CPU per row (the quadrature of each row); a chunk of 128
     * rows is 1 ms. From 256 rows on the parallel sums took no measurable extra CPU (ratio
     * 0.97-1.02); from 512 rows (4 ms an evaluation) there are at least four chunks to share.
     */
    static final int PARALLEL_ROWS = 512;
    private static final long serialVersionUID = 1L;

    /** The parameters and every term that depends on them only. */
    private final Kernel kernel;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private GammaGompertzNbdModel(double[] params, FitDiagnostics diagnostics) {
        this.kernel = new Kernel(params);
        this.diagnostics = diagnostics;
    }

    /**
     * Fits the model by maximum likelihood (no penalizer).
     *
     * @param data customer summaries (x, t<sub>x</sub>, T), possibly weighted
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 5 customers or none made a repeat purchase
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static GammaGompertzNbdModel fit(CustomerSummaries data) {
        return fit(data, 0.0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalizer on the standardised parameters
     * (the objective −LL/W + λ Σ θ², as for every model of this package).
     *
     * @param data customer summaries (x, t<sub>x</sub>, T), possibly weighted
     * @param penalizer λ, 0 to {@link ClvModels#MAX_PENALIZER}
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 5 customers, none made a repeat
     *     purchase, or λ is out of range
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static GammaGompertzNbdModel fit(CustomerSummaries data, double penalizer) {
        requireNonNull(data, "data");
        ParetoNbdModel.requireRepeatPurchases(data, NAME);
        CustomerSummaries rows = data.compressed();
        int size = rows.size();
        double[] x = rows.frequencies();
        double[] tx = rows.recencies();
        double[] age = rows.ages();
        double[] w = rows.weights();
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < size; i++) {
            maxAge = Math.max(maxAge, age[i]);
            repeat += w[i] * x[i];
        }
        // the largest T is 10; λ's rate α carries time, b carries 1/time, β and the shapes none
        double scale = 10.0 / maxAge;
        for (int i = 0; i < size; i++) {
            tx[i] *= scale;
            age[i] *= scale;
        }
        LogLikelihood likelihood = likelihood(x, tx, age, w, PARALLEL_ROWS);
        ModelFit.Estimate estimate = ModelFit.fit(new ModelFit.Problem(NAME, PARAMETER_NAMES, likelihood,
                rows.totalWeight(), size, scale, new double[] {0, -1, 1, 0, 0}, repeat * Math.log(scale),
                GammaGompertzNbdModel::meaning), penalizer);
        return new GammaGompertzNbdModel(estimate.params(), estimate.diagnostics());
    }

    /**
     * The weighted log-likelihood of the rows, summed in chunks of {@value #CHUNK_ROWS} rows by
     * {@link ChunkedSum}, on several threads from {@code parallelRows} rows on (the result does not
     * depend on it). Each chunk has its own scratch arrays; the kernel is immutable.
     */
    static LogLikelihood likelihood(double[] x, double[] tx, double[] age, double[] w, int parallelRows) {
        return (params, gradient) -> {
            Kernel k = new Kernel(params);
            return ChunkedSum.sum(x.length, CHUNK_ROWS, parallelRows, gradient, (from, to, g) -> {
                double[] row = new double[COUNT];
                double[] scores = new double[COUNT];
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += w[i] * k.logLikelihood(x[i], tx[i], age[i], row, scores);
                    for (int j = 0; j < COUNT; j++) {
                        g[j] += w[i] * row[j];
                    }
                }
                return sum;
            });
        };
    }

    private static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "b" -> atInfinity ? "lifetimes end abruptly at a common age"
                    : "the Gompertz hazard is flat: the lifetime is the Pareto/NBD one with beta_Pareto = beta/b,"
                            + " and only beta/b is identified";
            case "beta" -> atInfinity ? "the dropout hazard rises steeply with age for everyone"
                    : "together with b at 0, the Pareto/NBD limit: only beta/b is identified";
            case "s" -> atInfinity ? "dropout propensities do not vary across customers"
                    : "no dropout detected for nearly every customer";
            default -> ModelFit.purchaseRateMeaning(parameter, atInfinity);
        };
    }

    /**
     * A model with known parameters, e.g. from a previous fit or the paper.
     *
     * @param r r &gt; 0, shape of the gamma distribution of the purchase rate λ
     * @param alpha α &gt; 0, rate of the gamma distribution of λ (in the data's time unit)
     * @param b b &gt; 0, the Gompertz scale (per the data's time unit)
     * @param s s &gt; 0, shape of the gamma distribution of the Gompertz η
     * @param beta β &gt; 0, rate of the gamma distribution of η (no unit)
     * @return the model
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static GammaGompertzNbdModel of(double r, double alpha, double b, double s, double beta) {
        double[] params = {r, alpha, b, s, beta};
        for (int j = 0; j < COUNT; j++) {
            require(Double.isFinite(params[j]) && params[j] > 0,
                    "%s %s is invalid: GGom/NBD parameters must be finite and > 0", PARAMETER_NAMES.get(j), params[j]);
        }
        return new GammaGompertzNbdModel(params, FitDiagnostics.notFitted(NAME));
    }

    /** @return r, shape of the gamma distribution of the purchase rate */
    public double r() {
        return kernel.r;
    }

    /** @return α, rate of the gamma distribution of the purchase rate */
    public double alpha() {
        return kernel.alpha;
    }

    /** @return b, the Gompertz scale */
    public double b() {
        return kernel.b;
    }

    /** @return s, shape of the gamma distribution of the Gompertz η */
    public double s() {
        return kernel.s;
    }

    /** @return β, rate of the gamma distribution of the Gompertz η */
    public double beta() {
        return kernel.beta;
    }

    /** @return {@code ggomnbd}, the model's name on the command line */
    @Override
    public String name() {
        return NAME;
    }

    /** @return r, alpha, b, s, beta by name, in the paper's order */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("r", kernel.r, "alpha", kernel.alpha, "b", kernel.b, "s", kernel.s, "beta",
                kernel.beta);
    }

    /** @return how the fit went; a model made by {@link #of} reports no iterations */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The GGom/NBD log-likelihood of one customer (see the class documentation).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return ln L(r, α, b, s, β | x, t<sub>x</sub>, T), finite
     * @throws IllegalArgumentException if the triple is not a valid summary
     */
    @Override
    public double logLikelihood(double x, double tx, double age) {
        checkSummary(x, tx, age, NO_ROW);
        return finite(kernel.logLikelihood(x, tx, age, null, null), x, tx, age);
    }

    /**
     * The expected number of repeat purchases of a new customer in (0, t]:
     * r/α · ∫<sub>0</sub><sup>t</sup> (β/(β+e<sup>bτ</sup>−1))<sup>s</sup> dτ.
     *
     * @param t the length of the period, &ge; 0
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    public double expectedPurchases(double t) {
        checkHorizon(t);
        return finite(kernel.r / kernel.alpha * kernel.aliveTime(0, t), 0, 0, t);
    }

    /**
     * The expected number of purchases in (T, T + t] of a customer with history (x, t<sub>x</sub>, T)
     * (see the class documentation).
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
     * The probability that a customer with history (x, t<sub>x</sub>, T) is still alive at T.
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
     * The probability that a new customer makes exactly n repeat purchases in (0, t]: P(X(t) = n) =
     * S(t)·NB(n | t) + ∫<sub>0</sub><sup>t</sup> f(τ)·NB(n | τ) dτ, with S and f the lifetime's
     * survival (β/(β+e<sup>bτ</sup>−1))<sup>s</sup> and density b s β<sup>s</sup> e<sup>bτ</sup>
     * (β+e<sup>bτ</sup>−1)<sup>−(s+1)</sup>, and NB(n | τ) = Γ(r+n)/(Γ(r) n!) ·
     * (α/(α+τ))<sup>r</sup> (τ/(α+τ))<sup>n</sup> the count of a Gamma(r, α)-mixed Poisson process
     * over τ: alive throughout, or dead at τ &lt; t having bought only until τ (the argument of
     * Fader &amp; Hardie 2006, note 012, for the Pareto/NBD, with the Gompertz lifetime). The integral
     * is computed as the class documentation says.
     *
     * @param n the number of purchases, &ge; 0
     * @param t the length of the period, &ge; 0
     * @return P(X(t) = n), in [0, 1]
     * @throws IllegalArgumentException if n or t is negative or t is not finite
     */
    public double probabilityOfPurchases(int n, double t) {
        require(n >= 0, "purchases n %s is invalid: it must be >= 0", n);
        checkHorizon(t);
        return finite(kernel.probabilityOfPurchases(n, t), n, 0, t);
    }

    /**
     * The probability that a customer with history (x, t<sub>x</sub>, T) makes exactly n purchases
     * in (T, T+t]. One who is no longer alive at T buys nothing; one who is alive at T has the
     * posterior λ ~ Gamma(r+x, α+T) and, independently, η ~ Gamma(s, β+E(T)), so that her remaining
     * lifetime is Gompertz with η' = η e<sup>bT</sup> ~ Gamma(s, β'), β' = (β+E(T))e<sup>−bT</sup>:
     * from T on she is a new customer of the GGom/NBD model (r+x, α+T, b, s, β'). Hence P = [n = 0]
     * (1 − P(alive)) + P(alive) · P'(X(t) = n) with P' the {@linkplain #probabilityOfPurchases
     * new customer's probability} at those parameters (the argument of Fader &amp; Hardie 2014,
     * note 028, for the Pareto/NBD). The probabilities sum to 1 over n and their mean is
     * {@link #conditionalExpectedPurchases}; as b → 0 with β/b fixed they are the Pareto/NBD's.
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
        checkHorizon(t);
        checkSummary(x, tx, age, NO_ROW);
        double alive = kernel.probabilityAlive(x, tx, age);
        double future = kernel.posterior(x, age).probabilityOfPurchases(n, t);
        return finite(Math.max(0, Math.min(1, (n == 0 ? 1 - alive : 0) + alive * future)), x, tx, age);
    }

    /**
     * Simulates one new customer per element of {@code ages}: each draws λ ~ Gamma(r, α) and
     * η ~ Gamma(s, β), lives τ = ln(1 + ε/η)/b with ε ~ Exp(1) (the inverse of the Gompertz
     * survival), and while alive buys at the events of a Poisson process with rate λ; the first
     * purchase at time 0 is not counted. The same seed gives the same data.
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
            double eta = draws.gamma(kernel.s, kernel.beta);
            double lifetime = Math.log1p(draws.exponential(1.0) / eta) / kernel.b;
            double end = Math.min(age, lifetime);
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
        return new SerializedModel(NAME, new double[] {r(), alpha(), b(), s(), beta()}, diagnostics, Double.NaN);
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

    /** The model from a proxy's parameters, checked as {@code of} checks them. */
    static GammaGompertzNbdModel restore(double[] p, FitDiagnostics diagnostics) {
        of(p[0], p[1], p[2], p[3], p[4]);
        return new GammaGompertzNbdModel(p.clone(), diagnostics);
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "GammaGompertzNbdModel[r=" + kernel.r + ", alpha=" + kernel.alpha + ", b=" + kernel.b + ", s="
                + kernel.s + ", beta=" + kernel.beta + ", " + diagnostics.fitSummary() + "]";
    }

    /**
     * ln L of one customer at {@code params} with its analytic gradient; for tests.
     *
     * @param params r, α, b, s, β
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param gradient receives ∂ ln L / ∂(r, α, b, s, β)
     * @return ln L
     */
    static double logLikelihood(double[] params, double x, double tx, double age, double[] gradient) {
        return new Kernel(params).logLikelihood(x, tx, age, gradient, new double[COUNT]);
    }

    private double finite(double value, double x, double tx, double age) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw new IllegalArgumentException(Strings.lenientFormat("GGom/NBD with r %s, alpha %s, b %s, s %s, beta %s"
                + " cannot be evaluated at frequency %s, recency %s, T %s: the result is not a finite number",
                kernel.r, kernel.alpha, kernel.b, kernel.s, kernel.beta, x, tx, age));
    }

    private static void checkHorizon(double t) {
        require(Double.isFinite(t) && t >= 0, "time t %s is invalid: it must be finite and >= 0", t);
    }

    private static void checkSummary(double x, double tx, double age, int row) {
        CustomerSummaries.requireValid(x, tx, age, row == NO_ROW ? "" : " at row " + row);
    }

    /** The parameters with every parameter-only term hoisted. */
    private static final class Kernel implements Serializable {
        private static final long serialVersionUID = 1L;

        final double r;
        final double alpha;
        final double b;
        final double s;
        final double beta;
        final double logAlpha;
        final double logB;
        final double logS;
        final double logBeta;
        final double logGammaR;
        final double psiR;

        Kernel(double[] params) {
            r = params[0];
            alpha = params[1];
            b = params[2];
            s = params[3];
            beta = params[4];
            logAlpha = Math.log(alpha);
            logB = Math.log(b);
            logS = Math.log(s);
            logBeta = Math.log(beta);
            logGammaR = logGamma(r);
            psiR = digamma(r);
        }

        /** ln(β + e^{bτ} − 1), without overflow for large bτ. */
        double logShifted(double tau) {
            double z = b * tau;
            if (z < LARGE_EXPONENT) {
                return Math.log(beta + Math.expm1(z));
            }
            return z + Math.log1p((beta - 1) * Math.exp(-z));
        }

        /**
         * ln L of one customer; with {@code gradient} non-null, ∂ ln L/∂θ into it ({@code scores}
         * is then a work array of 5).
         */
        double logLikelihood(double x, double tx, double age, double[] gradient, double[] scores) {
            double p = r + x;
            double prefix = logGamma(p) - logGammaR + r * logAlpha;
            double logAlphaT = Math.log(alpha + age);
            double shiftedT = logShifted(age);
            double head = -p * logAlphaT + s * logBeta - s * shiftedT;
            double logIntegral = tx < age ? AdaptiveQuadrature.log((tau, d) -> logIntegrand(p, tau, d), tx, age,
                    COUNT, gradient == null ? null : scores) : Double.NEGATIVE_INFINITY;
            double tail = logS + s * logBeta + logIntegral;
            double total = SpecialFunctions.logSumExp(head, tail);
            if (gradient != null) {
                double wHead = Math.exp(head - total);
                double wTail = logIntegral == Double.NEGATIVE_INFINITY ? 0 : Math.exp(tail - total);
                double ratioT = Math.exp(b * age - shiftedT);
                double inverseT = Math.exp(-shiftedT);
                gradient[0] = digamma(p) - psiR + logAlpha - wHead * logAlphaT;
                gradient[1] = r / alpha - wHead * p / (alpha + age);
                gradient[2] = -wHead * s * age * ratioT;
                gradient[3] = wHead * (logBeta - shiftedT);
                gradient[4] = wHead * (s / beta - s * inverseT);
                if (wTail > 0) {
                    gradient[0] += wTail * scores[0];
                    gradient[1] += wTail * scores[1];
                    gradient[2] += wTail * scores[2];
                    gradient[3] += wTail * (1 / s + logBeta + scores[3]);
                    gradient[4] += wTail * (s / beta + scores[4]);
                }
            }
            return prefix + total;
        }

        /**
         * ln of b e^{bτ}(α+τ)^{−p}(β+e^{bτ}−1)^{−(s+1)}, the density of death at τ without the
         * factor s β^s, and its derivatives with respect to (r, α, b, s, β).
         */
        double logIntegrand(double p, double tau, double[] scores) {
            double logAlphaTau = Math.log(alpha + tau);
            double shifted = logShifted(tau);
            if (scores != null) {
                scores[0] = -logAlphaTau;
                scores[1] = -p / (alpha + tau);
                scores[2] = 1 / b + tau - (s + 1) * tau * Math.exp(b * tau - shifted);
                scores[3] = -shifted;
                scores[4] = -(s + 1) * Math.exp(-shifted);
            }
            return logB + b * tau - p * logAlphaTau - (s + 1) * shifted;
        }

        double probabilityAlive(double x, double tx, double age) {
            if (tx >= age) {
                return 1.0;
            }
            double p = r + x;
            double head = -p * Math.log(alpha + age) + s * logBeta - s * logShifted(age);
            double tail = logS + s * logBeta + AdaptiveQuadrature.log((tau, d) -> logIntegrand(p, tau, d), tx, age,
                    0, null);
            double total = SpecialFunctions.logSumExp(head, tail);
            return Math.max(0.0, Math.min(1.0, Math.exp(head - total)));
        }

        /** ∫ from T to T+t of the survival to τ of someone alive at T: ((β+E(T))/(β+E(τ)))^s. */
        double aliveTime(double age, double t) {
            if (t == 0) {
                return 0;
            }
            double shiftedT = logShifted(age);
            return Math.exp(AdaptiveQuadrature.log((u, d) -> s * (shiftedT - logShifted(age + u)), 0, t, 0, null));
        }

        /** The parameters of a customer alive at T with x purchases, from T on (see conditionalProbabilityOfPurchases). */
        Kernel posterior(double x, double age) {
            double shiftedBeta = Math.exp(logShifted(age) - b * age);
            return new Kernel(new double[] {r + x, alpha + age, b, s, shiftedBeta});
        }

        /** ln NB(n | τ): the count of purchases over τ of the Gamma(r, α)-mixed Poisson process. */
        double logCount(int n, double prefix, double tau) {
            double logShare = n == 0 ? 0 : n * Math.log(tau / (alpha + tau));
            return prefix - r * Math.log1p(tau / alpha) + logShare;
        }

        double probabilityOfPurchases(int n, double t) {
            if (t == 0) {
                return n == 0 ? 1.0 : 0.0;
            }
            double prefix = logGamma(r + n) - logGammaR - logGamma(n + 1.0);
            double alive = s * logBeta - s * logShifted(t) + logCount(n, prefix, t);
            double died = logS + s * logBeta + AdaptiveQuadrature.log((tau, d) -> logB + b * tau
                    - (s + 1) * logShifted(tau) + logCount(n, prefix, tau), 0, t, 0, null);
            double p = Math.exp(SpecialFunctions.logSumExp(alive, died));
            return Math.max(0.0, Math.min(1.0, p));
        }

        double conditionalExpectation(double t, double x, double tx, double age) {
            if (t == 0) {
                return 0.0;
            }
            return probabilityAlive(x, tx, age) * (r + x) / (alpha + age) * aliveTime(age, t);
        }
    }
}
