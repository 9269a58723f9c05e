package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Berry and Parasuraman's three bonds (docs/domain.md §2). */
class BondTest {

    private static final Instant T = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void financialSocialAndStructuralBondsAreLevelsOneToThree() {
        assertEquals(1, Bond.Type.FINANCIAL.level());
        assertEquals(2, Bond.Type.SOCIAL.level());
        assertEquals(3, Bond.Type.STRUCTURAL.level());
    }

    @Test
    void theFreeTextDescriptionIsNeverPrinted() {
        Bond b = Bond.of(Bond.Type.SOCIAL, T, "birthday call to Mr Zhang on 13812345678");
        assertEquals("Bond[SOCIAL (level 2) since 2026-01-05T00:00:00Z, description 40 chars]", b.toString());
    }

    @Test
    void aBondNeedsADescription() {
        assertEquals("description of FINANCIAL bond since 2026-01-05T00:00:00Z is blank: say what the bond is",
                assertThrows(IllegalArgumentException.class, () -> Bond.of(Bond.Type.FINANCIAL, T, " ")).getMessage());
    }
}
