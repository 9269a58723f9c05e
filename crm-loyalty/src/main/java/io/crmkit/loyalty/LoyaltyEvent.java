package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.PersonalData;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A source event the {@link Ledger} turns into entries: a purchase, a refund, a redemption, a
 * one-off bonus or a manual adjustment. Every event has an id unique in the ledger (a second event
 * with the same id is a duplicate and is applied once), a member and an instant. Events of one
 * member are replayed in the order (instant, kind, id), the kinds ordered purchase, bonus,
 * adjustment, refund, redemption, whatever order they arrived in.
 */
public sealed interface LoyaltyEvent {

    /** The longest event id accepted. */
    int MAX_ID_LENGTH = 128;

    /** @return the event's id, unique in the ledger */
    String id();

    /** @return the member */
    CustomerId customer();

    /** @return when the event happened */
    Instant at();

    /** @return the rank of the event's kind among events at the same instant */
    int rank();

    /** The earliest instant an event may have: 0001-01-01T00:00:00Z. */
    Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant an event may have: 9999-12-31T23:59:59.999999999Z. */
    Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * Refuses an instant outside the years 1 to 9999 (UTC), where expiry and qualification
     * windows could not be counted on the programme's calendar: such an event would enter the
     * journal and make every later replay of the member fail.
     */
    private static Instant checkAt(String id, Instant at) {
        requireNonNull(at, "at");
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new IllegalArgumentException("event " + id + " at " + at
                    + ": an instant must lie in the years 1 to 9999 (UTC)");
        }
        return at;
    }

    private static String checkId(String id) {
        requireNonNull(id, "id");
        checkArgument(!id.isBlank() && id.length() <= MAX_ID_LENGTH,
                "event id '%s' is blank or longer than %s characters", id, MAX_ID_LENGTH);
        return id;
    }

    /**
     * Returns a purchase event.
     *
     * @param id the event id
     * @param purchase the purchase (member, instant, amount at least 0)
     * @param category the purchase's category, or null for none
     * @return the event
     * @throws IllegalArgumentException if the id is blank or the amount negative, or the instant lies
     *         outside the years 1 to 9999 (UTC)
     */
    static Purchased purchase(String id, Purchase purchase, @Nullable String category) {
        return new Purchased(id, purchase, Optional.ofNullable(category));
    }

    /**
     * A purchase that earns points under the program's earning rule.
     *
     * @param id the event id
     * @param purchase the purchase, amount at least 0
     * @param category the category, empty for none
     */
    record Purchased(String id, Purchase purchase, Optional<String> category) implements LoyaltyEvent {
        /**
         * Validates the event.
         *
         * @param id the event id
         * @param purchase the purchase
         * @param category the category
         * @throws IllegalArgumentException if the id is blank or the amount negative, or the instant lies
         *         outside the years 1 to 9999 (UTC)
         */
        public Purchased {
            checkId(id);
            requireNonNull(purchase, "purchase");
            checkAt(id, purchase.time());
            requireNonNull(category, "category");
            checkArgument(!purchase.amount().isNegative(), "purchase %s amount %s is negative", id, purchase.amount());
        }

        @Override
        public CustomerId customer() {
            return purchase.customer();
        }

        @Override
        public Instant at() {
            return purchase.time();
        }

        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * A refund of part or all of an earlier purchase.
     *
     * @param id the event id
     * @param customer the member, the purchase's
     * @param at when the refund happened, not before the purchase
     * @param purchaseId the refunded purchase's event id
     * @param amount the refunded amount, positive; all refunds of a purchase together at most its amount
     */
    record Refunded(String id, CustomerId customer, Instant at, String purchaseId, Money amount) implements LoyaltyEvent {
        /**
         * Validates the event.
         *
         * @param id the event id
         * @param customer the member
         * @param at the instant
         * @param purchaseId the purchase's id
         * @param amount the amount, positive
         * @throws IllegalArgumentException if an id is blank or the amount not positive, or the instant lies
         *         outside the years 1 to 9999 (UTC)
         */
        public Refunded {
            checkId(id);
            checkId(purchaseId);
            requireNonNull(customer, "customer");
            checkAt(id, at);
            requireNonNull(amount, "amount");
            checkArgument(amount.amount().signum() > 0, "refund %s amount %s is not positive", id, amount);
        }

        @Override
        public int rank() {
            return 3;
        }
    }

    /**
     * Points spent; refused if the balance at the instant is smaller.
     *
     * @param id the event id
     * @param customer the member
     * @param at when
     * @param points the points, positive
     */
    record Redeemed(String id, CustomerId customer, Instant at, long points) implements LoyaltyEvent {
        /**
         * Validates the event.
         *
         * @param id the event id
         * @param customer the member
         * @param at the instant
         * @param points the points, positive
         * @throws IllegalArgumentException if the id is blank or points not positive, or the instant lies
         *         outside the years 1 to 9999 (UTC)
         */
        public Redeemed {
            checkId(id);
            requireNonNull(customer, "customer");
            checkAt(id, at);
            checkArgument(points > 0, "redemption %s points %s is not positive", id, points);
        }

        @Override
        public int rank() {
            return 4;
        }
    }

    /**
     * A one-off bonus such as a birthday or a referral.
     *
     * @param id the event id
     * @param customer the member
     * @param at when
     * @param points the points, positive
     * @param reason why, non-blank (no personal data)
     */
    record Awarded(String id, CustomerId customer, Instant at, long points, String reason) implements LoyaltyEvent {
        /**
         * Validates the event.
         *
         * @param id the event id
         * @param customer the member
         * @param at the instant
         * @param points the points, positive
         * @param reason the reason, non-blank
         * @throws IllegalArgumentException if the id or reason is blank or points not positive, or the instant lies
         *         outside the years 1 to 9999 (UTC)
         */
        public Awarded {
            checkId(id);
            requireNonNull(customer, "customer");
            checkAt(id, at);
            requireNonNull(reason, "reason");
            checkArgument(points > 0, "bonus %s points %s is not positive", id, points);
            checkArgument(!reason.isBlank(), "bonus %s reason is blank", id);
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /**
     * A manual correction. A positive adjustment adds a lot (expiring under the policy from its
     * instant); a negative one takes points like a redemption and is refused beyond the balance.
     *
     * @param id the event id
     * @param customer the member
     * @param at when
     * @param points the change, not 0
     * @param actor who made it, non-blank (a staff id, not a person's name)
     * @param reason why, non-blank
     */
    record Adjusted(String id, CustomerId customer, Instant at, long points, String actor, String reason)
            implements LoyaltyEvent {
        /**
         * Validates the event.
         *
         * @param id the event id
         * @param customer the member
         * @param at the instant
         * @param points the change, not 0 nor {@link Long#MIN_VALUE}
         * @param actor who, non-blank
         * @param reason why, non-blank
         * @throws IllegalArgumentException if a field is blank or points is 0, or the instant lies
         *         outside the years 1 to 9999 (UTC)
         */
        public Adjusted {
            checkId(id);
            requireNonNull(customer, "customer");
            checkAt(id, at);
            requireNonNull(actor, "actor");
            requireNonNull(reason, "reason");
            checkArgument(points != 0 && points != Long.MIN_VALUE, "adjustment %s points %s is 0 or out of range", id, points);
            checkArgument(!actor.isBlank(), "adjustment %s actor is blank", id);
            checkArgument(!reason.isBlank(), "adjustment %s reason is blank", id);
        }

        @Override
        public int rank() {
            return 2;
        }

        /**
         * Returns the adjustment as a record prints it, with the customer id and the actor masked
         * by {@link PersonalData#maskIdentifier} (an actor that is a phone number or an e-mail
         * address).
         *
         * @return the adjustment, masked
         */
        @Override
        public String toString() {
            return "Adjusted[id=" + id + ", customer=" + customer.masked() + ", at=" + at + ", points=" + points
                    + ", actor=" + PersonalData.maskIdentifier(actor) + ", reason=" + reason + "]";
        }
    }
}
