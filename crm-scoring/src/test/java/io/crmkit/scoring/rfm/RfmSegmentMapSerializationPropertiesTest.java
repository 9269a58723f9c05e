package io.crmkit.scoring.rfm;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidObjectException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any cells patched into a stream give a total map whose lookups match the cells, or a refusal. */
class RfmSegmentMapSerializationPropertiesTest {

    private static final RfmSegmentMap SMALL = RfmSegmentMap.builder(2).segment("hi", 2, 2, 1, 2, 1, 2)
            .segment("lo", 1, 1, 1, 2, 1, 2).build();

    @Property
    void patchedCellsAreReadOnlyIfEverySegmentIsValidAndUsed(
            @ForAll @Size(8) List<@IntRange(min = -128, max = 127) Integer> cells) throws Exception {
        byte[] from = {0, 0, 0, 8, 1, 1, 1, 1, 0, 0, 0, 0};
        byte[] to = from.clone();
        for (int i = 0; i < 8; i++) {
            to[4 + i] = cells.get(i).byteValue();
        }
        byte[] stream = patch(write(SMALL), from, to);
        boolean valid = cells.stream().allMatch(c -> c == 0 || c == 1) && cells.contains(0) && cells.contains(1);
        if (!valid) {
            assertThrows(InvalidObjectException.class, () -> read(stream));
            return;
        }
        RfmSegmentMap map = (RfmSegmentMap) read(stream);
        for (int at = 0; at < 8; at++) {
            assertEquals(List.of("hi", "lo").get(cells.get(at)), map.segmentOf(at / 4 + 1, at / 2 % 2 + 1, at % 2 + 1));
        }
    }
}
