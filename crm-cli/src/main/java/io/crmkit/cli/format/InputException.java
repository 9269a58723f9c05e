package io.crmkit.cli.format;

/**
 * Bad input: a refusal whose message is one line, {@code file:line: field 'value': rule} (or
 * {@code file: rule} when no line applies), with personal data masked. The command line prints it
 * after the command's name and exits with status 1.
 */
public final class InputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal with a finished message.
     *
     * @param message one line, starting with the file's name
     */
    public InputException(String message) {
        super(message);
    }

    /**
     * A refusal of one value.
     *
     * @param file the file's name
     * @param line the 1-based line of the file
     * @param field the column or field
     * @param value the raw value; it is quoted through {@link Values#quote(String)}
     * @param rule what the value must be
     * @return the refusal
     */
    public static InputException of(String file, long line, String field, String value, String rule) {
        return new InputException(file + ":" + line + ": " + field + " " + Values.quote(value) + ": " + rule);
    }

    /**
     * A refusal of a whole line.
     *
     * @param file the file's name
     * @param line the 1-based line of the file
     * @param rule what is wrong
     * @return the refusal
     */
    public static InputException atLine(String file, long line, String rule) {
        return new InputException(file + ":" + line + ": " + rule);
    }
}
