package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Area 2: Pareto/NBD fit on the CDNOW sample (2,357 customers), from raw rows (compression included). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParetoCdnowFitBenchmark {

    private CustomerSummaries cdnow;

    /** Loads the data once. */
    @Setup
    public void load() {
        cdnow = CdnowData.summaries();
    }

    /** @return the fitted model */
    @Benchmark
    public ParetoNbdModel fit() {
        return ParetoNbdModel.fit(cdnow);
    }
}
