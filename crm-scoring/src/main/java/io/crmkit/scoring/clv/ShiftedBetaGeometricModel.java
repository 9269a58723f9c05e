package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.internal.math.SpecialFunctions.digamma;
import static io.crmkit.scoring.internal.math.SpecialFunctions.logBeta;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.GaussHypergeometric;
import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.LogLikelihood;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The shifted-beta-geometric (sBG) model of contract duration for contractual settings
 * (subscriptions, memberships, contracts renewed each period): at the end of every period an
 * active customer cancels with her own probability θ, constant over time, and θ varies across
 * customers as Beta(α, β). Fader &amp; Hardie (2007), "How to project customer retention",
 * <i>Journal of Interactive Marketing</i> 21(1), 76-90, and (2010), "Customer-base valuation in a
 * contractual setting: the perils of ignoring heterogeneity", <i>Marketing Science</i> 29(1),
 * 85-93. With B the beta function and T the period in which a customer cancels (T &ge; 1):
 * <ul>
 *   <li>P(T = t) = B(α+1, β+t−1)/B(α, β) (FH 2007, eq. 7);</li>
 *   <li>the survival function S(t) = P(T &gt; t) = B(α, β+t)/B(α, β) (FH 2007, eq. 8);</li>
 *   <li>the retention rate of period t, r<sub>t</sub> = S(t)/S(t−1) = (β+t−1)/(α+β+t−1)
 *       (FH 2007, eq. 9), which rises with t as the cohort sorts itself;</li>
 *   <li>the likelihood of a cohort observed for n periods, with n<sub>t</sub> customers still
 *       active at the end of period t: L = Π<sub>t=1</sub><sup>n</sup> P(T = t)<sup>n<sub>t−1</sub>
 *       − n<sub>t</sub></sup> · S(n)<sup>n<sub>n</sub></sup> (FH 2007, appendix);</li>
 *   <li>the expected lifetime E[T] = (α+β−1)/(α−1), finite only for α &gt; 1;</li>
 *   <li>the discounted expected lifetime of a new customer, one unit of value paid at the start of
 *       every period she is active, with discount rate d per period: DEL(d) =
 *       <sub>2</sub>F<sub>1</sub>(1, β; α+β; 1/(1+d)) (FH 2010, eq. 6);</li>
 *   <li>the discounted expected residual lifetime of a customer who has renewed m times, evaluated
 *       just before her next renewal decision: DERL(d | m) = (β+m)/(α+β+m) ·
 *       <sub>2</sub>F<sub>1</sub>(1, β+m+1; α+β+m+1; 1/(1+d)) (FH 2010, eq. 8 with n = m+1). The
 *       first residual payment is not discounted, so DEL(d) = 1 + DERL(d | 0)/(1+d).</li>
 * </ul>
 * The hypergeometric series has positive terms (ratio (β+m+k)/(α+β+m+k) · 1/(1+d)) and is summed
 * in {@link GaussHypergeometric#logEuler}; it needs about 40(1+d)/d terms, so d must be at least
 * {@value #MIN_DISCOUNT}.
 *
 * <p>A cohort enters {@link CustomerSummaries} (the registry's {@link ClvModels.Input#SURVIVORS}
 * input) through {@link #cohort(long[])}: one row per group of customers, {@code frequency} =
 * {@code recency} = the number of renewals m made while observed and {@code T} = the number of
 * periods observed; m = T means still active, m &lt; T cancelled in period m+1. Instances are
 * immutable, thread-safe and serializable.
 *
 * <pre>{@code
 * ShiftedBetaGeometricModel sbg = ShiftedBetaGeometricModel.fit(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
 * double year12 = sbg.survival(12);   // 0.173
 * }</pre>
 */
public final class ShiftedBetaGeometricModel implements ClvModel, Serializable {

    /** The smallest discount rate per period DEL and DERL accept. */
    public static final double MIN_DISCOUNT = 1e-4;

    private static final String NAME = "sbg";
    private static final List<String> PARAMETER_NAMES = List.of("alpha", "beta");
    /** Periods beyond this are refused: the counts are whole periods of a contract. */
    private static final long MAX_PERIOD = 1_000_000_000L;

    private static final long serialVersionUID = 1L;

    /** α &gt; 0, first shape of the Beta distribution of the cancellation probability. */
    private final double alpha;
    /** β &gt; 0, second shape. */
    private final double beta;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;

    private ShiftedBetaGeometricModel(double alpha, double beta, FitDiagnostics diagnostics) {
        this.alpha = alpha;
        this.beta = beta;
        this.diagnostics = diagnostics;
    }

    /**
     * A model with known parameters, e.g. from a previous fit or the paper.
     *
     * @param alpha α &gt; 0, first shape of the Beta distribution of the cancellation probability θ
     * @param beta β &gt; 0, second shape
     * @return the model
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static ShiftedBetaGeometricModel of(double alpha, double beta) {
        require(Double.isFinite(alpha) && alpha > 0, "alpha %s is invalid: sBG parameters must be finite and > 0",
                alpha);
        require(Double.isFinite(beta) && beta > 0, "beta %s is invalid: sBG parameters must be finite and > 0", beta);
        return new ShiftedBetaGeometricModel(alpha, beta, FitDiagnostics.notFitted(NAME));
    }

    /**
     * A cohort's survivors as summaries (the encoding described in the class comment).
     *
     * @param alive customers still active at the end of period 0, 1, …, n: {@code alive[0]} is the
     *     cohort's size, the counts never rise, n &ge; 1
     * @return one weighted row per group (those lost in each period, those still active)
     * @throws IllegalArgumentException if there are fewer than two counts, the cohort is empty, a
     *     count is negative or rises
     */
    public static CustomerSummaries cohort(long[] alive) {
        requireNonNull(alive, "alive");
        require(alive.length >= 2, "alive has %s counts: a cohort needs its size and at least one period",
                alive.length);
        require(alive[0] > 0, "alive %s at period 0 is invalid: the cohort must have at least one customer", alive[0]);
        int n = alive.length - 1;
        require(n <= MAX_PERIOD, "%s periods are too many", n);
        List<double[]> rows = new ArrayList<>();
        for (int t = 1; t <= n; t++) {
            require(alive[t] >= 0, "alive %s at period %s is invalid: it must be >= 0", alive[t], t);
            require(alive[t] <= alive[t - 1], "alive %s at period %s is invalid: it exceeds %s at period %s, and a"
                    + " cohort only shrinks", alive[t], t, alive[t - 1], t - 1);
            long lost = alive[t - 1] - alive[t];
            if (lost > 0) {
                rows.add(new double[] {t - 1, lost});
            }
        }
        if (alive[n] > 0) {
            rows.add(new double[] {n, alive[n]});
        }
        int size = rows.size();
        double[] m = new double[size];
        double[] age = new double[size];
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            m[i] = rows.get(i)[0];
            age[i] = n;
            w[i] = rows.get(i)[1];
        }
        return CustomerSummaries.of(m, m.clone(), age, w);
    }

    /**
     * Fits the model by maximum likelihood to a cohort's survivors.
     *
     * @param alive customers still active at the end of period 0, 1, …, n (see {@link #cohort})
     * @return the fitted model
     * @throws IllegalArgumentException if the counts are invalid
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ShiftedBetaGeometricModel fit(long[] alive) {
        return fit(cohort(alive), 0.0);
    }

    /**
     * Fits the model by maximum likelihood with an L2 penalizer on the parameters (the meaning of
     * {@code lifetimes}' {@code penalizer_coef}) to cohort rows as {@link #cohort} encodes them.
     *
     * @param data rows with the renewals m in {@code frequency} and {@code recency} and the periods
     *     observed n in {@code T}, weighted by the number of customers
     * @param penalizer λ, 0 to {@link ClvModels#MAX_PENALIZER}
     * @return the fitted model
     * @throws IllegalArgumentException if a row is not such a row, nobody cancelled or nobody
     *     renewed (then the likelihood has no maximum), or λ is invalid
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ShiftedBetaGeometricModel fit(CustomerSummaries data, double penalizer) {
        requireNonNull(data, "data");
        double cancelled = 0;
        double renewals = 0;
        for (int i = 0; i < data.size(); i++) {
            checkRow(data.frequency(i), data.recency(i), data.age(i), i);
            if (data.frequency(i) < data.age(i)) {
                cancelled += data.weight(i);
            }
            renewals += data.weight(i) * data.frequency(i);
        }
        require(cancelled > 0, "no customer of the cohort cancelled: the sBG churn probability cannot be estimated");
        require(renewals > 0, "no customer of the cohort renewed: the sBG churn probability cannot be estimated");
        CustomerSummaries rows = data.compressed();
        int size = rows.size();
        double[] m = rows.frequencies();
        double[] n = rows.ages();
        double[] w = rows.weights();
        LogLikelihood likelihood = (params, gradient) -> {
            double a = params[0];
            double b = params[1];
            double psiAb = digamma(a + b);
            double psiA = digamma(a);
            double psiB = digamma(b);
            double lnB = logBeta(a, b);
            double sum = 0;
            gradient[0] = 0;
            gradient[1] = 0;
            for (int i = 0; i < size; i++) {
                if (m[i] < n[i]) {
                    // cancelled in period t = m + 1: ln B(a+1, b+m) - ln B(a, b)
                    double t = m[i] + 1;
                    double psiEnd = digamma(a + b + t);
                    sum += w[i] * (logBeta(a + 1, b + t - 1) - lnB);
                    gradient[0] += w[i] * (digamma(a + 1) - psiEnd - psiA + psiAb);
                    gradient[1] += w[i] * (digamma(b + t - 1) - psiEnd - psiB + psiAb);
                } else {
                    // active after n periods: ln B(a, b+n) - ln B(a, b)
                    double psiEnd = digamma(a + b + n[i]);
                    sum += w[i] * (logBeta(a, b + n[i]) - lnB);
                    gradient[0] += w[i] * (psiAb - psiEnd);
                    gradient[1] += w[i] * (digamma(b + n[i]) - psiEnd - psiB + psiAb);
                }
            }
            return sum;
        };
        // periods are counts: there is no unit to standardise
        ModelFit.Estimate estimate = ModelFit.fit(new ModelFit.Problem(NAME, PARAMETER_NAMES, likelihood,
                rows.totalWeight(), size, 1, new double[2], 0, ShiftedBetaGeometricModel::meaning), penalizer);
        return new ShiftedBetaGeometricModel(estimate.params()[0], estimate.params()[1], estimate.diagnostics());
    }

    /** ln L of cohort rows ({@link #cohort}'s encoding) at α and β (FH 2007, appendix). */
    static double logLikelihood(double a, double b, CustomerSummaries rows) {
        double lnB = logBeta(a, b);
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            double m = rows.frequency(i);
            double n = rows.age(i);
            sum += rows.weight(i) * (m < n ? logBeta(a + 1, b + m) - lnB : logBeta(a, b + n) - lnB);
        }
        return sum;
    }

    private static void checkRow(double m, double tx, double n, int row) {
        require(n == Math.rint(n) && n >= 1 && n <= MAX_PERIOD, "T %s at row %s is invalid: an sBG cohort row needs"
                + " the whole number of periods observed, 1 to %s", n, row, MAX_PERIOD);
        require(m == tx, "recency %s at row %s is invalid: an sBG cohort row repeats the renewals %s as recency",
                tx, row, m);
        require(m <= n, "frequency %s at row %s is invalid: renewals cannot exceed the %s periods observed", m, row,
                n);
    }

    private static String meaning(String parameter, boolean atInfinity) {
        if (atInfinity) {
            return "cancellation probabilities do not vary across customers (only alpha/(alpha+beta) is"
                    + " identified): the retention rate is constant";
        }
        return "cancellation probabilities pile up at 0 and 1";
    }

    /** @return α, first shape of the Beta distribution of the cancellation probability */
    public double alpha() {
        return alpha;
    }

    /** @return β, second shape of the Beta distribution of the cancellation probability */
    public double beta() {
        return beta;
    }

    /** @return {@code sbg}, the model's name on the command line */
    @Override
    public String name() {
        return NAME;
    }

    /** @return alpha and beta by name, in the paper's order */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("alpha", alpha, "beta", beta);
    }

    /** @return how the fit went; a model made by {@link #of} reports no iterations */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * P(T = t), the probability that a new customer cancels at the end of period t (FH 2007, eq. 7).
     *
     * @param t the period, 1 to 1,000,000,000
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if t is out of range
     */
    public double cancellationProbability(long t) {
        require(t >= 1 && t <= MAX_PERIOD, "period %s is invalid: it must be 1 to %s", t, MAX_PERIOD);
        return Math.exp(logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta));
    }

    /**
     * S(t), the share of a new cohort still active at the end of period t (FH 2007, eq. 8).
     *
     * @param t the period, 0 to 1,000,000,000; S(0) = 1
     * @return the survival, in [0, 1]
     * @throws IllegalArgumentException if t is out of range
     */
    public double survival(long t) {
        require(t >= 0 && t <= MAX_PERIOD, "period %s is invalid: it must be 0 to %s", t, MAX_PERIOD);
        return t == 0 ? 1.0 : Math.min(1.0, Math.exp(logBeta(alpha, beta + t) - logBeta(alpha, beta)));
    }

    /**
     * The retention rate of period t, r<sub>t</sub> = S(t)/S(t−1) = (β+t−1)/(α+β+t−1) (FH 2007, eq. 9):
     * the share of those active at the end of period t−1 who renew.
     *
     * @param t the period, 1 to 1,000,000,000
     * @return the rate, in (0, 1)
     * @throws IllegalArgumentException if t is out of range
     */
    public double retentionRate(long t) {
        require(t >= 1 && t <= MAX_PERIOD, "period %s is invalid: it must be 1 to %s", t, MAX_PERIOD);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * E[T] = (α+β−1)/(α−1), the expected number of periods a new customer stays (counting the
     * period she joins in).
     *
     * @return the expected lifetime in periods, &ge; 1
     * @throws IllegalArgumentException if α &le; 1: the expected lifetime is infinite
     */
    public double expectedLifetime() {
        require(alpha > 1, "alpha %s gives an infinite expected lifetime: E[T] is finite only for alpha > 1", alpha);
        double value = (alpha + beta - 1) / (alpha - 1);
        require(Double.isFinite(value), "alpha %s and beta %s give an expected lifetime beyond the range of a double",
                alpha, beta);
        return value;
    }

    /**
     * DEL(d) = <sub>2</sub>F<sub>1</sub>(1, β; α+β; 1/(1+d)) (FH 2010, eq. 6): the expected number
     * of payments of one unit a new customer makes, one at the start of each period she is active,
     * discounted at d per period to the start of the first period. Multiply by the margin per
     * period for the expected CLV.
     *
     * @param discount d per period, at least {@value #MIN_DISCOUNT} and finite
     * @return DEL, &ge; 1
     * @throws IllegalArgumentException if d is out of range
     */
    public double discountedExpectedLifetime(double discount) {
        checkDiscount(discount);
        return hypergeometric(beta, alpha + beta, discount);
    }

    /**
     * DERL(d | m) = (β+m)/(α+β+m) · <sub>2</sub>F<sub>1</sub>(1, β+m+1; α+β+m+1; 1/(1+d)) (FH 2010,
     * eq. 8, with n − 1 = m renewals): the expected discounted number of further payments of one
     * unit by a customer who has renewed m times (is in period m+1), evaluated just before her next
     * renewal decision; the next payment is not discounted. Her cancellation probability has the
     * posterior Beta(α, β+m).
     *
     * @param discount d per period, at least {@value #MIN_DISCOUNT} and finite
     * @param renewals m, the renewals she has made, 0 to 1,000,000,000
     * @return DERL, &ge; 0
     * @throws IllegalArgumentException if d or m is out of range
     */
    public double discountedExpectedResidualLifetime(double discount, long renewals) {
        checkDiscount(discount);
        require(renewals >= 0 && renewals <= MAX_PERIOD, "renewals %s is invalid: it must be 0 to %s", renewals,
                MAX_PERIOD);
        double b = beta + renewals;
        return b / (alpha + b) * hypergeometric(b + 1, alpha + b + 1, discount);
    }

    private static void checkDiscount(double discount) {
        require(Double.isFinite(discount) && discount >= MIN_DISCOUNT, "discount %s is invalid: it must be finite and"
                + " at least %s per period", discount, MIN_DISCOUNT);
    }

    /** <sub>2</sub>F<sub>1</sub>(1, e; f; 1/(1+d)) for 0 &lt; e &lt; f. */
    private static double hypergeometric(double e, double f, double discount) {
        double z = 1 / (1 + discount);
        double log = GaussHypergeometric.logEuler(e, f, z, null);
        double value = Math.exp(log);
        require(Double.isFinite(value), "discount %s is too small for parameters %s and %s: the discounted lifetime"
                + " cannot be evaluated", discount, e, f);
        return value;
    }

    /**
     * Simulates a cohort: each customer draws θ ~ Beta(α, β) and renews each period with
     * probability 1 − θ.
     *
     * @param customers the cohort size, &ge; 1
     * @param periods the periods observed, &ge; 1
     * @param seed the random seed; the same seed gives the same cohort
     * @return the customers still active at the end of period 0, 1, …, {@code periods}
     * @throws IllegalArgumentException if a count is invalid
     */
    public long[] simulate(int customers, int periods, long seed) {
        require(customers >= 1, "customers %s is invalid: simulate at least 1", customers);
        require(periods >= 1 && periods <= 100_000, "periods %s is invalid: it must be 1 to 100000", periods);
        HeterogeneityDraws draws = new HeterogeneityDraws(seed);
        long[] alive = new long[periods + 1];
        for (int c = 0; c < customers; c++) {
            double theta = draws.beta(alpha, beta);
            int t = 0;
            alive[0]++;
            while (t < periods && draws.uniform() >= theta) {
                t++;
                alive[t]++;
            }
        }
        return alive;
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerializedModel(NAME, new double[] {alpha, beta}, diagnostics, Double.NaN);
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
    static ShiftedBetaGeometricModel restore(double[] p, FitDiagnostics diagnostics) {
        of(p[0], p[1]);
        return new ShiftedBetaGeometricModel(p[0], p[1], diagnostics);
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "ShiftedBetaGeometricModel[alpha=" + alpha + ", beta=" + beta + ", "
                + diagnostics.fitSummary() + "]";
    }
}
