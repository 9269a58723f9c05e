package io.crmkit.accounts;

/**
 * The masks this module prints instead of people's names and staff handles. They follow the
 * shapes of crm-core's customer masking (first character and two stars for a name, first
 * character and three stars for a handle), so a key person prints like a customer does.
 */
final class Masks {

    private Masks() {
    }

    /** Masks a person's name: its first character and two stars ({@code 张**}, {@code Z**}). */
    static String personName(String raw) {
        String s = raw.strip();
        return s.isEmpty() ? "**" : s.substring(0, s.offsetByCodePoints(0, 1)) + "**";
    }

    /** Masks a staff handle such as {@code li.na}: its first character and three stars. */
    static String handle(String raw) {
        String s = raw.strip();
        return s.codePointCount(0, s.length()) >= 2 ? s.substring(0, s.offsetByCodePoints(0, 1)) + "***" : "***";
    }
}
