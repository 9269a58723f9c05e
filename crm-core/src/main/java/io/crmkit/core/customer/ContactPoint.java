package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One way to reach a customer: a mobile, home or office phone, an e-mail address, a postal
 * address, a fax number or a messaging handle. The value is personal data, so
 * {@link #toString()} and every exception message show it masked ({@code MOBILE 138****5678},
 * {@code EMAIL z***@example.com}); only {@link #value()} returns it in full.
 *
 * <p>Values are validated and normalised per kind: phone and fax numbers keep a leading
 * {@code +} and their digits (5 to 15 digits, ITU-T E.164); e-mail addresses need one
 * {@code @} with a dotted domain, which is lower-cased; addresses and handles are stripped.
 * When a contact point was valid is recorded by the customer file ({@link ContactPeriod}).
 *
 * <pre>{@code
 * ContactPoint mobile = ContactPoint.of(ContactPoint.Kind.MOBILE, "138 1234 5678");
 * mobile.toString();   // MOBILE 138****5678
 * }</pre>
 *
 * @serial exclude
 */
public final class ContactPoint implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final int MAX_LENGTH = 256;

    /** The kinds of contact point a customer file holds (docs/domain.md §1). */
    public enum Kind {
        /** A mobile phone number. */
        MOBILE(Masking::phone),
        /** A home phone number. */
        HOME_PHONE(Masking::phone),
        /** An office phone number. */
        OFFICE_PHONE(Masking::phone),
        /** An e-mail address. */
        EMAIL(Masking::email),
        /** A postal address, home or work, with its postcode. */
        POSTAL_ADDRESS(Masking::address),
        /** A fax number. */
        FAX(Masking::phone),
        /** A messaging handle, such as a WeChat or WhatsApp id. */
        MESSAGING(Masking::handle);

        /** How values of this kind are masked. */
        private final UnaryOperator<String> mask;

        Kind(UnaryOperator<String> mask) {
            this.mask = mask;
        }

        /** @return whether values of this kind are telephone numbers (phones and fax) */
        public boolean isTelephone() {
            return this == MOBILE || this == HOME_PHONE || this == OFFICE_PHONE || this == FAX;
        }

        /**
         * Masks a value of this kind, valid or not, as it may be printed.
         *
         * @param value any value
         * @return the masked value, for example {@code 138****5678}
         */
        public String mask(String value) {
            requireNonNull(value, "value");
            return mask.apply(value);
        }
    }

    /** The kind of contact point. */
    private final Kind kind;
    /** The normalised value, personal data. */
    private final String value;

    private ContactPoint(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * Validates and normalises a contact point.
     *
     * @param kind the kind
     * @param value the phone number, e-mail address, postal address or handle
     * @return the contact point
     * @throws IllegalArgumentException if the value is blank, longer than 256 characters, or not
     *     valid for its kind; the message shows the value masked
     */
    public static ContactPoint of(Kind kind, String value) {
        requireNonNull(kind, "kind");
        requireNonNull(value, "value");
        String v = value.strip();
        checkArgument(!v.isEmpty(), "%s is blank: a contact point needs a value", kind);
        checkArgument(v.length() <= MAX_LENGTH && v.chars().noneMatch(Character::isISOControl),
                "%s %s is not a contact value: at most %s characters and no control characters",
                kind, kind.mask(v), MAX_LENGTH);
        if (kind.isTelephone()) {
            return new ContactPoint(kind, telephone(kind, v));
        }
        if (kind == Kind.EMAIL) {
            checkArgument(EMAIL.matcher(v).matches(),
                    "EMAIL %s is not an e-mail address: expected one @ followed by a dotted domain", kind.mask(v));
            int at = v.lastIndexOf('@');
            return new ContactPoint(kind, v.substring(0, at) + v.substring(at).toLowerCase(Locale.ROOT));
        }
        return new ContactPoint(kind, v);
    }

    private static String telephone(Kind kind, String v) {
        long digits = v.chars().filter(c -> c >= '0' && c <= '9').count();
        checkArgument(PHONE_CHARACTERS.matcher(v).matches() && digits >= 5 && digits <= 15,
                "%s %s is not a telephone number: expected 5 to 15 digits, an optional leading + and "
                        + "separators ( ) . / - or spaces", kind, kind.mask(v));
        String normal = v.replaceAll("[^0-9]", "");
        return v.startsWith("+") ? "+" + normal : normal;
    }

    /** @return the kind of contact point */
    public Kind kind() {
        return kind;
    }

    /** @return the normalised value in full; personal data, never log it */
    public String value() {
        return value;
    }

    /** @return the value masked for display, for example {@code 138****5678} */
    public String masked() {
        return kind.mask(value);
    }

    /** Two contact points are equal when kind and normalised value are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPoint c && kind == c.kind && value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + value.hashCode();
    }

    /** @return the kind and the masked value, for example {@code MOBILE 138****5678} */
    @Override
    public String toString() {
        return kind + " " + masked();
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(kind, value);
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("ContactPoint is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(Kind kind, String value) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return ContactPoint.of(kind, value);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("ContactPoint: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }

        /** @return the proxy without its personal data */
        @Override
        public String toString() {
            return "ContactPoint.SerializedForm[" + kind + "]";
        }
    }
}
