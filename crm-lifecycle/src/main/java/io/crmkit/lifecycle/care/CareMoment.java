package io.crmkit.lifecycle.care;

/** The moments of the customer relationship that call for care (the dealer's manual, docs/domain.md §5). */
public enum CareMoment {
    /** A prospect visited the showroom (the event is when they left). */
    PROSPECT_VISIT,
    /** A prospect left without buying; customer relations calls back. */
    PROSPECT_LEFT,
    /** A prospect objected to the price and left. */
    PRICE_OBJECTION,
    /** A delivery was booked (the event's instant is the booked delivery time). */
    DELIVERY_BOOKED,
    /** The product was delivered. */
    DELIVERED,
    /** The first service falls due (the event's instant is the due date). */
    FIRST_SERVICE_DUE,
    /** The customer's birthday (the event's instant is on the date). */
    BIRTHDAY,
    /** A public holiday. */
    HOLIDAY,
    /** A club event or product lecture the customer is invited to. */
    CLUB_EVENT,
    /** A bad-weather warning for the customer's area. */
    BAD_WEATHER,
    /**
     * A customer's training certificate expires (the event's instant is the start of the expiry
     * date); renewal reminders hang on it (see {@code io.crmkit.lifecycle.training.Certificate}).
     */
    CERTIFICATE_EXPIRES
}
