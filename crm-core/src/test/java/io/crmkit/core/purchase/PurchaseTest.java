package io.crmkit.core.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertFalse;
import java.lang.reflect.Modifier;

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

    @Test
    void theGeneratedImplementationIsNotPublishedOnlyTheNestedBuilder() throws Exception {
        // issue 11 §6: generated Immutables types are not part of the published API
        for (String name : new String[] {"ImmutablePurchase", "ImmutablePurchase$Builder"}) {
            Class<?> generated = Class.forName("io.crmkit.core.purchase." + name);
            assertFalse(Modifier.isPublic(generated.getModifiers()), name + " is public");
        }
        assertEquals(Purchase.Builder.class, Purchase.class.getMethod("builder").getReturnType());
        assertEquals(Purchase.class, Purchase.Builder.class.getMethod("build").getReturnType());
    }
}
