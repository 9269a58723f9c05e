package io.crmkit.lifecycle.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Issue 11 §6: the generated Immutables type stays package-private; the intake publishes its own Builder. */
class ComplaintIntakeBuilderTest {

    @Test
    void theGeneratedImplementationIsNotPublishedOnlyTheNestedBuilder() throws Exception {
        for (String name : new String[] {"ImmutableComplaintIntake", "ImmutableComplaintIntake$Builder"}) {
            Class<?> generated = Class.forName("io.crmkit.lifecycle.complaint." + name);
            assertFalse(Modifier.isPublic(generated.getModifiers()), name + " is public");
        }
        assertEquals(ComplaintIntake.Builder.class, ComplaintIntake.class.getMethod("builder").getReturnType());
        assertEquals(ComplaintIntake.class, ComplaintIntake.Builder.class.getMethod("build").getReturnType());
    }
}
