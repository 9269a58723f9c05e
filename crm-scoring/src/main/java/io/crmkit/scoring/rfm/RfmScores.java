package io.crmkit.scoring.rfm;

import static com.google.common.base.Preconditions.checkElementIndex;

/**
 * The scores of the columnar entry point {@link RfmScorer#scoreColumns}: for customer {@code i}
 * (the position in the input arrays) its r, f and m scores and its segment. Backed by compact
 * arrays, no objects per customer; immutable and thread-safe.
 *
 * <pre>{@code
 * RfmScores s = RfmScorer.standard().scoreColumns(recencyDays, frequency, monetary);
 * int r0 = s.r(0); String seg0 = s.segment(0);
 * }</pre>
 */
public final class RfmScores {

    private final byte[] r;
    private final byte[] f;
    private final byte[] m;
    private final RfmSegmentMap map;

    RfmScores(byte[] r, byte[] f, byte[] m, RfmSegmentMap map) {
        this.r = r;
        this.f = f;
        this.m = m;
        this.map = map;
    }

    /** @return the number of customers */
    public int size() {
        return r.length;
    }

    /**
     * Returns the recency score.
     *
     * @param i the customer's position
     * @return the score, 1..bins
     * @throws IndexOutOfBoundsException if i is not a position
     */
    public int r(int i) {
        return r[checkElementIndex(i, r.length)];
    }

    /**
     * Returns the frequency score.
     *
     * @param i the customer's position
     * @return the score, 1..bins
     * @throws IndexOutOfBoundsException if i is not a position
     */
    public int f(int i) {
        return f[checkElementIndex(i, f.length)];
    }

    /**
     * Returns the monetary score.
     *
     * @param i the customer's position
     * @return the score, 1..bins
     * @throws IndexOutOfBoundsException if i is not a position
     */
    public int m(int i) {
        return m[checkElementIndex(i, m.length)];
    }

    /**
     * Returns the segment.
     *
     * @param i the customer's position
     * @return the segment's name
     * @throws IndexOutOfBoundsException if i is not a position
     */
    public String segment(int i) {
        checkElementIndex(i, r.length);
        return map.segments().get(map.index(r[i], f[i], m[i]));
    }

    /** @return the size */
    @Override
    public String toString() {
        return "RfmScores[" + r.length + " customers]";
    }
}
