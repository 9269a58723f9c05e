package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Interning customer ids into dense indices. */
class CustomerIndexTest {

    @Property
    void indicesAreDenseInOrderOfFirstAppearance(@ForAll List<String> ids) {
        CustomerIndex index = new CustomerIndex();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String id : ids) {
            expected.putIfAbsent(id, expected.size());
            assertEquals(expected.get(id), index.of(id));
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((id, i) -> assertEquals(id, index.id(i)));
    }

    @Property
    void indexOfFindsTheIdsSeenAndNoOther(@ForAll List<String> seen, @ForAll List<String> asked) {
        CustomerIndex index = new CustomerIndex();
        List<String> order = new ArrayList<>();
        for (String id : seen) {
            index.of(id);
            if (!order.contains(id)) {
                order.add(id);
            }
        }
        for (String id : asked) {
            assertEquals(order.indexOf(id), index.indexOf(id), id);
        }
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, index.indexOf(order.get(i)));
        }
        assertEquals(order.size(), index.size(), "a look-up assigns no index");
    }

    @Test
    void manyIdsAndTheirSortedOrder() {
        CustomerIndex index = new CustomerIndex();
        List<String> ids = new ArrayList<>();
        for (int i = 99_999; i >= 0; i--) {
            ids.add("c" + i);
            assertEquals(99_999 - i, index.of("c" + i));
        }
        assertEquals(100_000, index.size());
        assertEquals(0, index.of("c99999"));
        int[] order = index.sortedById();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        for (int k = 0; k < order.length; k++) {
            assertEquals(sorted.get(k), index.id(order[k]));
        }
        assertArrayEquals(new int[0], new CustomerIndex().sortedById());
    }
}
