package io.crmkit.cli;

import java.util.Map;

/**
 * Library messages told in command-line words: where a refusal from the library names the Java call
 * that would fix it, the user of {@code crm} reads the option that does the same. Every error line
 * of {@link Crm} passes through here.
 */
final class CommandLineWords {

    /** The library's advice and the command line's equivalent. */
    private static final Map<String, String> ADVICE = Map.of(
            "CustomerSummarizer.withLogInterPurchaseTimes()", "crm clv summarize --litt (a column litt)");

    private CommandLineWords() {
    }

    /**
     * The message with each piece of Java advice replaced by its command-line equivalent.
     *
     * @param message a message, one line
     * @return the message for a user of {@code crm}
     */
    static String of(String message) {
        String m = message;
        for (Map.Entry<String, String> e : ADVICE.entrySet()) {
            m = m.replace(e.getKey(), e.getValue());
        }
        return m;
    }
}
