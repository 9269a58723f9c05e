package io.crmkit.core.relationship;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A contact a relationship level promises the customer, with its deadline in days. Three kinds
 * of promise cover Kotler's levels (docs/domain.md §2):
 * <ul>
 *   <li>{@link Kind#FOLLOW_UP_AFTER_SALE}: after each purchase, an outbound call, visit,
 *       message, e-mail or survey within {@code days} days (ACCOUNTABLE: "calls the customer
 *       shortly after the sale");</li>
 *   <li>{@link Kind#REGULAR_CONTACT}: in every period of {@code days} days, at least one
 *       outbound call, visit, message, e-mail, letter, event invitation or joint-work session
 *       (PROACTIVE: "contacts the customer regularly with suggestions and news");</li>
 *   <li>{@link Kind#JOINT_WORK}: in every period of {@code days} days, at least one joint-work
 *       session, whoever asked for it (PARTNERSHIP: "works continuously with the customer").</li>
 * </ul>
 * The REACTIVE level's invitation to call in is not a promise of contact, so it has none.
 *
 * <pre>{@code
 * ContactPromise followUp = ContactPromise.followUpAfterSale(7);
 * ContactPromise monthly = ContactPromise.regularContact(30);
 * }</pre>
 *
 * @param kind what is promised
 * @param days the deadline after a sale, or the length of each period, in days (1 to 3650)
 */
public record ContactPromise(Kind kind, int days) {

    /** The longest deadline or period accepted: ten years. */
    public static final int MAX_DAYS = 3650;

    /** What a promise is about, and which interactions keep it. */
    public enum Kind {
        /** An outbound contact within a deadline after each sale. */
        FOLLOW_UP_AFTER_SALE(EnumSet.of(InteractionKind.CALL, InteractionKind.VISIT, InteractionKind.MESSAGE,
                InteractionKind.EMAIL, InteractionKind.SURVEY), true, "follow-up after each sale"),
        /** At least one outbound contact in every period. */
        REGULAR_CONTACT(EnumSet.of(InteractionKind.CALL, InteractionKind.VISIT, InteractionKind.MESSAGE,
                InteractionKind.EMAIL, InteractionKind.LETTER, InteractionKind.EVENT, InteractionKind.JOINT_WORK), true,
                "regular contact"),
        /** At least one joint-work session in every period, inbound or outbound. */
        JOINT_WORK(EnumSet.of(InteractionKind.JOINT_WORK), false, "joint work");

        private final Set<InteractionKind> counted;
        private final boolean outboundOnly;
        private final String description;

        Kind(Set<InteractionKind> counted, boolean outboundOnly, String description) {
            this.counted = counted;
            this.outboundOnly = outboundOnly;
            this.description = description;
        }

        /**
         * Tells whether an interaction keeps a promise of this kind (its timing aside).
         *
         * @param interaction the interaction
         * @return whether its kind and direction count
         */
        public boolean isKeptBy(Interaction interaction) {
            requireNonNull(interaction, "interaction");
            return counted.contains(interaction.kind())
                    && (!outboundOnly || interaction.direction() == Direction.OUTBOUND);
        }

        /** @return a short description: {@code follow-up after each sale}, {@code regular contact} or {@code joint work} */
        public String describe() {
            return description;
        }
    }

    /**
     * Validates the promise.
     *
     * @param kind what is promised
     * @param days the deadline or period in days, 1 to 3650
     * @throws IllegalArgumentException if the days are out of range
     */
    public ContactPromise {
        requireNonNull(kind, "kind");
        checkArgument(days >= 1 && days <= MAX_DAYS,
                "days %s of %s promise is out of range: expected 1 to %s", days, kind, MAX_DAYS);
    }

    /**
     * An outbound contact within a deadline after each sale.
     *
     * @param withinDays the deadline after the sale, in days
     * @return the promise
     * @throws IllegalArgumentException if the days are out of range
     */
    public static ContactPromise followUpAfterSale(int withinDays) {
        return new ContactPromise(Kind.FOLLOW_UP_AFTER_SALE, withinDays);
    }

    /**
     * At least one outbound contact in every period.
     *
     * @param everyDays the length of each period, in days
     * @return the promise
     * @throws IllegalArgumentException if the days are out of range
     */
    public static ContactPromise regularContact(int everyDays) {
        return new ContactPromise(Kind.REGULAR_CONTACT, everyDays);
    }

    /**
     * At least one joint-work session in every period.
     *
     * @param everyDays the length of each period, in days
     * @return the promise
     * @throws IllegalArgumentException if the days are out of range
     */
    public static ContactPromise jointWork(int everyDays) {
        return new ContactPromise(Kind.JOINT_WORK, everyDays);
    }

    /** @return the deadline or period as a duration of {@link #days()} 24-hour days */
    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** @return for example {@code follow-up after each sale within 7 days} or {@code regular contact every 30 days} */
    @Override
    public String toString() {
        return kind.describe() + (kind == Kind.FOLLOW_UP_AFTER_SALE ? " within " : " every ") + days + " days";
    }
}
