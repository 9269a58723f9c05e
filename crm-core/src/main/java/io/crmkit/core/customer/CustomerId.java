package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The stable identifier of a customer in the customer file: an opaque, non-blank string chosen
 * by the caller (a CRM key, an account number, a row id). It is not personal data; never put a
 * national ID number or a phone number here.
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
        checkArgument(!value.isBlank(), "customerId '%s' is blank: a customer id must have a visible character", value);
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

    /** Returns the identifier itself, so ids print naturally in reports. */
    @Override
    public String toString() {
        return value;
    }
}
