package io.crmkit.cli.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer ids interned into dense indices 0, 1, 2, … in order of first appearance, so that a
 * command keeps per-customer values in primitive arrays and each id string once. Not thread-safe:
 * one reader fills it.
 */
public final class CustomerIndex {

    private final Map<String, Integer> index = new HashMap<>(1 << 12);
    private final List<String> ids = new ArrayList<>(1 << 12);

    /**
     * The index of an id, assigning the next one to an id not seen before.
     *
     * @param id a checked customer id
     * @return its index
     */
    public int of(String id) {
        Integer i = index.get(id);
        if (i != null) {
            return i;
        }
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        return next;
    }

    /** @return the number of distinct customers */
    public int size() {
        return ids.size();
    }

    /**
     * The id of an index.
     *
     * @param i an index below {@link #size()}
     * @return the id
     */
    public String id(int i) {
        return ids.get(i);
    }

    /**
     * The indices in the order of their ids (string order, as crm-core's {@code CustomerId} sorts).
     *
     * @return a permutation of 0 … size − 1
     */
    public int[] sortedById() {
        String[] sorted = ids.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        int[] order = new int[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            order[k] = index.get(sorted[k]);
        }
        return order;
    }
}
