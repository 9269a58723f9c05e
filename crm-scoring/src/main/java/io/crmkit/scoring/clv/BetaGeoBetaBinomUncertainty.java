package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.clv.ParameterUncertainty.Method;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * How uncertain a fitted {@link BetaGeoBetaBinomModel} is, and what that means for its
 * predictions: confidence intervals on α, β, γ, δ and per customer on the expected transactions
 * in the next opportunities and P(alive), by the two methods of {@link ParameterUncertainty}.
 *
 * <ul>
 *   <li><b>Delta method</b> ({@link Method#DELTA}): the covariance of the log-parameters is the
 *       inverse of the observed information (central second differences of the weighted
 *       log-likelihood, step 10<sup>−4</sup>); a positive quantity g gets g·exp(±z·sd), a P(alive)
 *       the same on the logit scale.</li>
 *   <li><b>Parametric bootstrap</b> ({@link Method#BOOTSTRAP}): B data sets with as many customers
 *       per number of opportunities n as the data ({@link BetaGeoBetaBinomModel#simulate}, seeded),
 *       refitted once and shared by every later interval; more than a tenth of failed refits is
 *       refused.</li>
 * </ul>
 *
 * Which to use when: BG/BB data are usually one cohort with few opportunities (the paper's 11,104
 * donors over 6 years) summarised in a few dozen (x, t<sub>x</sub>, n) patterns; with thousands of
 * customers the delta method is accurate and instant. Use the bootstrap for hundreds of customers
 * or fewer, when a parameter runs large (β or δ towards infinity: no heterogeneity, the fit warns),
 * and for P(alive) close to 0 or 1. The test suite's seeded study (150 cohorts of 2,000 customers
 * over 6 opportunities at the paper's estimates) finds the 95 % delta-method intervals of the four
 * parameters covering the truth in 570 of 600 checks (95.0 %; α 144, β 136, γ 147, δ 143 of 150).
 * On the donations the two methods agree: a donor with (3, 4, 6) is expected to give 1.035 times in
 * the next 5 years, [0.978, 1.095] by the delta method and [0.977, 1.094] by 200 bootstrap refits.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * BetaGeoBetaBinomUncertainty u = BetaGeoBetaBinomUncertainty.of(bgbb, donations);
 * ParameterUncertainty.Interval nextFive = u.conditionalExpectedPurchases(ParameterUncertainty.Method.DELTA, 5, 3, 4, 6);
 * }</pre>
 */
public final class BetaGeoBetaBinomUncertainty {

    private static final int DEFAULT_REPLICATIONS = 200;
    private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta");

    private final BetaGeoBetaBinomModel model;
    private final CustomerSummaries rows;
    private final double[][] covariance;
    private final int replications;
    private final long seed;
    private final LogScaleIntervals<BetaGeoBetaBinomModel> intervals;

    private BetaGeoBetaBinomUncertainty(BetaGeoBetaBinomModel model, CustomerSummaries rows, double[][] covariance,
            double level, int replications, long seed) {
        this.model = model;
        this.rows = rows;
        this.covariance = covariance;
        this.replications = replications;
        this.seed = seed;
        this.intervals = new LogScaleIntervals<>(model, NAMES, parameters(model), covariance,
                p -> BetaGeoBetaBinomModel.of(p[0], p[1], p[2], p[3]), Suppliers.memoize(this::refit), level);
    }

    private static double[] parameters(BetaGeoBetaBinomModel model) {
        return new double[] {model.alpha(), model.beta(), model.gamma(), model.delta()};
    }

    /**
     * The uncertainty of a model fitted to {@code data}, at the 95 % level, with 200 bootstrap
     * replications from seed 1.
     *
     * @param model the BG/BB model fitted to {@code data}
     * @param data the histories (x, t<sub>x</sub>, n) it was fitted to (weights whole numbers for the bootstrap)
     * @return the uncertainty
     * @throws IllegalArgumentException if a row is invalid, or the observed information is not
     *     positive definite (the delta method does not apply; the message says so)
     */
    public static BetaGeoBetaBinomUncertainty of(BetaGeoBetaBinomModel model, CustomerSummaries data) {
        requireNonNull(model, "model");
        CustomerSummaries rows = requireNonNull(data, "data").compressed();
        double[][] covariance = LogScaleIntervals.covariance(parameters(model), p -> {
            BetaGeoBetaBinomModel at = BetaGeoBetaBinomModel.of(p[0], p[1], p[2], p[3]);
            double sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                sum += rows.weight(i) * at.logLikelihood(rows.frequency(i), rows.recency(i), rows.age(i));
            }
            return sum;
        });
        require(covariance != null, "the observed information of bgbb on these data is not positive definite: the"
                + " likelihood is flat in some direction (see the fit's warnings); use the bootstrap");
        return new BetaGeoBetaBinomUncertainty(model, rows, covariance, 0.95, DEFAULT_REPLICATIONS, 1);
    }

    /**
     * These settings at another confidence level.
     *
     * @param level in (0, 1), e.g. 0.9
     * @return the uncertainty at that level
     * @throws IllegalArgumentException if the level is out of range
     */
    public BetaGeoBetaBinomUncertainty withLevel(double level) {
        require(level > 0 && level < 1, "level %s is invalid: it must be in (0, 1)", level);
        return new BetaGeoBetaBinomUncertainty(model, rows, covariance, level, replications, seed);
    }

    /**
     * These settings with another bootstrap.
     *
     * @param replications B, 20 to 100,000
     * @param seed the seed of the simulations
     * @return the uncertainty with that bootstrap
     * @throws IllegalArgumentException if B is out of range
     */
    public BetaGeoBetaBinomUncertainty withBootstrap(int replications, long seed) {
        require(replications >= 20 && replications <= 100_000, "replications %s is invalid: it must be 20 to 100000",
                replications);
        return new BetaGeoBetaBinomUncertainty(model, rows, covariance, intervals.level(), replications, seed);
    }

    /** @return the covariance of the log-parameters (ln α, ln β, ln γ, ln δ) (a copy) */
    public double[][] logParameterCovariance() {
        return intervals.covariance();
    }

    /**
     * Wald intervals of the parameters on the log scale: θ·exp(±z·√Σ<sub>jj</sub>).
     *
     * @return the interval per parameter name, in the model's order
     */
    public ImmutableMap<String, Interval> parameterIntervals() {
        return intervals.parameterIntervals();
    }

    /**
     * The interval of any positive quantity of the model.
     *
     * @param quantity the quantity as a function of the model, &gt; 0 and finite near the estimate
     * @param method delta method or bootstrap
     * @return the interval
     * @throws IllegalArgumentException if the quantity is not positive and finite, or too many
     *     bootstrap refits fail
     */
    public Interval interval(ToDoubleFunction<BetaGeoBetaBinomModel> quantity, Method method) {
        requireNonNull(quantity, "quantity");
        return intervals.interval(quantity, requireNonNull(method, "method"), false);
    }

    /**
     * The expected transactions in the next opportunities of a customer with history
     * (x, t<sub>x</sub>, n), with its interval.
     *
     * @param method delta method or bootstrap
     * @param futurePeriods the opportunities ahead, &ge; 1
     * @param x transactions
     * @param tx the opportunity of the last
     * @param n opportunities observed
     * @return the interval
     * @throws IllegalArgumentException if an input is invalid
     */
    public Interval conditionalExpectedPurchases(Method method, int futurePeriods, double x, double tx, double n) {
        require(futurePeriods >= 1, "future periods %s is invalid: an interval needs at least 1", futurePeriods);
        return interval(m -> m.conditionalExpectedPurchases(futurePeriods, x, tx, n), method);
    }

    /**
     * P(alive at the next opportunity | x, t<sub>x</sub>, n) with its interval (delta method on the
     * logit scale).
     *
     * @param method delta method or bootstrap
     * @param x transactions
     * @param tx the opportunity of the last
     * @param n opportunities observed
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException if the history is invalid or the probability is 0 or 1
     */
    public Interval probabilityAlive(Method method, double x, double tx, double n) {
        return intervals.interval(m -> m.probabilityAlive(x, tx, n), requireNonNull(method, "method"), true);
    }

    /** Simulates B data sets with the data's customers per n and refits each. */
    private ImmutableList<BetaGeoBetaBinomModel> refit() {
        TreeMap<Integer, Integer> customersPerN = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < rows.size(); i++) {
            double w = rows.weight(i);
            requireRow(w == Math.rint(w), "weight %s at row %s is invalid for the bootstrap: it simulates whole customers",
                    w, i);
            total += w;
            customersPerN.merge((int) rows.age(i), (int) w, Integer::sum);
        }
        require(total <= 50_000_000, "%s customers are too many to simulate", total);
        ImmutableList.Builder<BetaGeoBetaBinomModel> models = ImmutableList.builder();
        int failed = 0;
        for (int b = 0; b < replications; b++) {
            CustomerSummaries simulated = null;
            int group = 0;
            for (var entry : customersPerN.entrySet()) {
                CustomerSummaries part = model.simulate(entry.getValue(), entry.getKey(),
                        (seed + b) * 1_000_003L + group++);
                simulated = simulated == null ? part : simulated.merge(part);
            }
            try {
                models.add(BetaGeoBetaBinomModel.fit(requireNonNull(simulated, "simulated")));
            } catch (ConvergenceException | IllegalArgumentException e) {
                failed++;
            }
        }
        require(failed * 10 <= replications, "%s of %s bootstrap refits of bgbb failed: the model is too uncertain on"
                + " these data for a bootstrap interval", failed, replications);
        return models.build();
    }

    /** @return the level and the bootstrap settings, never data */
    @Override
    public String toString() {
        return "BetaGeoBetaBinomUncertainty[level=" + intervals.level() + ", replications=" + replications
                + ", seed=" + seed + "]";
    }
}
