package io.crmkit.scoring.value;

import static io.crmkit.scoring.value.PortfolioQuadrant.CASH_COW;
import static io.crmkit.scoring.value.PortfolioQuadrant.DOG;
import static io.crmkit.scoring.value.PortfolioQuadrant.QUESTION_MARK;
import static io.crmkit.scoring.value.PortfolioQuadrant.STAR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortfolioMatrixTest {

    @Test
    void theFourQuadrantsWithSplitsCountingAsHigh() {
        PortfolioMatrix m = PortfolioMatrix.standard();
        assertEquals(STAR, m.place(1.0, 0.10));
        assertEquals(CASH_COW, m.place(2.4, 0.03));
        assertEquals(QUESTION_MARK, m.place(0.4, 0.5));
        assertEquals(DOG, m.place(0.99, 0.0999));
    }

    @Test
    void splitPointsAreConfigurable() {
        PortfolioMatrix m = PortfolioMatrix.of(0.05, 0.0);
        assertEquals(STAR, m.place(0.05, 0.0));
        assertEquals(DOG, m.place(0.01, -0.2));
        assertThrows(IllegalArgumentException.class, () -> PortfolioMatrix.of(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> m.place(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void placesCustomersFromTwoPeriodsOfValue() {
        // mean current value 100: shares 2.0, 1.2, 0.5, 0.3; growth 0.0, 0.2, 1.5 (new), -0.4
        double[] previous = {200, 100, 0, 50};
        double[] current = {200, 120, 50, 30};
        assertArrayEquals(new PortfolioQuadrant[] {CASH_COW, STAR, QUESTION_MARK, DOG},
                PortfolioMatrix.standard().placeByRelativeValue(previous, current));
    }

    @Test
    void valuesNearTheTopOfTheDoubleRangeArePlacedLikeTheirSmallerScaledCopies() {
        // the same customers as above scaled by 5e305: the total overflows, the shares and growths do not
        double[] previous = {200 * 5e305, 100 * 5e305, 0, 50 * 5e305};
        double[] current = {200 * 5e305, 120 * 5e305, 50 * 5e305, 30 * 5e305};
        assertArrayEquals(new PortfolioQuadrant[] {CASH_COW, STAR, QUESTION_MARK, DOG},
                PortfolioMatrix.standard().placeByRelativeValue(previous, current));
        // a growth from a tiny to a huge value overflows the ratio: it is still just high growth
        assertArrayEquals(new PortfolioQuadrant[] {STAR, DOG},
                PortfolioMatrix.standard().placeByRelativeValue(new double[] {1e-300, 1}, new double[] {1e308, 1}));
    }
}
