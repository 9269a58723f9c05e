package io.crmkit.cli;

import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options that belong to one choice of another option (a churn policy, a plot kind): given with
 * another choice they would be ignored and the result would look as if they had been applied, so
 * they are refused as a usage error (exit 2) naming the option and the choice it belongs to.
 */
public final class DependentOptions {

    private DependentOptions() {
    }

    /**
     * Refuses every option of {@code dependent} that the user typed but the chosen value does not use.
     *
     * @param spec the command, parsed
     * @param choice the choosing option and its value as typed, e.g. {@code --policy rhythm}
     * @param used the options the chosen value uses
     * @param dependent every option that applies to some values of the choice only, each with the
     *     values it applies to in words, e.g. {@code "--window-days"} → {@code "--policy window"}
     * @throws CommandLine.ParameterException (exit 2) for the first dependent option typed but not used
     */
    public static void refuseUnused(CommandSpec spec, String choice, Collection<String> used,
            List<java.util.Map.Entry<String, String>> dependent) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return;
        }
        for (java.util.Map.Entry<String, String> option : dependent) {
            if (!used.contains(option.getKey()) && parsed.hasMatchedOption(option.getKey())) {
                throw new CommandLine.ParameterException(spec.commandLine(), option.getKey() + " applies only to "
                        + option.getValue() + ", not to " + choice);
            }
        }
    }
}
