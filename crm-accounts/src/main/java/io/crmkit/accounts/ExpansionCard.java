package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A key-account expansion card (关键客户拓展卡片): for one key person, the target commitment we
 * work toward and the actions that serve it, reviewed periodically (定期回溯) at the plan's
 * review cadence. It is overdue for review when it has never been reviewed or when more than
 * the plan's {@code reviewEveryDays} have passed since its last review.
 *
 * @param person the id of the key person the card is for
 * @param commitment the target commitment, in the planner's words; may be empty
 * @param actions ids of the plan's actions that serve it
 * @param lastReview the day of its last review, if it has been reviewed
 */
public record ExpansionCard(String person, String commitment, List<String> actions, Optional<LocalDate> lastReview) {

    /**
     * Checks and copies the fields.
     *
     * @param person the key person's id
     * @param commitment the target commitment, possibly empty
     * @param actions action ids
     * @param lastReview the last review, if any
     */
    public ExpansionCard {
        Texts.requireId("person of an expansion card", requireNonNull(person, "person"));
        Texts.requireNote("commitment of the expansion card of " + person, requireNonNull(commitment, "commitment"), false);
        actions = List.copyOf(actions);
        actions.forEach(a -> Texts.requireId("action of the expansion card of " + person, a));
        requireNonNull(lastReview, "lastReview");
    }
}
