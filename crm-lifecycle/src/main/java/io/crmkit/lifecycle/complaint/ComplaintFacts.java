package io.crmkit.lifecycle.complaint;

import io.crmkit.core.customer.PersonalData;
import org.jspecify.annotations.Nullable;

/**
 * What the history has established about a complaint besides its state: the current owner, the
 * escalation level, the number of reopens and the evaluation of the last close. Each
 * {@link TriggerEffect} maps the facts before an event to the facts after it.
 *
 * @param owner who owns the complaint now
 * @param escalationLevel how many times it has been escalated
 * @param reopenCount how many times it has been reopened
 * @param satisfaction the satisfaction score of the last close, 0 if none
 * @param rootCause the root cause of the last close, null if none
 */
record ComplaintFacts(String owner, int escalationLevel, int reopenCount, int satisfaction, @Nullable String rootCause) {

    /** @return the facts of a complaint just received by {@code receiver} */
    static ComplaintFacts receivedBy(String receiver) {
        return new ComplaintFacts(receiver, 0, 0, 0, null);
    }

    /** @return the facts as a record prints them, the owner masked as an {@link Actor} prints its id */
    @Override
    public String toString() {
        return "ComplaintFacts[owner=" + PersonalData.maskIdentifier(owner) + ", escalationLevel=" + escalationLevel
                + ", reopenCount=" + reopenCount + ", satisfaction=" + satisfaction + ", rootCause=" + rootCause + "]";
    }
}
