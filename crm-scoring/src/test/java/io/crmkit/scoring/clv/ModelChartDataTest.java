package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** FrequencyRecencyMatrix and RepeatPurchaseDistribution, the data behind the model pictures. */
class ModelChartDataTest {

    private static final CustomerSummaries CDNOW = Datasets.cdnow();
    // FHL 2005: r 0.2426, alpha 4.414, a 0.7929, b 2.426
    private static final BetaGeoModel BGNBD = BetaGeoModel.of(0.2426, 4.414, 0.7929, 2.426);

    @Test
    void cdnowRepeatPurchaseCountsAndTheModelsExpectation() {
        RepeatPurchaseDistribution d = RepeatPurchaseDistribution.of(BGNBD, CDNOW, 8);
        // CDNOW calibration (FHL 2005, Figure 1): 1,411 customers without a repeat purchase, 439 with one,
        // 214, 100, 62, 38, 29 and 64 with seven or more
        double[] actual = {1411, 439, 214, 100, 62, 38, 29, 64};
        double total = 0;
        for (int x = 0; x < 8; x++) {
            assertEquals(actual[x], d.actual(x), 0);
            total += d.expected(x);
        }
        assertEquals(2357, total, 1e-6);
        // the figure shows the model within a few percent of the zero and one bins
        assertEquals(1, d.expected(0) / 1411, 0.03);
        assertEquals(1, d.expected(1) / 439, 0.10);
        double p0 = 0;
        for (int i = 0; i < CDNOW.size(); i++) {
            p0 += BGNBD.probabilityOfPurchases(0, CDNOW.age(i));
        }
        assertEquals(p0, d.expected(0), 1e-9);
    }

    @Test
    void theMatrixCellsAreTheModelsPredictions() {
        FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(BGNBD, FrequencyRecencyMatrix.Quantity.EXPECTED_PURCHASES,
                1, 20, 38.86);
        assertEquals(20, m.maxFrequency());
        assertEquals(38, m.maxRecency());
        assertEquals(BGNBD.conditionalExpectedPurchases(1, 5, 30, 38.86), m.value(5, 30), 0);
        assertEquals(m.value(0, 0), m.value(0, 17), 0);
        FrequencyRecencyMatrix alive = FrequencyRecencyMatrix.of(BGNBD,
                FrequencyRecencyMatrix.Quantity.PROBABILITY_ALIVE, 0, 20, 38.86);
        assertEquals(1, alive.value(0, 0), 0);
        for (int r = 1; r <= 38; r++) {
            assertTrue(alive.value(10, r) >= alive.value(10, r - 1), "P(alive) grows with recency");
        }
        assertThrows(IllegalArgumentException.class, () -> FrequencyRecencyMatrix.of(BGNBD,
                FrequencyRecencyMatrix.Quantity.PROBABILITY_ALIVE, 0, -1, 38.86));
    }
}
