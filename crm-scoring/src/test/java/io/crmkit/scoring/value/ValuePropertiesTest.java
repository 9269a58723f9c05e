package io.crmkit.scoring.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ValuePropertiesTest {

    private static double[] toArray(List<Integer> values) {
        return values.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    @Property
    void everyCustomerLandsInExactlyOneClassAndMoreValueNeverLowersIt(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 1000) Integer> values) {
        double[] v = toArray(values);
        AbcClass[] abc = ParetoClassifier.standard().abc(v);
        ProfitAction[] actions = ParetoClassifier.standard().keepMaintainLetGo(v);
        int[] deciles = ParetoClassifier.deciles(v);
        assertEquals(v.length, abc.length);
        assertEquals(v.length, actions.length);
        for (int i = 0; i < v.length; i++) {
            assertNotNull(abc[i]);
            assertNotNull(actions[i]);
            assertTrue(deciles[i] >= 1 && deciles[i] <= 10);
            for (int j = 0; j < v.length; j++) {
                if (v[i] == v[j]) {
                    assertEquals(abc[i], abc[j]);
                    assertEquals(actions[i], actions[j]);
                    assertEquals(deciles[i], deciles[j]);
                } else if (v[i] > v[j]) {
                    assertTrue(abc[i].ordinal() <= abc[j].ordinal(), "higher value, class A-ward");
                    assertTrue(actions[i].ordinal() <= actions[j].ordinal(), "higher profit, keep-ward");
                    assertTrue(deciles[i] <= deciles[j], "higher value, better decile");
                }
            }
        }
    }

    @Property
    void classAHoldsAtLeastItsShareOfValue(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 1000) Integer> values) {
        double[] v = toArray(values);
        AbcClass[] abc = ParetoClassifier.standard().abc(v);
        double a = 0;
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            total += v[i];
            a += abc[i] == AbcClass.A ? v[i] : 0;
        }
        assertTrue(a / total >= 0.80 - 1e-12);
    }
}
