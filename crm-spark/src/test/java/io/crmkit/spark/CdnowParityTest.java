package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ModifiedBetaGeoModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import io.crmkit.scoring.clv.TransactionModel;
import java.util.ArrayList;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spark against the single JVM on the bundled CDNOW log (1/10 sample of Fader, Hardie &amp; Lee
 * 2005: 2,357 customers, 6,919 purchases, 1997-01-01 to 1998-06-30), as of 1997-09-30, the end
 * of the calibration period of the paper — so that the purchases after the as-of date, two
 * thirds of the log, must be left out by both.
 */
class CdnowParityTest extends ParityCheck {

    @Test
    void theFitIsThePublishedOne() {
        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", CDNOW calibration
        // period to 1997-09-30 in weeks: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
        TransactionModel m = crm.fitPurchases("bgnbd", crm.summarize(transactions, asOf(), WEEKS));
        assertEquals(0.243, m.parameters().get("r"), 5e-4);
        assertEquals(4.414, m.parameters().get("alpha"), 5e-4);
        assertEquals(0.793, m.parameters().get("a"), 5e-4);
        assertEquals(2.426, m.parameters().get("b"), 5e-4);
    }

    @Test
    void paretoAndModifiedBetaGeoFitsEqualTheSingleJvmFits() {
        Dataset<Row> summaries = crm.summarize(split(3), asOf(), WEEKS).cache();
        TransactionModel pareto = crm.fitPurchases("pareto", summaries);
        TransactionModel singlePareto = ParetoNbdModel.fit(reference.columns);
        pareto.parameters().forEach((name, value) ->
                assertRelative(singlePareto.parameters().get(name), value, 1e-9, "pareto " + name));
        assertRelative(singlePareto.diagnostics().logLikelihood(), pareto.diagnostics().logLikelihood(), 1e-9,
                "pareto log-likelihood");
        TransactionModel mbg = crm.fitPurchases("mbgnbd", summaries);
        TransactionModel singleMbg = ModifiedBetaGeoModel.fit(reference.columns);
        mbg.parameters().forEach((name, value) ->
                assertRelative(singleMbg.parameters().get(name), value, 1e-9, "mbgnbd " + name));
        summaries.unpersist();
    }

    @Test
    void theRegistryFitsAndPredictsAsTheSingleJvmRegistry() {
        Dataset<Row> summaries = crm.summarize(split(3), asOf(), WEEKS).cache();
        for (String name : List.of("bgnbd", "gammagamma")) {
            ClvModels.Model kind = ClvModels.named(name);
            ClvModel spark = crm.fit(name, summaries);
            ClvModel single = kind.fit(reference.columns, 0);
            spark.parameters().forEach((p, value) ->
                    assertRelative(single.parameters().get(p), value, 1e-9, name + " " + p));
            // predictions of the Spark fit, through Spark and through the single-JVM registry
            Map<String, double[]> expected = kind.predict(spark, reference.columns, 52);
            Map<String, Row> predicted = byCustomer(crm.predict(spark, summaries, 52));
            int row = 0;
            for (String id : reference.summaries.keySet()) {
                for (int j = 0; j < kind.predictionColumns().size(); j++) {
                    String column = kind.predictionColumns().get(j);
                    assertRelative(expected.get(column)[row], predicted.get(id).getDouble(5 + j), 1e-12,
                            name + " " + column + " of " + id);
                }
                row++;
            }
        }
        summaries.unpersist();
    }

    @Test
    void weightedDistinctRowsFitAsTheCustomersTheyStandFor() {
        // the single JVM's compressed rows, one row per distinct (x, t_x, T) with its count as weight
        CustomerSummaries compressed = reference.columns.compressed();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < compressed.size(); i++) {
            rows.add(RowFactory.create(compressed.frequency(i), compressed.recency(i), compressed.age(i),
                    compressed.weight(i)));
        }
        StructType schema = new StructType().add("frequency", DataTypes.DoubleType).add("recency", DataTypes.DoubleType)
                .add("T", DataTypes.DoubleType).add("customers", DataTypes.DoubleType);
        Dataset<Row> weighted = spark.createDataFrame(rows, schema).repartition(3);
        assertTrue(compressed.size() < reference.columns.size() / 2, compressed.size() + " distinct rows");
        TransactionModel fromWeights = crm.fitPurchases("bgnbd", weighted, "customers");
        TransactionModel fromCustomers = crm.fitPurchases("bgnbd", crm.summarize(transactions, asOf(), WEEKS));
        // the same distinct rows and counts reach the driver, in the same order: the same bits
        assertEquals(fromCustomers.parameters(), fromWeights.parameters());
        assertEquals(reference.columns.size(), fromWeights.diagnostics().customers(), 0);
    }

    @Override
    List<String[]> rows() {
        return cdnowRows();
    }

    /** @return the bundled CDNOW log as text rows, without the header */
    static List<String[]> cdnowRows() {
        try {
            return Files.readAllLines(Path.of("../data/cdnow-transactions.csv")).stream().skip(1)
                    .map(line -> line.split(",", -1)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    LocalDate asOf() {
        return LocalDate.of(1997, 9, 30);
    }
}
