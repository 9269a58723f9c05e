package io.crmkit.spark.bench;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.TransactionModel;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.spark.CustomerAnalytics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * End to end on one generated log of a given number of purchases, in one JVM and one run: the
 * single-JVM path (read the CSV into primitive columns, summarise, fit BG/NBD on the compressed
 * rows, bulk predictions, RFM over columns) against the same steps through
 * {@link CustomerAnalytics} in Spark {@code local[2]} (8 shuffle partitions). For every step it
 * prints wall-clock and process CPU seconds; for the Spark fit, the driver's heap in use (after a
 * full collection) before and while it holds the collected distinct (x, t<sub>x</sub>, T) rows, and
 * those rows' own size. Not a test (never run by {@code mvn verify}); see crm-spark's section in
 * benchmarks/README.md for the command.
 *
 * <p>Argument: the number of purchases to generate (e.g. {@code 1000000}, {@code 10000000}); the
 * generator adds customers until the log holds that many.
 */
public final class EndToEndBenchmark {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long purchases = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path csv = Files.createTempFile("crmkit-bench", ".csv");
        long[] generated = generate(csv, purchases);
        int n = Math.toIntExact(generated[0]);
        LocalDate asOf = LocalDate.of(1998, 6, 30);
        Duration weeks = Duration.ofDays(7);
        System.out.printf("log: %,d purchases of %,d customers, %,d bytes; java %s, %d processors, max heap %,d MB, "
                + "load average %.2f%n", n, generated[1], Files.size(csv), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        // in a method of its own, so that its columns are garbage before Spark starts
        BetaGeoModel single = singleJvm(csv, n, asOf, weeks);

        SparkSession spark = SparkSession.builder().master("local[2]").appName("bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        Step sparkStep = new Step();
        CustomerAnalytics crm = CustomerAnalytics.withDefaults();
        Dataset<Row> transactions = spark.read().option("header", "true").csv(csv.toString());
        Dataset<Row> summaries = crm.summarize(transactions, asOf, weeks).cache();
        long count = summaries.count();
        String sparkSummarize = sparkStep.done();
        int partitions = summaries.rdd().getNumPartitions();

        // the fit as fitPurchases("bgnbd") runs it: distinct rows collected, then fitted on the driver
        long heapBefore = usedHeapAfterGc();
        sparkStep.skip();
        CustomerSummaries distinct = crm.distinctRows(summaries, false, null);
        String collect = sparkStep.done();
        long heapHolding = usedHeapAfterGc();
        sparkStep.skip();
        TransactionModel model = BetaGeoModel.fit(distinct);
        String sparkFit = sparkStep.done();
        long distinctBytes = (long) distinct.size() * 4 * Double.BYTES;

        long scored = crm.score(model, summaries, 52).where("p_alive >= 0").count();
        String score = sparkStep.done();
        long rfmRows = crm.rfm(transactions, asOf).count();
        String sparkRfm = sparkStep.done();
        System.out.printf("spark local[2], %d partitions (wall s / CPU s): read+summarize %s (%,d customers), "
                + "collect distinct rows %s, fit on the driver %s, score %s (%,d), rfm %s (%,d), total %s%n", partitions,
                sparkSummarize, count, collect, sparkFit, score, scored, sparkRfm, rfmRows, sparkStep.total());
        System.out.printf("driver during the fit: %,d distinct rows = %,d KB of columns (x, t_x, T, count); heap in "
                + "use after GC %,d MB before collecting them, %,d MB while holding them (the same JVM also holds "
                + "Spark's cache of the %,d summaries in local mode)%n", distinct.size(), distinctBytes >> 10,
                heapBefore >> 20, heapHolding >> 20, count);
        System.out.println("parameters: spark " + model.parameters() + ", single JVM " + single.parameters());
        spark.stop();
        Files.delete(csv);
    }

    /** The single-JVM path; prints its figures and returns its fit. */
    private static BetaGeoModel singleJvm(Path csv, int n, LocalDate asOf, Duration weeks) throws IOException {
        Step step = new Step();
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        Map<String, Integer> index = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            in.readLine();
            for (int i = 0; i < n; i++) {
                String line = in.readLine();
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                customer[i] = index.computeIfAbsent(line.substring(0, a), k -> index.size());
                day[i] = Math.toIntExact(LocalDate.parse(line.substring(a + 1, b)).toEpochDay());
                amount[i] = Double.parseDouble(line.substring(b + 1));
            }
        }
        String read = step.done();
        CustomerSummaries s = CustomerSummarizer.asOf(asOf).inUnitsOf(weeks).summarizeEpochDays(customer, day, amount)
                .summaries();
        String summarize = step.done();
        // the distinct (x, t_x, T) rows, as the Spark fit collects them (s.compressed() would key on spend too)
        CustomerSummaries compressed = CustomerSummaries.of(s.frequencies(), s.recencies(), s.ages()).compressed();
        BetaGeoModel single = BetaGeoModel.fit(compressed);
        String fit = step.done();
        double[] expected = new double[s.size()];
        double[] alive = new double[s.size()];
        single.conditionalExpectedPurchases(52, s.frequencies(), s.recencies(), s.ages(), expected);
        single.probabilityAlive(s.frequencies(), s.recencies(), s.ages(), alive);
        String predict = step.done();
        double[] f = s.frequencies();
        double[] r = new double[s.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = s.age(i) - s.recency(i);
        }
        RfmScorer.standard().scoreColumns(r, f, Arrays.copyOf(s.monetaryValues(), s.size()));
        String rfm = step.done();
        System.out.printf("single JVM (wall s / CPU s): read %s, summarize %s, fit %s (%,d customers, %,d distinct "
                + "rows), predict %s, rfm columns %s, total %s%n", read, summarize, fit, s.size(), compressed.size(),
                predict, rfm, step.total());
        return single;

    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Wall-clock and process CPU time of consecutive steps. */
    private static final class Step {
        private final long wallStart = System.nanoTime();
        private final long cpuStart = cpu();
        private long wall = wallStart;
        private long cpu = cpuStart;
        private long skippedWall;
        private long skippedCpu;

        String done() {
            long w = System.nanoTime();
            long c = cpu();
            String out = String.format("%.1f/%.1f", (w - wall) / 1e9, (c - cpu) / 1e9);
            wall = w;
            cpu = c;
            return out;
        }

        /** Leaves the time since the last step (a measurement) out of every figure. */
        void skip() {
            long w = System.nanoTime();
            long c = cpu();
            skippedWall += w - wall;
            skippedCpu += c - cpu;
            wall = w;
            cpu = c;
        }

        String total() {
            return String.format("%.1f/%.1f", (wall - wallStart - skippedWall) / 1e9,
                    (cpu - cpuStart - skippedCpu) / 1e9);
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** Writes about {@code purchases} purchases; returns {purchases written, customers}. */
    private static long[] generate(Path csv, long purchases) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        long start = LocalDate.of(1997, 1, 1).toEpochDay();
        long asOf = LocalDate.of(1998, 6, 30).toEpochDay();
        long rows = 0;
        long customers = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("customer_id,date,amount\n");
            for (long c = 0; rows < purchases; c++) {
                customers++;
                double rate = (0.2 + random.nextDouble()) * 0.03;
                double dropout = random.nextDouble() * 0.4;
                long d = start + random.nextLong(asOf - start + 1);
                while (d <= asOf && rows < purchases) {
                    long cents = 100 + random.nextLong(9000);
                    out.write("c" + c + "," + LocalDate.ofEpochDay(d) + "," + cents / 100 + "."
                            + String.format("%02d", cents % 100) + "\n");
                    rows++;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                    d += 1 + (long) (-Math.log(1 - random.nextDouble()) / rate);
                }
            }
        }
        return new long[] {rows, customers};
    }
}
