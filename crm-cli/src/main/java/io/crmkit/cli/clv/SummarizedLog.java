package io.crmkit.cli.clv;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.LogSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A transaction log summarised per customer as it is read ({@link LogSummary}), for the commands
 * that start from a log: the note on customers left out goes to stderr.
 */
final class SummarizedLog {

    private SummarizedLog() {
    }

    /**
     * Reads and summarises a log as of a date with lifetimes' definitions; notes on stderr the
     * customers left out because their first purchase is on the as-of date.
     */
    static LogSummary read(CommandSpec spec, Path input, boolean amountRequired, CsvInput.Dialect dialect,
            LocalDate asOf, ClvCommand.Unit unit, boolean litt) {
        LogSummary summary = LogSummary.read(input, amountRequired, dialect, asOf, unit.duration, litt);
        int sameDay = summary.firstPurchasesOnAsOf();
        if (sameDay > 0) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": note: " + sameDay + " customer"
                    + (sameDay == 1 ? " whose first purchase is" : "s whose first purchase is")
                    + " on the as-of date " + asOf + " left out: with T = 0 there is nothing to fit");
        }
        return summary;
    }
}
