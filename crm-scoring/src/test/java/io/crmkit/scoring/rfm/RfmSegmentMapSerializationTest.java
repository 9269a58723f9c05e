package io.crmkit.scoring.rfm;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidObjectException;
import org.junit.jupiter.api.Test;

/** Issue 10 §5: a segment map read from a stream is rebuilt through its builder. */
class RfmSegmentMapSerializationTest {

    /** r = 2 is "hi" (segment 0), r = 1 "lo" (segment 1): cells 1,1,1,1,0,0,0,0. */
    private static final RfmSegmentMap SMALL = RfmSegmentMap.builder(2).segment("hi", 2, 2, 1, 2, 1, 2)
            .segment("lo", 1, 1, 1, 2, 1, 2).build();
    private static final byte[] CELLS = {0, 0, 0, 8, 1, 1, 1, 1, 0, 0, 0, 0};

    @Test
    void mapsSurviveARoundTrip() throws Exception {
        RfmSegmentMap back = (RfmSegmentMap) read(write(SMALL));
        assertEquals(SMALL.toString(), back.toString());
        assertEquals("hi", back.segmentOf(2, 1, 2));
        RfmSegmentMap standard = (RfmSegmentMap) read(write(RfmSegmentMap.standard()));
        assertEquals(RfmSegmentMap.standard().segments(), standard.segments());
        assertEquals("Can't lose them", standard.segmentOf(1, 3, 5));
    }

    @Test
    void aCellOf99IsRefusedOnTheWayInNotWhenLookedUp() {
        byte[] bad = CELLS.clone();
        bad[11] = 99;
        byte[] stream = patch(write(SMALL), CELLS, bad);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertEquals("RfmSegmentMap: cell 7 holds segment 99: segments are numbered 0 to 1", e.getMessage());
    }

    @Test
    void aSegmentLeftWithoutCellsIsRefused() {
        byte[] allHi = CELLS.clone();
        java.util.Arrays.fill(allHi, 4, 12, (byte) 0);
        byte[] stream = patch(write(SMALL), CELLS, allHi);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertEquals("RfmSegmentMap: segment names [hi, lo] include a segment without cells", e.getMessage());
    }
}
