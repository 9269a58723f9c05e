package io.crmkit.benchmarks;

import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.rfm.RfmScores;
import io.crmkit.scoring.value.AbcClass;
import io.crmkit.scoring.value.ParetoClassifier;
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
 * Area 5: RFM scoring from per-customer summaries and ABC classification by value, for many
 * customers. The data is heavily tied as real data is: recency in whole days, most customers
 * with one or two purchases, spend rounded to cents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    private double[] recencyDays;
    private double[] frequency;
    private double[] monetary;
    private final RfmScorer rfm = RfmScorer.standard();
    private final ParetoClassifier abc = ParetoClassifier.standard();

    /** Generates the customers once per trial. */
    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(11);
        recencyDays = new double[customers];
        frequency = new double[customers];
        monetary = new double[customers];
        for (int i = 0; i < customers; i++) {
            recencyDays[i] = random.nextInt(730);
            frequency[i] = 1 + Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
            monetary[i] = Math.round(Math.exp(3 + random.nextGaussian()) * frequency[i] * 100) / 100.0;
        }
    }

    /** @return the scores */
    @Benchmark
    public RfmScores rfm() {
        return rfm.scoreColumns(recencyDays, frequency, monetary);
    }

    /** @return the classes */
    @Benchmark
    public AbcClass[] abc() {
        return abc.abc(monetary);
    }
}
