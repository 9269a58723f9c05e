package io.crmkit.core.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurchaseTest {

    @Test
    void theClassJavadocSnippetCompilesAndDoesWhatItSays() {
        // verbatim from the Javadoc of Purchase (issue 10 §6: builder().from(p) did not compile)
        Purchase p = Purchase.of(CustomerId.of("c-17"), Instant.parse("2026-03-01T10:15:00Z"), Money.of("199.00", "CNY"));
        Purchase gift = Purchase.builder().customer(p.customer()).time(p.time()).amount(p.amount())
                .user(CustomerId.of("c-18")).product("sedan").build();
        assertEquals(CustomerId.of("c-17"), gift.purchaser());
        assertEquals(CustomerId.of("c-18"), gift.user());
        assertTrue(gift.boughtForSomeoneElse());
    }
}
