package io.crmkit.lifecycle.care;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.PersonalData;
import java.time.Instant;

/**
 * Something that happened (or is booked) with a customer and calls for care.
 *
 * @param customer the customer
 * @param moment what happened
 * @param at when (for a booked delivery: the delivery time; for dates such as a birthday: an
 *        instant on that date)
 * @param owner the salesperson or team responsible for the care, not blank
 */
public record CareEvent(CustomerId customer, CareMoment moment, Instant at, String owner) {

    /**
     * Validates the event.
     *
     * @param customer the customer
     * @param moment what happened
     * @param at when
     * @param owner who is responsible, not blank
     * @throws IllegalArgumentException if the owner is blank
     */
    public CareEvent {
        requireNonNull(customer, "customer");
        requireNonNull(moment, "moment");
        requireNonNull(at, "at");
        requireNonNull(owner, "owner");
        checkArgument(!owner.isBlank(), "owner of %s care event for customer %s is blank: name who is responsible",
                moment, customer.masked());
    }

    /**
     * Returns an event.
     *
     * @param customer the customer
     * @param moment what happened
     * @param at when
     * @param owner who is responsible
     * @return the event
     * @throws IllegalArgumentException if the owner is blank
     */
    public static CareEvent of(CustomerId customer, CareMoment moment, Instant at, String owner) {
        return new CareEvent(customer, moment, at, owner);
    }

    /**
     * Returns the event as a record prints it, with the customer id and the owner masked by
     * {@link PersonalData#maskIdentifier} (an owner that is a phone number or an e-mail address).
     *
     * @return the event, masked
     */
    @Override
    public String toString() {
        return "CareEvent[customer=" + customer.masked() + ", moment=" + moment + ", at=" + at + ", owner="
                + PersonalData.maskIdentifier(owner) + "]";
    }
}
