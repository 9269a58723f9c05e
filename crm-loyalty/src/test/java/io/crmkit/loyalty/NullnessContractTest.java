package io.crmkit.loyalty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §6: every package the module exports is {@code @NullMarked}, so its nullness contract
 * holds by default and only {@code @Nullable} positions may be null. Reads the compiled module
 * descriptor, so a package exported later without the annotation fails here.
 */
class NullnessContractTest {

    @Test
    void everyExportedPackageIsNullMarked() throws IOException, ClassNotFoundException, URISyntaxException {
        ModuleDescriptor module;
        Path classes = Path.of(Ledger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertFalse(module.exports().isEmpty(), "io.crmkit.loyalty exports no package");
        for (ModuleDescriptor.Exports e : module.exports()) {
            String exported = e.source();
            Class<?> info = Class.forName(exported + ".package-info");
            assertNotNull(info.getAnnotation(NullMarked.class), exported + " is not @NullMarked");
        }
    }
}
