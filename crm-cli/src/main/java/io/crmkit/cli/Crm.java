package io.crmkit.cli;

import io.crmkit.cli.account.AccountCommand;
import io.crmkit.cli.care.CareCommand;
import io.crmkit.cli.campaign.CampaignCommand;
import io.crmkit.cli.clv.ClvCommand;
import io.crmkit.cli.complaint.ComplaintCli;
import io.crmkit.cli.db.DatabaseErrors;
import io.crmkit.cli.db.DbCommand;
import io.crmkit.cli.format.Values;
import io.crmkit.cli.lifecycle.LifecycleCommand;
import io.crmkit.cli.loyalty.LoyaltyCommand;
import io.crmkit.cli.relationship.RelationshipCommand;
import io.crmkit.cli.rfm.RfmCommand;
import io.crmkit.cli.satisfaction.SatisfactionCommand;
import io.crmkit.cli.tier.TierCommand;
import io.crmkit.cli.training.TrainingCommand;
import io.crmkit.cli.value.ValueCommand;
import io.crmkit.cli.tour.TourCommand;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crm} command line: every subcommand reads the files named by its options, writes
 * results to standard output and errors to standard error, and exits non-zero with a one-line
 * reason on bad input (2 for a usage error, 1 for bad data).
 */
@Command(name = "crm",
        mixinStandardHelpOptions = true,
        versionProvider = Crm.Version.class,
        description = {"crmkit on the command line: customer relationship management over CSV files.",
            "",
            "Input, every command: UTF-8 text (a byte-order mark is allowed; UTF-16 and invalid UTF-8 are refused), "
                    + "CSV with a header line. Numbers are plain decimals or scientific (12.5, 1.25e3) within the "
                    + "range of a double: no hex, no suffixes such as 5d, no NaN or Infinity. Dates are yyyy-MM-dd "
                    + "(optionally followed by T and a time). A column named twice, a missing column and an unknown "
                    + "one are refused (the summary inputs of crm clv carry unknown columns through, but refuse a "
                    + "name that looks like a misspelt column, such as wt for weight).",
            "Output: written only when the whole input is valid; on bad input stdout stays empty and stderr has "
                    + "one line 'crm <command>: file:line: field 'value': rule' (personal data masked).",
            "Exit status: 0 success, 1 bad data, 2 usage error (bad option, missing subcommand).",
            "Memory (Java heap, measured): crm rfm about 300 MB per million customers, whatever the number of "
                    + "transactions; crm clv fit and predict about 200 MB per million summary rows (1.37 million complete in -Xmx256m); crm clv summarize "
                    + "about 250 MB per million customers, whatever the number of transactions (a log whose rows are "
                    + "not in date order per customer costs a second pass and 8 bytes per purchase of the customers "
                    + "out of order); crm clv value reads the log the same way, then fits as crm clv fit does; crm clv "
                    + "evaluate and crm clv plot also read the log once into per-customer state, about 200 MB per "
                    + "million customers whatever the number of transactions; crm lifecycle about 150 MB per million "
                    + "customers plus 2 bytes per distinct customer and day (the median gap between visits needs every "
                    + "visit day; 10 million rows of 1.37 million customers complete in -Xmx256m). If the heap is too small, "
                    + "one line says how much the run had; raise it with java -Xmx... (e.g. -Xmx4g).",
            ""},
        subcommands = {
            TourCommand.class,
            RelationshipCommand.class,
            RfmCommand.class,
            TierCommand.class,
            ComplaintCli.class,
            ClvCommand.class,
            AccountCommand.class,
            TrainingCommand.class,
            CampaignCommand.class,
            LoyaltyCommand.class,
            ValueCommand.class,
            LifecycleCommand.class,
            CareCommand.class,
            SatisfactionCommand.class,
            DbCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Crm {

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        boundModelFitThreads();
        // one buffered writer for all of standard output, flushed once at the end
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * {@code -Dcrm.threads=N} bounds the model fits as it bounds the parsing: their likelihood sums run
     * on the common fork-join pool beside the calling thread, so the pool gets N − 1 threads (none for
     * N = 1: one core, for comparisons), unless its parallelism is set explicitly. The fits give the
     * same bits whatever N. Must run before anything uses the common pool.
     */
    private static void boundModelFitThreads() {
        Integer threads = Integer.getInteger("crm.threads");
        String parallelism = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (threads != null && System.getProperty(parallelism) == null) {
            System.setProperty(parallelism, String.valueOf(Math.max(0, threads - 1)));
        }
    }

    /**
     * Runs the command line with the given streams, for tests and embedding.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit status
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the lines picocli prints for crm --version, without building any command
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        return run(commandLine(args), out, err, args);
    }

    /**
     * Runs the command line on a given command tree, configured as every run is: the narrowed tree
     * of {@link #commandLine} or, for tests, the whole tree, which must answer alike.
     *
     * @param cli the command tree
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit status
     */
    static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        OptionTypes.register(cli);
        Handlers handlers = new Handlers();
        cli.setParameterExceptionHandler(handlers);
        cli.setExecutionExceptionHandler(handlers);
        cli.setExecutionStrategy(handlers);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(commandName(cli) + ": " + outOfMemory(Runtime.getRuntime().maxMemory()));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The commands these arguments need, so that a run pays only for the command it runs (building
     * every command loads and initialises about 1,900 classes, a third of a second of start-up; crm
     * --version alone builds none, see {@link #run}). Two shapes answer every command line alike:
     * <ul>
     * <li>arguments that start with the names of a command path, such as {@code clv fit ...}: only the
     * commands on that path, every one but the last a bare name (nothing is parsed at a parent that is
     * followed by its subcommand's name), the last built whole;</li>
     * <li>anything else ({@code crm}, {@code crm --help}, {@code crm help ...}, a misspelt command):
     * the whole tree below the last name recognised, as the usage listings and picocli's suggestions
     * need it. A help subcommand is never a path: it reads its parent's other subcommands.</li>
     * </ul>
     *
     * @param args the arguments
     * @return the command line to execute them
     */
    static CommandLine commandLine(String... args) {
        return onPath(Crm.class, args, 0);
    }

    /** The command {@code command} with the subcommands named from {@code args[depth]} on. */
    private static CommandLine onPath(Class<?> command, String[] args, int depth) {
        Class<?> next = depth < args.length ? subcommandNamed(command, args[depth]) : null;
        if (next == null) {
            return command == Crm.class ? new CommandLine(new Crm()) : new CommandLine(command);
        }
        CommandLine parent = new CommandLine(bare(command));
        Command sub = next.getAnnotation(Command.class);
        parent.addSubcommand(sub.name(), onPath(next, args, depth + 1), sub.aliases());
        return parent;
    }

    /** The subcommand class of {@code command} called {@code name} (not a help command), or null. */
    private static Class<?> subcommandNamed(Class<?> command, String name) {
        for (Class<?> sub : command.getAnnotation(Command.class).subcommands()) {
            Command a = sub.getAnnotation(Command.class);
            if (a != null && !a.helpCommand() && !CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(sub)
                    && (a.name().equals(name) || Arrays.asList(a.aliases()).contains(name))) {
                return sub;
            }
        }
        return null;
    }

    /** A command's name and standard help options, from its annotation, without instance or subcommands. */
    private static CommandLine.Model.CommandSpec bare(Class<?> command) {
        Command a = command.getAnnotation(Command.class);
        return CommandLine.Model.CommandSpec.create().name(a.name()).aliases(a.aliases())
                .mixinStandardHelpOptions(a.mixinStandardHelpOptions());
    }

    /**
     * Runs the last command of the line, except that a command with subcommands given none (and no
     * --help or --version) is a usage error of one line, the same for {@code crm}, {@code crm clv}
     * and every other parent command.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested();
        while (last.hasSubcommand()) {
            last = last.subcommand();
            help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
        }
        if (!help && !last.commandSpec().subcommands().isEmpty()) {
            return missingSubcommand(last.commandSpec());
        }
        if (!help) {
            OptionTypes.refuseRepeatedKeys(parseResult);
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * The one line for a parent command given no subcommand, on stderr.
     *
     * @param spec the parent command
     * @return 2, the exit status of a usage error
     */
    public static int missingSubcommand(CommandLine.Model.CommandSpec spec) {
        String names = String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
        spec.commandLine().getErr().println(spec.qualifiedName() + ": a subcommand is required, one of " + names
                + "; see " + spec.qualifiedName() + " --help");
        return 2;
    }

    /**
     * The one line for a heap that was too small, after the command's name.
     *
     * @param maxHeap the heap limit, in bytes
     * @return the message
     */
    static String outOfMemory(long maxHeap) {
        long mib = maxHeap >> 20;
        return "out of memory: the input needs more than the " + mib + " MiB of heap this run had; "
                + "run again with a larger heap, e.g. java -Xmx" + Math.max(1, (2 * mib + 1023) / 1024)
                + "g -jar crm.jar ... (crm --help states the memory each command needs)";
    }

    /** The name of the command that ran, e.g. {@code crm clv summarize}. */
    private static String commandName(CommandLine cli) {
        CommandLine.ParseResult result = cli.getParseResult();
        if (result == null) {
            return "crm";
        }
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().qualifiedName();
    }

    /** A usage error: one line naming the problem (picocli lists the allowed values of enums). */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = firstLine(e.getMessage());
        if (e.getCause() instanceof OptionTypes.ValueException rule && e.getArgSpec() != null) {
            // the option as typed, its value as typed (a date, zone or number is never personal
            // data, so it is not masked) and the rule, as for a bad value in a file
            String name = e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                    : e.getArgSpec().paramLabel();
            message = name + " " + Values.quoteAsTyped(e.getValue()) + ": " + rule.getMessage();
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + CommandLineWords.of(message));
        return 2;
    }

    /** Bad data or a failed computation: one line on stderr, exit 1; a usage error found late exits 2. */
    private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (e instanceof CommandLine.ParameterException usage) {
            return usageError(usage, new String[0]);
        }
        if (e instanceof OptionException usage) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + firstLine(usage.getMessage()));
            return 2;
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + DatabaseErrors.message(e, cmd)
                .orElseGet(() -> CommandLineWords.of(firstLine(e.getMessage() == null ? e.toString() : e.getMessage()))));
        return 1;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /**
     * {@link #usageError}, {@link #executionError} and {@link #execute} as picocli's handlers: one
     * class rather than three method references, as picocli's interfaces are Java 5 class files, of
     * which the JDK cannot store a lambda in the launcher's class-data archive.
     */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler, CommandLine.IExecutionStrategy {

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            return usageError(e, args);
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
            return executionError(e, cmd, parseResult);
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            return Crm.execute(parseResult);
        }
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Crm.class.getPackage().getImplementationVersion();
            return new String[] {"crm (crmkit) " + (v == null ? "development build" : v)};
        }
    }
}
