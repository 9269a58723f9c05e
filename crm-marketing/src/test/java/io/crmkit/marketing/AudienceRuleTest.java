package io.crmkit.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.scoring.rfm.RfmScore;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceRuleTest {

    private static CustomerProfile.Builder customer(String id) {
        return CustomerProfile.builder(CustomerId.of(id));
    }

    @Test
    void segmentRuleAdmitsNamedSegmentsOnlyAndSaysWhich() {
        AudienceRule rule = AudienceRule.rfmSegmentIn("Champions", "Loyal Customers");
        AudienceRule.Verdict in = rule.evaluate(customer("a").rfmSegment("Champions").build());
        AudienceRule.Verdict out = rule.evaluate(customer("b").rfmSegment("Hibernating").build());
        assertTrue(in.admitted());
        assertEquals("segment Champions in [Champions, Loyal Customers]", in.reason());
        assertFalse(out.admitted());
        assertEquals("segment Hibernating not in [Champions, Loyal Customers]", out.reason());
        assertEquals("no segment", rule.evaluate(customer("c").build()).reason());
    }

    @Test
    void segmentComparisonIsExactNotCaseFolded() {
        assertFalse(AudienceRule.rfmSegmentIn("Champions").evaluate(customer("a").rfmSegment("champions").build()).admitted());
    }

    @Test
    void tierAndStageRulesReadTheirOwnValues() {
        CustomerProfile p = customer("a").tier("Gold").lifecycleStage("mature").build();
        assertTrue(AudienceRule.tierIn("Gold", "Platinum").evaluate(p).admitted());
        assertFalse(AudienceRule.tierIn("Silver").evaluate(p).admitted());
        assertTrue(AudienceRule.lifecycleStageIn(List.of("mature")).evaluate(p).admitted());
        assertEquals("stage mature not in [decline]", AudienceRule.lifecycleStageIn("decline").evaluate(p).reason());
        assertEquals("no tier", AudienceRule.tierIn("Gold").evaluate(customer("b").build()).reason());
    }

    @Test
    void clvAtLeastAdmitsTheThresholdItselfAndBelowDoesNot() {
        AudienceRule atLeast = AudienceRule.clvAtLeast(500);
        AudienceRule below = AudienceRule.clvBelow(500);
        CustomerProfile exactly = customer("a").clv(500).build();
        CustomerProfile justUnder = customer("b").clv(Math.nextDown(500.0)).build();
        assertTrue(atLeast.evaluate(exactly).admitted());
        assertEquals("clv 500.0 >= 500.0", atLeast.evaluate(exactly).reason());
        assertFalse(atLeast.evaluate(justUnder).admitted());
        assertFalse(below.evaluate(exactly).admitted());
        assertEquals("clv 500.0 >= 500.0", below.evaluate(exactly).reason());
        assertTrue(below.evaluate(justUnder).admitted());
        assertEquals("no clv", atLeast.evaluate(customer("c").build()).reason());
    }

    @Test
    void pAliveThresholdsSplitAtTheBoundary() {
        CustomerProfile half = customer("a").pAlive(0.5).build();
        assertTrue(AudienceRule.pAliveAtLeast(0.5).evaluate(half).admitted());
        assertFalse(AudienceRule.pAliveBelow(0.5).evaluate(half).admitted());
        assertTrue(AudienceRule.pAliveBelow(0.5).evaluate(customer("b").pAlive(0.4999).build()).admitted());
        assertThrows(IllegalArgumentException.class, () -> AudienceRule.pAliveAtLeast(1.5));
        assertThrows(IllegalArgumentException.class, () -> customer("c").pAlive(-0.1));
    }

    @Test
    void metricRulesReadNamedMetrics() {
        CustomerProfile p = customer("a").metric("visits_90d", 3).build();
        assertTrue(AudienceRule.metricAtLeast("visits_90d", 3).evaluate(p).admitted());
        assertFalse(AudienceRule.metricAtLeast("visits_90d", 3.5).evaluate(p).admitted());
        assertTrue(AudienceRule.metricBelow("visits_90d", 3.5).evaluate(p).admitted());
        assertEquals("no basket_size", AudienceRule.metricAtLeast("basket_size", 1).evaluate(p).reason());
    }

    @Test
    void allOfListsEveryConditionOrTheFirstFailure() {
        AudienceRule rule = AudienceRule.allOf(AudienceRule.rfmSegmentIn("At Risk"), AudienceRule.clvAtLeast(100));
        assertEquals("segment At Risk in [At Risk] and clv 250.0 >= 100.0",
                rule.evaluate(customer("a").rfmSegment("At Risk").clv(250).build()).reason());
        AudienceRule.Verdict v = rule.evaluate(customer("b").rfmSegment("At Risk").clv(50).build());
        assertFalse(v.admitted());
        assertEquals("clv 50.0 < 100.0", v.reason());
    }

    @Test
    void anyOfNamesTheRuleThatAdmittedOrEveryFailure() {
        AudienceRule rule = AudienceRule.anyOf(AudienceRule.tierIn("Gold"), AudienceRule.pAliveBelow(0.3));
        assertEquals("pAlive 0.2 < 0.3", rule.evaluate(customer("a").tier("Silver").pAlive(0.2).build()).reason());
        AudienceRule.Verdict v = rule.evaluate(customer("b").tier("Silver").pAlive(0.9).build());
        assertFalse(v.admitted());
        assertEquals("tier Silver not in [Gold] and pAlive 0.9 >= 0.3", v.reason());
    }

    @Test
    void everyoneAdmitsAnEmptyProfile() {
        assertEquals(new AudienceRule.Verdict(true, "everyone"), AudienceRule.everyone().evaluate(customer("a").build()));
    }

    @Test
    void profilesTakeSegmentAndTierFromScoringResults() {
        CustomerId id = CustomerId.of("c-9");
        RfmScore score = new RfmScore(id, 3, 7, Money.of("700", "CNY"), 5, 5, 5, "Champions");
        CustomerProfile p = CustomerProfile.builder(id).rfm(score).build();
        assertEquals("Champions", p.rfmSegment().orElseThrow());
        RfmScore other = new RfmScore(CustomerId.of("c-10"), 3, 7, Money.of("700", "CNY"), 5, 5, 5, "Champions");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerProfile.builder(id).rfm(other));
        assertEquals("rfm score of customer c-10 given for customer c-9", e.getMessage());
    }

    @Test
    void badRulesAndValuesAreRefusedWithTheirName() {
        assertEquals("segments is empty: name at least one",
                assertThrows(IllegalArgumentException.class, () -> AudienceRule.rfmSegmentIn(List.of())).getMessage());
        assertEquals("clv threshold NaN is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> AudienceRule.clvAtLeast(Double.NaN)).getMessage());
        assertEquals("metric visits Infinity for customer a is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> customer("a").metric("visits", Double.POSITIVE_INFINITY)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AudienceRule.allOf(List.of()));
    }
}
