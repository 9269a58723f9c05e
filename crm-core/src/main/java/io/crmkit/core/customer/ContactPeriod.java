package io.crmkit.core.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact point together with the time it was valid in the customer file: from when it was
 * recorded until it was superseded or removed (open-ended while still current). The file keeps
 * every period, so "which mobile did we have on 3 March?" has an answer.
 *
 * @param point the contact point
 * @param validFrom when it was recorded (inclusive)
 * @param validTo when it was superseded or removed (exclusive); empty while current
 * @serial exclude
 */
public record ContactPeriod(ContactPoint point, Instant validFrom, Optional<Instant> validTo) implements Serializable {

    /**
     * Validates the period.
     *
     * @param point the contact point
     * @param validFrom when it was recorded
     * @param validTo when it ended, if it has; not before {@code validFrom}
     * @throws IllegalArgumentException if the period ends before it starts
     */
    public ContactPeriod {
        requireNonNull(point, "point");
        requireNonNull(validFrom, "validFrom");
        requireNonNull(validTo, "validTo");
        validTo.ifPresent(to -> checkArgument(!to.isBefore(validFrom),
                "validTo %s of %s is before validFrom %s: a period cannot end before it starts", to, point, validFrom));
    }

    /** @return whether the contact point is still current */
    public boolean isCurrent() {
        return validTo.isEmpty();
    }

    /**
     * Tells whether the contact point was valid at an instant.
     *
     * @param instant the instant
     * @return whether {@code validFrom <= instant < validTo}
     */
    public boolean isValidAt(Instant instant) {
        requireNonNull(instant, "instant");
        return !instant.isBefore(validFrom) && validTo.map(instant::isBefore).orElse(true);
    }

    ContactPeriod endedAt(Instant end) {
        return new ContactPeriod(point, validFrom, Optional.of(end));
    }

    /** @return the masked point and its period, for example {@code MOBILE 138****5678 [2026-01-01T00:00:00Z, now)} */
    @Override
    public String toString() {
        return point + " [" + validFrom + ", " + validTo.map(Instant::toString).orElse("now") + ")";
    }

    /**
     * Serialises through {@link SerializedForm} ({@link Optional} is not serialisable), whose
     * {@code readResolve} calls the constructor, so a patched stream cannot bring in a period the
     * constructor refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(point, validFrom, validTo.orElse(null));
    }

    /** The serial form: the open end is {@code null}. */
    private record SerializedForm(ContactPoint point, Instant validFrom, Instant validTo) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return new ContactPeriod(point, validFrom, Optional.ofNullable(validTo));
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("ContactPeriod: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
