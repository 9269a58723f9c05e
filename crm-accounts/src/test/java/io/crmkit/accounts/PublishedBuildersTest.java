package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 §6: the generated Immutables types stay package-private; each value type publishes its own Builder. */
class PublishedBuildersTest {

    @Test
    void generatedTypesAreNotPublicAndBuildersAreTheValueTypesOwn() throws Exception {
        for (Class<?> value : List.of(AccountPlan.class, Action.class, Deal.class, KeyPerson.class,
                SponsorPairing.class)) {
            String generated = "io.crmkit.accounts.Immutable" + value.getSimpleName();
            for (String name : List.of(generated, generated + "$Builder")) {
                assertFalse(Modifier.isPublic(Class.forName(name).getModifiers()), name + " is public");
            }
            Class<?> builder = value.getMethod("builder").getReturnType();
            assertEquals(value.getName() + "$Builder", builder.getName());
            assertEquals(value, builder.getMethod("build").getReturnType());
        }
    }

    @Test
    void aPlanIsStillRevisedByCopyingItIntoABuilder() {
        AccountPlan plan = AccountPlan.builder().account("Acme").build();
        AccountPlan revised = AccountPlan.builder().from(plan).reviewEveryDays(30).build();
        assertEquals("Acme", revised.account());
        assertEquals(30, revised.reviewEveryDays());
    }
}
