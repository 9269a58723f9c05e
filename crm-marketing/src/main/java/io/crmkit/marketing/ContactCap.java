package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Contact fatigue: at most {@code maxContacts} marketing contacts per customer in any rolling
 * period, counted across every campaign and channel.
 *
 * <p>The rule for a new contact at instant {@code t}: count the customer's earlier contacts at
 * instants {@code s} with {@code t - period < s <= t}; the new contact is allowed when that count
 * is below {@code maxContacts}, that is, when it would be at most the N-th contact of the period.
 * A contact exactly one period earlier has left the window. Contacts recorded after {@code t} are
 * not counted: the history is read as of {@code t}.
 *
 * <p>The default, {@link #ONE_A_DAY}, takes the dealer manual's figure of one online promotion a day
 * (docs/domain.md §5 and §10) as the most any one customer receives: one in any 24 hours. The
 * manual states the figure as the dealer's daily quota of promotions; read per customer it is the
 * usual frequency cap of campaign tools.
 *
 * @param maxContacts the most contacts allowed in one period, at least 1
 * @param period the length of the rolling period, positive
 */
public record ContactCap(int maxContacts, Duration period) {

    /** One marketing contact in any 24 hours: the dealer manual's one promotion a day (docs/domain.md §10). */
    public static final ContactCap ONE_A_DAY = new ContactCap(1, Duration.ofDays(1));

    /**
     * Validates the cap.
     *
     * @param maxContacts at least 1
     * @param period positive
     * @throws IllegalArgumentException if either is out of range
     */
    public ContactCap {
        requireNonNull(period, "period");
        checkArgument(maxContacts >= 1, "maxContacts %s is below 1: a cap allows at least one contact per period", maxContacts);
        checkArgument(!period.isNegative() && !period.isZero(), "period %s is not positive", period);
    }

    /**
     * Returns the cap.
     *
     * @param maxContacts the most contacts in one period, at least 1
     * @param period the rolling period, positive
     * @return the cap
     */
    public static ContactCap of(int maxContacts, Duration period) {
        return new ContactCap(maxContacts, period);
    }

    /** @return for example {@code at most 1 contact per PT24H} */
    @Override
    public String toString() {
        return "at most " + maxContacts + (maxContacts == 1 ? " contact" : " contacts") + " per " + period;
    }
}
