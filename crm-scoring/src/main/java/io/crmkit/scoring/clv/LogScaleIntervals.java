package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;

import com.google.common.base.Supplier;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.ParameterUncertainty.Interval;
import io.crmkit.scoring.internal.math.DifferentiableFunction;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.MaximumLikelihood;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The delta method and the parametric bootstrap of {@link ParameterUncertainty},
 * {@link CohortUncertainty} and {@link BetaGeoBetaBinomUncertainty}, for any model whose parameters
 * are positive: the covariance of u = ln θ is the inverse of the observed information (central
 * second differences of the log-likelihood in u, step 10<sup>−4</sup>, or central differences of an
 * analytic score); a quantity gets the interval exp(ln g ± z·sd) (a
 * probability: on the logit scale) with var ≈ ∇ᵀΣ∇ by central differences; the bootstrap takes
 * the quantiles over refits made once and shared. Immutable.
 *
 * @param <M> the model
 */
final class LogScaleIntervals<M> {

    private static final double STEP = 1e-4;

    private final M model;
    private final List<String> names;
    private final double[] logParams;
    private final double[][] covariance;
    private final Function<double[], M> rebuild;
    private final Supplier<ImmutableList<M>> refits;
    private final double level;
    private final double z;

    LogScaleIntervals(M model, List<String> names, double[] theta, double[][] covariance,
            Function<double[], M> rebuild, Supplier<ImmutableList<M>> refits, double level) {
        this.model = model;
        this.names = ImmutableList.copyOf(names);
        this.logParams = Arrays.stream(theta).map(Math::log).toArray();
        this.covariance = covariance;
        this.rebuild = rebuild;
        this.refits = refits;
        this.level = level;
        this.z = ParameterUncertainty.normalQuantile(0.5 + level / 2);
    }

    /**
     * The covariance of ln θ at θ, or null if the observed information is not positive definite.
     *
     * @param theta the estimate
     * @param logLikelihood the data's log-likelihood as a function of θ
     */
    static double[][] covariance(double[] theta, ToDoubleFunction<double[]> logLikelihood) {
        int k = theta.length;
        double[] u = Arrays.stream(theta).map(Math::log).toArray();
        ToDoubleFunction<double[]> inU = v -> logLikelihood.applyAsDouble(Arrays.stream(v).map(Math::exp).toArray());
        double centre = inU.applyAsDouble(u);
        double[][] information = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double value;
                if (i == j) {
                    value = (inU.applyAsDouble(shift(u, i, STEP, j, 0)) - 2 * centre
                            + inU.applyAsDouble(shift(u, i, -STEP, j, 0))) / (STEP * STEP);
                } else {
                    value = (inU.applyAsDouble(shift(u, i, STEP, j, STEP)) - inU.applyAsDouble(shift(u, i, STEP, j, -STEP))
                            - inU.applyAsDouble(shift(u, i, -STEP, j, STEP))
                            + inU.applyAsDouble(shift(u, i, -STEP, j, -STEP))) / (4 * STEP * STEP);
                }
                information[i][j] = -value;
                information[j][i] = -value;
            }
        }
        return ParameterUncertainty.inverse(information);
    }

    /**
     * The covariance of ln θ at θ from the analytic score: the observed information is minus the
     * Hessian of the log-likelihood in u = ln θ, by central differences of the gradient
     * ∂ℓ/∂u<sub>j</sub> = θ<sub>j</sub>·∂ℓ/∂θ<sub>j</sub> ({@link MaximumLikelihood#hessian}, step
     * 10<sup>−5</sup>·max(1, |u<sub>j</sub>|), made symmetric). Preferred where the likelihood comes
     * from quadrature or long sums: differencing a gradient loses far fewer digits than second
     * differences of the value. Null if the information is not positive definite.
     *
     * @param theta the estimate
     * @param likelihood the data's log-likelihood and its gradient in θ
     */
    static double[][] covarianceFromScore(double[] theta, LogLikelihood likelihood) {
        int k = theta.length;
        DifferentiableFunction inU = (u, gradient) -> {
            double[] params = new double[k];
            for (int j = 0; j < k; j++) {
                params[j] = Math.exp(u[j]);
            }
            double value = likelihood.evaluate(params, gradient);
            for (int j = 0; j < k; j++) {
                gradient[j] *= params[j];
            }
            return value;
        };
        double[][] hessian = MaximumLikelihood.hessian(inU, Arrays.stream(theta).map(Math::log).toArray(), 1);
        double[][] information = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                information[i][j] = -hessian[i][j];
                if (!Double.isFinite(information[i][j])) {
                    return null;
                }
            }
        }
        return ParameterUncertainty.inverse(information);
    }

    private static double[] shift(double[] u, int i, double di, int j, double dj) {
        double[] v = u.clone();
        v[i] += di;
        v[j] += dj;
        return v;
    }

    double level() {
        return level;
    }

    double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    ImmutableMap<String, Interval> parameterIntervals() {
        ImmutableMap.Builder<String, Interval> out = ImmutableMap.builder();
        for (int j = 0; j < names.size(); j++) {
            double theta = Math.exp(logParams[j]);
            double half = z * Math.sqrt(covariance[j][j]);
            double lower = theta * Math.exp(-half);
            double upper = theta * Math.exp(half);
            require(lower > 0 && Double.isFinite(upper), "the Wald interval of %s %s is beyond the range of a double"
                    + " (standard error of ln %s: %s): the likelihood is nearly flat in it (see the fit's warnings);"
                    + " use the bootstrap", names.get(j), theta, names.get(j), Math.sqrt(covariance[j][j]));
            out.put(names.get(j), new Interval(theta, lower, upper));
        }
        return out.buildOrThrow();
    }

    ImmutableMap<String, Double> standardErrors() {
        ImmutableMap.Builder<String, Double> out = ImmutableMap.builder();
        for (int j = 0; j < names.size(); j++) {
            double error = Math.exp(logParams[j]) * Math.sqrt(covariance[j][j]);
            require(Double.isFinite(error), "the standard error of %s %s is beyond the range of a double: the"
                    + " likelihood is nearly flat in it (see the fit's warnings)", names.get(j), Math.exp(logParams[j]));
            out.put(names.get(j), error);
        }
        return out.buildOrThrow();
    }

    Interval interval(ToDoubleFunction<M> quantity, ParameterUncertainty.Method method, boolean probability) {
        return method == ParameterUncertainty.Method.DELTA ? delta(quantity, probability) : bootstrap(quantity);
    }

    private Interval delta(ToDoubleFunction<M> quantity, boolean probability) {
        double estimate = quantity.applyAsDouble(model);
        int k = logParams.length;
        double[] gradient = new double[k];
        for (int j = 0; j < k; j++) {
            double[] up = logParams.clone();
            double[] down = logParams.clone();
            up[j] += STEP;
            down[j] -= STEP;
            gradient[j] = (transform(quantity.applyAsDouble(at(up)), probability)
                    - transform(quantity.applyAsDouble(at(down)), probability)) / (2 * STEP);
        }
        double variance = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                variance += gradient[i] * covariance[i][j] * gradient[j];
            }
        }
        double centre = transform(estimate, probability);
        double half = z * Math.sqrt(Math.max(0, variance));
        require(Double.isFinite(centre) && Double.isFinite(half), "the quantity %s has no delta-method interval: it"
                + " must be finite and %s; use the bootstrap", estimate, probability ? "inside (0, 1)" : "> 0");
        double lower = back(centre - half, probability);
        double upper = back(centre + half, probability);
        require(Double.isFinite(upper) && (probability || lower > 0 || estimate == 0), "the quantity %s has no"
                + " delta-method interval: its limits are beyond the range of a double (standard error of its %s:"
                + " %s); use the bootstrap", estimate, probability ? "logit" : "logarithm", half / z);
        return new Interval(estimate, lower, upper);
    }

    private M at(double[] u) {
        return rebuild.apply(Arrays.stream(u).map(Math::exp).toArray());
    }

    private static double transform(double value, boolean probability) {
        return probability ? Math.log(value) - Math.log1p(-value) : Math.log(value);
    }

    private static double back(double value, boolean probability) {
        return probability ? 1 / (1 + Math.exp(-value)) : Math.exp(value);
    }

    private Interval bootstrap(ToDoubleFunction<M> quantity) {
        double estimate = quantity.applyAsDouble(model);
        ImmutableList<M> models = refits.get();
        double[] sorted = new double[models.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = quantity.applyAsDouble(models.get(i));
        }
        Arrays.sort(sorted);
        double lower = ParameterUncertainty.quantile(sorted, (1 - level) / 2);
        double upper = ParameterUncertainty.quantile(sorted, (1 + level) / 2);
        return new Interval(estimate, Math.min(lower, upper), Math.max(lower, upper));
    }
}
