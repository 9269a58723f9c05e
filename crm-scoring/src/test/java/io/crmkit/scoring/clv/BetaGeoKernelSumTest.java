package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.ChunkedSum;
import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and MBG/NBD likelihood summed through kernels (the terms computed once per distinct
 * (x, t<sub>x</sub>, T), each row adding its weight times its kernel's terms) gives the same bits
 * as the per-row sum it replaced, kept here as the reference: its value and gradient at many θ, and
 * whole fits (parameters, log-likelihood, standard errors, warnings) on random data sets with
 * integer and fractional weights, duplicate histories with equal and with different spend, x = 0
 * rows, a frequency too large for the running-sum tables, and sizes below and above the parallel
 * thresholds.
 */
class BetaGeoKernelSumTest {

    /** A data set of {@code n} rows; histories repeat, spend repeats with them or not. */
    private static CustomerSummaries data(SplittableRandom random, int n, boolean fractional, boolean sameSpend,
            double largeX) {
        return data(random, n, fractional, sameSpend, largeX, false);
    }

    /**
     * A data set of {@code n} rows; histories repeat, spend (and the sum of log inter-purchase times,
     * when carried) repeats with them or not; some zeros are negative.
     */
    private static CustomerSummaries data(SplittableRandom random, int n, boolean fractional, boolean sameSpend,
            double largeX, boolean litt) {
        int cohorts = 1 + random.nextInt(60);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] spend = new double[n];
        double[] logTimes = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            // T on a grid of days, in weeks, from a few cohorts
            age[i] = (7 + 7 * random.nextInt(cohorts) + random.nextInt(3)) / 7.0;
            boolean repeat = random.nextInt(10) < 4;
            x[i] = repeat ? 1 + random.nextInt(random.nextBoolean() ? 3 : 25) : 0;
            tx[i] = repeat ? random.nextInt((int) Math.floor(age[i] * 7) + 1) / 7.0 : 0;
            spend[i] = repeat ? (sameSpend ? 10 + random.nextInt(3) : 1 + 100 * random.nextDouble()) : 0;
            logTimes[i] = repeat ? (sameSpend ? random.nextInt(2) : random.nextDouble()) : 0;
            w[i] = fractional ? 0.05 + 3 * random.nextDouble() : 1 + random.nextInt(3);
            if (random.nextInt(50) == 0) {
                // -0.0 merges with 0.0 in compressed()
                x[i] = x[i] == 0 ? -0.0 : x[i];
                tx[i] = tx[i] == 0 ? -0.0 : tx[i];
                spend[i] = spend[i] == 0 ? -0.0 : spend[i];
                logTimes[i] = logTimes[i] == 0 ? -0.0 : logTimes[i];
            }
        }
        if (largeX > 0) {
            x[0] = largeX;
            tx[0] = age[0] / 2;
            spend[0] = 5;
            logTimes[0] = 1;
        }
        CustomerSummaries d = CustomerSummaries.withMonetaryValue(x, tx, age, spend, w);
        return litt ? d.withLogInterPurchaseTimes(logTimes) : d;
    }

    @Test
    void theCompressingLikelihoodIsTheLikelihoodOfTheCompressedSummaries() {
        SplittableRandom random = new SplittableRandom(424_242);
        int[] sizes = {1, 3, 50, 2000, 8192, 8193, 40_000};
        for (int round = 0; round < 28; round++) {
            int n = sizes[round % sizes.length];
            boolean fractional = round % 2 == 0;
            CustomerSummaries d = data(random, n, fractional, round % 4 < 2, round % 3 == 0 ? 4.0 * n + 70 : 0,
                    round % 5 < 2);
            if (round % 6 == 5) {
                // without spend: rows merge on (x, t_x, T) alone
                d = CustomerSummaries.of(d.frequencies(), d.recencies(), d.ages(), d.weights());
            }
            CustomerSummaries compressed = d.compressed();
            double repeat = 0;
            for (int i = 0; i < compressed.size(); i++) {
                repeat += compressed.weight(i) * compressed.frequency(i);
            }
            double scale = 10.0 / 52 * (0.5 + random.nextDouble());
            for (boolean modified : new boolean[] {false, true}) {
                BetaGeoLikelihood compressing = BetaGeoLikelihood.compressing(d, scale, modified);
                String where = "round " + round + " n " + n + " modified " + modified;
                assertEquals(compressed.size(), compressing.rows(), where);
                assertEquals(Double.doubleToRawLongBits(compressed.totalWeight()),
                        Double.doubleToRawLongBits(compressing.totalWeight()), where);
                assertEquals(Double.doubleToRawLongBits(repeat), Double.doubleToRawLongBits(compressing.repeatPurchases()),
                        where);
                LogLikelihood reference = new PerRowLikelihood(compressed, scale, modified, Integer.MAX_VALUE);
                for (int k = 0; k < 6; k++) {
                    double[] theta = theta(random);
                    assertArrayEquals(bits(reference, theta), bits(compressing, theta),
                            where + " theta " + Arrays.toString(theta));
                }
            }
        }
    }

    @Test
    void thePreparationInPartsIsThePreparationInOne() {
        SplittableRandom random = new SplittableRandom(77_001);
        int[] sizes = {1, 2, 3, 50, 2000, 8193, 40_000};
        for (int round = 0; round < 21; round++) {
            int n = sizes[round % sizes.length];
            CustomerSummaries d = data(random, n, round % 2 == 0, round % 4 < 2, round % 3 == 0 ? 4.0 * n + 70 : 0,
                    round % 5 < 2);
            double scale = 10.0 / 52 * (0.5 + random.nextDouble());
            for (boolean modified : new boolean[] {false, true}) {
                BetaGeoLikelihood one = BetaGeoLikelihood.compressing(d, scale, modified, Integer.MAX_VALUE, 1);
                double[][] thetas = {theta(random), theta(random), theta(random)};
                for (int parts : new int[] {2, 3, 7}) {
                    BetaGeoLikelihood split = BetaGeoLikelihood.compressing(d, scale, modified, 0, parts);
                    String where = "round " + round + " n " + n + " modified " + modified + " parts " + parts;
                    assertEquals(one.rows(), split.rows(), where);
                    assertEquals(one.kernels(), split.kernels(), where);
                    assertEquals(Double.doubleToRawLongBits(one.totalWeight()),
                            Double.doubleToRawLongBits(split.totalWeight()), where);
                    assertEquals(Double.doubleToRawLongBits(one.repeatPurchases()),
                            Double.doubleToRawLongBits(split.repeatPurchases()), where);
                    for (double[] theta : thetas) {
                        assertArrayEquals(bits(one, theta), bits(split, theta), where + " theta " + Arrays.toString(theta));
                    }
                }
            }
        }
    }

    /** Value and gradient as raw bits. */
    private static long[] bits(LogLikelihood likelihood, double[] theta) {
        double[] gradient = new double[4];
        double value = likelihood.evaluate(theta, gradient);
        long[] out = new long[5];
        out[0] = Double.doubleToRawLongBits(value);
        for (int j = 0; j < 4; j++) {
            out[j + 1] = Double.doubleToRawLongBits(gradient[j]);
        }
        return out;
    }

    private static double[] theta(SplittableRandom random) {
        double[] theta = new double[4];
        for (int j = 0; j < 4; j++) {
            theta[j] = Math.exp(-6 + 12 * random.nextDouble());
        }
        return theta;
    }

    @Test
    void theLikelihoodGivesTheBitsOfThePerRowSumAtManyParameters() {
        SplittableRandom random = new SplittableRandom(20261130);
        int[] sizes = {1, 2, 7, 60, 900, 8192, 8193, 20_000};
        for (int round = 0; round < 24; round++) {
            int n = sizes[round % sizes.length];
            boolean fractional = round % 2 == 0;
            // a frequency above 4n + 64 switches the running-sum tables off
            double largeX = round % 3 == 0 ? 4.0 * n + 65 + random.nextInt(1000) : 0;
            CustomerSummaries d = data(random, n, fractional, round % 4 < 2, largeX);
            CustomerSummaries rows = round % 5 == 0 ? d : d.compressed();
            double scale = 10.0 / 52 * (0.5 + random.nextDouble());
            for (boolean modified : new boolean[] {false, true}) {
                LogLikelihood reference = new PerRowLikelihood(rows, scale, modified, Integer.MAX_VALUE);
                LogLikelihood sequential = new BetaGeoLikelihood(rows, scale, modified, Integer.MAX_VALUE);
                LogLikelihood parallel = new BetaGeoLikelihood(rows, scale, modified, 0);
                for (int k = 0; k < 8; k++) {
                    double[] theta = theta(random);
                    long[] expected = bits(reference, theta);
                    String where = "n " + n + " modified " + modified + " theta " + Arrays.toString(theta);
                    assertArrayEquals(expected, bits(sequential, theta), where);
                    assertArrayEquals(expected, bits(parallel, theta), where + " in parallel");
                    ForkJoinPool pool = new ForkJoinPool(3);
                    try {
                        assertArrayEquals(expected, pool.submit(() -> bits(parallel, theta)).join(),
                                where + " on three threads");
                    } finally {
                        pool.shutdown();
                    }
                }
            }
        }
    }

    @Test
    void theKernelsAreTheDistinctHistories() {
        // 3 distinct (x, t_x, T) among 6 rows, whatever the spend and weight
        CustomerSummaries d = CustomerSummaries.withMonetaryValue(new double[] {0, 2, 0, 2, 2, 1},
                new double[] {0, 3, 0, 3, 3, 3}, new double[] {5, 5, 5, 5, 5, 5}, new double[] {0, 1, 0, 2, 1, 1},
                new double[] {1, 0.5, 2, 1, 1, 3});
        assertEquals(3, new BetaGeoLikelihood(d, 1, false).kernels());
        assertEquals(3, new BetaGeoLikelihood(d.compressed(), 1, true).kernels());
    }

    @Test
    void fitsGiveTheBitsOfFitsOnThePerRowSum() {
        SplittableRandom random = new SplittableRandom(7_340_033);
        int[] sizes = {40, 700, 5000, 30_000};
        for (int round = 0; round < 16; round++) {
            int n = sizes[round % sizes.length];
            CustomerSummaries d = data(random, n, round % 2 == 0, round % 4 < 2, round % 7 == 3 ? 4.0 * n + 100 : 0,
                    round % 5 == 1);
            for (boolean modified : new boolean[] {false, true}) {
                assertSameFit(d, modified, round % 3 == 0 ? 0.01 : 0);
            }
        }
    }

    @Test
    void fitsAboveTheParallelThresholdsGiveTheBitsOfThePerRowSum() {
        SplittableRandom random = new SplittableRandom(99_991);
        // every history 8 times, the repeat customers' with other spend: their rows stay apart, 8 to a
        // kernel, enough rows and kernels for both to be summed in parallel by the fit
        int customers = 300_000;
        int copies = 8;
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 26 + 26 * random.nextDouble();
        }
        CustomerSummaries simulated = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 5);
        double[] x = new double[copies * customers];
        double[] tx = new double[copies * customers];
        double[] age = new double[copies * customers];
        double[] spend = new double[copies * customers];
        double[] w = new double[copies * customers];
        for (int i = 0; i < copies * customers; i++) {
            int c = i % customers;
            x[i] = simulated.frequency(c);
            tx[i] = simulated.recency(c);
            age[i] = simulated.age(c);
            spend[i] = x[i] == 0 ? 0 : 1 + 50 * random.nextDouble();
            w[i] = 0.05 + 3 * random.nextDouble();
        }
        CustomerSummaries d = CustomerSummaries.withMonetaryValue(x, tx, age, spend, w);
        BetaGeoLikelihood likelihood = BetaGeoLikelihood.compressing(d, 1, false);
        assertTrue(likelihood.rows() >= BetaGeoLikelihood.PARALLEL_ROWS, likelihood.rows() + " rows");
        assertTrue(likelihood.kernels() >= BetaGeoLikelihood.PARALLEL_KERNELS, likelihood.kernels() + " kernels");
        for (boolean modified : new boolean[] {false, true}) {
            assertSameFit(d, modified, 0);
        }
    }

    private static void assertSameFit(CustomerSummaries data, boolean modified, double penalizer) {
        String model = modified ? "mbgnbd" : "bgnbd";
        String expected;
        try {
            ModelFit.Estimate e = referenceFit(model, data, penalizer, modified);
            expected = Arrays.toString(rawBits(e.params())) + " " + e.diagnostics();
        } catch (RuntimeException e) {
            expected = e.toString();
        }
        String actual;
        try {
            ModelFit.Estimate e = BetaGeoMath.fit(model, data, penalizer, modified);
            actual = Arrays.toString(rawBits(e.params())) + " " + e.diagnostics();
        } catch (RuntimeException e) {
            actual = e.toString();
        }
        assertEquals(expected, actual, model + " on " + data.size() + " rows");
    }

    private static long[] rawBits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }

    /** {@code BetaGeoMath.fit} as it was, on the per-row sum. */
    static ModelFit.Estimate referenceFit(String model, CustomerSummaries data, double penalizer,
            boolean modified) {
        CustomerSummaries rows = data.compressed();
        double maxAge = 0;
        double repeat = 0;
        for (int i = 0; i < rows.size(); i++) {
            maxAge = Math.max(maxAge, rows.age(i));
            repeat += rows.weight(i) * rows.frequency(i);
        }
        double scale = 10.0 / maxAge;
        LogLikelihood likelihood = new PerRowLikelihood(rows, scale, modified, BetaGeoLikelihood.PARALLEL_ROWS);
        return ModelFit.fit(new ModelFit.Problem(model, BetaGeoMath.NAMES, likelihood, rows.totalWeight(),
                rows.size(), scale, new double[] {0, -1, 0, 0}, repeat * Math.log(scale),
                BetaGeoMath::meaning), penalizer);
    }

    /**
     * The BG/NBD and MBG/NBD likelihood as it was summed before rows shared kernels: every row
     * computes its own terms. Copied from the previous {@code BetaGeoLikelihood}; the reference.
     */
    static final class PerRowLikelihood implements LogLikelihood {

        private final int shift;
        private final double[] x;
        private final int[] ageIndex;
        private final int[] recencyIndex;
        private final double[] ages;
        private final double[] recencies;
        private final double[] weight;
        private final int maxK;
        private final boolean tables;
        // work arrays, reused between evaluations (a likelihood is used by one fit at a time)
        private final double[] lnRx;
        private final double[] psiRx;
        private final double[] lnBk;
        private final double[] psiBk;
        private final double[] lnABk;
        private final double[] psiABk;
        private final double[] lnBk1;
        private final double[] invBk1;
        private final double[] lnAlphaT;
        private final double[] invAlphaT;
        private final double[] lnAlphaTx;
        private final double[] invAlphaTx;
        private final int parallelRows;
        private double r;
        private double alpha;
        private double a;
        private double b;

        PerRowLikelihood(CustomerSummaries data, double scale, boolean modified, int parallelRows) {
            this.parallelRows = parallelRows;
            int n = data.size();
            this.shift = modified ? 1 : 0;
            double[] t = new double[n];
            double[] tx = new double[n];
            for (int i = 0; i < n; i++) {
                // + 0.0 turns -0.0 into 0.0, so that equal times share one table entry
                t[i] = data.age(i) * scale + 0.0;
                tx[i] = data.recency(i) * scale + 0.0;
            }
            int[] byRecency = new int[n];
            this.recencies = BetaGeoLikelihood.distinct(tx, byRecency);
            int[] order = countingOrder(byRecency, recencies.length);
            int[] byAge = new int[n];
            this.ages = BetaGeoLikelihood.distinct(t, byAge);
            this.x = new double[n];
            this.weight = new double[n];
            this.ageIndex = new int[n];
            this.recencyIndex = new int[n];
            double max = 0;
            for (int j = 0; j < n; j++) {
                int i = order[j];
                x[j] = data.frequency(i);
                weight[j] = data.weight(i);
                ageIndex[j] = byAge[i];
                recencyIndex[j] = byRecency[i];
                max = Math.max(max, x[j] + shift);
            }
            // the running-sum tables pay off (and fit in memory) only when the largest k is modest
            this.tables = max <= 4.0 * n + 64;
            this.maxK = tables ? (int) max : 0;
            int size = tables ? maxK + 1 : 0;
            lnRx = new double[size];
            psiRx = new double[size];
            lnBk = new double[size];
            psiBk = new double[size];
            lnABk = new double[size];
            psiABk = new double[size];
            lnBk1 = new double[size];
            invBk1 = new double[size];
            lnAlphaT = new double[ages.length];
            invAlphaT = new double[ages.length];
            lnAlphaTx = new double[recencies.length];
            invAlphaTx = new double[recencies.length];
        }

        /** Row indices ordered by key (a counting sort, stable). */
        private static int[] countingOrder(int[] key, int keys) {
            int[] start = new int[keys + 1];
            for (int k : key) {
                start[k + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                start[k + 1] += start[k];
            }
            int[] order = new int[key.length];
            for (int i = 0; i < key.length; i++) {
                order[start[key[i]]++] = i;
            }
            return order;
        }

        /** Fills table[k] = ln Γ(c+k) − ln Γ(c) and psi[k] = ψ(c+k) − ψ(c) for k = 0..maxK. */
        private void runningSums(double c, double[] table, double[] psi) {
            double ln = 0;
            double inv = 0;
            table[0] = 0;
            psi[0] = 0;
            for (int k = 1; k <= maxK; k++) {
                double ck = c + k - 1;
                ln += Math.log(ck);
                inv += 1.0 / ck;
                table[k] = ln;
                psi[k] = inv;
            }
        }

        @Override
        public double evaluate(double[] params, double[] gradient) {
            r = params[0];
            alpha = params[1];
            a = params[2];
            b = params[3];
            if (tables) {
                runningSums(r, lnRx, psiRx);
                runningSums(b, lnBk, psiBk);
                runningSums(a + b, lnABk, psiABk);
                for (int k = 1; k <= maxK; k++) {
                    lnBk1[k] = Math.log(b + (k - 1));
                    invBk1[k] = 1.0 / (b + (k - 1));
                }
            }
            for (int j = 0; j < ages.length; j++) {
                lnAlphaT[j] = Math.log(alpha + ages[j]);
                invAlphaT[j] = 1.0 / (alpha + ages[j]);
            }
            for (int j = 0; j < recencies.length; j++) {
                lnAlphaTx[j] = Math.log(alpha + recencies[j]);
                invAlphaTx[j] = 1.0 / (alpha + recencies[j]);
            }
            return ChunkedSum.sum(x.length, BetaGeoLikelihood.CHUNK_ROWS, parallelRows, gradient, this::rows);
        }

        /** Sums the rows [from, to): returns ℓ, and out receives (∂r, ∂α, ∂a, ∂b). */
        private double rows(int from, int to, double[] out) {
            double r = this.r;
            double alpha = this.alpha;
            double a = this.a;
            double b = this.b;
            double ab = a + b;
            double lnAlpha = Math.log(alpha);
            double lnA = Math.log(a);
            double invA = 1 / a;
            double psiR = tables ? 0 : SpecialFunctions.digamma(r);
            double psiB = tables ? 0 : SpecialFunctions.digamma(b);
            double psiAB = tables ? 0 : SpecialFunctions.digamma(ab);
            double ll = 0;
            double gr = 0;
            double galpha = 0;
            double ga = 0;
            double gb = 0;
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double k = xi + shift;
                int ix = tables ? (int) xi : 0;
                int ik = tables ? ix + shift : 0;
                double w = weight[i];
                double gammaR;
                double dR;
                double betaTerm;
                double dB;
                double dAB;
                double lnBk1i;
                double invBk1i;
                if (tables) {
                    gammaR = lnRx[ix];
                    dR = psiRx[ix];
                    betaTerm = lnBk[ik] - lnABk[ik];
                    dB = psiBk[ik];
                    dAB = psiABk[ik];
                    lnBk1i = lnBk1[ik];
                    invBk1i = invBk1[ik];
                } else {
                    gammaR = SpecialFunctions.logGammaRatio(r, xi);
                    dR = SpecialFunctions.digamma(r + xi) - psiR;
                    betaTerm = SpecialFunctions.logGammaRatio(b, k) - SpecialFunctions.logGammaRatio(ab, k);
                    dB = SpecialFunctions.digamma(b + k) - psiB;
                    dAB = SpecialFunctions.digamma(ab + k) - psiAB;
                    lnBk1i = k > 0 ? Math.log(b + (k - 1)) : 0;
                    invBk1i = k > 0 ? 1 / (b + (k - 1)) : 0;
                }
                double rx = r + xi;
                int ti = ageIndex[i];
                int ri = recencyIndex[i];
                double a3 = -rx * lnAlphaT[ti];
                double mix;
                double p4;
                if (k > 0) {
                    double a4 = lnA - lnBk1i - rx * lnAlphaTx[ri];
                    double d = a4 - a3;
                    // ln(e^a3 + e^a4) around the larger; 1 + e is in (1, 2], where log is as good as log1p
                    if (d > 0) {
                        double e = Math.exp(-d);
                        mix = a4 + Math.log(1 + e);
                        p4 = 1 / (1 + e);
                    } else {
                        double e = Math.exp(d);
                        mix = a3 + Math.log(1 + e);
                        p4 = e / (1 + e);
                    }
                } else {
                    mix = a3;
                    p4 = 0;
                }
                double p3 = 1 - p4;
                ll += w * (gammaR + r * lnAlpha + betaTerm + mix);
                gr += w * (dR + lnAlpha - p3 * lnAlphaT[ti] - p4 * lnAlphaTx[ri]);
                galpha += w * (r / alpha - rx * (p3 * invAlphaT[ti] + p4 * invAlphaTx[ri]));
                ga += w * (p4 * invA - dAB);
                gb += w * (dB - dAB - p4 * invBk1i);
            }
            out[0] = gr;
            out[1] = galpha;
            out[2] = ga;
            out[3] = gb;
            return ll;
        }
    }
}
