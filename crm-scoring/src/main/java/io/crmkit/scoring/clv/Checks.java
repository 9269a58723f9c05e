package io.crmkit.scoring.clv;

import com.google.common.base.Strings;
import java.io.InvalidObjectException;

/** Argument checks whose messages name the field, the value and the rule. */
final class Checks {

    private Checks() {
    }

    /**
     * Throws {@link IllegalArgumentException} with the formatted message unless {@code ok}.
     * Unlike Guava's {@code checkArgument} it takes any mix of primitive arguments unambiguously.
     *
     * @param ok the condition that must hold
     * @param template the message, with {@code %s} placeholders
     * @param args the values for the placeholders
     */
    static void require(boolean ok, String template, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(Strings.lenientFormat(template, args));
        }
    }

    /**
     * As {@link #require(boolean, String, Object...)} for a check made on every row of a column: a
     * value and its row, taken as primitives, so that a row that passes boxes nothing and formats
     * nothing (the varargs form allocates an array and two boxes per call before it looks at
     * {@code ok}).
     *
     * @param ok the condition that must hold
     * @param template the message, with two {@code %s} placeholders: the value, then the row
     * @param value the value checked
     * @param row its row
     */
    static void requireRow(boolean ok, String template, double value, long row) {
        if (!ok) {
            throw new IllegalArgumentException(Strings.lenientFormat(template, value, row));
        }
    }

    /**
     * The exception a {@code readResolve} throws when a deserialised value breaks an invariant.
     *
     * @param cause the validation failure
     * @return an {@link InvalidObjectException} with the same message and the cause attached
     */
    static InvalidObjectException invalidObject(RuntimeException cause) {
        InvalidObjectException e = new InvalidObjectException(cause.getMessage());
        e.initCause(cause);
        return e;
    }
}
