package io.crmkit.scoring.clv;

import io.crmkit.scoring.internal.math.LogLikelihood;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a test: times the BG/NBD fit on a summary file the way it is now (rows merged run by run
 * inside the likelihood, terms once per kernel) against the way it was (CustomerSummaries.compressed()
 * and the per-row sum, {@code BetaGeoKernelSumTest.referenceFit}), interleaved, with wall and process
 * CPU time, and checks that both give the same bits; then the parts: merging, construction, one
 * evaluation on one thread and in parallel, and the cost of a row in the new sum. Arguments: the
 * summary CSV (customer_id,frequency,recency,T,monetary_value), and the number of rounds (default 2),
 * or {@code threshold} for the measurement behind {@code BetaGeoLikelihood.PARALLEL_ROWS}.
 * The command line is in the benchmarks' README, section "Quiet machine, 2026-11-30 04:03–04:18 UTC".
 */
final class KernelSumMeasurement {

    private static final Object SYSTEM;
    private static final Method PROCESS_CPU;

    static {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            SYSTEM = factory.getMethod("getOperatingSystemMXBean").invoke(null);
            PROCESS_CPU = Class.forName("com.sun.management.OperatingSystemMXBean").getMethod("getProcessCpuTime");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private KernelSumMeasurement() {
    }

    private static long cpu() {
        try {
            return (Long) PROCESS_CPU.invoke(SYSTEM);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double load() {
        return ParallelLikelihoodMeasurement.load();
    }

    public static void main(String[] args) throws IOException {
        CustomerSummaries data = read(Path.of(args[0]));
        if (args.length > 1 && args[1].equals("threshold")) {
            threshold(data);
            return;
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("%s: %,d rows; load average %.2f, %d processors%n", args[0], data.size(), load(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            long w0 = System.nanoTime();
            long c0 = cpu();
            ModelFit.Estimate before = BetaGeoKernelSumTest.referenceFit("bgnbd", data, 0, false);
            long w1 = System.nanoTime();
            long c1 = cpu();
            ModelFit.Estimate after = BetaGeoMath.fit("bgnbd", data, 0, false);
            long w2 = System.nanoTime();
            long c2 = cpu();
            boolean same = Arrays.equals(before.params(), after.params())
                    && before.diagnostics().equals(after.diagnostics());
            System.out.printf("round %d fit: per-row sum %.2f s wall / %.2f s CPU, kernels %.2f s / %.2f s;"
                    + " same bits %s; %d evaluations; load %.2f%n", round, (w1 - w0) / 1e9, (c1 - c0) / 1e9,
                    (w2 - w1) / 1e9, (c2 - c1) / 1e9, same, after.diagnostics().evaluations(), load());
        }
        double maxAge = 0;
        for (int i = 0; i < data.size(); i++) {
            maxAge = Math.max(maxAge, data.age(i));
        }
        double scale = 10.0 / maxAge;
        double[] theta = {0.4, 11, 1.0, 4.4};
        for (int round = 0; round < rounds; round++) {
            long w0 = System.nanoTime();
            long c0 = cpu();
            CustomerSummaries compressed = data.compressed();
            long w1 = System.nanoTime();
            long c1 = cpu();
            LogLikelihood perRow = new BetaGeoKernelSumTest.PerRowLikelihood(compressed, scale, false,
                    BetaGeoLikelihood.PARALLEL_ROWS);
            long w2 = System.nanoTime();
            long c2 = cpu();
            BetaGeoLikelihood kernels = BetaGeoLikelihood.compressing(data, scale, false);
            long w3 = System.nanoTime();
            long c3 = cpu();
            System.out.printf("round %d prepare: compressed() %.2f s / %.2f s CPU, per-row likelihood %.2f s / %.2f s;"
                    + " compressing kernel likelihood %.2f s / %.2f s (%,d rows, %,d kernels)%n", round,
                    (w1 - w0) / 1e9, (c1 - c0) / 1e9, (w2 - w1) / 1e9, (c2 - c1) / 1e9, (w3 - w2) / 1e9,
                    (c3 - c2) / 1e9, kernels.rows(), kernels.kernels());
            evaluations("per-row sum, default threshold", perRow, theta);
            evaluations("per-row sum, one thread", new BetaGeoKernelSumTest.PerRowLikelihood(compressed, scale, false,
                    Integer.MAX_VALUE), theta);
            evaluations("kernels, default thresholds", kernels, theta);
            BetaGeoLikelihood oneThread = new BetaGeoLikelihood(compressed, scale, false, Integer.MAX_VALUE);
            double rowsAndKernels = evaluations("kernels, one thread", oneThread, theta);
            // the same kernels, one row each: the difference is the cost of the other rows
            CustomerSummaries distinct = CustomerSummaries.of(compressed.frequencies(), compressed.recencies(),
                    compressed.ages()).compressed();
            double kernelsOnly = evaluations("kernels, one thread, one row per kernel",
                    new BetaGeoLikelihood(distinct, scale, false, Integer.MAX_VALUE), theta);
            System.out.printf("  a row costs %.2f ns, a kernel %.1f ns (one thread)%n",
                    (rowsAndKernels - kernelsOnly) / (compressed.size() - distinct.size()),
                    kernelsOnly / distinct.size());
        }
    }

    /**
     * The row sum on one thread against in parallel chunks, on the first n compressed rows for a
     * ladder of n, the kernels' terms on one thread both ways: interleaved rounds, CPU and wall ratios.
     */
    private static void threshold(CustomerSummaries data) {
        CustomerSummaries compressed = data.compressed();
        double[] theta = {0.4, 11, 1.0, 4.4};
        double[] gradient = new double[4];
        System.out.printf("load average %.2f%n", load());
        for (int n = 1 << 17; n <= compressed.size(); n *= 2) {
            CustomerSummaries first = first(compressed, n);
            BetaGeoLikelihood one = new BetaGeoLikelihood(first, 1, false, Integer.MAX_VALUE, Integer.MAX_VALUE);
            BetaGeoLikelihood parallel = new BetaGeoLikelihood(first, 1, false, 0, Integer.MAX_VALUE);
            int batch = Math.max(3, (1 << 23) / n);
            long[] wall = new long[2];
            long[] cpu = new long[2];
            for (int round = 0; round < 8; round++) {
                for (int way = 0; way < 2; way++) {
                    BetaGeoLikelihood l = way == 0 ? one : parallel;
                    long w0 = System.nanoTime();
                    long c0 = cpu();
                    for (int k = 0; k < batch; k++) {
                        l.evaluate(theta, gradient);
                    }
                    if (round > 0) {
                        wall[way] += System.nanoTime() - w0;
                        cpu[way] += cpu() - c0;
                    }
                }
            }
            double evaluations = 7.0 * batch;
            System.out.printf("%,10d rows %,9d kernels: one thread %.2f ms CPU / %.2f ms wall, parallel rows"
                    + " %.2f ms / %.2f ms; CPU ratio %.2f, wall ratio %.2f; load %.2f%n", n, one.kernels(),
                    cpu[0] / evaluations / 1e6, wall[0] / evaluations / 1e6, cpu[1] / evaluations / 1e6,
                    wall[1] / evaluations / 1e6, (double) cpu[1] / cpu[0], (double) wall[1] / wall[0], load());
        }
    }

    private static CustomerSummaries first(CustomerSummaries data, int n) {
        return CustomerSummaries.of(Arrays.copyOf(data.frequencies(), n), Arrays.copyOf(data.recencies(), n),
                Arrays.copyOf(data.ages(), n), Arrays.copyOf(data.weights(), n));
    }

    /** Times 10 evaluations; prints and returns the CPU time of one, in ns. */
    private static double evaluations(String what, LogLikelihood likelihood, double[] theta) {
        double[] gradient = new double[4];
        likelihood.evaluate(theta, gradient);
        long w0 = System.nanoTime();
        long c0 = cpu();
        for (int k = 0; k < 10; k++) {
            likelihood.evaluate(theta, gradient);
        }
        double wall = (System.nanoTime() - w0) / 10.0;
        double cpu = (cpu() - c0) / 10.0;
        System.out.printf("  one evaluation, %s: %.1f ms wall / %.1f ms CPU%n", what, wall / 1e6, cpu / 1e6);
        return cpu;
    }

    private static CustomerSummaries read(Path file) throws IOException {
        int capacity = 1 << 16;
        double[] x = new double[capacity];
        double[] tx = new double[capacity];
        double[] age = new double[capacity];
        double[] spend = new double[capacity];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", -1);
                if (n == x.length) {
                    x = Arrays.copyOf(x, 2 * n);
                    tx = Arrays.copyOf(tx, 2 * n);
                    age = Arrays.copyOf(age, 2 * n);
                    spend = Arrays.copyOf(spend, 2 * n);
                }
                x[n] = Double.parseDouble(cells[1]);
                tx[n] = Double.parseDouble(cells[2]);
                age[n] = Double.parseDouble(cells[3]);
                spend[n] = Double.parseDouble(cells[4]);
                n++;
            }
        }
        return CustomerSummaries.withMonetaryValue(Arrays.copyOf(x, n), Arrays.copyOf(tx, n), Arrays.copyOf(age, n),
                Arrays.copyOf(spend, n));
    }
}
