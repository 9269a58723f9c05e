package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library modules' dependency graph stays one-way, as the README's module table states: each
 * library module's {@code module-info.java} may require only the crmkit modules listed here (javac
 * enforces the descriptor, so the code cannot reach further), and no module exports an
 * {@code internal} package. A new library module must be added to this table to build.
 */
class ModuleGraphTest {

    /** Module directory → the crmkit modules it may require. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "crm-core", Set.of(),
            "crm-scoring", Set.of("io.crmkit.core"),
            "crm-lifecycle", Set.of("io.crmkit.core"),
            "crm-loyalty", Set.of("io.crmkit.core", "io.crmkit.scoring"),
            "crm-accounts", Set.of("io.crmkit.core"),
            "crm-marketing", Set.of("io.crmkit.core", "io.crmkit.scoring"));

    private static final Pattern REQUIRES = Pattern.compile("requires\\s+(?:transitive\\s+|static\\s+)*(io\\.crmkit\\.[\\w.]+)\\s*;");
    private static final Pattern EXPORTS = Pattern.compile("exports\\s+([\\w.]+)");

    @Test
    void libraryModulesRequireOnlyTheModulesBelowThem() throws IOException {
        Map<String, Set<String>> found = descriptors();
        assertTrue(found.keySet().containsAll(Set.of("crm-core", "crm-scoring", "crm-lifecycle")),
                "module descriptors not found: " + found.keySet());
        for (Map.Entry<String, Set<String>> module : found.entrySet()) {
            Set<String> allowed = ALLOWED.get(module.getKey());
            assertTrue(allowed != null, module.getKey() + " has a module-info.java but no place in the allowed graph");
            Set<String> extra = new TreeSet<>(module.getValue());
            extra.removeAll(allowed);
            assertEquals(Set.of(), extra, module.getKey() + " requires crmkit modules outside its allowed dependencies");
        }
    }

    @Test
    void noModuleExportsAnInternalPackage() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path info : modules.map(m -> m.resolve("src/main/java/module-info.java")).filter(Files::exists).toList()) {
                Matcher m = EXPORTS.matcher(Files.readString(info, StandardCharsets.UTF_8));
                while (m.find()) {
                    assertTrue(!m.group(1).contains(".internal"), info + " exports " + m.group(1));
                }
            }
        }
    }

    private static Map<String, Set<String>> descriptors() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path info = module.resolve("src/main/java/module-info.java");
                if (Files.exists(info)) {
                    String text = Files.readString(info, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "");
                    Set<String> requires = new TreeSet<>();
                    Matcher m = REQUIRES.matcher(text);
                    while (m.find()) {
                        requires.add(m.group(1));
                    }
                    found.put(module.getFileName().toString(), requires);
                }
            }
        }
        return found;
    }
}
