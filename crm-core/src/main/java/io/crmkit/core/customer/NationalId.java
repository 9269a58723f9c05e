package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A national identity document number, such as the 18-character Chinese resident identity
 * card number. It is personal data: {@link #toString()} and every exception message show it
 * masked ({@code 110***********1234}); only {@link #value()} returns it in full.
 *
 * <p>The number is checked only for its shape (6 to 32 letters or digits; spaces and hyphens
 * are dropped, letters upper-cased): check-digit rules differ by country and belong to the
 * caller.
 *
 * <pre>{@code
 * NationalId id = NationalId.of("110105199003071234");
 * id.toString();   // 110***********1234
 * }</pre>
 *
 * @serial exclude
 */
public final class NationalId implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{6,32}");

    /** The normalised number, personal data. */
    private final String value;

    private NationalId(String value) {
        this.value = value;
    }

    /**
     * Validates and normalises a national ID number.
     *
     * @param value the number; spaces and hyphens are ignored
     * @return the number
     * @throws IllegalArgumentException if it is not 6 to 32 letters or digits; the message shows it masked
     */
    public static NationalId of(String value) {
        requireNonNull(value, "nationalId");
        String normal = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        checkArgument(SHAPE.matcher(normal).matches(),
                "nationalId %s is not an identity number: expected 6 to 32 letters or digits",
                Masking.identifier(value));
        return new NationalId(normal);
    }

    /** @return the number in full; personal data, never log it */
    public String value() {
        return value;
    }

    /** @return the number masked for display, for example {@code 110***********1234} */
    public String masked() {
        return Masking.identifier(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalId n && value.equals(n.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the masked number */
    @Override
    public String toString() {
        return masked();
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(value);
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("NationalId is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(String value) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return NationalId.of(value);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("NationalId: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }

        /** @return the proxy without its personal data */
        @Override
        public String toString() {
            return "NationalId.SerializedForm[masked]";
        }
    }
}
