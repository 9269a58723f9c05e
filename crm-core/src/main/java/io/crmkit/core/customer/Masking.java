package io.crmkit.core.customer;

/**
 * The masks that stand in for personal data wherever a value is printed: in {@code toString()},
 * in change records and in exception messages. Every mask is total (any string, valid or not,
 * can be masked) and hides enough characters that the original cannot be read back.
 *
 * <p>The shapes follow the convention of Chinese customer-service systems: a mobile phone keeps
 * its first three and last four digits ({@code 138****5678}), an identity number its first
 * three and last four characters ({@code 110***********1234}), an e-mail address the first
 * letter of its local part and its domain ({@code z***@example.com}).
 */
final class Masking {

    private static final String STARS = "****";

    private Masking() {
    }

    /**
     * Masks a telephone or fax number by its digits: 11 or more digits keep the first three and
     * the last four ({@code 138****5678}); 5 to 10 digits keep the last two; fewer keep none.
     * Separators and letters are dropped, so the layout of the original is not revealed either.
     */
    static String phone(String raw) {
        String digits = raw.chars().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String prefix = raw.strip().startsWith("+") ? "+" : "";
        int n = digits.length();
        if (n >= 11) {
            return prefix + digits.substring(0, 3) + STARS + digits.substring(n - 4);
        }
        if (n >= 5) {
            return prefix + STARS + digits.substring(n - 2);
        }
        return STARS;
    }

    /**
     * Masks an identity document number: 15 or more characters keep the first three and the
     * last four, with one star per hidden character ({@code 110***********1234}); 8 to 14 keep
     * the last two; shorter ones are hidden entirely.
     */
    static String identifier(String raw) {
        String s = raw.strip();
        int n = s.codePointCount(0, s.length());
        if (n >= 15) {
            return head(s, 3) + "*".repeat(n - 7) + tail(s, 4);
        }
        if (n >= 8) {
            return "*".repeat(n - 2) + tail(s, 2);
        }
        return STARS;
    }

    /**
     * Masks an e-mail address: the first character of the local part, three stars, and the
     * domain ({@code z***@example.com}). Without an {@code @} the value is masked as a handle.
     */
    static String email(String raw) {
        String s = raw.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0) {
            return handle(s);
        }
        return head(s, 1) + "***" + s.substring(at);
    }

    /**
     * Masks an identifier (a customer id, an actor) when it looks like personal data, and returns
     * it unchanged otherwise: one holding an {@code @} is masked as an e-mail address, one holding
     * 11 or more digits (a mobile number with or without its country code, an identity number) is
     * masked as a phone number ({@code 138****5678}). Ordinary keys such as {@code C-1001} or
     * {@code agent-7} stay readable.
     */
    static String identifierLike(String raw) {
        if (raw.indexOf('@') >= 0) {
            return email(raw);
        }
        long digits = raw.chars().filter(Character::isDigit).count();
        return digits >= 11 ? phone(raw) : raw;
    }

    /** Masks a messaging handle or any short token: its first character and three stars. */
    static String handle(String raw) {
        String s = raw.strip();
        return s.codePointCount(0, s.length()) >= 2 ? head(s, 1) + "***" : "***";
    }

    /**
     * Masks a postal address: its first two characters (usually the province or the house
     * number) and four stars ({@code 北京****}).
     */
    static String address(String raw) {
        String s = raw.strip();
        return s.codePointCount(0, s.length()) >= 3 ? head(s, 2) + STARS : STARS;
    }

    /** Masks a person's name: its first character and two stars ({@code 张**}, {@code Z**}). */
    static String personName(String raw) {
        String s = raw.strip();
        return s.isEmpty() ? "**" : head(s, 1) + "**";
    }

    /** Masks free text (an occupation, a note): only its length is shown. */
    static String text(String raw) {
        return "(" + raw.codePointCount(0, raw.length()) + " chars)";
    }

    private static String head(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private static String tail(String s, int codePoints) {
        return s.substring(s.offsetByCodePoints(s.length(), -codePoints));
    }
}
