package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The fast scorer agrees with the quantile rule of RfmScorer's Javadoc, applied naively in O(n²). */
class RfmReferenceTest {

    @Property
    void scoresFollowTheDocumentedRule(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 12) Integer> values,
                                       @ForAll @IntRange(min = 2, max = 10) int bins) {
        double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
        int n = v.length;
        byte[] f = Quantiles.scores(v, bins, false);
        byte[] r = Quantiles.scores(v, bins, true);
        for (int i = 0; i < n; i++) {
            int below = 0;
            int above = 0;
            for (double x : v) {
                below += x < v[i] ? 1 : 0;
                above += x > v[i] ? 1 : 0;
            }
            assertEquals(1 + bins * below / n, f[i], "value " + v[i]);
            assertEquals(1 + bins * above / n, r[i], "reversed value " + v[i]);
        }
    }

    @Test
    void largeTiedAndUntiedColumnsFollowTheRuleToo() {
        java.util.Random random = new java.util.Random(3);
        for (int spread : new int[] {2, 7, 1_000, 1_000_000}) {
            double[] v = new double[20_000];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextInt(spread);
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            byte[] f = Quantiles.scores(v, 5, false);
            byte[] r = Quantiles.scores(v, 5, true);
            for (int i = 0; i < v.length; i++) {
                int below = lowerBound(sorted, v[i]);
                int above = v.length - upperBound(sorted, v[i]);
                assertEquals(1 + 5 * below / v.length, f[i]);
                assertEquals(1 + 5 * above / v.length, r[i]);
            }
        }
    }

    private static int lowerBound(double[] sorted, double v) {
        int i = java.util.Arrays.binarySearch(sorted, v);
        while (i > 0 && sorted[i - 1] == v) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] sorted, double v) {
        int i = java.util.Arrays.binarySearch(sorted, v);
        while (i < sorted.length - 1 && sorted[i + 1] == v) {
            i++;
        }
        return i + 1;
    }
}
