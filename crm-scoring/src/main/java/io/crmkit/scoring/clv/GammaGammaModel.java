package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static io.crmkit.scoring.clv.Checks.requireRow;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The Gamma-Gamma model of spend per transaction: Fader, Hardie &amp; Lee (2005), "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", <i>Journal of Marketing Research</i> 42(4),
 * 415–430, and Fader &amp; Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (note 025).
 * A customer's transaction values are Gamma(p, ν) around a personal mean p/ν, and ν varies
 * across customers as Gamma(q, v). Spend is assumed independent of the purchase process, so this
 * model pairs with any {@link TransactionModel} in {@link LifetimeValue}.
 *
 * <p>Fitted on the <em>repeat</em> customers only (x &gt; 0; the first purchase is not part of
 * the mean spend z̄), by maximising, per customer (note 025 eq. 3 in logs),
 * ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + v),
 * with its analytic gradient, BFGS from all ones, optional weights and the {@code lifetimes}
 * penalizer. The conditional expected average spend (FHL 2005 "RFM and CLV" eq. 5) is the
 * weighted average E[Z | p, q, v, x, z̄] = (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · z̄
 * = p(v + x z̄)/(px + q − 1).
 *
 * <p>{@link #warnings()} reports, instead of logging, when q &le; 1 (the population mean spend
 * pv/(q−1) does not exist, and the expected spend of a customer without repeat purchases is
 * undefined) and when frequency and spend are correlated among the repeat customers
 * (|Pearson ρ| &ge; {@value #CORRELATION_WARNING}), which breaks the model's independence
 * assumption.
 *
 * <pre>{@code
 * GammaGammaModel spend = GammaGammaModel.fit(summariesWithMonetaryValue);   // CDNOW: p 6.25, q 3.74, v 15.44
 * double expected = spend.conditionalExpectedAverageSpend(2, 22.35);
 * }</pre>
 */
public final class GammaGammaModel implements SpendModel, Serializable {

    /** |ρ| between frequency and spend from which {@link #warnings()} flags dependence. */
    public static final double CORRELATION_WARNING = 0.3;

    private static final long serialVersionUID = 1L;
    private static final String NAME = "gammagamma";
    private static final List<String> NAMES = List.of("p", "q", "v");

    /** Shape p of the per-transaction spend Gamma. */
    private final double p;
    /** Shape q of the Gamma of ν across customers. */
    private final double q;
    /** Scale v of the Gamma of ν across customers. */
    private final double v;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;
    /** Weighted Pearson correlation of frequency and spend among the fitted customers, NaN when unknown. */
    private final double correlation;

    private GammaGammaModel(double p, double q, double v, FitDiagnostics diagnostics, double correlation) {
        require(Double.isFinite(p) && p > 0 && Double.isFinite(q) && q > 0 && Double.isFinite(v) && v > 0,
                "gammagamma parameters p %s, q %s, v %s are invalid: each must be finite and > 0", p, q, v);
        this.p = p;
        this.q = q;
        this.v = v;
        this.diagnostics = diagnostics;
        this.correlation = correlation;
    }

    /**
     * Fits the model on the repeat customers (x &gt; 0) of the summaries, without penalty.
     *
     * @param data summaries with monetary value
     * @return the fitted model
     * @throws IllegalArgumentException if the summaries carry no monetary value, a repeat
     *     customer's mean spend is not positive, or there are fewer than 3 repeat customers
     * @throws ConvergenceException if BFGS does not converge
     */
    public static GammaGammaModel fit(CustomerSummaries data) {
        return fit(data, 0);
    }

    /**
     * Fits the model on the repeat customers (x &gt; 0) with an L2 penalty.
     *
     * @param data summaries with monetary value
     * @param penalizer the penalty coefficient, 0 to {@link ClvModels#MAX_PENALIZER}, as {@code lifetimes}' {@code penalizer_coef}
     * @return the fitted model
     * @throws IllegalArgumentException if the summaries carry no monetary value, a repeat
     *     customer's mean spend is not positive, there are fewer than 3 repeat customers, or the
     *     penalizer is out of range
     * @throws ConvergenceException if BFGS does not converge
     */
    public static GammaGammaModel fit(CustomerSummaries data, double penalizer) {
        requireNonNull(data, "data");
        require(data.hasMonetaryValue(), "gammagamma needs a monetary_value column");
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                requireRow(data.monetaryValue(i) > 0,
                        "monetary_value %s at row %s is invalid: a repeat customer's mean spend must be > 0",
                        data.monetaryValue(i), i);
                n++;
            }
        }
        double[] x = new double[n];
        double[] m = new double[n];
        double[] w = new double[n];
        double total = 0;
        int k = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                x[k] = data.frequency(i);
                m[k] = data.monetaryValue(i);
                w[k] = data.weight(i);
                total += w[k];
                k++;
            }
        }
        // spend in units of the weighted mean spend: v carries the money unit, p and q are pure numbers,
        // and each customer's density of the mean spend picks up one factor 1/scale
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i] * m[i];
        }
        double scale = n > 0 ? total / sum : 1;
        boolean overflow = sum == Double.POSITIVE_INFINITY;
        if (overflow) {
            // mean spends near the largest double: the weighted sum overflows although the mean does not;
            // standardise by the power of two of the mean's binade instead (exact, even below 2^-1022), found
            // with weights and spends scaled below 2 by the powers of two of their largest values
            double largestWeight = 0;
            double largestSpend = 0;
            for (int i = 0; i < n; i++) {
                largestWeight = Math.max(largestWeight, w[i]);
                largestSpend = Math.max(largestSpend, m[i]);
            }
            int weightExponent = Math.getExponent(largestWeight);
            int spendExponent = Math.getExponent(largestSpend);
            double scaledWeights = 0;
            double scaledSum = 0;
            for (int i = 0; i < n; i++) {
                double weight = Math.scalb(w[i], -weightExponent);
                scaledWeights += weight;
                scaledSum += weight * Math.scalb(m[i], -spendExponent);
            }
            scale = Math.scalb(1.0, -Math.getExponent(scaledSum / scaledWeights) - spendExponent);
        }
        double[] standardised = new double[n];
        for (int i = 0; i < n; i++) {
            standardised[i] = m[i] * scale;
        }
        Likelihood likelihood = Likelihood.compressed(x, standardised, w);
        ModelFit.Estimate e = ModelFit.fit(new ModelFit.Problem(NAME, NAMES, likelihood, total,
                likelihood.x.length, scale, new double[] {0, 0, -1}, total * Math.log(scale),
                GammaGammaModel::meaning), penalizer);
        double[] params = e.params();
        // Pearson's correlation does not depend on the spend's unit: on the standardised spend its squares stay finite
        return new GammaGammaModel(params[0], params[1], params[2], e.diagnostics(),
                correlation(x, overflow ? standardised : m, w));
    }

    private static String meaning(String parameter, boolean atInfinity) {
        return switch (parameter) {
            case "p" -> atInfinity ? "each customer's transactions all have the same value"
                    : "transaction values vary without bound around each customer's mean";
            case "q" -> atInfinity ? "mean spend does not vary across customers (only v/q is identified)"
                    : "mean spend varies without bound across customers";
            default -> atInfinity ? "mean spend does not vary across customers" : "the money unit of the"
                    + " spend is far below its resolution";
        };
    }

    /**
     * A model with known parameters.
     *
     * @param p shape of the per-transaction spend Gamma, &gt; 0
     * @param q shape of the Gamma of ν across customers, &gt; 0
     * @param v scale of the Gamma of ν across customers, &gt; 0, in money
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static GammaGammaModel of(double p, double q, double v) {
        return new GammaGammaModel(p, q, v, FitDiagnostics.notFitted(NAME), Double.NaN);
    }

    private static double correlation(double[] x, double[] m, double[] w) {
        double sw = 0;
        double sx = 0;
        double sm = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sm += w[i] * m[i];
        }
        double mx = sx / sw;
        double mm = sm / sw;
        double cxx = 0;
        double cmm = 0;
        double cxm = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dm = m[i] - mm;
            cxx += w[i] * dx * dx;
            cmm += w[i] * dm * dm;
            cxm += w[i] * dx * dm;
        }
        return cxx > 0 && cmm > 0 ? cxm / Math.sqrt(cxx * cmm) : Double.NaN;
    }

    /** @return p, the shape of the per-transaction spend Gamma */
    public double p() {
        return p;
    }

    /** @return q, the shape of the Gamma distribution of ν across customers */
    public double q() {
        return q;
    }

    /** @return v, the scale of the Gamma distribution of ν across customers, in money */
    public double v() {
        return v;
    }

    /** @return {@code gammagamma} */
    @Override
    public String name() {
        return NAME;
    }

    /** @return p, q, v */
    @Override
    public ImmutableMap<String, Double> parameters() {
        return ImmutableMap.of("p", p, "q", q, "v", v);
    }

    /** @return how the fit went; customers are the repeat customers fitted on */
    @Override
    public FitDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * @return the weighted Pearson correlation between frequency and mean spend among the
     *     repeat customers fitted on; empty for a model made from known parameters or when
     *     either varies not at all
     */
    public OptionalDouble frequencyMonetaryCorrelation() {
        return Double.isNaN(correlation) ? OptionalDouble.empty() : OptionalDouble.of(correlation);
    }

    /**
     * Why the model's results may mislead, in words; empty when nothing is amiss.
     *
     * @return the fit's warnings (see {@link FitDiagnostics#warnings()}), then q &le; 1 (mean spend
     *     undefined), and correlated frequency and spend
     */
    @Override
    public ImmutableList<String> warnings() {
        ImmutableList.Builder<String> out = ImmutableList.builder();
        out.addAll(SpendModel.super.warnings());
        if (q <= 1) {
            out.add("q " + q + " <= 1: the population mean spend p*v/(q-1) is undefined, and so is the expected"
                    + " spend of a customer with few repeat purchases (p*x + q <= 1)");
        }
        if (!Double.isNaN(correlation) && Math.abs(correlation) >= CORRELATION_WARNING) {
            out.add(String.format(Locale.ROOT, "frequency and monetary value are correlated (Pearson %.3f):"
                    + " the Gamma-Gamma model assumes they are independent", correlation));
        }
        return out.build();
    }

    /**
     * The population mean spend per transaction, pv/(q−1), when it exists.
     *
     * @return the mean, or empty when q &le; 1 (or it exceeds the range of a double)
     */
    public OptionalDouble meanSpend() {
        double mean = v / ((q - 1) / p);
        return q > 1 && mean < Double.POSITIVE_INFINITY ? OptionalDouble.of(mean) : OptionalDouble.empty();
    }

    /**
     * The log-likelihood of one repeat customer's mean spend, note 025 eq. 3 in logs.
     *
     * @param x repeat purchases, a whole number &gt; 0
     * @param meanSpend z̄, the mean of the repeat purchases, &gt; 0
     * @return the log-likelihood
     * @throws IllegalArgumentException if x or z̄ is invalid
     */
    public double logLikelihood(double x, double meanSpend) {
        require(Double.isFinite(x) && x > 0 && x == Math.rint(x),
                "frequency %s is invalid: the Gamma-Gamma likelihood needs a whole number of repeat purchases > 0", x);
        require(Double.isFinite(meanSpend) && meanSpend > 0, "monetary value %s is invalid: it must be > 0", meanSpend);
        return new Likelihood(new double[] {x}, new double[] {meanSpend}, new double[] {1})
                .evaluate(new double[] {p, q, v}, new double[3]);
    }

    /**
     * The expected mean spend per future transaction of a customer with x repeat purchases of
     * mean z̄ (FHL 2005 "RFM and CLV" eq. 5): p(v + x z̄)/(px + q − 1), a weighted average of
     * the population mean pv/(q−1) and the customer's own z̄.
     *
     * @param x repeat purchases, a whole number &ge; 0
     * @param meanSpend z̄, &ge; 0 (ignored when x = 0)
     * @return the expected mean spend
     * @throws IllegalArgumentException if an input is invalid, or px + q &le; 1 (q &le; 1 and
     *     few repeat purchases: the expectation does not exist)
     */
    @Override
    public double conditionalExpectedAverageSpend(double x, double meanSpend) {
        require(Double.isFinite(x) && x >= 0 && x == Math.rint(x),
                "frequency %s is invalid: it must be a whole number >= 0", x);
        require(Double.isFinite(meanSpend) && meanSpend >= 0, "monetary value %s is invalid: it must be >= 0",
                meanSpend);
        double shrink = x + (q - 1) / p;
        require(shrink > 0, "expected spend is undefined for frequency %s: p*x + q - 1 = %s <= 0 (q %s)", x,
                p * x + q - 1, q);
        double spend = expectedSpend(x, meanSpend, shrink);
        require(Double.isFinite(spend), "expected spend of %s at frequency %s, mean spend %s exceeds the range of a"
                + " double", this, x, meanSpend);
        return spend;
    }

    /**
     * p v/(px+q−1) + [px/(px+q−1)] z̄ written as v/(x + (q−1)/p) + z̄/(1 + (q−1)/(px)): no product of
     * parameters that could overflow, the weight of z̄ in [0, 1].
     */
    private double expectedSpend(double x, double meanSpend, double shrink) {
        double prior = v / shrink;
        return x == 0 ? prior : prior + meanSpend / (1 + (q - 1) / (p * x));
    }

    /**
     * Bulk {@link #conditionalExpectedAverageSpend(double, double)}, allocation-free.
     *
     * @param x repeat purchases per customer
     * @param meanSpend z̄ per customer
     * @param out receives the expected mean spend
     * @throws IllegalArgumentException if the columns differ in length or a row is invalid
     */
    @Override
    public void conditionalExpectedAverageSpend(double[] x, double[] meanSpend, double[] out) {
        requireNonNull(x, "x");
        requireNonNull(meanSpend, "meanSpend");
        requireNonNull(out, "out");
        require(meanSpend.length == x.length && out.length >= x.length,
                "columns differ in length: x %s, monetary value %s, out %s", x.length, meanSpend.length, out.length);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double m = meanSpend[i];
            double shrink = xi + (q - 1) / p;
            double spend = shrink > 0 ? expectedSpend(xi, m, shrink) : Double.NaN;
            if (!(xi >= 0 && xi == Math.rint(xi) && m >= 0 && m < Double.POSITIVE_INFINITY && shrink > 0
                    && spend < Double.POSITIVE_INFINITY)) {
                try {
                    conditionalExpectedAverageSpend(xi, m);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " (row " + i + ")", e);
                }
            }
            out[i] = spend;
        }
    }

    /**
     * Writes the {@linkplain SerializedModel serialisation proxy} instead of this model.
     *
     * @return the proxy
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerializedModel(NAME, new double[] {p, q, v}, diagnostics, correlation);
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
    static GammaGammaModel restore(double[] p, FitDiagnostics diagnostics, double correlation) {
        return new GammaGammaModel(p[0], p[1], p[2], diagnostics, correlation);
    }

    /** @return the name and parameters */
    @Override
    public String toString() {
        return NAME + "[p=" + p + ", q=" + q + ", v=" + v + "]";
    }

    /**
     * Note 025's weighted log-likelihood in (p, q, v) with its gradient, summed in chunks of
     * {@value #CHUNK_ROWS} rows by {@link ChunkedSum}.
     */
    static final class Likelihood implements LogLikelihood {
        /** Rows per chunk: fixed, so that the result does not depend on the number of threads. */
        static final int CHUNK_ROWS = 8192;
        /**
         * From this many distinct (x, mean) rows on the chunks are summed on several threads.
         * Measured 2026-11-29 ({@code ParallelLikelihoodMeasurement} in the tests, interleaved, 2 cores
         * at load average 13-20, so that only the CPU figures are reliable; rule of
         * {@link ChunkedSum}): about 60 ns
         * of CPU per row; a chunk of 8,192 rows is 0.5 ms. Up to 32,768 rows the parallel sums took
         * 3-7 % more CPU, from 65,536 rows on (4 ms an evaluation) 1-5 %.
         */
        static final int PARALLEL_ROWS = 65_536;

        final double[] x;
        private final double[] lnMean;
        private final double[] lnX;
        private final double[] xMean;
        private final double[] weight;
        private final int parallelRows;

        Likelihood(double[] x, double[] mean, double[] weight) {
            this(x, mean, weight, PARALLEL_ROWS);
        }

        /** Summing on several threads from {@code parallelRows} rows on, which does not change the result. */
        Likelihood(double[] x, double[] mean, double[] weight, int parallelRows) {
            this.parallelRows = parallelRows;
            this.x = x;
            this.weight = weight;
            this.lnMean = new double[x.length];
            this.lnX = new double[x.length];
            this.xMean = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lnMean[i] = Math.log(mean[i]);
                lnX[i] = Math.log(x[i]);
                xMean[i] = x[i] * mean[i];
            }
        }

        static Likelihood compressed(double[] x, double[] mean, double[] weight) {
            Map<List<Double>, Integer> index = new HashMap<>();
            double[] cx = new double[x.length];
            double[] cm = new double[x.length];
            double[] cw = new double[x.length];
            int rows = 0;
            for (int i = 0; i < x.length; i++) {
                @Nullable Integer at = index.putIfAbsent(List.of(x[i], mean[i]), rows);
                if (at == null) {
                    cx[rows] = x[i];
                    cm[rows] = mean[i];
                    cw[rows] = weight[i];
                    rows++;
                } else {
                    cw[at] += weight[i];
                }
            }
            return new Likelihood(Arrays.copyOf(cx, rows), Arrays.copyOf(cm, rows),
                    Arrays.copyOf(cw, rows));
        }

        @Override
        public double evaluate(double[] params, double[] gradient) {
            double p = params[0];
            double q = params[1];
            double v = params[2];
            double lnV = Math.log(v);
            double lgQ = SpecialFunctions.logGamma(q);
            double psiQ = SpecialFunctions.digamma(q);
            return ChunkedSum.sum(x.length, CHUNK_ROWS, parallelRows, gradient,
                    (from, to, g) -> rows(from, to, p, q, v, lnV, lgQ, psiQ, g));
        }

        /** Sums rows [from, to): returns ℓ, and gradient receives (∂p, ∂q, ∂v). */
        private double rows(int from, int to, double p, double q, double v, double lnV, double lgQ, double psiQ,
                double[] gradient) {
            double ll = 0;
            double gp = 0;
            double gq = 0;
            double gv = 0;
            for (int i = from; i < to; i++) {
                double w = weight[i];
                double px = p * x[i];
                double pxq = px + q;
                double lnDen = Math.log(xMean[i] + v);
                double psiPxq = SpecialFunctions.digamma(pxq);
                ll += w * (SpecialFunctions.logGamma(pxq) - SpecialFunctions.logGamma(px) - lgQ + q * lnV
                        + (px - 1) * lnMean[i] + px * lnX[i] - pxq * lnDen);
                gp += w * x[i] * (psiPxq - SpecialFunctions.digamma(px) + lnMean[i] + lnX[i] - lnDen);
                gq += w * (psiPxq - psiQ + lnV - lnDen);
                gv += w * (q / v - pxq / (xMean[i] + v));
            }
            gradient[0] = gp;
            gradient[1] = gq;
            gradient[2] = gv;
            return ll;
        }
    }
}
