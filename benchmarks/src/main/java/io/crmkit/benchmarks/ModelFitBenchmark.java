package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.Covariates;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.ErlangBetaGeoModel;
import io.crmkit.scoring.clv.GammaGompertzNbdModel;
import io.crmkit.scoring.clv.ParetoNbdCovariateModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.ShiftedBetaGeometricModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17: the fit of each model added by the issue, with BG/NBD's fit of the same customers as
 * the reference row of the same run. One operation is one fit through the entry point the
 * command line uses ({@code ClvModels.named(model).fit}, or {@code ParetoNbdCovariateModel.fit}),
 * compression of identical rows included.
 *
 * <p>{@code data = cdnow}: the CDNOW sample's 2,357 customers summarised from the bundled log as of
 * 1997-09-30 in weeks (the calibration period of Fader, Hardie &amp; Lee 2005), with the sum of log
 * inter-purchase times for BG/CNBD-k and MBG/CNBD-k; the covariate model gets two seeded covariates
 * unrelated to behaviour (a 0/1 "gender" in both processes, a standard normal "spend" in the
 * purchase process). {@code data = simulated}: {@code customers} customers (1,000,000 unless
 * {@code -p customers=…} says otherwise) simulated with each model's own seeded simulator,
 * observed to the end of week 52 with first purchases uniform over the first 26 weeks (as
 * {@link Simulated}); recencies rounded down to whole days except for the Erlang models, whose
 * log inter-purchase statistic is continuous anyway. The covariate model's customers have the two
 * covariates above with γ<sub>trans</sub> = (0.6, −0.4) and γ<sub>life</sub> = 0.9.
 *
 * <p>sBG is a cohort model: its data are a cohort's survivors over 8 periods (years 0–7), simulated
 * at Fader &amp; Hardie's "Regular" estimates (α 0.704, β 1.182) with 2,357 or {@code customers}
 * customers; whatever the size, the fit sees one weighted row per period.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelFitBenchmark {

    /** The model: {@code bgnbd} is the reference row. */
    @Param({"bgnbd", "sbg", "bgcnbd", "mbgcnbd", "ggomnbd", "pareto-covariates"})
    public String model;

    /** The customers: {@code cdnow} (2,357, real) or {@code simulated}. */
    @Param({"cdnow", "simulated"})
    public String data;

    /** How many customers {@code data = simulated} has (ignored for {@code cdnow}). */
    @Param({"1000000"})
    public int customers;

    /**
     * Where the fit runs: {@code common} calls it directly, so that its likelihood sums run on the
     * common fork-join pool above their thresholds; {@code 1} calls it inside a one-thread
     * fork-join pool, the same fit (bit for bit) on one core, for the before/after ratio.
     */
    @Param({"common"})
    public String threads;

    private static final long SEED = 42;

    private CustomerSummaries summaries;
    private Covariates transaction;
    private Covariates life;
    private long[] cohort;
    private ForkJoinPool pool;

    /** Prepares the chosen data once per trial. */
    @Setup
    public void prepare() {
        boolean cdnow = data.equals("cdnow");
        switch (model) {
            case "sbg" -> cohort = ShiftedBetaGeometricModel.of(0.704, 1.182).simulate(cdnow ? 2357 : customers, 7,
                    SEED);
            case "bgnbd" -> summaries = cdnow ? withoutLogGaps(cdnowSummaries()) : Simulated.customers(customers, SEED);
            case "bgcnbd", "mbgcnbd" -> summaries = cdnow ? cdnowSummaries()
                    : ErlangBetaGeoModel.of(model.equals("mbgcnbd"), 2, 0.243, 2.207, 0.793, 2.426)
                            .simulate(ages(customers, SEED), SEED + 1);
            case "ggomnbd" -> summaries = cdnow ? withoutLogGaps(cdnowSummaries())
                    : onDays(GammaGompertzNbdModel.of(0.8, 4.0, 0.08, 1.2, 3.0)
                            .simulate(ages(customers, SEED), SEED + 1));
            case "pareto-covariates" -> {
                if (cdnow) {
                    summaries = withoutLogGaps(cdnowSummaries());
                    unrelatedCovariates(summaries.size());
                } else {
                    simulateWithCovariates(customers);
                }
            }
            default -> throw new IllegalArgumentException("model " + model + " is not benchmarked");
        }
    }

    /** Starts the one-thread pool when {@code threads = 1}. */
    @Setup
    public void startPool() {
        pool = threads.equals("1") ? new ForkJoinPool(1) : null;
    }

    /** Stops the pool. */
    @TearDown
    public void stopPool() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** @return the fitted model */
    @Benchmark
    public Object fit() {
        return pool == null ? fitHere() : pool.submit(this::fitHere).join();
    }

    private Object fitHere() {
        return switch (model) {
            case "sbg" -> ShiftedBetaGeometricModel.fit(cohort);
            case "pareto-covariates" -> ParetoNbdCovariateModel.fit(summaries, transaction, life, Set.of(), 0.0);
            default -> ClvModels.named(model).fit(summaries, 0.0);
        };
    }

    /** CDNOW_sample.txt summarised as of 1997-09-30 by day in weeks, with the log inter-purchase statistic. */
    private static CustomerSummaries cdnowSummaries() {
        List<int[]> rows = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        try (InputStream in = ModelFitBenchmark.class.getResourceAsStream("CDNOW_sample.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split("\\s+");
                    rows.add(new int[] {Integer.parseInt(f[1]) - 1,
                        (int) LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay()});
                    amounts.add(Double.parseDouble(f[4]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            customer[i] = rows.get(i)[0];
            day[i] = rows.get(i)[1];
            amount[i] = amounts.get(i);
        }
        return CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30)).inUnitsOf(Duration.ofDays(7))
                .withLogInterPurchaseTimes().summarizeEpochDays(customer, day, amount).summaries();
    }

    /** The same customers as the models without the statistic see them (so that identical rows merge). */
    private static CustomerSummaries withoutLogGaps(CustomerSummaries s) {
        return CustomerSummaries.of(s.frequencies(), s.recencies(), s.ages());
    }

    /** T of each customer in weeks: first purchases uniform over the first 26 weeks, observed to week 52. */
    private static double[] ages(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = (52 * 7 - random.nextInt(26 * 7)) / 7.0;
        }
        return ages;
    }

    /** Recencies rounded down to whole days, as a daily log gives them. */
    private static CustomerSummaries onDays(CustomerSummaries s) {
        double[] tx = s.recencies();
        for (int i = 0; i < tx.length; i++) {
            tx[i] = Math.floor(tx[i] * 7) / 7.0;
        }
        return CustomerSummaries.of(s.frequencies(), tx, s.ages());
    }

    private void unrelatedCovariates(int n) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] trans = new double[n][];
        double[][] lifetime = new double[n][];
        for (int i = 0; i < n; i++) {
            double gender = random.nextInt(2);
            trans[i] = new double[] {gender, normal(random)};
            lifetime[i] = new double[] {gender};
        }
        transaction = Covariates.of(List.of("gender", "spend"), trans);
        life = Covariates.of(List.of("gender"), lifetime);
    }

    /** Pareto/NBD at CDNOW-like r 0.55, α 10.6, s 0.61, β 11.7, scales moved by the covariates. */
    private void simulateWithCovariates(int n) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ages = ages(n, SEED + 2);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[][] trans = new double[n][];
        double[][] lifetime = new double[n][];
        for (int i = 0; i < n; i++) {
            double gender = random.nextInt(2);
            double spend = normal(random);
            double etaTrans = 0.6 * gender - 0.4 * spend;
            double etaLife = 0.9 * gender;
            CustomerSummaries one = ParetoNbdModel.of(0.553, 10.58 * Math.exp(-etaTrans), 0.606,
                    11.67 * Math.exp(-etaLife)).simulate(new double[] {ages[i]}, SEED * 1_000_003L + i);
            x[i] = one.frequency(0);
            tx[i] = Math.floor(one.recency(0) * 7) / 7.0;
            trans[i] = new double[] {gender, spend};
            lifetime[i] = new double[] {gender};
        }
        summaries = CustomerSummaries.of(x, tx, ages);
        transaction = Covariates.of(List.of("gender", "spend"), trans);
        life = Covariates.of(List.of("gender"), lifetime);
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
