package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.relationship.RelationshipLevels.CustomerCount;
import io.crmkit.core.relationship.RelationshipLevels.Margin;
import io.crmkit.core.relationship.RelationshipLevels.Recommendation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kotler's relationship-level table as given in docs/domain.md §2 (Kotler, Marketing Management). */
class RelationshipLevelsTest {

    @ParameterizedTest(name = "{0} customers, {1} margin -> {2}")
    @CsvSource({
        "MANY,   HIGH,   ACCOUNTABLE",
        "MANY,   MEDIUM, REACTIVE",
        "MANY,   LOW,    BASIC REACTIVE",
        "MEDIUM, HIGH,   PROACTIVE",
        "MEDIUM, MEDIUM, ACCOUNTABLE",
        "MEDIUM, LOW,    REACTIVE",
        "FEW,    HIGH,   PARTNERSHIP",
        "FEW,    MEDIUM, PROACTIVE",
        "FEW,    LOW,    ACCOUNTABLE"
    })
    void everyCellOfKotlersTableGivesItsLevels(CustomerCount customers, Margin margin, String expected) {
        List<RelationshipLevel> levels = Arrays.stream(expected.split(" ")).map(RelationshipLevel::valueOf).toList();
        Recommendation r = RelationshipLevels.recommend(customers, margin);
        assertEquals(levels, r.levels());
        assertEquals(customers, r.customers());
        assertEquals(margin, r.margin());
    }

    @Test
    void manyCustomersAtALowMarginGetBothBasicAndReactiveAndTheReasonNamesTheCell() {
        Recommendation r = RelationshipLevels.recommend(CustomerCount.MANY, Margin.LOW);
        assertEquals(List.of(RelationshipLevel.BASIC, RelationshipLevel.REACTIVE), r.levels());
        assertEquals("many customers, low margin: Kotler's table gives BASIC or REACTIVE", r.reason());
        assertEquals("few customers, high margin: Kotler's table gives PARTNERSHIP",
                RelationshipLevels.recommend(CustomerCount.FEW, Margin.HIGH).reason());
    }

    @Test
    void theTableIsTotalAndFewerCustomersOrHigherMarginsNeverLowerTheLevel() {
        for (CustomerCount c : CustomerCount.values()) {
            for (Margin m : Margin.values()) {
                RelationshipLevel top = max(RelationshipLevels.recommend(c, m));
                assertFalse(RelationshipLevels.recommend(c, m).levels().isEmpty());
                if (c.ordinal() > 0) {
                    assertFalse(max(RelationshipLevels.recommend(CustomerCount.values()[c.ordinal() - 1], m)).isAbove(top));
                }
                if (m.ordinal() > 0) {
                    assertFalse(top.isAbove(max(RelationshipLevels.recommend(c, Margin.values()[m.ordinal() - 1]))));
                }
            }
        }
    }

    @Test
    void aRecommendationNeedsALevel() {
        assertThrows(IllegalArgumentException.class, () -> new Recommendation(List.of(), CustomerCount.FEW, Margin.LOW));
    }

    private static RelationshipLevel max(Recommendation r) {
        return r.levels().get(r.levels().size() - 1);
    }
}
