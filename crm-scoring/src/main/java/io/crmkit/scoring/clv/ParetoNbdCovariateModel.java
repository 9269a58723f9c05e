package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.Bfgs;
import io.crmkit.scoring.internal.math.DifferentiableFunction;
import io.crmkit.scoring.internal.math.MaximumLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pareto/NBD with static covariates in the parameterisation of CLVTools (Bachmann, Meierer &amp;
 * Näf 2021, "The Role of Time-Varying Contextual Factors in Latent Attrition Models for Customer
 * Base Analysis", <i>Marketing Science</i> 40(4), 783-809, and the CLVTools vignette, section
 * "Add static covariates"): the purchase process and the attrition process each have their own
 * covariates z<sub>trans</sub>, z<sub>life</sub>, and the rate parameters of the two gamma
 * distributions become, per customer i,
 * α<sub>i</sub> = α · exp(−γ<sub>trans</sub>ᵀ z<sub>trans,i</sub>) and
 * β<sub>i</sub> = β · exp(−γ<sub>life</sub>ᵀ z<sub>life,i</sub>): a positive γ<sub>trans</sub>
 * raises the expected purchase rate r/α<sub>i</sub>, a positive γ<sub>life</sub> the expected dropout
 * rate s/β<sub>i</sub>. Each customer's likelihood, P(alive) and conditional expectation are those of
 * {@link ParetoNbdModel} at (r, α<sub>i</sub>, s, β<sub>i</sub>).
 *
 * <p>Options, as CLVTools': a covariate named in {@code equal} gets one γ for both processes
 * (CLVTools' {@code names.cov.constr}); {@code regularization} λ &ge; 0 adds λ Σ γ² to the mean
 * negative log-likelihood (CLVTools' {@code reg.lambdas}, here one λ for both processes). The
 * fit starts from the Pareto/NBD fit without covariates (γ = 0) and maximises over
 * (ln r, ln α, ln s, ln β, γ) by BFGS with the analytic gradient; without any covariate it
 * <em>is</em> that fit. Standard errors of every parameter come from the observed information
 * (the Hessian of the objective by central differences of the analytic gradient), by the delta
 * method for r, α, s, β. {@link #likelihoodRatioTest} compares nested fits. Immutable and
 * thread-safe; unlike the registry's models not serializable (keep {@link #parameters()}).
 *
 * <pre>{@code
 * ParetoNbdCovariateModel model = ParetoNbdCovariateModel.fit(data, trans, life, Set.of(), 0);
 * double gender = model.transactionCoefficients().get("gender");
 * }</pre>
 */
public final class ParetoNbdCovariateModel implements ClvModel {

    private static final String NAME = "pareto";
    private static final List<String> BASE = List.of("r", "alpha", "s", "beta");

    private final double[] base;
    private final ImmutableMap<String, Double> parameters;
    private final ImmutableMap<String, Double> transaction;
    private final ImmutableMap<String, Double> lifetime;
    private final FitDiagnostics diagnostics;
    private final int parameterCount;

    private ParetoNbdCovariateModel(double[] base, ImmutableMap<String, Double> parameters,
            ImmutableMap<String, Double> transaction, ImmutableMap<String, Double> lifetime, FitDiagnostics diagnostics,
            int parameterCount) {
        this.base = base;
        this.parameters = parameters;
        this.transaction = transaction;
        this.lifetime = lifetime;
        this.diagnostics = diagnostics;
        this.parameterCount = parameterCount;
    }

    /**
     * Fits the model.
     *
     * @param data the customers (x, t<sub>x</sub>, T), weight 1 or more each
     * @param transaction covariates of the purchase process, one row per row of {@code data}
     * @param life covariates of the attrition process, one row per row of {@code data}
     * @param equal names present in both with one common γ for both processes
     * @param regularization λ &ge; 0 of the L2 penalty λ Σ γ² on the mean negative log-likelihood
     * @return the fitted model
     * @throws IllegalArgumentException if the rows do not match, a constrained name is not in both
     *     sets, λ is invalid, or the data cannot be fitted
     * @throws ConvergenceException if the optimiser does not converge
     */
    public static ParetoNbdCovariateModel fit(CustomerSummaries data, Covariates transaction, Covariates life,
            Set<String> equal, double regularization) {
        requireNonNull(data, "data");
        requireNonNull(transaction, "transaction");
        requireNonNull(life, "life");
        requireNonNull(equal, "equal");
        require(Double.isFinite(regularization) && regularization >= 0,
                "regularization %s is invalid: it must be finite and >= 0", regularization);
        require(transaction.size() == data.size() && life.size() == data.size(), "covariates have %s and %s rows for"
                + " %s customers: give one row per customer", transaction.size(), life.size(), data.size());
        for (String name : equal) {
            require(transaction.names().contains(name) && life.names().contains(name), "covariate %s cannot be"
                    + " constrained equal across processes: it must be a covariate of both", name);
        }
        ParetoNbdModel start = ParetoNbdModel.fit(data);
        int p = transaction.names().size();
        int q = life.names().size();
        if (p == 0 && q == 0) {
            return new ParetoNbdCovariateModel(new double[] {start.r(), start.alpha(), start.s(), start.beta()},
                    start.parameters(), ImmutableMap.of(), ImmutableMap.of(), start.diagnostics(), 4);
        }
        // positions in u = (ln r, ln alpha, ln s, ln beta, gamma...)
        int[] transAt = new int[p];
        int[] lifeAt = new int[q];
        List<String> names = new ArrayList<>(BASE);
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            String name = transaction.names().get(j);
            transAt[j] = names.size();
            names.add(equal.contains(name) ? "gamma." + name : "trans." + name);
            if (equal.contains(name)) {
                shared.put(name, transAt[j]);
            }
        }
        for (int j = 0; j < q; j++) {
            String name = life.names().get(j);
            if (shared.containsKey(name)) {
                lifeAt[j] = shared.get(name);
            } else {
                lifeAt[j] = names.size();
                names.add("life." + name);
            }
        }
        int k = names.size();
        int n = data.size();
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < n; i++) {
            maxAge = Math.max(maxAge, data.age(i));
            repeat += data.weight(i) * data.frequency(i);
        }
        double scale = 10.0 / maxAge;
        double[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] age = data.ages();
        double[] w = data.weights();
        for (int i = 0; i < n; i++) {
            tx[i] *= scale;
            age[i] *= scale;
        }
        double total = data.totalWeight();
        double[][] zt = new double[n][p];
        double[][] zl = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                zt[i][j] = transaction.value(i, j);
            }
            for (int j = 0; j < q; j++) {
                zl[i][j] = life.value(i, j);
            }
        }
        DifferentiableFunction objective = (u, gradient) -> {
            double[] theta = new double[4];
            double[] g = new double[4];
            java.util.Arrays.fill(gradient, 0.0);
            double sum = 0;
            double r = Math.exp(u[0]);
            double alpha = Math.exp(u[1]);
            double s = Math.exp(u[2]);
            double beta = Math.exp(u[3]);
            ParetoNbdModel.CustomerLikelihood customer = new ParetoNbdModel.CustomerLikelihood(r, s);
            for (int i = 0; i < n; i++) {
                double etaT = 0;
                for (int j = 0; j < p; j++) {
                    etaT += zt[i][j] * u[transAt[j]];
                }
                double etaL = 0;
                for (int j = 0; j < q; j++) {
                    etaL += zl[i][j] * u[lifeAt[j]];
                }
                theta[0] = r;
                theta[1] = alpha * Math.exp(-etaT);
                theta[2] = s;
                theta[3] = beta * Math.exp(-etaL);
                double ll = customer.logLikelihood(theta[1], theta[3], x[i], tx[i], age[i], g);
                sum += w[i] * ll;
                double dAlpha = w[i] * theta[1] * g[1];
                double dBeta = w[i] * theta[3] * g[3];
                gradient[0] -= w[i] * r * g[0];
                gradient[1] -= dAlpha;
                gradient[2] -= w[i] * s * g[2];
                gradient[3] -= dBeta;
                for (int j = 0; j < p; j++) {
                    gradient[transAt[j]] += zt[i][j] * dAlpha;
                }
                for (int j = 0; j < q; j++) {
                    gradient[lifeAt[j]] += zl[i][j] * dBeta;
                }
            }
            double penalty = 0;
            for (int j = 4; j < k; j++) {
                penalty += u[j] * u[j];
                gradient[j] = gradient[j] / total + 2 * regularization * u[j];
            }
            for (int j = 0; j < 4; j++) {
                gradient[j] /= total;
            }
            return Double.isFinite(sum) ? -sum / total + regularization * penalty : Double.NaN;
        };
        double[] u0 = new double[k];
        u0[0] = Math.log(start.r());
        u0[1] = Math.log(start.alpha() * scale);
        u0[2] = Math.log(start.s());
        u0[3] = Math.log(start.beta() * scale);
        Bfgs.Result result = Bfgs.minimize(objective, u0, MaximumLikelihood.MAX_ITERATIONS,
                MaximumLikelihood.GRADIENT_TOLERANCE);
        if (!(result.converged() || result.gradientNorm() <= 1e-6) || !Double.isFinite(result.value())) {
            throw new ConvergenceException(NAME + " with covariates", result.iterations(), result.gradientNorm(),
                    result.message());
        }
        double[] u = result.point();
        double[] variance = hessianInverseDiagonal(objective, u, total);
        double[] params = new double[k];
        ImmutableMap.Builder<String, Double> errors = ImmutableMap.builder();
        ImmutableList.Builder<FitWarning> warnings = ImmutableList.builder();
        for (int j = 0; j < k; j++) {
            double unit = j == 1 || j == 3 ? 1 / scale : 1;
            params[j] = j < 4 ? Math.exp(u[j]) * unit : u[j];
            double se = variance == null ? Double.NaN : (j < 4 ? params[j] : 1) * Math.sqrt(variance[j]);
            if (Double.isFinite(se)) {
                errors.put(names.get(j), se);
            } else {
                warnings.add(new FitWarning(FitWarning.Kind.NO_STANDARD_ERROR, names.get(j),
                        "no standard error: the observed information is not positive definite"));
            }
        }
        double logLikelihood = -result.value() * total + regularization * total * penalty(u) + repeat * Math.log(scale);
        FitDiagnostics diagnostics = new FitDiagnostics(NAME, logLikelihood, total, n, result.iterations(),
                result.evaluations(), result.gradientNorm(), regularization, errors.buildOrThrow(), warnings.build());
        ImmutableMap.Builder<String, Double> trans = ImmutableMap.builder();
        for (int j = 0; j < p; j++) {
            trans.put(transaction.names().get(j), params[transAt[j]]);
        }
        ImmutableMap.Builder<String, Double> lifeCoefficients = ImmutableMap.builder();
        for (int j = 0; j < q; j++) {
            lifeCoefficients.put(life.names().get(j), params[lifeAt[j]]);
        }
        ImmutableMap.Builder<String, Double> all = ImmutableMap.builder();
        for (int j = 0; j < k; j++) {
            all.put(names.get(j), params[j]);
        }
        return new ParetoNbdCovariateModel(new double[] {params[0], params[1], params[2], params[3]},
                all.buildOrThrow(), trans.buildOrThrow(), lifeCoefficients.buildOrThrow(), diagnostics, k);
    }

    private static double penalty(double[] u) {
        double sum = 0;
        for (int j = 4; j < u.length; j++) {
            sum += u[j] * u[j];
        }
        return sum;
    }

    /** The diagonal of the inverse Hessian of W·f in u, or null if it is not positive definite. */
    private static double[] hessianInverseDiagonal(DifferentiableFunction objective, double[] u, double total) {
        return MaximumLikelihood.inverseDiagonal(MaximumLikelihood.hessian(objective, u, total));
    }

    /**
     * The likelihood-ratio test of a restricted fit against a fuller fit of the same customers: the
     * statistic 2(ℓ<sub>full</sub> − ℓ<sub>restricted</sub>), asymptotically χ² with as many degrees
     * of freedom as the fuller fit has more parameters (Wilks' theorem; valid for unregularised fits
     * whose restriction lies inside the parameter space).
     *
     * @param restricted the nested fit, e.g. without a covariate or with γ constrained equal
     * @param full the fuller fit
     * @return the test
     * @throws IllegalArgumentException if {@code full} has not more parameters, or a fit is regularised
     */
    public static LikelihoodRatioTest likelihoodRatioTest(ParetoNbdCovariateModel restricted,
            ParetoNbdCovariateModel full) {
        requireNonNull(restricted, "restricted");
        requireNonNull(full, "full");
        int df = full.parameterCount - restricted.parameterCount;
        require(df > 0, "the full fit has %s parameters, the restricted %s: the full fit must have more",
                full.parameterCount, restricted.parameterCount);
        require(full.diagnostics.penalizer() == 0 && restricted.diagnostics.penalizer() == 0,
                "a likelihood-ratio test needs unregularised fits");
        double statistic = Math.max(0, 2 * (full.diagnostics.logLikelihood() - restricted.diagnostics.logLikelihood()));
        return new LikelihoodRatioTest(statistic, df, SpecialFunctions.regularizedGammaQ(df / 2.0, statistic / 2));
    }

    /**
     * A likelihood-ratio test.
     *
     * @param statistic 2(ℓ<sub>full</sub> − ℓ<sub>restricted</sub>), &ge; 0
     * @param degreesOfFreedom the difference in parameter counts
     * @param pValue P(χ²<sub>df</sub> &ge; statistic)
     */
    public record LikelihoodRatioTest(double statistic, int degreesOfFreedom, double pValue) {
    }

    /** @return {@code pareto}: the model is Pareto/NBD */
    @Override
    public String name() {
        return NAME;
    }

    /** @return r, alpha, s, beta, then trans.NAME, life.NAME (gamma.NAME when constrained equal) */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return parameters;
    }

    /** @return γ<sub>trans</sub> by covariate name */
    public ImmutableMap<String, Double> transactionCoefficients() {
        return transaction;
    }

    /** @return γ<sub>life</sub> by covariate name */
    public ImmutableMap<String, Double> lifetimeCoefficients() {
        return lifetime;
    }

    /** @return how the fit went, with the standard errors of every parameter */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * The Pareto/NBD of one customer: (r, α exp(−γ<sub>trans</sub>ᵀz<sub>trans</sub>), s,
     * β exp(−γ<sub>life</sub>ᵀz<sub>life</sub>)); ask it for P(alive), E[Y(t) | …] and the rest.
     *
     * @param transaction the customer's purchase-process covariates by name (every fitted name)
     * @param life the customer's attrition-process covariates by name (every fitted name)
     * @return the customer's Pareto/NBD
     * @throws IllegalArgumentException if a covariate is missing or not finite
     */
    public ParetoNbdModel forCustomer(Map<String, Double> transaction, Map<String, Double> life) {
        requireNonNull(transaction, "transaction");
        requireNonNull(life, "life");
        double etaT = linear(this.transaction, transaction, "transaction");
        double etaL = linear(this.lifetime, life, "life");
        return ParetoNbdModel.of(base[0], base[1] * Math.exp(-etaT), base[2], base[3] * Math.exp(-etaL));
    }

    private static double linear(ImmutableMap<String, Double> coefficients, Map<String, Double> values, String what) {
        double eta = 0;
        for (Map.Entry<String, Double> c : coefficients.entrySet()) {
            Double v = values.get(c.getKey());
            require(v != null && Double.isFinite(v), "%s covariate %s is %s: every fitted covariate needs a finite"
                    + " value", what, c.getKey(), v);
            eta += c.getValue() * v;
        }
        return eta;
    }

    /**
     * P(alive) and E[Y(t) | x, t<sub>x</sub>, T] for every row of summaries with their covariates.
     *
     * @param data the customers
     * @param transaction their purchase-process covariates (the fitted names, in any order)
     * @param life their attrition-process covariates
     * @param horizon t, &ge; 0, in the data's time unit
     * @return {@code expected_purchases} and {@code p_alive}, one value per row
     * @throws IllegalArgumentException if the rows do not match or a value is invalid
     */
    public ImmutableMap<String, double[]> predict(CustomerSummaries data, Covariates transaction, Covariates life,
            double horizon) {
        requireNonNull(data, "data");
        require(transaction.size() == data.size() && life.size() == data.size(), "covariates have %s and %s rows for"
                + " %s customers", transaction.size(), life.size(), data.size());
        double[] expected = new double[data.size()];
        double[] alive = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            ParetoNbdModel one = forCustomer(row(transaction, i), row(life, i));
            expected[i] = one.conditionalExpectedPurchases(horizon, data.frequency(i), data.recency(i), data.age(i));
            alive[i] = one.probabilityAlive(data.frequency(i), data.recency(i), data.age(i));
        }
        return ImmutableMap.of("expected_purchases", expected, "p_alive", alive);
    }

    private static Map<String, Double> row(Covariates c, int i) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < c.names().size(); j++) {
            out.put(c.names().get(j), c.value(i, j));
        }
        return out;
    }

    /** @return the parameters and the log-likelihood, never data */
    @Override
    public String toString() {
        return "ParetoNbdCovariateModel" + parameters() + "[logLikelihood=" + diagnostics.logLikelihood() + "]";
    }
}
