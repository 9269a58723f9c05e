package io.crmkit.scoring.tier;

import static io.crmkit.core.testing.StreamPatching.patch;
import static io.crmkit.core.testing.StreamPatching.read;
import static io.crmkit.core.testing.StreamPatching.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InvalidObjectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10 §5: tier values read from a stream pass through their factories; patched streams are refused. */
class TierSerializationTest {

    private static final TierPolicy POLICY = TierPolicy.builder("wealth")
            .tier("Gold", Criterion.atLeast("assets", 100.0)).tier("Silver", Criterion.atLeast("assets", 50.0))
            .baseTier("Mass").build();

    @Test
    void policiesAndCriteriaSurviveARoundTrip() throws Exception {
        TierPolicy back = (TierPolicy) read(write(POLICY));
        assertEquals(POLICY.toString(), back.toString());
        assertEquals(POLICY.place(Map.of("assets", 70.0)), back.place(Map.of("assets", 70.0)));
        Criterion between = Criterion.between("ratio", 0.25, 0.75);
        assertEquals(between, read(write(between)));
        assertEquals(DowngradeRule.gracePeriods(2), read(write(DowngradeRule.gracePeriods(2))));
    }

    @Test
    void aNanThresholdIsRefused() {
        byte[] stream = patch(write(Criterion.atLeast("assets", 100.0)),
                java.nio.ByteBuffer.allocate(16).putDouble(100.0).putDouble(100.0).array(),
                java.nio.ByteBuffer.allocate(16).putDouble(Double.NaN).putDouble(Double.NaN).array());
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertEquals("Criterion: threshold NaN of metric 'assets' is not a finite number", e.getMessage());
    }

    @Test
    void invertedBetweenBoundsAreRefused() {
        byte[] stream = patch(write(Criterion.between("ratio", 0.25, 0.75)), 0.75, 0.125);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertEquals("Criterion: between bounds of metric 'ratio' are [0.25, 0.125): the upper bound must exceed the "
                + "lower", e.getMessage());
    }

    @Test
    void aSecondBoundOnAOneSidedCriterionIsRefused() {
        // a one-sided criterion writes its threshold twice (threshold and upper); patch only the
        // first 8-byte occurrence by patching the pair
        byte[] original = write(Criterion.atLeast("assets", 100.0));
        byte[] pair = java.nio.ByteBuffer.allocate(16).putDouble(100.0).putDouble(100.0).array();
        byte[] patched = java.nio.ByteBuffer.allocate(16).putDouble(100.0).putDouble(200.0).array();
        byte[] stream = patch(original, pair, patched);
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(stream));
        assertEquals("Criterion: upper bound 200.0 of metric 'assets' differs from the threshold 100.0: only a between "
                + "criterion has two bounds", e.getMessage());
    }

    @Test
    void aLadderWhoseUpperTierDemandsLessIsRefused() {
        // Gold >= 100 patched to Gold >= 10, below Silver >= 50: the tiers overlap
        byte[] once = patch(write(POLICY), java.nio.ByteBuffer.allocate(16).putDouble(100.0).putDouble(100.0).array(),
                java.nio.ByteBuffer.allocate(16).putDouble(10.0).putDouble(10.0).array());
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(once));
        assertEquals(true, e.getMessage().startsWith("TierPolicy: "), e.getMessage());
    }

    @Test
    void recordsAreCheckedByTheirConstructors() {
        byte[] tier = patch(write(new Tier("Gold", Tier.Match.ALL_OF, java.util.List.of())), "Gold", "    ");
        assertThrows(InvalidObjectException.class, () -> read(tier));
        byte[] rule = patch(write(new DowngradeRule(1, 0.125, true)), 0.125, Double.NaN);
        assertThrows(InvalidObjectException.class, () -> read(rule));
    }
}
