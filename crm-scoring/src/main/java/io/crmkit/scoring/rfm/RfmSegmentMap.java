package io.crmkit.scoring.rfm;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A total, non-overlapping map from (r, f, m) score combinations to named segments: every one of
 * the {@code bins³} combinations belongs to exactly one segment, which {@link Builder#build()}
 * checks. A segment is a union of boxes {@code r in [rLo, rHi], f in [fLo, fHi], m in [mLo, mHi]}.
 *
 * <p>The {@link #standard() standard map} (5 bins) follows the common recency × frequency grid
 * used with quintile RFM scores, with monetary value separating the big spenders among the
 * lapsed:
 * <table>
 *   <caption>standard segments</caption>
 *   <tr><th>segment</th><th>r</th><th>f</th><th>m</th></tr>
 *   <tr><td>Champions</td><td>5</td><td>4–5</td><td>any</td></tr>
 *   <tr><td>Loyal</td><td>3–4</td><td>4–5</td><td>any</td></tr>
 *   <tr><td>Potential loyalist</td><td>4–5</td><td>2–3</td><td>any</td></tr>
 *   <tr><td>New</td><td>5</td><td>1</td><td>any</td></tr>
 *   <tr><td>Promising</td><td>4</td><td>1</td><td>any</td></tr>
 *   <tr><td>Need attention</td><td>3</td><td>3</td><td>any</td></tr>
 *   <tr><td>About to sleep</td><td>3</td><td>1–2</td><td>any</td></tr>
 *   <tr><td>Can't lose them</td><td>1–2</td><td>5, or 3–4 with m = 5</td><td>any / 5</td></tr>
 *   <tr><td>At risk</td><td>1–2</td><td>3–4</td><td>1–4</td></tr>
 *   <tr><td>Hibernating</td><td>2</td><td>1–2</td><td>any</td></tr>
 *   <tr><td>Lost</td><td>1</td><td>1–2</td><td>any</td></tr>
 * </table>
 *
 * <pre>{@code
 * RfmSegmentMap map = RfmSegmentMap.builder(3).segment("top", 3, 3, 1, 3, 1, 3).segment("rest", 1, 2, 1, 3, 1, 3).build();
 * String s = map.segmentOf(3, 1, 2);   // "top"
 * }</pre>
 *
 * @serial exclude
 */
public final class RfmSegmentMap implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The number of score bins per dimension. */
    private final int bins;
    /** The segment names, in the order first added. */
    private final ImmutableList<String> names;
    /** Segment index per cell, at {@code ((r-1)*bins + (f-1))*bins + (m-1)}. */
    private final byte[] cells;

    private RfmSegmentMap(int bins, List<String> names, byte[] cells) {
        this.bins = bins;
        this.names = ImmutableList.copyOf(names);
        this.cells = cells;
    }

    /**
     * Returns the standard 11-segment map for 5 bins (see the table above).
     *
     * @return the map
     */
    public static RfmSegmentMap standard() {
        return builder(5)
                .segment("Champions", 5, 5, 4, 5, 1, 5)
                .segment("Loyal", 3, 4, 4, 5, 1, 5)
                .segment("Potential loyalist", 4, 5, 2, 3, 1, 5)
                .segment("New", 5, 5, 1, 1, 1, 5)
                .segment("Promising", 4, 4, 1, 1, 1, 5)
                .segment("Need attention", 3, 3, 3, 3, 1, 5)
                .segment("About to sleep", 3, 3, 1, 2, 1, 5)
                .segment("Can't lose them", 1, 2, 5, 5, 1, 5)
                .segment("Can't lose them", 1, 2, 3, 4, 5, 5)
                .segment("At risk", 1, 2, 3, 4, 1, 4)
                .segment("Hibernating", 2, 2, 1, 2, 1, 5)
                .segment("Lost", 1, 1, 1, 2, 1, 5)
                .build();
    }

    /**
     * Starts a map over scores 1..bins.
     *
     * @param bins the number of score bins, 2 to 10
     * @return the builder
     * @throws IllegalArgumentException if bins is out of range
     */
    public static Builder builder(int bins) {
        checkArgument(bins >= 2 && bins <= 10, "bins %s is out of range: 2 to 10 score bins", bins);
        return new Builder(bins);
    }

    /**
     * Rebuilds a map cell by cell through the builder, which checks it as it checks any map.
     *
     * @throws IllegalArgumentException if a cell names no segment, or the builder refuses the map
     */
    private static RfmSegmentMap restore(int bins, List<String> names, byte[] cells) {
        requireNonNull(names, "names");
        requireNonNull(cells, "cells");
        Builder b = builder(bins);
        checkArgument(cells.length == bins * bins * bins, "cells %s: a map of %s bins has %s cells", cells.length, bins,
                bins * bins * bins);
        checkArgument(names.size() == names.stream().distinct().count(), "segment names %s repeat a name", names);
        for (int at = 0; at < cells.length; at++) {
            checkArgument(cells[at] >= 0 && cells[at] < names.size(),
                    "cell %s holds segment %s: segments are numbered 0 to %s", at, cells[at], names.size() - 1);
        }
        for (int segment = 0; segment < names.size(); segment++) {
            for (int at = 0; at < cells.length; at++) {
                if (cells[at] == segment) {
                    int r = at / (bins * bins) + 1;
                    int f = at / bins % bins + 1;
                    int m = at % bins + 1;
                    b.segment(names.get(segment), r, r, f, f, m, m);
                }
            }
        }
        RfmSegmentMap map = b.build();
        checkArgument(map.names.equals(names), "segment names %s include a segment without cells", names);
        return map;
    }

    /** @return the number of score bins per dimension */
    public int bins() {
        return bins;
    }

    /** @return the segment names, in the order they were first added */
    public List<String> segments() {
        return names;
    }

    /**
     * Returns the segment of a score combination.
     *
     * @param r the recency score, 1..bins
     * @param f the frequency score, 1..bins
     * @param m the monetary score, 1..bins
     * @return the segment's name
     * @throws IllegalArgumentException if a score is out of range
     */
    public String segmentOf(int r, int f, int m) {
        checkScore("r", r);
        checkScore("f", f);
        checkScore("m", m);
        return names.get(index(r, f, m));
    }

    int index(int r, int f, int m) {
        return cells[((r - 1) * bins + (f - 1)) * bins + (m - 1)];
    }

    private void checkScore(String field, int score) {
        checkArgument(score >= 1 && score <= bins, "%s score %s is out of range: 1 to %s", field, score, bins);
    }

    /** @return the map's segments and size */
    @Override
    public String toString() {
        return "RfmSegmentMap[" + bins + " bins: " + String.join(", ", names) + "]";
    }

    /** Collects segments as boxes of scores and checks they cover every combination exactly once. */
    public static final class Builder {
        private final int bins;
        private final List<String> names = new ArrayList<>();
        private final List<int[]> boxes = new ArrayList<>();

        private Builder(int bins) {
            this.bins = bins;
        }

        /**
         * Adds a box of score combinations to a segment (a segment may have several boxes).
         *
         * @param name the segment's name, non-blank
         * @param rLo lowest recency score
         * @param rHi highest recency score
         * @param fLo lowest frequency score
         * @param fHi highest frequency score
         * @param mLo lowest monetary score
         * @param mHi highest monetary score
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or a range is empty or out of 1..bins
         */
        public Builder segment(String name, int rLo, int rHi, int fLo, int fHi, int mLo, int mHi) {
            requireNonNull(name, "name");
            checkArgument(!name.isBlank(), "segment name '%s' is blank", name);
            checkRange(name, "r", rLo, rHi);
            checkRange(name, "f", fLo, fHi);
            checkRange(name, "m", mLo, mHi);
            if (!names.contains(name)) {
                checkArgument(names.size() < Byte.MAX_VALUE, "too many segments: at most %s", Byte.MAX_VALUE);
                names.add(name);
            }
            boxes.add(new int[] {names.indexOf(name), rLo, rHi, fLo, fHi, mLo, mHi});
            return this;
        }

        private void checkRange(String name, String field, int lo, int hi) {
            checkArgument(lo >= 1 && hi <= bins && lo <= hi,
                    "segment '%s' has %s range [%s, %s]: it must be a non-empty range within 1..%s", name, field, lo, hi, bins);
        }

        /**
         * Builds the map.
         *
         * @return the map
         * @throws IllegalArgumentException naming the first combination that is covered twice or not at all
         */
        public RfmSegmentMap build() {
            byte[] cells = new byte[bins * bins * bins];
            Arrays.fill(cells, (byte) -1);
            for (int[] b : boxes) {
                for (int r = b[1]; r <= b[2]; r++) {
                    for (int f = b[3]; f <= b[4]; f++) {
                        for (int m = b[5]; m <= b[6]; m++) {
                            int at = ((r - 1) * bins + (f - 1)) * bins + (m - 1);
                            if (cells[at] >= 0) {
                                throw new IllegalArgumentException(String.format(
                                        "segments overlap: (r=%s, f=%s, m=%s) is in both '%s' and '%s'",
                                        r, f, m, names.get(cells[at]), names.get(b[0])));
                            }
                            cells[at] = (byte) b[0];
                        }
                    }
                }
            }
            for (int at = 0; at < cells.length; at++) {
                int r = at / (bins * bins) + 1;
                int f = at / bins % bins + 1;
                int m = at % bins + 1;
                checkArgument(cells[at] >= 0, "segments are not total: (r=%s, f=%s, m=%s) belongs to no segment", r, f, m);
            }
            return new RfmSegmentMap(bins, names, cells);
        }
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(bins, names, cells.clone());
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("RfmSegmentMap is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(int bins, List<String> names, byte[] cells) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return restore(bins, names, cells);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("RfmSegmentMap: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
