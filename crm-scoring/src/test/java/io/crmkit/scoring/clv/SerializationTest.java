package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.nio.ByteBuffer;
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

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Overwrites the first occurrence of a double in a serialised stream, as a tampered stream would. */
    private static byte[] replaceDouble(byte[] stream, double original, double replacement) {
        byte[] from = ByteBuffer.allocate(8).putDouble(original).array();
        byte[] to = ByteBuffer.allocate(8).putDouble(replacement).array();
        for (int i = 0; i + 8 <= stream.length; i++) {
            if (java.util.Arrays.equals(stream, i, i + 8, from, 0, 8)) {
                byte[] out = stream.clone();
                System.arraycopy(to, 0, out, i, 8);
                return out;
            }
        }
        throw new AssertionError("value " + original + " not found in the stream");
    }

    private static InvalidObjectException refused(byte[] stream) {
        return assertThrows(InvalidObjectException.class, () -> {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
                in.readObject();
            }
        });
    }

    @Test
    void aTamperedStreamCannotBringInParametersTheFactoriesRefuse() throws Exception {
        byte[] bgnbd = serialize(BetaGeoModel.of(0.243, 4.414, 0.793, 2.426));
        assertTrue(refused(replaceDouble(bgnbd, 4.414, Double.NaN)).getMessage().contains("alpha"));
        byte[] mbgnbd = serialize(ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614));
        refused(replaceDouble(mbgnbd, 0.891, -1));
        byte[] pareto = serialize(ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667));
        refused(replaceDouble(pareto, 0.6062, 0));
        byte[] bgbb = serialize(BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834));
        refused(replaceDouble(bgbb, 2.7834, Double.POSITIVE_INFINITY));
        byte[] spend = serialize(GammaGammaModel.of(6.25, 3.74, 15.44));
        refused(replaceDouble(spend, 15.44, -15.44));
        byte[] summaries = serialize(CustomerSummaries.of(new double[] {2}, new double[] {5.5}, new double[] {10.25}));
        assertTrue(refused(replaceDouble(summaries, 5.5, 12.5)).getMessage().contains("recency 12.5 exceeds age T 10.25"));
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
    void gammaGompertzNbdModelsAreSerializableAndPredictTheSameAfterARoundTrip() throws Exception {
        GammaGompertzNbdModel model = GammaGompertzNbdModel.of(0.553, 10.578, 0.0002, 0.603, 0.0026);
        GammaGompertzNbdModel copy = roundTrip(model);
        assertEquals(model.conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                copy.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
        assertEquals(model.parameters(), copy.parameters());
        refused(replaceDouble(serialize(model), 0.603, 0));
    }

    @Test
    void erlangModelsAreSerializableWithTheirK() throws Exception {
        ErlangBetaGeoModel model = ErlangBetaGeoModel.of(true, 3, 2.0, 6.0, 0.6, 3.0);
        ErlangBetaGeoModel copy = roundTrip(model);
        assertEquals(3, copy.k());
        assertEquals(model.parameters(), copy.parameters());
        assertEquals(model.conditionalExpectedPurchases(39, 2, 30.43, 38.86),
                copy.conditionalExpectedPurchases(39, 2, 30.43, 38.86));
        refused(replaceDouble(serialize(model), 3.0, 2.5));
    }

    @Test
    void paretoNbdAndBgBbModelsAreSerializableAndPredictTheSameAfterARoundTrip() throws Exception {
        // scale-out (a Spark job, say): fitted models are broadcast as serialised values
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

    @Test
    void tamperedFitDiagnosticsAreRefusedByTheSameRulesAsTheConstructor() throws Exception {
        // issue example: a NaN standard error used to be accepted from a patched stream
        FitDiagnostics d = new FitDiagnostics("bgnbd", -9582.4, 2357, 1000, 20, 25, 1e-10, 0,
                com.google.common.collect.ImmutableMap.of("r", 0.0125, "alpha", 0.3785));
        assertTrue(refused(replaceDouble(serialize(d), 0.0125, Double.NaN)).getMessage().contains("standard error"));
        refused(replaceDouble(serialize(d), 0.3785, -1));
        refused(replaceDouble(serialize(d), -9582.4, Double.POSITIVE_INFINITY));
        // and inside a model: the proxy rebuilds the model with these diagnostics through the constructor
        byte[] model = serialize(BetaGeoModel.fit(Datasets.cdnow()));
        BetaGeoModel fitted = BetaGeoModel.fit(Datasets.cdnow());
        double se = fitted.diagnostics().standardErrors().get("b");
        refused(replaceDouble(model, se, Double.NaN));
    }

    @Test
    void summariesKeepTheirTimeUnitThroughAStream() throws Exception {
        CustomerSummaries weeks = CustomerSummaries.of(new double[] {2}, new double[] {5.5}, new double[] {10.25})
                .withTimeUnit(java.time.Duration.ofDays(7));
        assertEquals(java.time.Duration.ofDays(7), roundTrip(weeks).timeUnit());
    }
}
