package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerChangeTest {

    private static final CustomerId C = CustomerId.of("c-17");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aChangePrintsWhenWhoWhatAndTheMaskedValues() {
        CustomerChange c = new CustomerChange(C, 2, T, "agent-7", "mobile", "138****5678", "139****1111");
        assertEquals("2026-03-01T10:00:00Z v2 agent-7 mobile: 138****5678 -> 139****1111", c.toString());
    }

    @Test
    void versionActorAndFieldAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerChange(C, 0, T, "agent-7", "name", "-", "-"));
        assertEquals("actor of a change to customer c-17 is blank: name who made it", assertThrows(
                IllegalArgumentException.class, () -> new CustomerChange(C, 1, T, " ", "name", "-", "-")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CustomerChange(C, 1, T, "agent-7", "", "-", "-"));
    }
}
