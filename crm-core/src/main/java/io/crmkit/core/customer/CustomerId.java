package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The stable identifier of a customer in the customer file: an opaque, non-blank string chosen
 * by the caller (a CRM key, an account number, a row id). Keys that are personal data (a mobile
 * number, an e-mail address) are better avoided; where they are used anyway, {@link #masked()}
 * hides them in every message, and {@link #toString()} returns that masked form too. The
 * identifier itself is {@link #value()}.
 *
 * <pre>{@code
 * CustomerId id = CustomerId.of("c-17");
 * }</pre>
 *
 * @param value the identifier, non-blank, at most 128 characters, no control characters
 * @serial exclude
 */
public record CustomerId(String value) implements Comparable<CustomerId>, Serializable {

    /** The longest identifier accepted. */
    public static final int MAX_LENGTH = 128;

    /**
     * Validates the identifier.
     *
     * @param value the identifier
     * @throws IllegalArgumentException if the value is blank, too long or holds control characters
     */
    public CustomerId {
        requireNonNull(value, "customerId");
        checkArgument(!value.isBlank(), "customerId is blank: a customer id must have a visible character");
        checkArgument(value.length() <= MAX_LENGTH,
                "customerId of length %s is too long: at most %s characters", value.length(), MAX_LENGTH);
        checkArgument(value.chars().noneMatch(Character::isISOControl),
                "customerId must not contain control characters");
    }

    /**
     * Returns the identifier for the given value.
     *
     * @param value the identifier, non-blank
     * @return the identifier
     * @throws IllegalArgumentException if the value is blank, too long or holds control characters
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    /**
     * Returns the identifier as messages and {@code toString()} of other values may print it:
     * masked by {@link PersonalData#maskIdentifier(String)} when it looks like a phone number, an
     * identity number or an e-mail address ({@code 138****5678}), unchanged otherwise
     * ({@code C-1001}).
     *
     * @return the identifier, masked if it looks like personal data
     */
    public String masked() {
        return Masking.identifierLike(value);
    }

    /**
     * Returns {@link #masked()}, so that every value holding a customer id (a record's generated
     * {@code toString()}, a message built by string concatenation, a log argument) prints it
     * masked without having to remember to. Reports, files, JSON and database columns that need
     * the identifier itself use {@link #value()}; never this method.
     *
     * @return the identifier, masked if it looks like personal data
     */
    @Override
    public String toString() {
        return masked();
    }
}
