package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NationalIdTest {

    @Test
    void aResidentIdentityNumberIsNormalisedAndPrintedMasked() {
        NationalId id = NationalId.of("11010519900307123x");
        assertEquals("11010519900307123X", id.value());
        assertEquals("110***********123X", id.toString());
        assertEquals(id, NationalId.of("110105 19900307 123X"));
        assertEquals(id.hashCode(), NationalId.of("110105-19900307-123X").hashCode());
        assertNotEquals(id, NationalId.of("110105199003071234"));
    }

    @Test
    void aMalformedNumberIsRejectedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NationalId.of("110105199003071234#"));
        assertEquals("nationalId 110************234# is not an identity number: expected 6 to 32 letters or digits",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NationalId.of("12345"));
        assertThrows(IllegalArgumentException.class, () -> NationalId.of("1".repeat(33)));
    }
}
