package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactPeriodTest {

    private static final ContactPoint MOBILE = ContactPoint.of(ContactPoint.Kind.MOBILE, "13812345678");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aPeriodIncludesItsStartAndExcludesItsEnd() {
        ContactPeriod p = new ContactPeriod(MOBILE, JAN, Optional.of(MAR));
        assertTrue(p.isValidAt(JAN));
        assertFalse(p.isValidAt(MAR));
        assertFalse(p.isValidAt(JAN.minusSeconds(1)));
        assertFalse(p.isCurrent());
    }

    @Test
    void anOpenPeriodIsCurrentAndPrintsMasked() {
        ContactPeriod p = new ContactPeriod(MOBILE, JAN, Optional.empty());
        assertTrue(p.isCurrent());
        assertTrue(p.isValidAt(Instant.parse("2099-01-01T00:00:00Z")));
        assertEquals("MOBILE 138****5678 [2026-01-01T00:00:00Z, now)", p.toString());
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContactPeriod(MOBILE, MAR, Optional.of(JAN)));
        assertEquals("validTo 2026-01-01T00:00:00Z of MOBILE 138****5678 is before validFrom 2026-03-01T00:00:00Z: "
                + "a period cannot end before it starts", e.getMessage());
    }
}
