package io.crmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders cleanly, and every parent command given no subcommand is a usage
 * error of one line (exit 2), found by walking the whole command tree rather than a list.
 */
class HelpAndUsageTest {

    /** The command lines of every command and subcommand, e.g. ["clv", "predict"]. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Crm()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandSpec().name().equals(name)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
            }
        });
    }

    @Test
    void everyHelpRendersWithoutWarningsOrUnformattedPercentSigns() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.size() > 40, "the walk found only " + paths.size() + " commands");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CliRun.Result r = CliRun.crm(args.toArray(String[]::new));
                assertEquals(0, r.exit(), "crm " + path + " --help");
                assertEquals("", r.err(), "crm " + path + " --help");
                assertFalse(r.out().contains("%%"), "crm " + path + " --help shows an unformatted %%:\n" + r.out());
                assertTrue(r.out().startsWith("Usage: crm"), "crm " + path + " --help");
            }
        } finally {
            System.setErr(original);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertEquals("", warnings, "picocli wrote to System.err while rendering help");
    }

    @Test
    void everyParentWithoutASubcommandIsAOneLineUsageError() {
        int parents = 0;
        for (List<String> path : commandPaths()) {
            CommandLine cmd = new CommandLine(new Crm());
            for (String name : path) {
                cmd = cmd.getSubcommands().get(name);
            }
            if (cmd.getSubcommands().isEmpty()) {
                continue;
            }
            parents++;
            CliRun.Result r = CliRun.crm(path.toArray(String[]::new));
            String name = String.join(" ", concat("crm", path));
            assertEquals(2, r.exit(), name);
            assertEquals("", r.out(), name);
            assertEquals(1, r.err().lines().count(), name + ":\n" + r.err());
            assertTrue(r.err().startsWith(name + ": a subcommand is required, one of "), r.err());
            assertTrue(r.err().strip().endsWith("see " + name + " --help"), r.err());
        }
        assertTrue(parents >= 12, "parents found: " + parents);
    }

    @Test
    void theMissingSubcommandLineNamesTheChoices() {
        CliRun.Result r = CliRun.crm("clv");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("summarize") && r.err().contains("predict") && !r.err().contains("help,"), r.err());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(rest);
        return all;
    }
}
