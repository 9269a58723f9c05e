package io.crmkit.scoring.tier;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidObjectException;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A criterion read from a stream is exactly the one its factory gives for the bounds it carries, or refused. */
class TierSerializationPropertiesTest {

    @Property
    void aBetweenCriterionReadsBackExactlyWhenTheFactoryAcceptsItsBounds(@ForAll("bounds") double lower,
            @ForAll("bounds") double upper) throws Exception {
        byte[] stream = patch(write(Criterion.between("ratio", 0.25, 0.75)),
                ByteBuffer.allocate(16).putDouble(0.25).putDouble(0.75).array(),
                ByteBuffer.allocate(16).putDouble(lower).putDouble(upper).array());
        Criterion expected;
        try {
            expected = Criterion.between("ratio", lower, upper);
        } catch (IllegalArgumentException refused) {
            InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
            assertEquals("Criterion: " + refused.getMessage(), e.getMessage());
            return;
        }
        assertEquals(expected, read(stream));
    }

    @Provide
    Arbitrary<Double> bounds() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-10, 10),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.25, 0.75));
    }
}
