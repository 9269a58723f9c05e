package io.crmkit.scoring.value;

import static io.crmkit.scoring.value.AbcClass.A;
import static io.crmkit.scoring.value.AbcClass.B;
import static io.crmkit.scoring.value.AbcClass.C;
import static io.crmkit.scoring.value.ProfitAction.KEEP;
import static io.crmkit.scoring.value.ProfitAction.LET_GO;
import static io.crmkit.scoring.value.ProfitAction.MAINTAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoClassifierTest {

    private final ParetoClassifier standard = ParetoClassifier.standard();

    @Test
    void theCustomerWhoseShareCrossesALineBelongsToTheClassBeingFilled() {
        // total 100: 50 starts at 0%, 30 starts at 50% and crosses 80% -> A; 20 starts at 80% -> B
        assertArrayEquals(new AbcClass[] {A, A, B}, standard.abc(new double[] {50, 30, 20}));
        // 79 starts at 0 -> A; 16 starts at 79% -> A (crosses 80); 4 starts at 95% -> C; 1 starts at 99% -> C
        assertArrayEquals(new AbcClass[] {A, A, C, C}, standard.abc(new double[] {79, 16, 4, 1}));
        // 70, 14, 10, 6: 14 starts at 70% -> A; 10 starts at 84% -> B; 6 starts at 94% -> B (crosses 95)
        assertArrayEquals(new AbcClass[] {A, A, B, B}, standard.abc(new double[] {70, 14, 10, 6}));
    }

    @Test
    void equalValuesShareAClassAndZeroIsAlwaysC() {
        assertArrayEquals(new AbcClass[] {A, A, A, A, C}, standard.abc(new double[] {10, 10, 10, 10, 0}));
        assertArrayEquals(new AbcClass[] {C, C}, standard.abc(new double[] {0, 0}));
        assertArrayEquals(new AbcClass[0], standard.abc(new double[0]));
    }

    @Test
    void abcSharesAreConfigurable() {
        ParetoClassifier p = standard.withAbcShares(0.5, 0.3);
        assertArrayEquals(new AbcClass[] {A, B, C}, p.abc(new double[] {50, 30, 20}));
        assertThrows(IllegalArgumentException.class, () -> standard.withAbcShares(0.9, 0.2));
        assertThrows(IllegalArgumentException.class, () -> standard.withAbcShares(0, 0.2));
    }

    @Test
    void abcByCustomer() {
        Map<CustomerId, AbcClass> classes = standard.abc(Map.of(CustomerId.of("b"), 30.0, CustomerId.of("a"), 50.0, CustomerId.of("c"), 20.0));
        assertEquals(Map.of(CustomerId.of("a"), A, CustomerId.of("b"), A, CustomerId.of("c"), B), classes);
    }

    @Test
    void rejectsNegativeOrNonFiniteValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> standard.abc(new double[] {1, -2}));
        assertEquals("values[1] -2.0 is out of range: it must be a finite number and 0 or more", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> standard.keepMaintainLetGo(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ParetoClassifier.topShare(new double[] {1}, 0));
    }

    @Test
    void topTwentyPercentShare() {
        double[] v = {500, 300, 50, 40, 30, 25, 20, 15, 12, 8};
        assertEquals(0.8, ParetoClassifier.topShare(v, 0.2), 1e-12); // (500 + 300) / 1000
        assertEquals(1.0, ParetoClassifier.topShare(v, 1.0), 1e-12);
        assertEquals(0.0, ParetoClassifier.topShare(new double[] {0, 0}, 0.2), 0.0);
    }

    @Test
    void twentySixtyTwentyByCountOverTheProfitRanking() {
        // the seed: the top 20% are kept, the bottom 20% (who cost more than they bring) may be let go
        double[] profit = {900, -50, 120, 80, 60, 40, 30, 20, 10, -200};
        assertArrayEquals(new ProfitAction[] {KEEP, LET_GO, KEEP, MAINTAIN, MAINTAIN, MAINTAIN, MAINTAIN, MAINTAIN, MAINTAIN, LET_GO},
                standard.keepMaintainLetGo(profit));
    }

    @Test
    void tiedProfitsShareTheBetterAction() {
        double[] profit = {5, 5, 5, 5, 5};
        assertArrayEquals(new ProfitAction[] {KEEP, KEEP, KEEP, KEEP, KEEP}, standard.keepMaintainLetGo(profit));
    }

    @Test
    void decilesPutTheTopTenPercentInDecileOne() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i;
        }
        int[] d = ParetoClassifier.deciles(v);
        assertEquals(1, d[19]);
        assertEquals(1, d[18]);
        assertEquals(2, d[17]);
        assertEquals(10, d[0]);
        assertArrayEquals(new int[] {1, 1, 1}, ParetoClassifier.deciles(new double[] {7, 7, 7}));
    }

    @Test
    void decileTrendsNameSuperstarsRisingAndFadingStars() {
        assertEquals(DecileTrend.SUPERSTAR, ParetoClassifier.decileTrend(3, 1));
        assertEquals(DecileTrend.RISING_STAR, ParetoClassifier.decileTrend(5, 2));
        assertEquals(DecileTrend.FADING_STAR, ParetoClassifier.decileTrend(2, 6));
        assertEquals(DecileTrend.STEADY, ParetoClassifier.decileTrend(4, 4));
        assertThrows(IllegalArgumentException.class, () -> ParetoClassifier.decileTrend(0, 4));
    }

    @Test
    void aMillionCustomersClassifyThroughTheBulkApi() {
        int n = 1_000_000;
        double[] v = new double[n];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(random.nextGaussian() * 1.5); // heavy-tailed, as customer value is
        }
        AbcClass[] classes = standard.abc(v);
        double[] byClass = new double[3];
        double total = 0;
        for (int i = 0; i < n; i++) {
            byClass[classes[i].ordinal()] += v[i];
            total += v[i];
        }
        assertEquals(0.80, byClass[0] / total, 1e-3);
        assertEquals(0.15, byClass[1] / total, 1e-3);
        assertTrue(byClass[2] / total > 0.049);
    }
    @Test
    void valuesNearTheTopOfTheDoubleRangeStillGiveSharesAndClasses() {
        // shares are scale-free: two customers of 1e308 each hold half the value, not NaN (their sum overflows)
        assertEquals(0.5, ParetoClassifier.topShare(new double[] {1e308, 1e308}, 0.5), 1e-12);
        assertEquals(ParetoClassifier.topShare(new double[] {50, 30, 20}, 1.0 / 3),
                ParetoClassifier.topShare(new double[] {5e307, 3e307, 2e307}, 1.0 / 3), 1e-12);
        assertArrayEquals(standard.abc(new double[] {50, 30, 20}), standard.abc(new double[] {1e308, 6e307, 4e307}));
        assertArrayEquals(standard.abc(new double[] {70, 14, 10, 6}),
                standard.abc(new double[] {7e307, 1.4e307, 1e307, 6e306}));
    }
}
