package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.Bfgs;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.DifferentiableFunction;
import io.crmkit.scoring.internal.math.MaximumLikelihood;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one fit template of the models with static covariates ({@link ParetoNbdCovariateModel},
 * {@link BetaGeoCovariateModel}): four population parameters θ, of which some are multiplied per
 * customer i by exp(±γ<sub>trans</sub>ᵀz<sub>trans,i</sub>) or exp(±γ<sub>life</sub>ᵀz<sub>life,i</sub>)
 * as the {@link Spec} says, and the customer's log-likelihood is the model's own at those
 * parameters. The objective is the mean negative log-likelihood plus λ Σ γ² over
 * u = (ln θ, γ), minimised by BFGS from the fit without covariates (γ = 0) with the analytic
 * gradient ∂ℓ/∂u<sub>k</sub> = θ<sub>i,k</sub> ∂ℓ/∂θ<sub>k</sub> and
 * ∂ℓ/∂γ = Σ<sub>k</sub> ±z θ<sub>i,k</sub> ∂ℓ/∂θ<sub>k</sub>; standard errors come from
 * {@link MaximumLikelihood#hessian}. Times are rescaled so that the largest T is 10 while
 * fitting, as in every other fit of this package.
 */
final class CovariateFit {

    /** Prefix of a purchase-process coefficient in {@code parameters()}. */
    static final String TRANS = "trans.";
    /** Prefix of an attrition-process coefficient. */
    static final String LIFE = "life.";
    /** Prefix of a coefficient constrained equal across the two processes. */
    static final String SHARED = "gamma.";

    /**
     * Rows per chunk of the sum ({@link ChunkedSum}): fixed, so that the fit does not depend on the
     * number of threads.
     */
    static final int CHUNK_ROWS = 1024;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests,
     * interleaved, 2 cores at load average 13-20, so that only the CPU figures are reliable): the rows cost what Pareto/NBD's cost (0.37 µs each) plus the linear
     * predictors, BG/NBD's per-customer formula about half of that; the chunks and the threshold are
     * Pareto/NBD's (1,024 rows, parallel from 8,192 rows, where the parallel Pareto/NBD sums took at
     * most 3 % more CPU).
     */
    static final int PARALLEL_ROWS = 8192;

    private CovariateFit() {
    }

    /** A customer's log-likelihood at θ, with its gradient in θ. */
    @FunctionalInterface
    interface Kernel {
        double logLikelihood(double[] theta, double x, double tx, double age, double[] gradient);

        /**
         * A kernel for a chunk of rows summed on another thread beside this one: this kernel when it
         * keeps no state between calls (the default), a fresh one when it does.
         */
        default Kernel forChunk() {
            return this;
        }
    }

    /**
     * How covariates enter a model.
     *
     * @param name the model's short name
     * @param base the names of θ, in order
     * @param transSign per θ<sub>k</sub>: θ<sub>i,k</sub> = θ<sub>k</sub> exp(transSign<sub>k</sub> η<sub>trans</sub> +
     *     lifeSign<sub>k</sub> η<sub>life</sub>), each −1, 0 or 1
     * @param lifeSign per θ<sub>k</sub>, as {@code transSign}
     * @param perTime per θ<sub>k</sub>: whether it carries 1/time (rescaled while fitting)
     */
    record Spec(String name, List<String> base, int[] transSign, int[] lifeSign, boolean[] perTime) {

        /** θ<sub>i</sub> of one customer from θ and the linear predictors. */
        double[] customer(double[] theta, double etaTrans, double etaLife, double[] out) {
            for (int k = 0; k < theta.length; k++) {
                out[k] = theta[k] * Math.exp(transSign[k] * etaTrans + lifeSign[k] * etaLife);
            }
            return out;
        }
    }

    /**
     * A fitted (or restored) model with covariates.
     *
     * @param base θ in the data's time unit
     * @param parameters θ by name, then trans.NAME, life.NAME, gamma.NAME
     * @param transaction γ<sub>trans</sub> by covariate name
     * @param life γ<sub>life</sub> by covariate name
     * @param diagnostics how the fit went
     */
    record Result(double[] base, ImmutableMap<String, Double> parameters, ImmutableMap<String, Double> transaction,
            ImmutableMap<String, Double> life, FitDiagnostics diagnostics) {

        /** @return the number of free parameters */
        int parameterCount() {
            return parameters.size();
        }

        /** θ<sub>i</sub> of a customer with the named covariate values. */
        double[] customer(Spec spec, Map<String, Double> transaction, Map<String, Double> life) {
            requireNonNull(transaction, "transaction");
            requireNonNull(life, "life");
            double etaT = linear(this.transaction, transaction, "transaction");
            double etaL = linear(this.life, life, "life");
            double[] theta = spec.customer(base, etaT, etaL, new double[base.length]);
            for (int k = 0; k < theta.length; k++) {
                require(Double.isFinite(theta[k]) && theta[k] > 0, "the covariates put %s at %s for this customer:"
                        + " exp(gamma'z) is outside the range of a double", spec.base().get(k), theta[k]);
            }
            return theta;
        }
    }

    /**
     * Fits θ and γ.
     *
     * @param start the fit without covariates, in the data's time unit: θ and its diagnostics
     */
    static Result fit(Spec spec, Kernel kernel, CustomerSummaries data, Covariates transaction, Covariates life,
            Set<String> equal, double regularization, double[] start, FitDiagnostics startDiagnostics) {
        int p = transaction.names().size();
        int q = life.names().size();
        int base = spec.base().size();
        if (p == 0 && q == 0) {
            ImmutableMap.Builder<String, Double> params = ImmutableMap.builder();
            for (int k = 0; k < base; k++) {
                params.put(spec.base().get(k), start[k]);
            }
            return new Result(start.clone(), params.buildOrThrow(), ImmutableMap.of(), ImmutableMap.of(),
                    startDiagnostics);
        }
        // positions in u = (ln theta, gamma...)
        int[] transAt = new int[p];
        int[] lifeAt = new int[q];
        List<String> names = new ArrayList<>(spec.base());
        Map<String, Integer> shared = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            String name = transaction.names().get(j);
            transAt[j] = names.size();
            names.add((equal.contains(name) ? SHARED : TRANS) + name);
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
                names.add(LIFE + name);
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
        int[] ts = spec.transSign();
        int[] ls = spec.lifeSign();
        DifferentiableFunction objective = (u, gradient) -> {
            double[] populationTheta = new double[base];
            for (int m = 0; m < base; m++) {
                populationTheta[m] = Math.exp(u[m]);
            }
            // the chunks sum ℓ and −∂ℓ/∂u
            double sum = ChunkedSum.sum(n, CHUNK_ROWS, PARALLEL_ROWS, gradient, (from, to, chunkGradient) -> {
                Kernel chunkKernel = kernel.forChunk();
                double[] theta = new double[base];
                double[] g = new double[base];
                double chunkSum = 0;
                for (int i = from; i < to; i++) {
                    double etaT = 0;
                    for (int j = 0; j < p; j++) {
                        etaT += zt[i][j] * u[transAt[j]];
                    }
                    double etaL = 0;
                    for (int j = 0; j < q; j++) {
                        etaL += zl[i][j] * u[lifeAt[j]];
                    }
                    spec.customer(populationTheta, etaT, etaL, theta);
                    double ll = chunkKernel.logLikelihood(theta, x[i], tx[i], age[i], g);
                    chunkSum += w[i] * ll;
                    double dTrans = 0;
                    double dLife = 0;
                    for (int m = 0; m < base; m++) {
                        double d = w[i] * theta[m] * g[m];
                        chunkGradient[m] -= d;
                        dTrans += ts[m] * d;
                        dLife += ls[m] * d;
                    }
                    for (int j = 0; j < p; j++) {
                        chunkGradient[transAt[j]] -= zt[i][j] * dTrans;
                    }
                    for (int j = 0; j < q; j++) {
                        chunkGradient[lifeAt[j]] -= zl[i][j] * dLife;
                    }
                }
                return chunkSum;
            });
            double penalty = 0;
            for (int j = base; j < k; j++) {
                penalty += u[j] * u[j];
                gradient[j] = gradient[j] / total + 2 * regularization * u[j];
            }
            for (int j = 0; j < base; j++) {
                gradient[j] /= total;
            }
            return Double.isFinite(sum) ? -sum / total + regularization * penalty : Double.NaN;
        };
        double[] u0 = new double[k];
        for (int m = 0; m < base; m++) {
            u0[m] = Math.log(start[m] * (spec.perTime()[m] ? scale : 1));
        }
        Bfgs.Result result = Bfgs.minimize(objective, u0, MaximumLikelihood.MAX_ITERATIONS,
                MaximumLikelihood.GRADIENT_TOLERANCE);
        if (!MaximumLikelihood.accepted(result, total)) {
            throw new ConvergenceException(spec.name() + " with covariates", result.iterations(),
                    result.gradientNorm(), result.message());
        }
        double[] u = result.point();
        double[] variance = MaximumLikelihood.inverseDiagonal(MaximumLikelihood.hessian(objective, u, total));
        double[] params = new double[k];
        ImmutableMap.Builder<String, Double> errors = ImmutableMap.builder();
        ImmutableList.Builder<FitWarning> warnings = ImmutableList.builder();
        for (int j = 0; j < k; j++) {
            double unit = j < base && spec.perTime()[j] ? 1 / scale : 1;
            params[j] = j < base ? Math.exp(u[j]) * unit : u[j];
            double se = variance == null ? Double.NaN : (j < base ? params[j] : 1) * Math.sqrt(variance[j]);
            if (Double.isFinite(se)) {
                errors.put(names.get(j), se);
            } else {
                warnings.add(new FitWarning(FitWarning.Kind.NO_STANDARD_ERROR, names.get(j),
                        "no standard error: the observed information is not positive definite"));
            }
        }
        for (int j = 0; j < base; j++) {
            require(Double.isFinite(params[j]) && params[j] > 0, "%s with covariates: %s ran off to %s: the data do"
                    + " not identify it", spec.name(), names.get(j), params[j]);
        }
        double penalty = 0;
        for (int j = base; j < k; j++) {
            penalty += u[j] * u[j];
        }
        double logLikelihood = -result.value() * total + regularization * total * penalty + repeat * Math.log(scale);
        FitDiagnostics diagnostics = new FitDiagnostics(spec.name(), logLikelihood, total, n, result.iterations(),
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
        return new Result(Arrays.copyOf(params, base), all.buildOrThrow(), trans.buildOrThrow(),
                lifeCoefficients.buildOrThrow(), diagnostics);
    }

    /** Checks the arguments every covariate fit takes. */
    static void checkArguments(CustomerSummaries data, Covariates transaction, Covariates life, Set<String> equal,
            double regularization) {
        requireNonNull(data, "data");
        requireNonNull(transaction, "transaction");
        requireNonNull(life, "life");
        requireNonNull(equal, "equal");
        require(regularization >= 0 && regularization <= ClvModels.MAX_PENALIZER,
                "regularization %s is invalid: it must be 0 to %s (ClvModels.MAX_PENALIZER)", regularization,
                (long) ClvModels.MAX_PENALIZER);
        require(transaction.size() == data.size() && life.size() == data.size(), "covariates have %s and %s rows for"
                + " %s customers: give one row per customer", transaction.size(), life.size(), data.size());
        for (String name : equal) {
            require(transaction.names().contains(name) && life.names().contains(name), "covariate %s cannot be"
                    + " constrained equal across processes: it must be a covariate of both", name);
        }
    }

    /**
     * A model from known parameters, named as {@link Result#parameters()} names them: every base
     * parameter finite and &gt; 0, every other key {@code trans.NAME}, {@code life.NAME} or
     * {@code gamma.NAME} with a finite value, no covariate both shared and per process.
     */
    static Result restore(Spec spec, Map<String, Double> parameters, FitDiagnostics diagnostics) {
        requireNonNull(parameters, "parameters");
        double[] base = new double[spec.base().size()];
        for (int k = 0; k < base.length; k++) {
            String key = spec.base().get(k);
            Double value = parameters.get(key);
            require(value != null, "parameter '%s' of %s is missing", key, spec.name());
            require(Double.isFinite(value) && value > 0, "parameter '%s' of %s is %s: it must be finite and > 0", key,
                    spec.name(), value);
            base[k] = value;
        }
        ImmutableMap.Builder<String, Double> all = ImmutableMap.builder();
        for (int k = 0; k < base.length; k++) {
            all.put(spec.base().get(k), base[k]);
        }
        Map<String, Double> trans = new LinkedHashMap<>();
        Map<String, Double> life = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            String key = requireNonNull(e.getKey(), "parameter name");
            if (spec.base().contains(key)) {
                continue;
            }
            Double value = e.getValue();
            require(value != null && Double.isFinite(value), "parameter '%s' of %s is %s: a coefficient must be"
                    + " finite", key, spec.name(), value);
            String covariate = covariateName(key);
            require(covariate != null && !covariate.isBlank(), "parameter '%s' is unknown for %s: its parameters are"
                    + " %s and trans.NAME, life.NAME or gamma.NAME per covariate", key, spec.name(),
                    String.join(", ", spec.base()));
            boolean toTrans = key.startsWith(TRANS) || key.startsWith(SHARED);
            boolean toLife = key.startsWith(LIFE) || key.startsWith(SHARED);
            require(!(toTrans && trans.containsKey(covariate)) && !(toLife && life.containsKey(covariate)),
                    "parameter '%s' of %s: covariate %s has two coefficients for one process", key, spec.name(),
                    covariate);
            if (toTrans) {
                trans.put(covariate, value);
            }
            if (toLife) {
                life.put(covariate, value);
            }
            all.put(key, value);
        }
        return new Result(base, all.buildOrThrow(), ImmutableMap.copyOf(trans), ImmutableMap.copyOf(life),
                diagnostics);
    }

    /** The covariate a coefficient's key names, or null if it is not a coefficient's key. */
    static @Nullable String covariateName(String key) {
        for (String prefix : List.of(TRANS, LIFE, SHARED)) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    static double linear(ImmutableMap<String, Double> coefficients, Map<String, Double> values, String what) {
        double eta = 0;
        for (Map.Entry<String, Double> c : coefficients.entrySet()) {
            Double v = values.get(c.getKey());
            require(v != null && Double.isFinite(v), "%s covariate %s is %s: every fitted covariate needs a finite"
                    + " value", what, c.getKey(), v);
            eta += c.getValue() * v;
        }
        return eta;
    }

    /** Row i of covariates by name. */
    static Map<String, Double> row(Covariates c, int i) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < c.names().size(); j++) {
            out.put(c.names().get(j), c.value(i, j));
        }
        return out;
    }
}
