package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.PersonalData;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.sla.Severity;
import java.time.Instant;
import java.util.Optional;

/**
 * A complaint as the store indexes it, without replaying its history: what list queries return.
 * Holds no personal data beyond the customer id and the owner's id, which {@link #toString()}
 * masks.
 *
 * @param id the complaint's id
 * @param customer who complained
 * @param category the category
 * @param severity the severity
 * @param state the state after the last event
 * @param owner who owns it now
 * @param version the number of events
 * @param receivedAt when it was received (to the second)
 * @param closedAt when it was last closed (to the second), if its state is closed
 */
public record ComplaintSummary(String id, CustomerId customer, ComplaintCategory category, Severity severity,
        ComplaintState state, String owner, long version, Instant receivedAt, Optional<Instant> closedAt) {

    /**
     * Returns the summary as a record prints it, with the customer id and the owner masked by
     * {@link PersonalData#maskIdentifier}.
     *
     * @return the summary, masked
     */
    @Override
    public String toString() {
        return "ComplaintSummary[id=" + id + ", customer=" + customer.masked() + ", category=" + category
                + ", severity=" + severity + ", state=" + state + ", owner=" + PersonalData.maskIdentifier(owner)
                + ", version=" + version + ", receivedAt=" + receivedAt + ", closedAt=" + closedAt + "]";
    }
}
