package io.crmkit.lifecycle.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** Level 2: gain and Hake's normalised gain g = (post − pre) / (max − pre), with its edge cases. */
class LearningGainTest {

    static final CustomerId C = CustomerId.of("c-17");

    @Test
    void normalisedGainIsTheShareOfThePossibleImprovement() {
        LearningGain g = LearningGain.of(C, 40, 70, 100);
        assertEquals(30, g.gain(), 0.0);
        assertEquals(0.5, g.normalisedGain().getAsDouble(), 1e-15, "30 of the 60 points possible");
    }

    @Test
    void reachingTheMaximumIsOneAndNoChangeIsZero() {
        assertEquals(1.0, LearningGain.of(C, 0, 100, 100).normalisedGain().getAsDouble(), 0.0);
        assertEquals(1.0, LearningGain.of(C, 99, 100, 100).normalisedGain().getAsDouble(), 0.0);
        assertEquals(0.0, LearningGain.of(C, 55, 55, 100).normalisedGain().getAsDouble(), 0.0);
    }

    @Test
    void aFallingScoreGivesANegativeGain() {
        LearningGain g = LearningGain.of(C, 80, 60, 100);
        assertEquals(-20, g.gain(), 0.0);
        assertEquals(-1.0, g.normalisedGain().getAsDouble(), 0.0, "lost 20 with 20 to gain");
        assertEquals(-4.0, LearningGain.of(C, 80, 0, 100).normalisedGain().getAsDouble(), 0.0, "−pre / (max − pre)");
    }

    @Test
    void aCustomerAlreadyAtTheMaximumIsReportedAtTheCeilingNotDividedByZero() {
        LearningGain top = LearningGain.of(C, 100, 100, 100);
        assertTrue(top.atCeiling());
        assertTrue(top.normalisedGain().isEmpty());
        assertEquals(0.0, top.gain(), 0.0);
        LearningGain slipped = LearningGain.of(C, 10, 9, 10);
        assertTrue(slipped.atCeiling(), "at the maximum before, even if lower after");
        assertTrue(slipped.normalisedGain().isEmpty());
        assertEquals(-1.0, slipped.gain(), 0.0, "the raw gain is still reported");
        LearningGain justBelow = LearningGain.of(C, 9.9, 10, 10);
        assertFalse(justBelow.atCeiling());
        assertEquals(1.0, justBelow.normalisedGain().getAsDouble(), 0.0, "(10 − 9.9) / (10 − 9.9), the same double");
    }

    @Test
    void scoresOutsideTheTestAreRefused() {
        assertEquals("post-test score 101.0 of customer c-17 is outside [0, 100.0]", assertThrows(
                IllegalArgumentException.class, () -> LearningGain.of(C, 50, 101, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningGain.of(C, -1, 50, 100));
        assertThrows(IllegalArgumentException.class, () -> LearningGain.of(C, Double.NaN, 50, 100));
        assertThrows(IllegalArgumentException.class, () -> LearningGain.of(C, 0, 0, 0));
    }
}
