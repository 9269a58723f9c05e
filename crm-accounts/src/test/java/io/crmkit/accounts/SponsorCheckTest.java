package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sponsor pairing checked against each of the four principles on its own. */
class SponsorCheckTest {

    static final KeyPerson RANK_2 = KeyPerson.builder().id("p1").name("Zhang Wei").rank(2).build();

    static SponsorPairing.Builder allHold() {
        return SponsorPairing.builder().executive("Wang Jun").executiveRank(2).person("p1")
                .sameBusinessArea(true).pastHistory(true).ableAndWilling(true);
    }

    static Set<SponsorPrinciple> failed(SponsorPairing s, KeyPerson p) {
        return s.check(p).failed();
    }

    @Test
    void allFourHold() {
        SponsorCheck c = allHold().build().check(RANK_2);
        assertTrue(c.allHold());
        assertEquals(EnumSet.allOf(SponsorPrinciple.class), c.held());
        assertEquals("", c.explainFailures());
    }

    @Test
    void equalStandingNeedsBothRanksKnownAndEqual() {
        assertEquals(Set.of(SponsorPrinciple.EQUAL_STANDING), failed(allHold().executiveRank(1).build(), RANK_2));
        assertEquals(Set.of(SponsorPrinciple.EQUAL_STANDING), failed(allHold().executiveRank(3).build(), RANK_2));
        assertEquals(Set.of(SponsorPrinciple.EQUAL_STANDING),
                failed(allHold().executiveRank(java.util.OptionalInt.empty()).build(), RANK_2));
        KeyPerson unranked = KeyPerson.builder().id("p1").name("Zhang Wei").build();
        SponsorCheck c = allHold().build().check(unranked);
        assertEquals(Set.of(SponsorPrinciple.EQUAL_STANDING), c.failed());
        assertEquals("equal standing (executive rank 2, person rank unknown)", c.explainFailures());
    }

    @Test
    void matchingBusinessArea() {
        assertEquals(Set.of(SponsorPrinciple.MATCHING_BUSINESS_AREA), failed(allHold().sameBusinessArea(false).build(), RANK_2));
    }

    @Test
    void pastHistory() {
        assertEquals(Set.of(SponsorPrinciple.PAST_HISTORY), failed(allHold().pastHistory(false).build(), RANK_2));
    }

    @Test
    void abilityAndWillingness() {
        SponsorCheck c = allHold().ableAndWilling(false).build().check(RANK_2);
        assertEquals(Set.of(SponsorPrinciple.ABLE_AND_WILLING), c.failed());
        assertFalse(c.allHold());
        assertEquals("ability and willingness to solve problems", c.explainFailures());
    }

    @Test
    void unstatedFactsDoNotHold() {
        SponsorPairing bare = SponsorPairing.builder().executive("Wang Jun").person("p1").build();
        assertEquals(EnumSet.allOf(SponsorPrinciple.class), bare.check(RANK_2).failed());
        assertEquals("SponsorCheck[W** with p1, fails equal standing (executive rank unknown, person rank 2), "
                + "matching business area, past history, ability and willingness to solve problems]",
                bare.check(RANK_2).toString());
    }

    @Test
    void checkingAgainstAnotherPersonIsRefused() {
        KeyPerson other = KeyPerson.builder().id("p2").name("Liu Yang").rank(2).build();
        assertThrows(IllegalArgumentException.class, () -> allHold().build().check(other));
        assertThrows(IllegalArgumentException.class, () -> allHold().executiveRank(0).build());
    }
}
