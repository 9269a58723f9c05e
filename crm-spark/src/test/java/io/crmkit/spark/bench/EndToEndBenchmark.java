package io.crmkit.spark.bench;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.TransactionModel;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.spark.CustomerAnalytics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * End to end on one generated log of about a million purchases, in one run: the single-JVM path
 * (read the CSV into columns, summarise, fit BG/NBD, predict, RFM) against the same steps in
 * Spark {@code local[2]}. Not a test (never run by {@code mvn verify}); run it by hand, see
 * crm-spark's section in benchmarks/README.md.
 */
public final class EndToEndBenchmark {

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path csv = Files.createTempFile("crmkit-bench", ".csv");
        long rows = generate(csv, customers);
        LocalDate asOf = LocalDate.of(1998, 6, 30);
        Duration weeks = Duration.ofDays(7);
        System.out.printf("log: %,d purchases of %,d customers, %,d bytes%n", rows, customers, Files.size(csv));

        long t0 = System.nanoTime();
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            customer[i] = index.computeIfAbsent(f[0], k -> index.size());
            day[i] = Math.toIntExact(LocalDate.parse(f[1]).toEpochDay());
            amount[i] = Double.parseDouble(f[2]);
        }
        long t1 = System.nanoTime();
        CustomerSummaries s = CustomerSummarizer.asOf(asOf).inUnitsOf(weeks).summarizeEpochDays(customer, day, amount)
                .summaries();
        long t2 = System.nanoTime();
        BetaGeoModel single = BetaGeoModel.fit(s.compressed());
        long t3 = System.nanoTime();
        double[] expected = new double[s.size()];
        double[] alive = new double[s.size()];
        single.conditionalExpectedPurchases(52, s.frequencies(), s.recencies(), s.ages(), expected);
        single.probabilityAlive(s.frequencies(), s.recencies(), s.ages(), alive);
        long t4 = System.nanoTime();
        double[] f = s.frequencies();
        double[] r = new double[s.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = s.age(i) - s.recency(i);
        }
        RfmScorer.standard().scoreColumns(r, f, Arrays.copyOf(s.monetaryValues(), s.size()));
        long t5 = System.nanoTime();
        System.out.printf("single JVM: read %.2f s, summarize %.2f s, fit %.2f s (%d distinct rows), predict %.2f s, "
                + "rfm columns %.2f s, total %.2f s%n", sec(t1 - t0), sec(t2 - t1), sec(t3 - t2),
                s.compressed().size(), sec(t4 - t3), sec(t5 - t4), sec(t5 - t0));

        SparkSession spark = SparkSession.builder().master("local[2]").appName("bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        long u0 = System.nanoTime();
        CustomerAnalytics crm = CustomerAnalytics.withDefaults();
        Dataset<Row> transactions = spark.read().option("header", "true").csv(csv.toString());
        Dataset<Row> summaries = crm.summarize(transactions, asOf, weeks).cache();
        long count = summaries.count();
        long u1 = System.nanoTime();
        TransactionModel model = crm.fitPurchases("bgnbd", summaries);
        long u2 = System.nanoTime();
        long scored = crm.score(model, summaries, 52).where("p_alive >= 0").count();
        long u3 = System.nanoTime();
        long rfm = crm.rfm(transactions, asOf).count();
        long u4 = System.nanoTime();
        System.out.printf("spark local[2]: read+summarize %.2f s (%d customers), fit %.2f s, score %.2f s (%d), "
                + "rfm %.2f s (%d), total %.2f s%n", sec(u1 - u0), count, sec(u2 - u1), sec(u3 - u2), scored,
                sec(u4 - u3), rfm, sec(u4 - u0));
        System.out.println("same parameters: " + model.parameters() + " vs " + single.parameters());
        spark.stop();
        Files.delete(csv);
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static long generate(Path csv, int customers) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        long start = LocalDate.of(1997, 1, 1).toEpochDay();
        long asOf = LocalDate.of(1998, 6, 30).toEpochDay();
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("customer_id,date,amount\n");
            for (int c = 0; c < customers; c++) {
                double rate = (0.2 + random.nextDouble()) * 0.03;
                double dropout = random.nextDouble() * 0.4;
                long d = start + random.nextLong(asOf - start + 1);
                while (d <= asOf) {
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
        return rows;
    }
}
