package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.TestClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The public masks for names and handles held as plain strings (docs/domain.md §1). */
class PersonalDataTest {

    @Test
    void aNameKeepsItsFirstCharacterAndTwoStars() {
        assertEquals("张**", PersonalData.maskName("张伟"));
        assertEquals("Z**", PersonalData.maskName("  Zhang Wei "));
        assertEquals("\uD840\uDC0B**", PersonalData.maskName("\uD840\uDC0B\u4E00"));  // U+2000B stays whole
        assertEquals("**", PersonalData.maskName(""));
        assertEquals("**", PersonalData.maskName("   "));
    }

    @Test
    void aHandleKeepsItsFirstCharacterAndThreeStars() {
        assertEquals("l***", PersonalData.maskHandle("li.na"));
        assertEquals("***", PersonalData.maskHandle("x"));
        assertEquals("***", PersonalData.maskHandle(""));
    }

    @Test
    void nullIsRefusedByName() {
        assertEquals("name", assertThrows(NullPointerException.class, () -> PersonalData.maskName(null)).getMessage());
        assertEquals("handle",
                assertThrows(NullPointerException.class, () -> PersonalData.maskHandle(null)).getMessage());
    }

    @Test
    void aNameIsMaskedAsTheCustomerFilePrintsAPersonsName() {
        Customer c = Customer.person(CustomerId.of("c-17"), "张伟").open("agent-9", TestClock.at("2026-01-05T09:00:00Z"));
        assertTrue(c.toString().contains(" " + PersonalData.maskName("张伟") + ","), c.toString());
    }

    @Property
    void aMaskedNameRevealsOneCharacterAtMost(@ForAll @StringLength(min = 2, max = 40) String name) {
        String masked = PersonalData.maskName(name);
        assertTrue(masked.endsWith("**"), masked);
        assertTrue(masked.codePointCount(0, masked.length()) <= 3, masked);
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) >= 4) {
            assertFalse(masked.contains(stripped), masked);
        }
    }
}
