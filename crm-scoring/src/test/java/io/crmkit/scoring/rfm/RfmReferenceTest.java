package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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
}
