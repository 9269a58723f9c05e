package io.crmkit.scoring.clv;

import io.crmkit.scoring.internal.math.LogLikelihood;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Not a test: the measurement behind each likelihood's {@code PARALLEL_ROWS}. For each model and a
 * ladder of row counts it evaluates the likelihood summed on one thread and in parallel chunks,
 * interleaved (one batch of each per round, so that the machine's load falls on both alike), and
 * prints the wall-clock ratio parallel/sequential (below 1: parallel pays) and the CPU ratio (all
 * threads' CPU time by ThreadMXBean: the price of the threads), and the minimum wall ratio over the
 * rounds. With the argument {@code million}, one evaluation of GGom/NBD, BG/CNBD-3 and Pareto/NBD on
 * 1,000,000 simulated customers each way. The command line is in the benchmarks' README ("Parallel
 * likelihood sums"); about a minute on a quiet machine.
 */
final class ParallelLikelihoodMeasurement {

    // java.management through reflection: the test sources compile as part of the module, which does not read it
    private static final Object THREADS;
    private static final Method ALL_IDS;
    private static final Method CPU_TIME;
    private static final Object SYSTEM;
    private static final Method LOAD;
    /** Interleaved rounds of one batch each way. */
    private static final int ROUNDS = 15;

    static {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Class<?> bean = Class.forName("java.lang.management.ThreadMXBean");
            THREADS = factory.getMethod("getThreadMXBean").invoke(null);
            ALL_IDS = bean.getMethod("getAllThreadIds");
            CPU_TIME = bean.getMethod("getThreadCpuTime", long.class);
            SYSTEM = factory.getMethod("getOperatingSystemMXBean").invoke(null);
            LOAD = Class.forName("java.lang.management.OperatingSystemMXBean").getMethod("getSystemLoadAverage");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParallelLikelihoodMeasurement() {
    }

    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : "";
        if (only.equals("million")) {
            million(args.length > 1 ? args[1] : "");
            return;
        }
        int[] sizes = {256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144};
        System.out.printf("load average %.2f, %d processors%n", load(), Runtime.getRuntime().availableProcessors());
        double[] ages = ages(300_000, 7);
        if (only.isEmpty() || only.equals("bgnbd")) {
            CustomerSummaries data = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 11);
            run("bgnbd", sizes, new double[] {0.243, 4.414, 0.793, 2.426},
                    parallel -> n -> new BetaGeoLikelihood(first(data, n), 10.0 / 52, false, parallel));
        }
        if (only.isEmpty() || only.equals("pareto")) {
            CustomerSummaries data = ParetoNbdModel.of(0.553, 10.58, 0.606, 11.67).simulate(ages, 12);
            run("pareto", sizes, new double[] {0.553, 10.58, 0.606, 11.67},
                    parallel -> n -> {
                        CustomerSummaries d = first(data, n);
                        return ParetoNbdModel.likelihood(d.frequencies(), d.recencies(), d.ages(), d.weights(),
                                parallel);
                    });
        }
        if (only.isEmpty() || only.equals("bgcnbd")) {
            CustomerSummaries data = ErlangBetaGeoModel.of(false, 3, 0.243, 2.207, 0.793, 2.426).simulate(ages, 13);
            run("bgcnbd-3", sizes, new double[] {0.243, 2.207, 0.793, 2.426},
                    parallel -> n -> {
                        CustomerSummaries d = first(data, n);
                        return ErlangBetaGeoModel.likelihood(false, 3, d.frequencies(), d.recencies(), d.ages(),
                                d.logInterPurchaseTimes(), d.weights(), parallel);
                    });
        }
        if (only.isEmpty() || only.equals("ggomnbd")) {
            CustomerSummaries data = GammaGompertzNbdModel.of(0.8, 4.0, 0.08, 1.2, 3.0).simulate(ages, 14);
            run("ggomnbd", Arrays.copyOf(sizes, 8), new double[] {0.8, 4.0, 0.08, 1.2, 3.0},
                    parallel -> n -> {
                        CustomerSummaries d = first(data, n);
                        return GammaGompertzNbdModel.likelihood(d.frequencies(), d.recencies(), d.ages(), d.weights(),
                                parallel);
                    });
        }
        if (only.isEmpty() || only.equals("bgbb")) {
            // distinct (x, t_x, n) histories of up to 400 opportunities (compression leaves no more)
            SplittableRandom random = new SplittableRandom(16);
            int max = sizes[sizes.length - 1];
            double[] x = new double[max];
            double[] tx = new double[max];
            double[] opportunities = new double[max];
            double[] w = new double[max];
            for (int i = 0; i < max; i++) {
                opportunities[i] = 1 + random.nextInt(400);
                tx[i] = random.nextInt((int) opportunities[i] + 1);
                x[i] = tx[i] == 0 ? 0 : 1 + random.nextInt((int) tx[i]);
                w[i] = 1;
            }
            run("bgbb", sizes, new double[] {1.2, 0.75, 0.66, 2.78},
                    parallel -> n -> BetaGeoBetaBinomModel.likelihood(Arrays.copyOf(x, n), Arrays.copyOf(tx, n),
                            Arrays.copyOf(opportunities, n), Arrays.copyOf(w, n), parallel));
        }
        if (only.isEmpty() || only.equals("gammagamma")) {
            SplittableRandom random = new SplittableRandom(15);
            int max = sizes[sizes.length - 1];
            double[] x = new double[max];
            double[] mean = new double[max];
            double[] w = new double[max];
            for (int i = 0; i < max; i++) {
                x[i] = 1 + random.nextInt(20);
                mean[i] = 0.2 + 3 * random.nextDouble();
                w[i] = 1;
            }
            run("gammagamma", sizes, new double[] {6.25, 3.74, 15.44},
                    parallel -> n -> new GammaGammaModel.Likelihood(Arrays.copyOf(x, n), Arrays.copyOf(mean, n),
                            Arrays.copyOf(w, n), parallel));
        }
    }

    /**
     * One evaluation of each likelihood on 1,000,000 customers simulated as {@code ModelFitBenchmark}
     * simulates them (weeks, first purchases uniform over the first 26 weeks, observed to week 52),
     * sequential and parallel interleaved over three rounds: a fit is a few hundred such evaluations,
     * so their ratio is the fit's.
     */
    private static void million(String only) {
        int n = 1_000_000;
        SplittableRandom random = new SplittableRandom(42);
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = (52 * 7 - random.nextInt(26 * 7)) / 7.0;
        }
        if (only.isEmpty() || only.equals("ggomnbd")) {
            CustomerSummaries raw = GammaGompertzNbdModel.of(0.8, 4.0, 0.08, 1.2, 3.0).simulate(ages, 43);
            double[] tx = raw.recencies();
            for (int i = 0; i < n; i++) {
                tx[i] = Math.floor(tx[i] * 7) / 7.0;
            }
            CustomerSummaries d = CustomerSummaries.of(raw.frequencies(), tx, raw.ages()).compressed();
            runOnce("ggomnbd 1 M customers", d.size(), new double[] {0.8, 4.0 * 10 / 52, 0.08 * 52 / 10, 1.2, 3.0},
                    parallel -> GammaGompertzNbdModel.likelihood(d.frequencies(), scaled(d.recencies()),
                            scaled(d.ages()), d.weights(), parallel));
        }
        if (only.isEmpty() || only.equals("bgcnbd")) {
            CustomerSummaries d = ErlangBetaGeoModel.of(false, 3, 0.243, 2.207, 0.793, 2.426).simulate(ages, 43)
                    .compressed();
            double[] litt = d.logInterPurchaseTimes();
            double[] x = d.frequencies();
            for (int i = 0; i < litt.length; i++) {
                litt[i] += x[i] * Math.log(10.0 / 52);
            }
            runOnce("bgcnbd-3 1 M customers", d.size(), new double[] {0.243, 2.207 * 10 / 52, 0.793, 2.426},
                    parallel -> ErlangBetaGeoModel.likelihood(false, 3, x, scaled(d.recencies()), scaled(d.ages()),
                            litt, d.weights(), parallel));
        }
        if (only.isEmpty() || only.equals("pareto")) {
            CustomerSummaries raw = ParetoNbdModel.of(0.553, 10.58, 0.606, 11.67).simulate(ages, 43);
            double[] tx = raw.recencies();
            for (int i = 0; i < n; i++) {
                tx[i] = Math.floor(tx[i] * 7) / 7.0;
            }
            CustomerSummaries d = CustomerSummaries.of(raw.frequencies(), tx, raw.ages()).compressed();
            runOnce("pareto 1 M customers (the rows of Pareto/NBD with covariates, without the covariates)",
                    d.size(), new double[] {0.553, 10.58 * 10 / 52, 0.606, 11.67 * 10 / 52},
                    parallel -> ParetoNbdModel.likelihood(d.frequencies(), scaled(d.recencies()), scaled(d.ages()),
                            d.weights(), parallel));
        }
    }

    private static double[] scaled(double[] weeks) {
        double[] out = weeks.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 10.0 / 52;
        }
        return out;
    }

    private static void runOnce(String model, int rows, double[] params, IntFunction<LogLikelihood> factory) {
        LogLikelihood sequential = factory.apply(Integer.MAX_VALUE);
        LogLikelihood parallel = factory.apply(0);
        double[] g = new double[params.length];
        time(sequential, params, g, 1);
        time(parallel, params, g, 1);
        long[] s = new long[2];
        long[] p = new long[2];
        for (int round = 0; round < 3; round++) {
            add(s, time(sequential, params, g, 1));
            add(p, time(parallel, params, g, 1));
        }
        System.out.printf("%s, %d distinct rows, load %.2f: one thread %.1f ms wall %.1f ms CPU, parallel %.1f ms wall"
                + " %.1f ms CPU; wall ratio %.2f, CPU ratio %.2f%n", model, rows, load(), s[0] / 3e6, s[1] / 3e6,
                p[0] / 3e6, p[1] / 3e6, (double) p[0] / s[0], (double) p[1] / s[1]);
    }

    /** Builds the likelihood of the first n rows, summed in parallel from the given row count on. */
    @FunctionalInterface
    interface Factory {
        IntFunction<LogLikelihood> rows(int parallelRows);
    }

    private static void run(String model, int[] sizes, double[] params, Factory factory) {
        System.out.printf("%s (load %.2f)%n%9s %12s %12s %12s %10s %10s %10s%n", model, load(), "rows",
                "seq cpu us", "seq us/eval", "par us/eval", "wall p/s", "min p/s", "cpu p/s");
        for (int n : sizes) {
            LogLikelihood sequential = factory.rows(Integer.MAX_VALUE).apply(n);
            LogLikelihood parallel = factory.rows(0).apply(n);
            double[] g = new double[params.length];
            // evaluations per batch: about 5 ms of work
            long t0 = System.nanoTime();
            sequential.evaluate(params, g);
            long one = Math.max(1, System.nanoTime() - t0);
            int batch = (int) Math.max(1, Math.min(100_000, 5_000_000L / one));
            for (int warm = 0; warm < 3; warm++) {
                time(sequential, params, g, batch);
                time(parallel, params, g, batch);
            }
            long[] s = new long[2];
            long[] p = new long[2];
            long sMin = Long.MAX_VALUE;
            long pMin = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long[] a = time(sequential, params, g, batch);
                long[] b = time(parallel, params, g, batch);
                add(s, a);
                add(p, b);
                sMin = Math.min(sMin, a[0]);
                pMin = Math.min(pMin, b[0]);
            }
            double evaluations = (double) ROUNDS * batch;
            System.out.printf("%9d %12.1f %12.1f %12.1f %10.2f %10.2f %10.2f%n", n, s[1] / 1e3 / evaluations,
                    s[0] / 1e3 / evaluations, p[0] / 1e3 / evaluations, (double) p[0] / s[0], (double) pMin / sMin,
                    (double) p[1] / s[1]);
        }
    }

    private static void add(long[] total, long[] one) {
        total[0] += one[0];
        total[1] += one[1];
    }

    /** Wall and all threads' CPU nanoseconds of a batch. */
    private static long[] time(LogLikelihood likelihood, double[] params, double[] g, int batch) {
        long cpu0 = cpu();
        long wall0 = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < batch; i++) {
            sink += likelihood.evaluate(params, g);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = cpu() - cpu0;
        if (!Double.isFinite(sink)) {
            throw new IllegalStateException("likelihood not finite");
        }
        return new long[] {wall, cpu};
    }

    /** The system's load average, for the measurements' lines. */
    static double load() {
        try {
            return (double) LOAD.invoke(SYSTEM);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long cpu() {
        try {
            long total = 0;
            for (long id : (long[]) ALL_IDS.invoke(THREADS)) {
                total += Math.max(0, (long) CPU_TIME.invoke(THREADS, id));
            }
            return total;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CustomerSummaries first(CustomerSummaries data, int n) {
        CustomerSummaries rows = data.compressed();
        int m = Math.min(n, rows.size());
        double[] x = Arrays.copyOf(rows.frequencies(), m);
        double[] tx = Arrays.copyOf(rows.recencies(), m);
        double[] t = Arrays.copyOf(rows.ages(), m);
        double[] w = Arrays.copyOf(rows.weights(), m);
        CustomerSummaries first = CustomerSummaries.of(x, tx, t, w);
        return rows.hasLogInterPurchaseTimes()
                ? first.withLogInterPurchaseTimes(Arrays.copyOf(rows.logInterPurchaseTimes(), m)) : first;
    }

    private static double[] ages(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 26 + 26 * random.nextDouble();
        }
        return ages;
    }
}
