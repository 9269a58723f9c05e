package io.crmkit.core.relationship;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One contact a relationship promised: which promise, at which level, from when it was owed,
 * its due date and, if it was kept, when. For an after-sale follow-up {@code from} is the time
 * of the sale; for a regular contact or joint work it is the start of the period.
 *
 * @param promise the promise
 * @param level the relationship level that made the promise
 * @param from when the contact became owed (the sale, or the start of the period)
 * @param due the deadline (exclusive): {@code from} plus the promise's days
 * @param keptAt when the first interaction that kept it happened, if any
 */
public record PromisedContact(ContactPromise promise, RelationshipLevel level, Instant from, Instant due,
        Optional<Instant> keptAt) {

    /**
     * Validates the promised contact.
     *
     * @param promise the promise
     * @param level the level that made it
     * @param from when the contact became owed
     * @param due the deadline, after {@code from}
     * @param keptAt when it was kept, if it was: from {@code from} and before {@code due}
     * @throws IllegalArgumentException if the dates are out of order
     */
    public PromisedContact {
        requireNonNull(promise, "promise");
        requireNonNull(level, "level");
        requireNonNull(from, "from");
        requireNonNull(due, "due");
        requireNonNull(keptAt, "keptAt");
        checkArgument(due.isAfter(from), "due %s of %s is not after its start %s", due, promise, from);
        keptAt.ifPresent(k -> checkArgument(!k.isBefore(from) && k.isBefore(due),
                "keptAt %s of %s is outside [%s, %s)", k, promise, from, due));
    }

    /** @return whether the contact was made in time */
    public boolean isKept() {
        return keptAt.isPresent();
    }

    /** @return for example {@code regular contact every 30 days at PROACTIVE, due 2026-03-31T00:00:00Z: missed} */
    @Override
    public String toString() {
        return promise + " at " + level + ", due " + due + ": " + keptAt.map(k -> "kept " + k).orElse("not kept");
    }
}
