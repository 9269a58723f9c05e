package io.crmkit.marketing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.crmkit.core.customer.CustomerId;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * What removes a customer from a campaign whatever the audience rule says: no marketing consent on
 * the campaign's channel ({@link ConsentLedger}), the contact cap already reached
 * ({@link ContactHistory} read against the plan's {@link ContactCap}), or an open complaint (a
 * predicate over customer ids, so this module need not know the complaint workflow).
 *
 * <pre>{@code
 * Suppression s = Suppression.of(ledger, history, openComplaints::contains);
 * }</pre>
 *
 * @param consents the consent ledger; a customer absent from it has not consented
 * @param contacts the marketing contacts already made, across campaigns
 * @param openComplaint true for a customer with a complaint not yet closed
 */
public record Suppression(ConsentLedger consents, ContactHistory contacts, Predicate<CustomerId> openComplaint) {

    /**
     * Validates the parts.
     *
     * @param consents the consent ledger
     * @param contacts the contact history
     * @param openComplaint the open-complaint test
     */
    public Suppression {
        requireNonNull(consents, "consents");
        requireNonNull(contacts, "contacts");
        requireNonNull(openComplaint, "openComplaint");
    }

    /**
     * Returns the suppression data.
     *
     * @param consents the consent ledger
     * @param contacts the contact history
     * @param openComplaint true for a customer in an open complaint
     * @return the suppression data
     */
    public static Suppression of(ConsentLedger consents, ContactHistory contacts, Predicate<CustomerId> openComplaint) {
        return new Suppression(consents, contacts, openComplaint);
    }

    /**
     * Returns the suppression data with the open complaints given as a set of customers.
     *
     * @param consents the consent ledger
     * @param contacts the contact history
     * @param openComplaints the customers with a complaint not yet closed
     * @return the suppression data
     */
    public static Suppression of(ConsentLedger consents, ContactHistory contacts, Collection<CustomerId> openComplaints) {
        ImmutableSet<CustomerId> open = ImmutableSet.copyOf(requireNonNull(openComplaints, "openComplaints"));
        return new Suppression(consents, contacts, open::contains);
    }
}
