package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipLevelTest {

    @Test
    void theFiveLevelsRunFromBasicToPartnership() {
        assertEquals(List.of("BASIC", "REACTIVE", "ACCOUNTABLE", "PROACTIVE", "PARTNERSHIP"),
                Arrays.stream(RelationshipLevel.values()).map(Enum::name).toList());
        assertTrue(RelationshipLevel.PARTNERSHIP.isAbove(RelationshipLevel.PROACTIVE));
        assertFalse(RelationshipLevel.BASIC.isAbove(RelationshipLevel.BASIC));
    }

    @Test
    void eachLevelSaysWhatTheSellerDoes() {
        assertEquals("sells the product and has no further contact", RelationshipLevel.BASIC.meaning());
        assertTrue(RelationshipLevel.ACCOUNTABLE.meaning().startsWith("calls the customer shortly after the sale"));
        assertTrue(RelationshipLevel.PARTNERSHIP.meaning().contains("designs products with them"));
    }
}
