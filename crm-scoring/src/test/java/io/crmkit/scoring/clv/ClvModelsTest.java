package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClvModelsTest {

    @Test
    void theRegistryNamesEveryModelInTheOrderOfTheCommandLine() {
        assertEquals(List.of("bgnbd", "pareto", "mbgnbd", "bgbb", "gammagamma", "sbg", "ggomnbd", "bgcnbd", "mbgcnbd"),
                ClvModels.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClvModels.named("bgnbb"));
        assertEquals("unknown model 'bgnbb': choose one of bgnbd, pareto, mbgnbd, bgbb, gammagamma, sbg, ggomnbd, bgcnbd,"
                + " mbgcnbd", e.getMessage());
    }

    @Test
    void everyPurchaseModelIsAPurchaseModelAndTheSpendModelASpendModel() {
        assertInstanceOf(TransactionModel.class, BetaGeoModel.of(0.243, 4.414, 0.793, 2.426));
        assertInstanceOf(TransactionModel.class, ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614));
        assertInstanceOf(TransactionModel.class, ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667));
        assertInstanceOf(PurchaseModel.class, BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834));
        assertInstanceOf(SpendModel.class, GammaGammaModel.of(6.25, 3.74, 15.44));
        assertInstanceOf(PurchaseModel.class, GammaGompertzNbdModel.of(0.553, 10.578, 0.0002, 0.603, 0.0026));
    }

    @Test
    void fittingAndPredictingByNameIsFittingAndPredictingTheModel() {
        CustomerSummaries cdnow = Datasets.cdnow();
        ClvModels.Model kind = ClvModels.named("bgnbd");
        ClvModel model = kind.fit(cdnow, 0);
        BetaGeoModel direct = BetaGeoModel.fit(cdnow);
        assertEquals(direct.parameters(), model.parameters());
        ImmutableMap<String, double[]> columns = kind.predict(model, cdnow, 39);
        assertEquals(kind.predictionColumns(), columns.keySet().asList());
        double[] expected = new double[cdnow.size()];
        direct.conditionalExpectedPurchases(39, cdnow.frequencies(), cdnow.recencies(), cdnow.ages(), expected);
        assertArrayEquals(expected, columns.get("expected_purchases"));
    }

    @Test
    void bgBbHorizonsAreWholeOpportunities() {
        BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.of(1.2035, 0.7497, 0.6567, 2.7834);
        assertEquals(model.conditionalExpectedPurchases(5, 3, 4, 6), model.conditionalExpectedPurchases(5.0, 3, 4, 6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.conditionalExpectedPurchases(2.5, 3, 4, 6));
        assertTrue(e.getMessage().startsWith("horizon 2.5 is invalid for bgbb"), e.getMessage());
    }
}
