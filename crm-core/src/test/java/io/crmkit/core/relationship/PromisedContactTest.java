package io.crmkit.core.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromisedContactTest {

    private static final ContactPromise FOLLOW_UP = ContactPromise.followUpAfterSale(7);
    private static final Instant SALE = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-01-17T10:00:00Z");

    @Test
    void aContactIsKeptWhenItHasATimeInItsWindow() {
        PromisedContact kept = new PromisedContact(FOLLOW_UP, RelationshipLevel.ACCOUNTABLE, SALE, DUE,
                Optional.of(Instant.parse("2026-01-12T09:00:00Z")));
        assertTrue(kept.isKept());
        assertEquals("follow-up after each sale within 7 days at ACCOUNTABLE, due 2026-01-17T10:00:00Z: kept 2026-01-12T09:00:00Z",
                kept.toString());
        PromisedContact missed = new PromisedContact(FOLLOW_UP, RelationshipLevel.ACCOUNTABLE, SALE, DUE, Optional.empty());
        assertFalse(missed.isKept());
        assertTrue(missed.toString().endsWith("due 2026-01-17T10:00:00Z: not kept"));
    }

    @Test
    void datesOutOfOrderAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new PromisedContact(FOLLOW_UP, RelationshipLevel.ACCOUNTABLE, DUE, SALE, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new PromisedContact(FOLLOW_UP, RelationshipLevel.ACCOUNTABLE, SALE, DUE, Optional.of(DUE)));
    }
}
