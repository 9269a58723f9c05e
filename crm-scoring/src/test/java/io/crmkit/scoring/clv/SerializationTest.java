package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Fitted models are broadcast to workers (e.g. Spark executors) as serialised values. */
class SerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void modifiedBetaGeoAndGammaGammaModelsPredictTheSameAfterARoundTrip() throws Exception {
        double[][] c = Datasets.cdnowWithSpend();
        ModifiedBetaGeoModel mbg = ModifiedBetaGeoModel.fit(CustomerSummaries.of(c[1], c[2], c[3]));
        GammaGammaModel spend = GammaGammaModel.fit(CustomerSummaries.withMonetaryValue(c[1], c[2], c[3], c[4]));
        ModifiedBetaGeoModel mbgCopy = roundTrip(mbg);
        GammaGammaModel spendCopy = roundTrip(spend);
        assertEquals(mbg.conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                mbgCopy.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
        assertEquals(mbg.diagnostics(), mbgCopy.diagnostics());
        assertEquals(spend.conditionalExpectedAverageSpend(2, 22.35), spendCopy.conditionalExpectedAverageSpend(2, 22.35));
        assertEquals(spend.warnings(), spendCopy.warnings());
        CustomerSummaries data = CustomerSummaries.of(c[1], c[2], c[3]);
        assertEquals(data.totalWeight(), roundTrip(data).totalWeight());
    }
    @Test
    void paretoNbdAndBgBbModelsAreSerializableAndPredictTheSameAfterARoundTrip() throws Exception {
        // DESIGN.md "Designed for scale-out": fitted models are broadcast as serialised values
        ParetoNbdModel pareto = ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667);
        ParetoNbdModel paretoCopy = roundTrip(pareto);
        assertEquals(pareto.conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                paretoCopy.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
        assertEquals(pareto.parameters(), paretoCopy.parameters());
        assertEquals(pareto.diagnostics(), paretoCopy.diagnostics());
        BetaGeoBetaBinomModel bgbb = BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834);
        BetaGeoBetaBinomModel bgbbCopy = roundTrip(bgbb);
        assertEquals(bgbb.conditionalExpectedPurchases(5, 3, 4, 6), bgbbCopy.conditionalExpectedPurchases(5, 3, 4, 6));
        assertEquals(bgbb.probabilityAlive(3, 4, 6), bgbbCopy.probabilityAlive(3, 4, 6));
        assertEquals(bgbb.diagnostics(), bgbbCopy.diagnostics());
    }
}
