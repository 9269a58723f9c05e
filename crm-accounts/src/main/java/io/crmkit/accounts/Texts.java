package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;

/** The rules every id and free text of a plan follows, checked where each value is built. */
final class Texts {

    private Texts() {
    }

    /** Refuses a blank id, one longer than {@link KeyPerson#MAX_TEXT_LENGTH} or one with control characters. */
    static void requireId(String field, String value) {
        checkArgument(!value.isBlank(), "%s is blank: an id needs at least one visible character", field);
        checkArgument(value.length() <= KeyPerson.MAX_TEXT_LENGTH, "%s has %s characters: at most %s are allowed",
                field, value.length(), KeyPerson.MAX_TEXT_LENGTH);
        checkArgument(value.chars().noneMatch(Character::isISOControl),
                "%s %s contains a control character: ids are single-line text", field, printable(value));
        checkArgument(value.strip().equals(value), "%s \"%s\" has leading or trailing spaces: ids are given without them",
                field, value);
    }

    /**
     * Refuses a text that is too long, spans lines or (when {@code required}) is blank. The text
     * itself is not named in the message, as it may be a person's name.
     */
    static void requireText(String field, String value, boolean required) {
        checkArgument(!required || !value.isBlank(), "%s is blank: it needs at least one visible character", field);
        checkArgument(value.chars().noneMatch(Character::isISOControl),
                "%s contains a line break or another control character: it is single-line text", field);
        checkArgument(value.length() <= KeyPerson.MAX_TEXT_LENGTH, "%s has %s characters: at most %s are allowed",
                field, value.length(), KeyPerson.MAX_TEXT_LENGTH);
    }

    /** The longest free text accepted (a statement, commitment, description, goal), in characters. */
    static final int MAX_NOTE_LENGTH = 2000;

    /** Refuses a free text longer than {@link #MAX_NOTE_LENGTH}, or a blank one when {@code required}. */
    static void requireNote(String field, String value, boolean required) {
        checkArgument(!required || !value.isBlank(), "%s is blank: it needs at least one visible character", field);
        checkArgument(value.length() <= MAX_NOTE_LENGTH, "%s has %s characters: at most %s are allowed",
                field, value.length(), MAX_NOTE_LENGTH);
    }

    private static String printable(String value) {
        StringBuilder s = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                s.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.append('"').toString();
    }
}
