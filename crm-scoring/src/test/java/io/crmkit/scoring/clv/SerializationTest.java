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
}
