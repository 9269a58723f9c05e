package io.crmkit.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The thread's CPU time of {@link LoyaltyBenchmark}'s two operations, for a figure that other
 * processes on the machine do not inflate as they do wall-clock time: generates the benchmark's
 * data, then alternates earning and statements, printing each one's CPU and wall seconds and, at
 * the end, the collector's count and time (garbage collection runs on other threads and is not in
 * the CPU figure).
 *
 * <pre>{@code java -Xmx6g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.LoyaltyCpuTime 100000 3}</pre>
 */
public final class LoyaltyCpuTime {

    private LoyaltyCpuTime() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of members (each makes 10 purchases; default 100,000) and of
     *     repetitions (default 3)
     */
    public static void main(String[] args) {
        LoyaltyBenchmark benchmark = new LoyaltyBenchmark();
        benchmark.members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        benchmark.generate();
        System.out.printf(Locale.ROOT, "%,d members: generated and loaded in %.2f s CPU, %.2f s wall%n", benchmark.members,
                (threads.getCurrentThreadCpuTime() - c0) / 1e9, (System.nanoTime() - w0) / 1e9);
        for (int r = 1; r <= repetitions; r++) {
            long c1 = threads.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            Object ledger = benchmark.earn();
            long c2 = threads.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            Object accounts = benchmark.statements();
            long c3 = threads.getCurrentThreadCpuTime();
            long w3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: earn %.2f s CPU (%.2f s wall), statements %.2f s CPU (%.2f s wall)%s%n", r,
                    (c2 - c1) / 1e9, (w2 - w1) / 1e9, (c3 - c2) / 1e9, (w3 - w2) / 1e9,
                    ledger == null || accounts == null ? "?" : "");
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.printf(Locale.ROOT, "%s: %d collections, %.2f s%n", gc.getName(), gc.getCollectionCount(),
                    gc.getCollectionTime() / 1e3);
        }
    }
}
