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
 * Area 4: BG/NBD predictions for many customers through the bulk column API: conditional
 * expected purchases in the next 26 weeks, and the probability of being alive. Customers per
 * second = customers / (time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictionBenchmark {

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    private double[] x;
    private double[] tx;
    private double[] age;
    private double[] out;

    /** Simulates the customers once per trial. */
    @Setup
    public void simulate() {
        CustomerSummaries data = Simulated.customers(customers, 7);
        x = data.frequencies();
        tx = data.recencies();
        age = data.ages();
        out = new double[customers];
    }

    /** @return the output column */
    @Benchmark
    public double[] conditionalExpectedPurchases() {
        Simulated.PAPER.conditionalExpectedPurchases(26, x, tx, age, out);
        return out;
    }

    /** @return the output column */
    @Benchmark
    public double[] probabilityAlive() {
        Simulated.PAPER.probabilityAlive(x, tx, age, out);
        return out;
    }
}
