package io.crmkit.lifecycle.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The completion rule at its boundary: a share is met exactly when attended = share · sessions. */
class CompletionRuleTest {

    @Test
    void attendingThreeOfFourSessionsExactlyMeetsAShareOfThreeQuarters() {
        CompletionRule rule = CompletionRule.share("0.75");
        assertEquals(3, rule.requiredSessions(4));
        assertTrue(rule.isMet(3, 4));
        assertFalse(rule.isMet(2, 4));
    }

    @Test
    void aShareIsExactlyMetInDecimalArithmeticNotBinary() {
        assertEquals(8, (int) Math.ceil(0.07 * 100), "why decimals: 0.07 · 100 is 7.000000000000001 in binary");
        assertEquals(7, CompletionRule.share("0.07").requiredSessions(100));
        assertTrue(CompletionRule.share("0.07").isMet(7, 100));
        assertTrue(CompletionRule.share("0.7").isMet(7, 10));
        assertTrue(CompletionRule.share(new java.math.BigDecimal("0.70")).isMet(7, 10));
        assertFalse(CompletionRule.share("0.7").isMet(6, 10));
        assertTrue(CompletionRule.share("0.3").isMet(3, 10));
    }

    @Test
    void aShareThatDoesNotDivideEvenlyRoundsUp() {
        assertEquals(3, CompletionRule.share("0.7").requiredSessions(3), "0.7 · 3 = 2.1 → 3");
        assertEquals(2, CompletionRule.share("0.5").requiredSessions(3), "0.5 · 3 = 1.5 → 2");
        assertEquals(1, CompletionRule.share("0.01").requiredSessions(3), "any positive share needs one session");
    }

    @Test
    void allSessionsMeansEverySessionAndAShareOfOneIsTheSame() {
        assertEquals(5, CompletionRule.allSessions().requiredSessions(5));
        assertFalse(CompletionRule.allSessions().isMet(4, 5));
        assertTrue(CompletionRule.allSessions().isMet(5, 5));
        assertEquals(5, CompletionRule.share("1").requiredSessions(5));
        assertEquals("all", CompletionRule.allSessions().toString());
        assertEquals("0.75", CompletionRule.share("0.750").toString());
        assertEquals(CompletionRule.share("0.75"), CompletionRule.share("0.750"));
    }

    @Test
    void sharesOutsideZeroToOneAreRefusedWithTheValueAndTheRule() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> CompletionRule.share("0"));
        assertEquals("completion share 0 is outside (0, 1]: give the share of sessions to attend, e.g. 0.75",
                zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CompletionRule.share("1.01"));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> CompletionRule.share("three quarters"));
        assertTrue(text.getMessage().startsWith("completion share 'three quarters' is not a decimal number"));
        assertThrows(IllegalArgumentException.class, () -> CompletionRule.allSessions().isMet(5, 4));
    }
}
