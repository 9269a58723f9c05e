package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.BetaGeoModel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.crmkit.spark.examples.SparkScoring;

/** Hand-computed results and refusals of {@link CustomerAnalytics}. */
class CustomerAnalyticsTest {

    private static SparkSession spark;
    private final CustomerAnalytics crm = CustomerAnalytics.withDefaults();

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("CustomerAnalyticsTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Dataset<Row> text(String... rows) {
        List<Row> data = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split(",", -1);
            data.add(RowFactory.create(f[0], f[1], f[2]));
        }
        return spark.createDataFrame(data, ParityCheck.TEXT).repartition(2);
    }

    private static Map<String, Row> byCustomer(Dataset<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        rows.collectAsList().forEach(r -> out.put(r.getString(0), r));
        return out;
    }

    @Test
    void summariesFollowTheDefinitionsWorkedByHand() {
        // c1: visits on 01-01 (two rows), 01-15, 02-05; a purchase on 03-01 is after the as-of date.
        // x = 3 visits - 1 = 2; t_x = 35 days = 5 weeks; T = 58 days = 58/7 weeks;
        // monetary = mean of the repeat visits = (20 + 30) / 2 = 25.
        // c2: one purchase on the as-of date: T would be 0, so no row. c3: one purchase, x = 0.
        Dataset<Row> log = text("c1,1997-01-01,10.00", "c1,1997-01-01 09:30,5.00", "c1,1997-01-15,20.00",
                "c1,1997-02-05T18:00,30.00", "c1,1997-03-01,99.00", "c2,1997-02-28,7.00", "c3,1997-02-14,8.50");
        Map<String, Row> s = byCustomer(crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7)));
        assertEquals(2, s.size());
        Row c1 = s.get("c1");
        assertEquals(2L, c1.getLong(1));
        assertEquals(5.0, c1.getDouble(2), 0);
        assertEquals(58 * (86400.0 / 604800.0), c1.getDouble(3), 0);
        assertEquals(25.0, c1.getDouble(4), 0);
        Row c3 = s.get("c3");
        assertEquals(0L, c3.getLong(1));
        assertEquals(0.0, c3.getDouble(2), 0);
        assertEquals(14.0 / 7, c3.getDouble(3), 1e-15);
        assertEquals(0.0, c3.getDouble(4), 0);
    }

    @Test
    void periodSummariesCountOneTransactionPerCalendarWeek() {
        // weeks run Monday to Sunday: 1997-01-01 (Wed) and 01-02 (Thu) are week 0 of c1, 01-15 week 2,
        // 02-05 week 5, and the as-of date 02-28 (Fri) week 8; 03-01 (Sat) shares the as-of week but
        // is after the as-of date, so it is left out. x = 2 (weeks 2 and 5), t_x = 5, n = 8,
        // monetary = mean of the repeat weeks' sums = (20 + 30) / 2 = 25. c2's first week is the
        // as-of week (n would be 0): no row. c3: one purchase on 02-14 (Fri, week 6): x = 0, n = 2.
        Dataset<Row> log = text("c1,1997-01-01,10.00", "c1,1997-01-02,5.00", "c1,1997-01-15,20.00",
                "c1,1997-02-05,30.00", "c1,1997-03-01,99.00", "c2,1997-02-24,7.00", "c3,1997-02-14,8.50");
        Dataset<Row> summaries = crm.summarizeByPeriod(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7));
        Map<String, Row> s = byCustomer(summaries);
        assertEquals(2, s.size());
        Row c1 = s.get("c1");
        assertEquals(2L, c1.getLong(1));
        assertEquals(5.0, c1.getDouble(2), 0);
        assertEquals(8.0, c1.getDouble(3), 0);
        assertEquals(25.0, c1.getDouble(4), 0);
        Row c3 = s.get("c3");
        assertEquals(0L, c3.getLong(1));
        assertEquals(0.0, c3.getDouble(2), 0);
        assertEquals(2.0, c3.getDouble(3), 0);
        assertEquals(java.util.Optional.of(Duration.ofDays(7)), CustomerAnalytics.timeUnitOf(summaries));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crm.summarizeByPeriod(log, LocalDate.of(1997, 2, 28), Duration.ofHours(36)));
        assertEquals("period PT36H is invalid: it must be a positive whole number of days", e.getMessage());
    }

    @Test
    void theTimeUnitTravelsFromTheSummariesToTheDistinctRows(@TempDir java.nio.file.Path dir) {
        Dataset<Row> log = text("c1,1997-01-01,10.00", "c1,1997-01-15,20.00", "c2,1997-02-14,8.50");
        Dataset<Row> weekly = crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7));
        assertEquals(Duration.ofDays(7), crm.distinctRows(weekly, false, null).timeUnit());
        // predictions keep the columns' metadata
        assertEquals(java.util.Optional.of(Duration.ofDays(7)), CustomerAnalytics.timeUnitOf(
                crm.score(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426), weekly, 52)));
        // kept through a selection, a filter and a Parquet file
        String parquet = dir.resolve("summaries.parquet").toString();
        weekly.select("customer_id", "frequency", "recency", "T").where("T > 0").write().parquet(parquet);
        Dataset<Row> read = spark.read().parquet(parquet);
        assertEquals(Duration.ofDays(7), crm.distinctRows(read, false, null).timeUnit());

        // summaries without a unit (as from a CSV) are in CustomerSummaries' default unit, a day,
        // unless one is declared
        Dataset<Row> plain = spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0, 5.0)), new StructType()
                .add("frequency", DataTypes.DoubleType).add("recency", DataTypes.DoubleType)
                .add("T", DataTypes.DoubleType));
        assertEquals(Duration.ofDays(1), crm.distinctRows(plain, false, null).timeUnit());
        Dataset<Row> declared = CustomerAnalytics.withTimeUnit(plain, Duration.ofDays(7));
        assertEquals(Duration.ofDays(7), crm.distinctRows(declared, false, null).timeUnit());

        // T recomputed in days loses the unit while recency keeps weeks: refused, not fitted in a mixed unit
        Dataset<Row> mixed = weekly.withColumn("T", weekly.col("T").multiply(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crm.fit("bgnbd", mixed));
        assertEquals("columns 'recency' and 'T' carry the time units PT168H and null: both must be in one unit "
                + "(see withTimeUnit)", e.getMessage());
    }

    @Test
    void timestampsBecomeDaysInTheAnalysisZone() {
        // 1997-02-27T17:00Z is 1997-02-28 01:00 in Shanghai: the as-of date, so it counts there
        // as the last purchase (t_x = 58 days); 1997-02-28T17:00Z is 03-01 there and does not count.
        StructType schema = new StructType().add("customer_id", DataTypes.StringType)
                .add("date", DataTypes.TimestampType).add("amount", DataTypes.DoubleType);
        List<Row> rows = List.of(
                RowFactory.create("c1", Timestamp.from(Instant.parse("1997-01-01T10:00:00Z")), 10.0),
                RowFactory.create("c1", Timestamp.from(Instant.parse("1997-02-27T17:00:00Z")), 20.0),
                RowFactory.create("c1", Timestamp.from(Instant.parse("1997-02-28T17:00:00Z")), 40.0));
        Dataset<Row> log = spark.createDataFrame(rows, schema);
        Row c1 = byCustomer(crm.inZone(ZoneId.of("Asia/Shanghai"))
                .summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(1))).get("c1");
        assertEquals(1L, c1.getLong(1));
        assertEquals(58.0, c1.getDouble(2), 0);
        assertEquals(58.0, c1.getDouble(3), 0);
        assertEquals(20.0, c1.getDouble(4), 0);
    }

    @Test
    void aBlockOfTiesStaysInOneFrequencyBin() {
        // RfmScorer's worked example: 700 of 1,000 customers bought once and score f = 1; those
        // who bought twice have 700 strictly smaller values: 1 + floor(5 * 700 / 1000) = 4.
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < 1000; c++) {
            rows.add("c" + c + ",1998-01-01,10");
            if (c >= 700) {
                rows.add("c" + c + ",1998-01-02,10");
            }
        }
        Map<String, Row> scores = byCustomer(crm.rfm(text(rows.toArray(String[]::new)), LocalDate.of(1998, 1, 31)));
        assertEquals(1000, scores.size());
        for (int c = 0; c < 1000; c++) {
            assertEquals(c < 700 ? 1 : 4, scores.get("c" + c).getInt(5), "f of c" + c);
        }
        // recency: 300 customers last bought on 01-02 (29 days), 700 on 01-01 (30 days); reversed,
        // 30 days scores 1, and 29 days has 700 strictly larger values: 1 + floor(5 * 700/1000) = 4
        assertEquals(1, scores.get("c0").getInt(4));
        assertEquals(4, scores.get("c999").getInt(4));
    }

    @Test
    void abcFollowsTheBoundaryRuleWorkedByHand() {
        // ParetoClassifier's example: values 50, 30, 20 — 50 and 30 are A (30 crosses 80%), 20 is B;
        // a customer bringing 0 is always C.
        StructType schema = new StructType().add("id", DataTypes.StringType).add("value", DataTypes.IntegerType);
        Dataset<Row> values = spark.createDataFrame(List.of(RowFactory.create("a", 50), RowFactory.create("b", 30),
                RowFactory.create("c", 20), RowFactory.create("d", 0)), schema).repartition(3);
        Map<String, Row> classes = byCustomer(crm.abc(values, "value"));
        assertEquals("A", classes.get("a").getString(2));
        assertEquals("A", classes.get("b").getString(2));
        assertEquals("B", classes.get("c").getString(2));
        assertEquals("C", classes.get("d").getString(2));
    }

    @Test
    void theSparkScoringExampleWritesCustomersAndRfmAsParquet(@TempDir java.nio.file.Path out) {
        SparkScoring.run(spark, "../data/cdnow-transactions.csv", LocalDate.of(1997, 9, 30), out.toString());
        Dataset<Row> customers = spark.read().parquet(out.resolve("customers").toString());
        // all 2,357 CDNOW customers made their first purchase in the first quarter of 1997
        assertEquals(2357, customers.count());
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "expected_purchases",
                "p_alive", "clv"), List.of(customers.columns()));
        Dataset<Row> rfm = spark.read().parquet(out.resolve("rfm").toString());
        assertEquals(2357, rfm.count());
        assertEquals(List.of("customer_id", "recency", "frequency", "monetary", "r", "f", "m", "segment", "abc"),
                List.of(rfm.columns()));
    }

    @Test
    void aMissingColumnIsRefusedByName() {
        Dataset<Row> log = text("c1,1997-01-01,10.00").withColumnRenamed("date", "day");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7)));
        assertTrue(e.getMessage().contains("date column 'date'"), e.getMessage());
        // other names are options
        Dataset<Row> renamed = crm.withColumns(new TransactionColumns("customer_id", "day", "amount"))
                .summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7));
        assertEquals(1, renamed.count());
    }

    @Test
    void aBadValueFailsTheJobNamingColumnValueAndRule() {
        Dataset<Row> log = text("c1,1997-01-01,10.00", "c1,1997-13-01,5.00");
        SparkException e = assertThrows(SparkException.class,
                () -> crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7)).collectAsList());
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalArgumentException, String.valueOf(cause));
        assertEquals("date column 'date' value '1997-13-01' is not a date (yyyy-MM-dd, optionally with a time of day "
                + "after T or a space)", cause.getMessage());
    }

    @Test
    void invalidArgumentsAreRefusedBeforeAnyJob() {
        Dataset<Row> log = text("c1,1997-01-01,10.00");
        Dataset<Row> summaries = crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ofDays(7));
        assertThrows(IllegalArgumentException.class, () -> crm.fitPurchases("bgbb", summaries));
        assertThrows(IllegalArgumentException.class, () -> crm.summarize(log, LocalDate.of(1997, 2, 28), Duration.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crm.score(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426), summaries, -1));
        assertEquals("horizon -1.0 is invalid: it must be finite and >= 0", e.getMessage());
    }
}
