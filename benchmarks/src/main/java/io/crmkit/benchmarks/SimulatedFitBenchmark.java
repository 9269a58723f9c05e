package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
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
 * Area 3: BG/NBD fit on simulated customers (see {@link Simulated}), from one row per customer:
 * the time includes compressing identical rows into weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatedFitBenchmark {

    /** Number of simulated customers. */
    @Param({"100000", "1000000"})
    public int customers;

    private CustomerSummaries data;

    /** Simulates the customers once per trial. */
    @Setup
    public void simulate() {
        data = Simulated.customers(customers, 42);
    }

    /** @return the fitted model */
    @Benchmark
    public BetaGeoModel fit() {
        return BetaGeoModel.fit(data);
    }
}
