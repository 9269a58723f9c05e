package io.crmkit.cli.format;

import java.util.Arrays;

/**
 * Customer ids interned into dense indices 0, 1, 2, … in order of first appearance, so that a
 * command keeps per-customer values in primitive arrays and each id string once. An open-addressing
 * table of ids and their hash codes: no boxed integer or map entry per customer, one probe for most
 * look-ups. Memory: about 70 bytes per customer plus the id strings. Not thread-safe: one reader
 * fills it.
 */
public final class CustomerIndex {

    private String[] ids = new String[1 << 12];
    /** Slot → index + 1 (0 = empty). */
    private int[] slots = new int[1 << 13];
    /** Slot → the id's hash code, compared before the string. */
    private int[] hashes = new int[1 << 13];
    private int size;

    /**
     * The index of an id, assigning the next one to an id not seen before.
     *
     * @param id a checked customer id
     * @return its index
     */
    public int of(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            if (hashes[slot] == h && ids[entry - 1].equals(id)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        slots[slot] = size + 1;
        hashes[slot] = h;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    /**
     * The index of an id already seen, without assigning one.
     *
     * @param id a customer id
     * @return its index, or -1 if the id has none
     */
    public int indexOf(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[slot] == h && ids[entry - 1].equals(id)) {
                return entry - 1;
            }
        }
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    private void grow() {
        int[] newSlots = new int[slots.length * 2];
        int[] newHashes = new int[slots.length * 2];
        int mask = newSlots.length - 1;
        for (int s = 0; s < slots.length; s++) {
            int entry = slots[s];
            if (entry != 0) {
                int slot = mix(hashes[s]) & mask;
                while (newSlots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                newSlots[slot] = entry;
                newHashes[slot] = hashes[s];
            }
        }
        slots = newSlots;
        hashes = newHashes;
    }

    /** @return the number of distinct customers */
    public int size() {
        return size;
    }

    /**
     * The id of an index.
     *
     * @param i an index below {@link #size()}
     * @return the id
     * @throws IndexOutOfBoundsException if there is no such index
     */
    public String id(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return ids[i];
    }

    /**
     * The indices in the order of their ids (string order, as crm-core's {@code CustomerId} sorts).
     *
     * @return a permutation of 0 … size − 1
     */
    public int[] sortedById() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        String[] byIndex = ids;
        Arrays.sort(order, (a, b) -> byIndex[a].compareTo(byIndex[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
