package io.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The thread's CPU time of {@link ErlangPredictionBenchmark}'s two operations, alternated so that
 * both see the same machine: simulates the customers for each k, then runs the exact mean and the
 * approximation in turn, printing each one's CPU and wall seconds and their ratio, and the mean of
 * each column (the approximation's share of the exact total).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.ErlangPredictionCpuTime 1000000 3}</pre>
 */
public final class ErlangPredictionCpuTime {

    private ErlangPredictionCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of customers (default 1,000,000) and of repetitions (default 3)
     */
    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k : new int[] {3, 6}) {
            ErlangPredictionBenchmark benchmark = new ErlangPredictionBenchmark();
            benchmark.customers = customers;
            benchmark.k = k;
            benchmark.simulate();
            for (int r = 1; r <= repetitions; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                double exact = sum(benchmark.exact());
                long c1 = threads.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                double approximation = sum(benchmark.approximation());
                long c2 = threads.getCurrentThreadCpuTime();
                long w2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "k %d, %,d customers, run %d: exact %.2f s CPU (%.2f s wall), approximation"
                        + " %.2f s CPU (%.2f s wall), ratio %.1f; mean %.4f exact, %.4f approximated%n", k, customers, r,
                        (c1 - c0) / 1e9, (w1 - w0) / 1e9, (c2 - c1) / 1e9, (w2 - w1) / 1e9,
                        (double) (c1 - c0) / (c2 - c1), exact / customers, approximation / customers);
            }
        }
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
