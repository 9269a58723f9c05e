package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.HeterogeneityDraws;
import io.crmkit.scoring.internal.math.LogLikelihood;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every likelihood above its parallel threshold, and whole fits, give the same bits on one thread,
 * on the common pool and on pools of other sizes: the chunks are fixed by the row count and added
 * in order ({@code ChunkedSum}), and no chunk shares a scratch array with another.
 */
class ParallelLikelihoodDeterminismTest {

    private static double[] ages(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 26 + 26 * random.nextDouble();
        }
        return ages;
    }

    private static <T> T in(ForkJoinPool pool, Supplier<T> work) {
        try {
            return pool.submit(work::get).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Value and gradient as raw bits, so that equality means bit-identical. */
    private static String bits(LogLikelihood likelihood, double[] params) {
        double[] gradient = new double[params.length];
        double value = likelihood.evaluate(params, gradient);
        assertTrue(Double.isFinite(value), "value " + value);
        StringBuilder out = new StringBuilder(Long.toHexString(Double.doubleToRawLongBits(value)));
        for (double g : gradient) {
            out.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(g)));
        }
        return out.toString();
    }

    /**
     * The likelihood made with a parallel threshold of 0 (always parallel) on the common pool and on
     * pools of 1 and 3 threads gives the bits of the one made with no threshold (one thread).
     */
    private static void assertSameBits(String model, int rows, int threshold, double[] params,
            IntFunction<LogLikelihood> withParallelRows) {
        assertTrue(rows >= threshold, model + ": " + rows + " rows are below the threshold " + threshold);
        String sequential = bits(withParallelRows.apply(Integer.MAX_VALUE), params);
        LogLikelihood parallel = withParallelRows.apply(0);
        assertEquals(sequential, bits(parallel, params), model + " on the common pool");
        assertEquals(sequential, in(new ForkJoinPool(1), () -> bits(parallel, params)), model + " on one thread");
        assertEquals(sequential, in(new ForkJoinPool(3), () -> bits(parallel, params)), model + " on three threads");
        // and as the fits make it, with the model's own threshold
        assertEquals(sequential, bits(withParallelRows.apply(threshold), params), model + " at its threshold");
    }

    @Test
    void betaGeoLikelihoodGivesTheSameBitsOnEveryPool() {
        CustomerSummaries data = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(ages(110_000, 1), 2).compressed();
        for (boolean modified : new boolean[] {false, true}) {
            // the rows of a fit go parallel from a million; the kernels' terms (one kernel per row here) from
            // PARALLEL_KERNELS, and a threshold of 0 sums both in parallel
            int kernels = new BetaGeoLikelihood(data, 10.0 / 52, modified).kernels();
            assertSameBits("bgnbd", kernels, BetaGeoLikelihood.PARALLEL_KERNELS, new double[] {0.3, 0.9, 0.7, 2.1},
                    parallel -> new BetaGeoLikelihood(data, 10.0 / 52, modified, parallel));
        }
    }

    @Test
    void paretoNbdLikelihoodGivesTheSameBitsOnEveryPool() {
        CustomerSummaries d = ParetoNbdModel.of(0.553, 10.58, 0.606, 11.67).simulate(ages(9000, 3), 4).compressed();
        assertSameBits("pareto", d.size(), ParetoNbdModel.PARALLEL_ROWS, new double[] {0.5, 2.1, 0.7, 2.5},
                parallel -> ParetoNbdModel.likelihood(d.frequencies(), d.recencies(), d.ages(), d.weights(), parallel));
    }

    @Test
    void erlangLikelihoodsGiveTheSameBitsOnEveryPool() {
        for (boolean modified : new boolean[] {false, true}) {
            CustomerSummaries d = ErlangBetaGeoModel.of(modified, 3, 0.243, 2.207, 0.793, 2.426)
                    .simulate(ages(5000, 5), 6).compressed();
            assertSameBits(modified ? "mbgcnbd" : "bgcnbd", d.size(), ErlangBetaGeoModel.PARALLEL_ROWS,
                    new double[] {0.3, 0.5, 0.7, 2.1}, parallel -> ErlangBetaGeoModel.likelihood(modified, 3,
                            d.frequencies(), d.recencies(), d.ages(), d.logInterPurchaseTimes(), d.weights(), parallel));
        }
    }

    @Test
    void gammaGompertzLikelihoodGivesTheSameBitsOnEveryPool() {
        CustomerSummaries d = GammaGompertzNbdModel.of(0.8, 4.0, 0.08, 1.2, 3.0).simulate(ages(700, 7), 8).compressed();
        assertSameBits("ggomnbd", d.size(), GammaGompertzNbdModel.PARALLEL_ROWS,
                new double[] {0.7, 1.1, 0.3, 1.1, 2.5}, parallel -> GammaGompertzNbdModel.likelihood(d.frequencies(),
                        d.recencies(), d.ages(), d.weights(), parallel));
    }

    @Test
    void betaGeoBetaBinomLikelihoodGivesTheSameBitsOnEveryPool() {
        CustomerSummaries d = BetaGeoBetaBinomModel.of(1.2, 0.75, 0.66, 2.78).simulate(5000, 100, 9).compressed();
        // 100 opportunities leave up to 101·102/2 + 1 distinct histories: enough for the threshold
        assertSameBits("bgbb", d.size(), BetaGeoBetaBinomModel.PARALLEL_ROWS, new double[] {1.1, 0.8, 0.7, 2.5},
                parallel -> BetaGeoBetaBinomModel.likelihood(d.frequencies(), d.recencies(), d.ages(), d.weights(),
                        parallel));
    }

    @Test
    void gammaGammaLikelihoodGivesTheSameBitsOnEveryPool() {
        SplittableRandom random = new SplittableRandom(10);
        int n = 70_000;
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + random.nextInt(20);
            mean[i] = 0.2 + 3 * random.nextDouble();
            w[i] = 1 + random.nextInt(3);
        }
        assertSameBits("gammagamma", n, GammaGammaModel.Likelihood.PARALLEL_ROWS, new double[] {6.25, 3.74, 15.44},
                parallel -> new GammaGammaModel.Likelihood(x, mean, w, parallel));
    }

    @Test
    void aParetoNbdFitIsTheSameOnOneThreadAndOnTheCommonPool() {
        CustomerSummaries data = ParetoNbdModel.of(0.553, 10.58, 0.606, 11.67).simulate(ages(9000, 11), 12);
        assertTrue(data.compressed().size() >= ParetoNbdModel.PARALLEL_ROWS);
        ParetoNbdModel common = ParetoNbdModel.fit(data);
        ParetoNbdModel one = in(new ForkJoinPool(1), () -> ParetoNbdModel.fit(data));
        assertEquals(List.of(common.r(), common.alpha(), common.s(), common.beta(),
                common.diagnostics().logLikelihood()), List.of(one.r(), one.alpha(), one.s(), one.beta(),
                        one.diagnostics().logLikelihood()));
    }

    @Test
    void aBetaGeoFitIsTheSameOnOneThreadAndOnTheCommonPool() {
        CustomerSummaries data = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(ages(110_000, 13), 14);
        assertTrue(data.compressed().size() >= BetaGeoLikelihood.PARALLEL_KERNELS);
        BetaGeoModel common = BetaGeoModel.fit(data);
        BetaGeoModel one = in(new ForkJoinPool(1), () -> BetaGeoModel.fit(data));
        assertEquals(List.of(common.r(), common.alpha(), common.a(), common.b(), common.diagnostics().logLikelihood()),
                List.of(one.r(), one.alpha(), one.a(), one.b(), one.diagnostics().logLikelihood()));
    }

    @Test
    void aCovariateFitIsTheSameOnOneThreadAndOnTheCommonPool() {
        // Pareto/NBD with covariates keeps per-chunk state in its kernel (r's and s's terms): a kernel
        // shared between chunks would race and change the bits
        int n = CovariateFit.PARALLEL_ROWS + 500;
        HeterogeneityDraws draws = new HeterogeneityDraws(15);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = ages(n, 16);
        double[][] trans = new double[n][];
        List<double[]> life = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double gender = draws.uniform() < 0.5 ? 1 : 0;
            CustomerSummaries c = ParetoNbdModel.of(0.8, 5 * Math.exp(-0.6 * gender), 0.6, 8 * Math.exp(-0.9 * gender))
                    .simulate(new double[] {age[i]}, 17L * 1_000_003L + i);
            x[i] = c.frequency(0);
            tx[i] = c.recency(0);
            trans[i] = new double[] {gender};
            life.add(new double[] {gender});
        }
        CustomerSummaries data = CustomerSummaries.of(x, tx, age);
        Covariates transaction = Covariates.of(List.of("gender"), trans);
        Covariates lifetime = Covariates.of(List.of("gender"), life.toArray(new double[0][]));
        ParetoNbdCovariateModel common = ParetoNbdCovariateModel.fit(data, transaction, lifetime, Set.of(), 0.0);
        ParetoNbdCovariateModel one = in(new ForkJoinPool(1),
                () -> ParetoNbdCovariateModel.fit(data, transaction, lifetime, Set.of(), 0.0));
        // Double.equals compares the bits
        assertEquals(common.parameters(), one.parameters());
        assertEquals(Double.valueOf(common.diagnostics().logLikelihood()),
                Double.valueOf(one.diagnostics().logLikelihood()));
    }
}
