package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

/**
 * One thing an {@link AccountReview} found wrong with a plan, and why. Names of people in the
 * reason are masked; the subject is an id, never a name.
 *
 * @param code what was found
 * @param subject the id of the key person, action or deal it concerns, or the account's name for
 *     findings about the whole plan ({@link FindingCode#NO_COACH}, {@link FindingCode#ASSESSMENT_DECLINING},
 *     {@link FindingCode#REVIEW_OVERDUE} of the plan itself)
 * @param reason why, in one sentence, with the dates and numbers behind it
 */
public record Finding(FindingCode code, String subject, String reason) {

    /**
     * Checks the fields.
     *
     * @param code what was found, not null
     * @param subject the id it concerns, not null
     * @param reason why, not null
     */
    public Finding {
        requireNonNull(code, "code");
        requireNonNull(subject, "subject");
        requireNonNull(reason, "reason");
    }

    /** @return for example {@code OVERDUE_ACTION a1: action a1 for 张** (p1), owner l***, was due 2026-11-28, 1 day ago} */
    @Override
    public String toString() {
        return code + " " + subject + ": " + reason;
    }
}
