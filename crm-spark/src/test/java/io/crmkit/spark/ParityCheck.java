package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.TransactionModel;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.value.AbcClass;
import io.crmkit.scoring.value.ParetoClassifier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parity proof, run on a transaction log by each subclass: with the input split over 1, 3 and
 * 8 partitions, the Spark results equal the single-JVM results of {@link SingleJvmReference} —
 * frequency, recency and T exactly, monetary value within 1e-12 relative (sums of doubles in
 * another order), fitted parameters within 1e-9 relative, log-likelihood within 1e-9 relative,
 * predictions within 1e-12 relative, and every RFM score and ABC class identical.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParityCheck {

    static final Duration WEEKS = Duration.ofDays(7);
    static final StructType TEXT = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("amount", DataTypes.StringType);

    SparkSession spark;
    SingleJvmReference reference;
    Dataset<Row> transactions;
    final CustomerAnalytics crm = CustomerAnalytics.withDefaults();
    /** The Spark fit with the input in one partition: every other partitioning must give the same bits. */
    final Map<String, TransactionModel> firstFit = new HashMap<>();

    /** @return the log as text rows customer_id, date, amount */
    abstract List<String[]> rows();

    /** @return the as-of date of the analysis */
    abstract LocalDate asOf();

    /** The log split over each partitioning, shuffled and cached once for all the tests of the class. */
    private final Map<Integer, Dataset<Row>> splits = new HashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        spark = LocalSpark.start(getClass().getSimpleName());
        List<String[]> rows = rows();
        reference = new SingleJvmReference(rows, asOf(), WEEKS);
        // through a CSV file, as logs arrive: the driver then holds no copy of the rows in the plan
        Path csv = dir.resolve("transactions.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("customer_id,date,amount\n");
            for (String[] r : rows) {
                out.write(r[0] + "," + r[1] + "," + r[2] + "\n");
            }
        }
        transactions = spark.read().option("header", "true").schema(TEXT).csv(csv.toString()).cache();
        transactions.count();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    Dataset<Row> split(int partitions) {
        return splits.computeIfAbsent(partitions, p -> {
            Dataset<Row> split = transactions.repartition(p).cache();
            split.count();
            return split;
        });
    }

    Map<String, Row> byCustomer(Dataset<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows.collectAsList()) {
            out.put(r.getString(0), r);
        }
        return out;
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(1e-300, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                what + ": expected " + expected + ", Spark gave " + actual);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void summariesEqualTheSingleJvmSummaries(int partitions) {
        Map<String, Row> spark = byCustomer(crm.summarize(split(partitions), asOf(), WEEKS));
        assertEquals(reference.summaries.keySet(), spark.keySet());
        reference.summaries.forEach((id, expected) -> {
            Row row = spark.get(id);
            assertEquals(expected[0], row.getLong(1), "frequency of " + id);
            assertEquals(expected[1], row.getDouble(2), 0, "recency of " + id);
            assertEquals(expected[2], row.getDouble(3), 0, "T of " + id);
            assertRelative(expected[3], row.getDouble(4), 1e-12, "monetary_value of " + id);
        });
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void fitsAndPredictionsEqualTheSingleJvmOnes(int partitions) {
        Dataset<Row> summaries = crm.summarize(split(partitions), asOf(), WEEKS).cache();
        TransactionModel model = crm.fitPurchases("bgnbd", summaries);
        BetaGeoModel single = BetaGeoModel.fit(reference.columns);
        model.parameters().forEach((name, value) ->
                assertRelative(single.parameters().get(name), value, 1e-9, "bgnbd " + name));
        assertRelative(single.diagnostics().logLikelihood(), model.diagnostics().logLikelihood(), 1e-9,
                "bgnbd log-likelihood");
        assertEquals(single.diagnostics().customers(), model.diagnostics().customers(), 0);
        CustomerSummaries distinct = crm.distinctRows(summaries, false, null);
        assertEquals(WEEKS, distinct.timeUnit(), "the unit travels from summarize to the fit");
        assertSameRows(distinctRowsOf(reference.columns), distinct);
        TransactionModel first = firstFit.computeIfAbsent("bgnbd", k -> model);
        assertEquals(first.parameters(), model.parameters(), "the same bits for every partitioning");

        GammaGammaModel spend = crm.fitSpend(summaries);
        GammaGammaModel singleSpend = GammaGammaModel.fit(reference.columns);
        spend.parameters().forEach((name, value) ->
                assertRelative(singleSpend.parameters().get(name), value, 1e-9, "gammagamma " + name));
        assertRelative(singleSpend.diagnostics().logLikelihood(), spend.diagnostics().logLikelihood(), 1e-9,
                "gammagamma log-likelihood");

        // predictions: the same model on both sides, the single JVM's bulk methods as reference
        LifetimeValueSettings settings = LifetimeValueSettings.yearInWeeks();
        Map<String, Row> scored = byCustomer(crm.score(model, spend, settings, summaries, 52));
        CustomerSummaries c = reference.columns;
        int n = c.size();
        double[] expected = new double[n];
        double[] alive = new double[n];
        double[] value = new double[n];
        model.conditionalExpectedPurchases(52, c.frequencies(), c.recencies(), c.ages(), expected);
        model.probabilityAlive(c.frequencies(), c.recencies(), c.ages(), alive);
        LifetimeValue.of(model, spend).overMonths(12).withMonthlyDiscountRate(0.01)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH)
                .values(c.frequencies(), c.recencies(), c.ages(), c.monetaryValues(), value);
        int row = 0;
        for (String id : reference.summaries.keySet()) {
            Row r = scored.get(id);
            assertRelative(expected[row], r.getDouble(5), 1e-12, "expected_purchases of " + id);
            assertRelative(alive[row], r.getDouble(6), 1e-12, "p_alive of " + id);
            assertRelative(value[row], r.getDouble(7), 1e-12, "clv of " + id);
            row++;
        }
        summaries.unpersist();
    }

    /** The single JVM's distinct (x, t_x, T) rows with their counts, in the canonical order. */
    static CustomerSummaries distinctRowsOf(CustomerSummaries s) {
        return CustomerAnalytics.canonical(CustomerSummaries.of(s.frequencies(), s.recencies(), s.ages())
                .withTimeUnit(s.timeUnit()).compressed());
    }

    static void assertSameRows(CustomerSummaries expected, CustomerSummaries actual) {
        assertEquals(expected.timeUnit(), actual.timeUnit(), "time unit");
        assertEquals(expected.size(), actual.size(), "distinct rows");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.frequency(i), actual.frequency(i), 0, "x of distinct row " + i);
            assertEquals(expected.recency(i), actual.recency(i), 0, "t_x of distinct row " + i);
            assertEquals(expected.age(i), actual.age(i), 0, "T of distinct row " + i);
            assertEquals(expected.weight(i), actual.weight(i), 0, "customers of distinct row " + i);
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void periodSummariesAndBgbbEqualTheSingleJvmOnes(int partitions) {
        Dataset<Row> summaries = crm.summarizeByPeriod(split(partitions), asOf(), WEEKS).cache();
        Map<String, Row> spark = byCustomer(summaries);
        assertEquals(reference.periodSummaries.keySet(), spark.keySet());
        reference.periodSummaries.forEach((id, expected) -> {
            Row row = spark.get(id);
            assertEquals(expected[0], row.getLong(1), "frequency of " + id);
            assertEquals(expected[1], row.getDouble(2), 0, "recency of " + id);
            assertEquals(expected[2], row.getDouble(3), 0, "T of " + id);
            assertRelative(expected[3], row.getDouble(4), 1e-12, "monetary_value of " + id);
        });
        CustomerSummaries distinct = crm.distinctRows(summaries, false, null);
        assertSameRows(distinctRowsOf(reference.periodColumns), distinct);

        ClvModel model = crm.fit("bgbb", summaries);
        ClvModels.Model bgbb = ClvModels.named("bgbb");
        ClvModel single = bgbb.fit(reference.periodColumns, 0);
        model.parameters().forEach((name, value) ->
                assertRelative(single.parameters().get(name), value, 1e-9, "bgbb " + name));
        assertRelative(single.diagnostics().logLikelihood(), model.diagnostics().logLikelihood(), 1e-9,
                "bgbb log-likelihood");

        // predictions of the same model over 10 periods: the registry's bulk call as reference
        Map<String, Row> predicted = byCustomer(crm.predict(model, summaries, 10));
        Map<String, double[]> expected = bgbb.predict(model, reference.periodColumns, 10);
        int row = 0;
        for (String id : reference.periodSummaries.keySet()) {
            Row r = predicted.get(id);
            assertRelative(expected.get(CustomerAnalytics.EXPECTED_PURCHASES)[row], r.getDouble(5), 1e-12,
                    "bgbb expected_purchases of " + id);
            assertRelative(expected.get(CustomerAnalytics.P_ALIVE)[row], r.getDouble(6), 1e-12,
                    "bgbb p_alive of " + id);
            row++;
        }
        summaries.unpersist();
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 8})
    void rfmScoresAndAbcClassesEqualTheSingleJvmOnes(int partitions) {
        Dataset<Row> scores = crm.rfm(split(partitions), asOf());
        Map<String, Row> spark = byCustomer(scores);
        assertEquals(reference.rfm.keySet(), spark.keySet());
        reference.rfm.forEach((id, expected) -> {
            Row r = spark.get(id);
            assertEquals(expected.recencyDays(), r.getLong(1), "recency of " + id);
            assertEquals(expected.frequency(), r.getLong(2), "frequency of " + id);
            assertEquals(expected.monetary().amount().doubleValue(), r.getDouble(3), 0, "monetary of " + id);
            RfmScore got = new RfmScore(expected.customer(), r.getLong(1), r.getLong(2), expected.monetary(),
                    r.getInt(4), r.getInt(5), r.getInt(6), r.getString(7));
            assertEquals(expected, got, "RFM of " + id);
        });

        // ABC over the same values on both sides: each customer's monetary total
        List<String> ids = new ArrayList<>(reference.rfm.keySet());
        double[] values = new double[ids.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = reference.rfm.get(ids.get(i)).monetary().amount().doubleValue();
        }
        AbcClass[] expected = ParetoClassifier.standard().abc(values);
        Map<String, Row> classes = byCustomer(crm.abc(scores, "monetary"));
        Map<AbcClass, Integer> counts = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i].name(), classes.get(ids.get(i)).getString(8), "ABC class of " + ids.get(i));
            counts.merge(expected[i], 1, Integer::sum);
        }
        assertEquals(3, counts.size(), "all three classes occur: " + counts);
    }
}
