package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README is compiled: each {@code ```java} block must follow a
 * {@code <!-- snippet: NAME -->} line and equal, line for line, the region between
 * {@code // tag::NAME[]} and {@code // end::NAME[]} of a source file under
 * {@code examples/src/main/java/io/crmkit/examples/readme}, which the build compiles against the
 * library. A README example that stops compiling therefore fails the build.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SNIPPETS = Path.of("src", "main", "java", "io", "crmkit", "examples", "readme");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([a-z0-9-]+) -->");
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z0-9-]+)\\[]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([a-z0-9-]+)\\[]\\s*$");

    @Test
    void everyJavaBlockOfTheReadmeIsACompiledSnippet() throws IOException {
        Map<String, List<String>> blocks = readmeBlocks(Files.readAllLines(README, StandardCharsets.UTF_8));
        Map<String, List<String>> regions = sourceRegions();
        assertTrue(blocks.size() >= 10, "the README has " + blocks.size() + " Java blocks; the parser lost some");
        for (Map.Entry<String, List<String>> block : blocks.entrySet()) {
            List<String> region = regions.get(block.getKey());
            assertTrue(region != null, "README snippet '" + block.getKey() + "' has no // tag::"
                    + block.getKey() + "[] region under " + SNIPPETS);
            assertEquals(String.join("\n", block.getValue()), String.join("\n", region),
                    "README snippet '" + block.getKey() + "' differs from its compiled source");
        }
        List<String> unused = new ArrayList<>(regions.keySet());
        unused.removeAll(blocks.keySet());
        assertTrue(unused.isEmpty(), "compiled snippets the README no longer shows: " + unused);
    }

    @Test
    void theCheckerRefusesAnUnmarkedBlockAndFindsTaggedRegions() {
        List<String> unmarked = List.of("text", "```java", "int x = 1;", "```");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> readmeBlocks(unmarked));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals(Map.of("a", List.of("int x = 1;", "  y();")),
                regions(List.of("class A {", "    // tag::a[]", "    int x = 1;", "      y();", "    // end::a[]", "}"), "A"));
    }

    /** The README's {@code ```java} blocks by snippet name, in order. */
    static Map<String, List<String>> readmeBlocks(List<String> lines) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            Matcher m = i == 0 ? null : MARKER.matcher(lines.get(i - 1).strip());
            if (m == null || !m.matches()) {
                throw new AssertionError("README line " + (i + 1)
                        + ": a ```java block must follow a <!-- snippet: NAME --> line");
            }
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                body.add(lines.get(j++));
            }
            if (blocks.put(m.group(1), body) != null) {
                throw new AssertionError("README line " + i + ": snippet '" + m.group(1) + "' appears twice");
            }
            i = j;
        }
        return blocks;
    }

    private static Map<String, List<String>> sourceRegions() throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SNIPPETS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.putAll(regions(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString()));
            }
        }
        return all;
    }

    /** The tagged regions of one source file, each with its common indentation removed. */
    static Map<String, List<String>> regions(List<String> lines, String file) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        String open = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher tag = TAG.matcher(line);
            Matcher end = END.matcher(line);
            if (tag.matches()) {
                open = tag.group(1);
                body = new ArrayList<>();
            } else if (end.matches()) {
                if (!end.group(1).equals(open)) {
                    throw new AssertionError(file + ": end::" + end.group(1) + " closes " + open);
                }
                regions.put(open, dedent(body));
                open = null;
            } else if (open != null) {
                body.add(line);
            }
        }
        return regions;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
