package io.crmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.clv.ClvCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code crm} builds only the commands a command line needs ({@link Crm#commandLine}), and every
 * answer is the one the whole command tree gives: the help of every command, the listings, the
 * errors for a misspelt command and the help subcommands.
 */
class CommandTreeTest {

    /** The whole tree, as the annotations declare it. */
    private static CommandLine whole() {
        return new CommandLine(new Crm());
    }

    /** The command lines of every command and subcommand of the whole tree, e.g. ["clv", "predict"]. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(whole(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, paths);
        });
    }

    private static CommandLine at(CommandLine root, List<String> path) {
        CommandLine cmd = root;
        for (String name : path) {
            cmd = cmd.getSubcommands().get(name);
        }
        return cmd;
    }

    private static String[] plus(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aCommandPathBuildsNoOtherFamilyNorSubcommand() {
        CommandLine root = Crm.commandLine("clv", "fit", "--model", "bgnbd", "--input", "summary.csv");
        assertEquals(Set.of("clv"), root.getSubcommands().keySet());
        CommandLine clv = root.getSubcommands().get("clv");
        assertEquals(Set.of("fit"), clv.getSubcommands().keySet());
        assertFalse(clv.getCommand() instanceof ClvCommand, "the family on the path is a bare name");
        CommandLine fit = clv.getSubcommands().get("fit");
        assertEquals("crm clv fit", fit.getCommandSpec().qualifiedName());
        assertTrue(fit.getSubcommands().isEmpty());
    }

    @Test
    void everyCommandPathBuildsOnlyItsBranchWithTheWholeTreesCommandAtItsEnd() {
        CommandLine whole = whole();
        int paths = 0;
        for (List<String> path : commandPaths()) {
            if (path.isEmpty() || path.contains("help")) {
                continue;
            }
            paths++;
            CommandLine lazy = Crm.commandLine(plus(path, "--input", "x.csv"));
            CommandLine cmd = lazy;
            for (String name : path) {
                assertEquals(Set.of(name), cmd.getSubcommands().keySet(), "crm " + path);
                cmd = cmd.getSubcommands().get(name);
            }
            CommandLine expected = at(whole, path);
            assertEquals(expected.getCommandSpec().qualifiedName(), cmd.getCommandSpec().qualifiedName());
            assertEquals(expected.getSubcommands().keySet(), cmd.getSubcommands().keySet(), "crm " + path);
            assertEquals(expected.getCommand().getClass(), cmd.getCommand().getClass(), "crm " + path);
        }
        assertTrue(paths > 40, "paths found: " + paths);
    }

    @Test
    void theVersionAloneIsWhatTheWholeTreePrints() {
        StringWriter expected = new StringWriter();
        CommandLine whole = whole();
        whole.setOut(new PrintWriter(expected));
        assertEquals(0, whole.execute("--version"));
        CliRun.Result r = CliRun.crm("--version");
        assertEquals(new CliRun.Result(0, expected.toString(), ""), r);
        assertTrue(r.out().startsWith("crm (crmkit) "), r.out());
        assertEquals(r, CliRun.crm("-V"));
        // with more than the option, picocli answers, as before
        assertEquals(2, CliRun.crm("--version", "--version").exit());
        assertEquals(r, CliRun.crm("--version", "clv"));
    }

    @Test
    void everyHelpIsTheWholeTreesHelp() {
        CommandLine whole = whole();
        for (List<String> path : commandPaths()) {
            if (path.contains("help")) {
                continue;
            }
            CliRun.Result r = CliRun.crm(plus(path, "--help"));
            assertEquals(0, r.exit(), "crm " + path + " --help");
            assertEquals(at(whole, path).getUsageMessage(), r.out(), "crm " + path + " --help");
        }
    }

    @Test
    void theRootListsEveryFamilyInTheOrderDeclared() {
        List<String> families = new ArrayList<>();
        for (Class<?> family : Crm.class.getAnnotation(Command.class).subcommands()) {
            families.add(family.getAnnotation(Command.class).name());
        }
        assertEquals(16, families.size(), families.toString());
        assertEquals(families, List.copyOf(Crm.commandLine("--help").getSubcommands().keySet()));
        assertEquals(families, List.copyOf(Crm.commandLine().getSubcommands().keySet()));
        String help = CliRun.crm("--help").out();
        int at = help.indexOf("Commands:");
        assertTrue(at > 0, help);
        for (String family : families) {
            int line = help.indexOf("\n  " + family + " ", at);
            assertTrue(line > at, family + " missing from crm --help");
            at = line;
        }
    }

    @Test
    void aMisspeltCommandIsRefusedWithTheWholeTreeBelowTheLastKnownName() {
        CliRun.Result family = CliRun.crm("clvv");
        assertEquals(new CliRun.Result(2, "", "crm: Unmatched argument at index 0: 'clvv'" + System.lineSeparator()), family);
        assertEquals(whole().getSubcommands().keySet(), Crm.commandLine("clvv", "fit").getSubcommands().keySet());
        CliRun.Result sub = CliRun.crm("clv", "fitt");
        assertEquals(new CliRun.Result(2, "", "crm clv: Unmatched argument at index 1: 'fitt'" + System.lineSeparator()), sub);
        CommandLine lazy = Crm.commandLine("clv", "fitt");
        assertEquals(Set.of("clv"), lazy.getSubcommands().keySet());
        assertEquals(whole().getSubcommands().get("clv").getSubcommands().keySet(),
                lazy.getSubcommands().get("clv").getSubcommands().keySet());
    }

    @Test
    void aHelpSubcommandSeesItsParentsOtherSubcommands() {
        CliRun.Result viaHelp = CliRun.crm("campaign", "help", "select");
        assertEquals(0, viaHelp.exit(), viaHelp.err());
        assertEquals(CliRun.crm("campaign", "select", "--help").out(), viaHelp.out());
        CliRun.Result rootHelp = CliRun.crm("help", "clv");
        assertEquals(CliRun.crm("clv", "--help").out(), rootHelp.out());
        assertEquals(whole().getSubcommands().get("campaign").getSubcommands().keySet(),
                Crm.commandLine("campaign", "help", "select").getSubcommands().get("campaign").getSubcommands().keySet());
    }

    /** One run of {@code crm} on the whole command tree, configured as {@link Crm#run} configures every run. */
    private static CliRun.Result onWholeTree(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Crm.run(whole(), new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun.Result(exit, out.toString(), err.toString());
    }

    @Test
    void aSampleOfCommandLinesAnswersAsTheWholeTreeDoes(@TempDir Path dir) {
        String summary = CliRun.bundled(dir, "cdnow_customers_summary_with_transactions.csv").toString();
        String log = CliRun.bundled(dir, "cdnow-transactions.csv").toString();
        String metrics = CliRun.bundled(dir, "customer-metrics.csv").toString();
        String tiers = CliRun.bundled(dir, "wealth-tiers.json").toString();
        String model = dir.resolve("model.json").toString();
        List<String[]> lines = List.of(
                // work done, the saved model written and read back
                new String[] {"clv", "fit", "--model", "bgnbd", "--input", summary},
                new String[] {"clv", "fit", "--model", "gammagamma", "--input", summary, "--save", model},
                new String[] {"clv", "predict", "--model-file", model, "--input", summary, "--horizon", "39"},
                new String[] {"clv", "summarize", "--input", log, "--as-of", "1997-09-30", "--unit", "weeks"},
                new String[] {"rfm", "--input", log, "--as-of", "1998-06-30"},
                new String[] {"tier", "--policy", tiers, "--input", metrics},
                // usage errors: a bad value of each converted type, a bad or missing option, a bad model
                new String[] {"clv", "fit", "--model", "bgnbd", "--input", summary, "--penalizer", "0x1p3"},
                new String[] {"clv", "predict", "--model", "bgnbd", "--input", summary, "--horizon", "5d"},
                new String[] {"clv", "predict", "--model", "bgnbd", "--input", summary, "--horizon", "1",
                    "--replications", "3000000000"},
                new String[] {"clv", "predict", "--model", "bgnbd", "--input", summary, "--horizon", "1", "--seed", "1.5"},
                new String[] {"rfm", "--input", log, "--as-of", "2020-02-30"},
                new String[] {"lifecycle", "stage", "--input", log, "--as-of", "1998-06-30", "--zone", "Mars/Base"},
                new String[] {"clv", "fit", "--model", "nope", "--input", summary},
                new String[] {"clv", "fit", "--input", summary},
                new String[] {"clv", "fit", "--model", "bgnbd", "--input", summary, "--frobnicate"},
                new String[] {"rfm", "--input", dir.resolve("missing.csv").toString(), "--as-of", "1998-06-30"},
                // parents without a subcommand, misspelt names, help at each level
                new String[] {},
                new String[] {"clv"},
                new String[] {"complaint"},
                new String[] {"clvv"},
                new String[] {"clv", "fitt", "--model", "bgnbd"},
                new String[] {"rfmm", "--input", log},
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"clv", "--help"},
                new String[] {"clv", "fit", "--help"},
                new String[] {"clv", "fit", "--version"},
                new String[] {"help"},
                new String[] {"help", "clv"},
                new String[] {"clv", "help", "fit"},
                new String[] {"--version", "--help"});
        for (String[] args : lines) {
            assertEquals(onWholeTree(args), CliRun.crm(args), "crm " + String.join(" ", args));
        }
    }
}
