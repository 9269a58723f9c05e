package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.CustomerSummarizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Area 6: summarising a transaction log into per-customer (x, t<sub>x</sub>, T, spend), in
 * weeks on a daily grid, through the column entry point. The log is in no particular order:
 * 1,000,000 customers, transactions spread over two years.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SummarizeBenchmark {

    /** Number of transactions. */
    @Param({"10000000"})
    public int transactions;

    private int[] customer;
    private int[] epochDay;
    private double[] amount;
    private final CustomerSummarizer summarizer =
            CustomerSummarizer.asOf(LocalDate.of(2025, 12, 31)).inUnitsOf(Duration.ofDays(7));

    /** Generates the log once per trial. */
    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(3);
        int start = (int) LocalDate.of(2024, 1, 1).toEpochDay();
        customer = new int[transactions];
        epochDay = new int[transactions];
        amount = new double[transactions];
        for (int i = 0; i < transactions; i++) {
            customer[i] = random.nextInt(1_000_000);
            epochDay[i] = start + random.nextInt(731);
            amount[i] = 1 + random.nextInt(20_000) / 100.0;
        }
    }

    /** @return the summaries */
    @Benchmark
    public Object summarize() {
        return summarizer.summarizeEpochDays(customer, epochDay, amount);
    }
}
