package io.crmkit.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmSegmentMapTest {

    @Test
    void everyOneOfThe125CombinationsMapsToExactlyOneNamedSegment() {
        RfmSegmentMap map = RfmSegmentMap.standard();
        Map<String, Integer> cells = new HashMap<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    String s = map.segmentOf(r, f, m);
                    assertTrue(map.segments().contains(s));
                    cells.merge(s, 1, Integer::sum);
                }
            }
        }
        assertEquals(125, cells.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(11, cells.size(), "every segment is reachable");
        // sizes from the table in RfmSegmentMap's Javadoc (cells of 125)
        assertEquals(10, cells.get("Champions"));
        assertEquals(20, cells.get("Loyal"));
        assertEquals(20, cells.get("Potential loyalist"));
        assertEquals(5, cells.get("New"));
        assertEquals(5, cells.get("Promising"));
        assertEquals(5, cells.get("Need attention"));
        assertEquals(10, cells.get("About to sleep"));
        assertEquals(14, cells.get("Can't lose them"));
        assertEquals(16, cells.get("At risk"));
        assertEquals(10, cells.get("Hibernating"));
        assertEquals(10, cells.get("Lost"));
    }

    @Test
    void namedCornersLandWhereExpected() {
        RfmSegmentMap map = RfmSegmentMap.standard();
        assertEquals("Champions", map.segmentOf(5, 5, 5));
        assertEquals("Lost", map.segmentOf(1, 1, 1));
        assertEquals("New", map.segmentOf(5, 1, 1));
        assertEquals("Can't lose them", map.segmentOf(1, 5, 5));
        assertEquals("Can't lose them", map.segmentOf(2, 3, 5));
        assertEquals("At risk", map.segmentOf(2, 3, 4));
    }

    @Test
    void overlappingBoxesAreRejectedNamingTheCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmSegmentMap.builder(2)
                .segment("a", 1, 2, 1, 2, 1, 2).segment("b", 2, 2, 2, 2, 2, 2).build());
        assertEquals("segments overlap: (r=2, f=2, m=2) is in both 'a' and 'b'", e.getMessage());
    }

    @Test
    void gapsAreRejectedNamingTheCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmSegmentMap.builder(2)
                .segment("a", 1, 1, 1, 2, 1, 2).segment("b", 2, 2, 1, 1, 1, 2).build());
        assertEquals("segments are not total: (r=2, f=2, m=1) belongs to no segment", e.getMessage());
    }

    @Test
    void scoresOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RfmSegmentMap.standard().segmentOf(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RfmSegmentMap.standard().segmentOf(1, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> RfmSegmentMap.builder(2).segment("a", 2, 1, 1, 2, 1, 2));
        assertEquals(List.of("a"), RfmSegmentMap.builder(2).segment("a", 1, 2, 1, 2, 1, 2).build().segments());
    }
}
