package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.LifetimeValueTable;
import io.crmkit.scoring.clv.TransactionModel;
import java.time.Duration;
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
 * Issue 16: the in-process work of {@code crm clv value} on a 10,000,000-row log of about
 * 1,000,000 customers ({@link TransactionLog}, seed 20261129, the log {@code clv-value.sh} writes
 * as CSV), from columns: summarise as of 1998-06-30 in weeks, fit BG/NBD and Gamma-Gamma, then
 * expected purchases, P(alive), expected spend and the lifetime value over 12 months at 1 % a month
 * (4.345 weeks a month), the calls {@code ValueCommand} makes. Reading and writing CSV are the
 * command's own and not in here. {@code value} is the whole chain; the other operations are its
 * steps on inputs prepared once, to see where the time goes. Single shot: one operation takes
 * seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class LifetimeValueBenchmark {

    /** Transactions in the log. */
    @Param({"10000000"})
    public int rows;

    private TransactionLog log;
    private final CustomerSummarizer summarizer =
            CustomerSummarizer.asOf(TransactionLog.END).inUnitsOf(Duration.ofDays(7));
    private CustomerSummaries summaries;
    private TransactionModel purchases;
    private GammaGammaModel spend;

    /** Generates the log and prepares the inputs of the single steps, once per trial. */
    @Setup
    public void generate() {
        log = TransactionLog.generate(rows, 20261129L);
        summaries = summarizer.summarizeEpochDays(log.customer, log.epochDay, log.amount).summaries();
        purchases = (TransactionModel) ClvModels.named("bgnbd").fit(summaries, 0.0);
        spend = GammaGammaModel.fit(summaries, 0.0);
    }

    private static LifetimeValueTable table(TransactionModel purchases, GammaGammaModel spend,
            CustomerSummaries data) {
        return LifetimeValue.of(purchases, spend).overMonths(12).withMonthlyDiscountRate(0.01)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH).table(data);
    }

    /** @return every customer's lifetime value, from the log's columns */
    @Benchmark
    public LifetimeValueTable value() {
        CustomerSummaries data = summarizer.summarizeEpochDays(log.customer, log.epochDay, log.amount).summaries();
        TransactionModel fitted = (TransactionModel) ClvModels.named("bgnbd").fit(data, 0.0);
        GammaGammaModel gammaGamma = GammaGammaModel.fit(data, 0.0);
        return table(fitted, gammaGamma, data);
    }

    /** @return the summaries (step 1 of {@link #value}) */
    @Benchmark
    public CustomerSummaries summarize() {
        return summarizer.summarizeEpochDays(log.customer, log.epochDay, log.amount).summaries();
    }

    /** @return the BG/NBD fit (step 2) */
    @Benchmark
    public Object fitPurchases() {
        return ClvModels.named("bgnbd").fit(summaries, 0.0);
    }

    /** @return the Gamma-Gamma fit (step 3) */
    @Benchmark
    public GammaGammaModel fitSpend() {
        return GammaGammaModel.fit(summaries, 0.0);
    }

    /** @return expected purchases, P(alive), expected spend and value of every customer (step 4) */
    @Benchmark
    public LifetimeValueTable table() {
        return table(purchases, spend, summaries);
    }
}
