package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RfmPropertiesTest {

    private static double[] toArray(List<Integer> values) {
        return values.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    @Property
    void moreValueNeverLowersAScoreAndTiesScoreEqual(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 20) Integer> values) {
        double[] v = toArray(values);
        RfmScores s = RfmScorer.standard().scoreColumns(v, v, v);
        for (int i = 0; i < v.length; i++) {
            assertTrue(s.f(i) >= 1 && s.f(i) <= 5);
            for (int j = 0; j < v.length; j++) {
                if (v[i] == v[j]) {
                    assertEquals(s.f(i), s.f(j));
                    assertEquals(s.r(i), s.r(j));
                } else if (v[i] < v[j]) {
                    assertTrue(s.f(i) <= s.f(j), "frequency score is monotone");
                    assertTrue(s.m(i) <= s.m(j), "monetary score is monotone");
                    assertTrue(s.r(i) >= s.r(j), "fewer days since the last purchase never scores lower");
                }
            }
        }
    }

    @Property
    void raisingOneCustomersValueNeverLowersTheirScore(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 50) Integer> values,
                                                       @ForAll @IntRange(min = 0, max = 39) int who,
                                                       @ForAll @IntRange(min = 1, max = 30) int more) {
        double[] v = toArray(values);
        int i = who % v.length;
        int before = RfmScorer.standard().scoreColumns(v, v, v).m(i);
        v[i] += more;
        assertTrue(RfmScorer.standard().scoreColumns(v, v, v).m(i) >= before);
    }
}
