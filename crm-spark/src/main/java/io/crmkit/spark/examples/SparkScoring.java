package io.crmkit.spark.examples;

import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.TransactionModel;
import io.crmkit.spark.CustomerAnalytics;
import io.crmkit.spark.LifetimeValueSettings;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a transaction log ({@code customer_id,date,amount}, CSV with a header or Parquet) as of a
 * date and writes Parquet: {@code <output>/customers} — one row per customer with
 * {@code frequency, recency, T, monetary_value} (weeks), {@code expected_purchases} over 52 weeks,
 * {@code p_alive} and a 12-month {@code clv} from BG/NBD and Gamma-Gamma fitted on the log — and
 * {@code <output>/rfm} with the RFM scores, segments and ABC classes of the customers' spend.
 *
 * <pre>
 * spark-submit --master 'local[2]' --class io.crmkit.spark.examples.SparkScoring \
 *     --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false \
 *     crm-spark-0.1.0-SNAPSHOT-all.jar transactions.csv 1997-09-30 scores/
 * </pre>
 *
 * From an IDE, run it with the VM options {@code -Dspark.master=local[2]} and the
 * {@code --add-opens} flags listed in the README.
 */
public final class SparkScoring {

    private SparkScoring() {
    }

    /**
     * Runs the scoring.
     *
     * @param args the input file or directory ({@code .parquet} is read as Parquet, anything else as
     *     CSV), the as-of date {@code yyyy-MM-dd}, the output directory
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SparkScoring <transactions.csv|.parquet> <as-of yyyy-MM-dd> <output dir>");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("crmkit scoring").getOrCreate();
        try {
            run(spark, args[0], LocalDate.parse(args[1]), args[2]);
        } finally {
            spark.stop();
        }
    }

    /**
     * Reads, scores and writes.
     *
     * @param spark the session
     * @param input the transaction log, CSV with a header or Parquet
     * @param asOf the last day of observation
     * @param output the output directory (overwritten)
     */
    public static void run(SparkSession spark, String input, LocalDate asOf, String output) {
        Dataset<Row> transactions = input.endsWith(".parquet")
                ? spark.read().parquet(input)
                : spark.read().option("header", "true").csv(input);  // every column read as text

        CustomerAnalytics crm = CustomerAnalytics.withDefaults();
        Dataset<Row> summaries = crm.summarize(transactions, asOf, Duration.ofDays(7)).cache();
        TransactionModel purchases = crm.fitPurchases("bgnbd", summaries);
        GammaGammaModel spend = crm.fitSpend(summaries);
        crm.score(purchases, spend, LifetimeValueSettings.yearInWeeks(), summaries, 52)
                .write().mode(SaveMode.Overwrite).parquet(output + "/customers");

        Dataset<Row> rfm = crm.rfm(transactions, asOf);
        crm.abc(rfm, "monetary").write().mode(SaveMode.Overwrite).parquet(output + "/rfm");
        summaries.unpersist();
        System.out.println(purchases.name() + " " + purchases.parameters() + "\n" + spend.name() + " " + spend.parameters());
    }
}
