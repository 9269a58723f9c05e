package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ErlangBetaGeoModel;
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
 * Issue 17: MBG/CNBD-k expected purchases in the next 26 weeks for 1,000,000 customers, the exact
 * conditional mean ({@code exact}, through the bulk column API) against BTYDplus' approximation
 * ({@code approximation}, one call per customer). The customers come from the model's own seeded
 * simulator: r 0.9, α 9/k (about one purchase in ten weeks), a 0.8, b 2.5, observed 26 to 52 weeks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ErlangPredictionBenchmark {

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    /** The Erlang shape k. */
    @Param({"3", "6"})
    public int k;

    ErlangBetaGeoModel model;
    double[] x;
    double[] tx;
    double[] age;
    double[] out;

    /** Simulates the customers once per trial. */
    @Setup
    public void simulate() {
        model = ErlangBetaGeoModel.of(true, k, 0.9, 9.0 / k, 0.8, 2.5);
        SplittableRandom random = new SplittableRandom(17);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = (52 * 7 - random.nextInt(26 * 7)) / 7.0;
        }
        CustomerSummaries data = model.simulate(ages, 18);
        x = data.frequencies();
        tx = data.recencies();
        age = data.ages();
        out = new double[customers];
    }

    /** @return the output column */
    @Benchmark
    public double[] exact() {
        model.conditionalExpectedPurchases(26, x, tx, age, out);
        return out;
    }

    /** @return the output column */
    @Benchmark
    public double[] approximation() {
        for (int i = 0; i < out.length; i++) {
            out[i] = model.conditionalExpectedPurchasesApproximation(26, x[i], tx[i], age[i]);
        }
        return out;
    }
}
