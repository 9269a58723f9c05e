package io.crmkit.scoring.satisfaction;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import java.time.LocalDate;

/**
 * One answer of the company's own satisfaction survey (docs/domain.md §6: calls and visits after a
 * sale): when, which salesperson it concerns, which question, and the score.
 *
 * @param date the day of the call or visit
 * @param salesperson the salesperson's staff identifier, non-blank
 * @param question the question's identifier, non-blank
 * @param score the answer, finite
 */
public record SurveyResponse(LocalDate date, String salesperson, String question, double score) {

    /**
     * Validates the answer.
     *
     * @param date the day of the call or visit
     * @param salesperson the salesperson's staff identifier, non-blank
     * @param question the question's identifier, non-blank
     * @param score the answer, finite
     * @throws IllegalArgumentException if an identifier is blank or the score is not finite
     */
    public SurveyResponse {
        requireNonNull(date, "date");
        requireNonNull(salesperson, "salesperson");
        requireNonNull(question, "question");
        checkArgument(!salesperson.isBlank(), "salesperson is blank");
        checkArgument(!question.isBlank(), "question is blank");
        checkArgument(Double.isFinite(score), "score %s of question '%s' on %s is not a finite number", score, question, date);
    }

    /**
     * Returns the answer as a record prints it, with the salesperson's identifier masked by
     * {@link PersonalData#maskIdentifier} (one that is a phone number or an e-mail address).
     *
     * @return the answer, masked
     */
    @Override
    public String toString() {
        return "SurveyResponse[date=" + date + ", salesperson=" + PersonalData.maskIdentifier(salesperson)
                + ", question=" + question + ", score=" + score + "]";
    }
}
