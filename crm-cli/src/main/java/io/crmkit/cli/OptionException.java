package io.crmkit.cli;

import io.crmkit.cli.format.Values;

/**
 * A usage error found after the command line was parsed: an option's value that its type accepts
 * but the command does not (a negative window, a multiple below 1, a date before the data). The
 * command exits 2 with the one line {@code crm <command>: --option 'value': rule}.
 */
public final class OptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A refused option value.
     *
     * @param option the option as the user types it, e.g. {@code --window-days}
     * @param value the value as typed
     * @param rule what the value must be
     */
    public OptionException(String option, Object value, String rule) {
        super(option + " " + shown(value) + ": " + rule);
    }

    /**
     * A path or a number as given (the user typed it; neither is personal data, so the digits are
     * never masked), anything else quoted and masked as values in files are.
     */
    private static String shown(Object value) {
        if (value instanceof java.nio.file.Path path) {
            return "'" + path + "'";
        }
        if (value instanceof Number number) {
            return Values.quoteAsTyped(number instanceof Double d ? Values.format(d) : String.valueOf(number));
        }
        return Values.quote(String.valueOf(value));
    }

    /**
     * Refuses a value unless a condition holds.
     *
     * @param ok whether the value is allowed
     * @param option the option as typed
     * @param value the value
     * @param rule what the value must be
     * @throws OptionException when {@code ok} is false
     */
    public static void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw new OptionException(option, value, rule);
        }
    }
}
