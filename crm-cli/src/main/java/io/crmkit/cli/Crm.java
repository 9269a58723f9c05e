package io.crmkit.cli;

import io.crmkit.cli.account.AccountCommand;
import io.crmkit.cli.campaign.CampaignCommand;
import io.crmkit.cli.clv.ClvCommand;
import io.crmkit.cli.complaint.ComplaintCli;
import io.crmkit.cli.db.DbCommand;
import io.crmkit.cli.loyalty.LoyaltyCommand;
import io.crmkit.cli.relationship.RelationshipCommand;
import io.crmkit.cli.rfm.RfmCommand;
import io.crmkit.cli.tier.TierCommand;
import io.crmkit.cli.training.TrainingCommand;
import io.crmkit.cli.tour.TourCommand;

import java.io.PrintWriter;
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
        description = "crmkit on the command line: customer relationship management over CSV files.",
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
            DbCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Crm implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
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
        CommandLine cli = new CommandLine(new Crm());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Crm::usageError);
        cli.setExecutionExceptionHandler(Crm::executionError);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A usage error: one line naming the problem (picocli lists the allowed values of enums). */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + firstLine(e.getMessage()));
        return 2;
    }

    /** Bad data or a failed computation: one line on stderr, exit 1. */
    private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": "
                + firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
        return 1;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
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
