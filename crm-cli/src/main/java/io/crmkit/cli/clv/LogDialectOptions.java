package io.crmkit.cli.clv;

import io.crmkit.cli.format.CsvInput;

import java.time.ZoneId;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The input conveniences of the commands that read a transaction log: delimiter, date format, zone. */
final class LogDialectOptions {

    @Option(names = "--delimiter", defaultValue = ",", description = "cell separator, one character; \\t for a tab "
            + "(default ${DEFAULT-VALUE})")
    String delimiter;

    @Option(names = "--date-format", defaultValue = "iso", description = "iso (yyyy-MM-dd, optionally with a time), "
            + "iso-offset (e.g. 1997-01-01T10:15:00+01:00) or a pattern such as dd/MM/yyyy (default ${DEFAULT-VALUE})")
    String dateFormat;

    @Option(names = "--zone", defaultValue = "UTC", description = "zone whose calendar day a date-time with an "
            + "offset falls on (default ${DEFAULT-VALUE})")
    String zone;

    /** The dialect, or a usage error naming the option. */
    CsvInput.Dialect dialect(CommandSpec spec) {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delimiter '" + delimiter
                    + "' is invalid: it must be one character (\\t for a tab)");
        }
        try {
            CsvInput.Dialect.checkDateFormat(dateFormat);
        } catch (IllegalArgumentException e) {
            // a pattern that can never yield a day is a wrong option (exit 2), found before any line is read
            throw new CommandLine.ParameterException(spec.commandLine(), "--date-format "
                    + io.crmkit.cli.format.Values.quoteAsTyped(dateFormat) + ": " + e.getMessage());
        }
        ZoneId id;
        try {
            id = io.crmkit.cli.OptionTypes.zone(zone);
        } catch (CommandLine.TypeConversionException e) {
            throw new io.crmkit.cli.OptionException("--zone", zone, e.getMessage());
        }
        try {
            return new CsvInput.Dialect(d.charAt(0), dateFormat, id);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--date-format/--delimiter: "
                    + e.getMessage());
        }
    }
}
