package io.crmkit.scoring.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The fast classifiers agree with the rules of ParetoClassifier's Javadoc, applied naively in O(n²). */
class ValueReferenceTest {

    private static double[] toArray(List<Integer> values) {
        return values.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    @Property
    void abcFollowsTheShareBeforeRule(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 100) Integer> values) {
        double[] v = toArray(values);
        double total = 0;
        for (double x : v) {
            total += x;
        }
        AbcClass[] abc = ParetoClassifier.standard().abc(v);
        for (int i = 0; i < v.length; i++) {
            double greater = 0;
            for (double x : v) {
                greater += x > v[i] ? x : 0;
            }
            double before = total == 0 ? 1 : greater / total;
            AbcClass expected = v[i] == 0 ? AbcClass.C : before < 0.80 - 1e-12 ? AbcClass.A : before < 0.95 - 1e-12 ? AbcClass.B : AbcClass.C;
            assertEquals(expected, abc[i], "value " + v[i]);
        }
    }

    @Property
    void keepMaintainLetGoAndDecilesFollowThePositionRule(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = -20, max = 20) Integer> values) {
        double[] v = toArray(values);
        int n = v.length;
        ProfitAction[] actions = ParetoClassifier.standard().keepMaintainLetGo(v);
        int[] deciles = ParetoClassifier.deciles(v);
        for (int i = 0; i < n; i++) {
            int position = 0;
            for (double x : v) {
                position += x > v[i] ? 1 : 0;
            }
            ProfitAction expected = position < 0.2 * n ? ProfitAction.KEEP : position >= 0.8 * n ? ProfitAction.LET_GO : ProfitAction.MAINTAIN;
            assertEquals(expected, actions[i], "profit " + v[i]);
            assertEquals(1 + 10 * position / n, deciles[i], "value " + v[i]);
        }
    }
}
