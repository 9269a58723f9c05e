package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the plan knows of one competitor at the account (针对竞争对手): its position there, the key
 * people it holds relationships with, and the resources it deploys at the customer.
 *
 * @param competitor the competitor's company name
 * @param position its market position and strategy at the account; may be empty
 * @param relationshipsHeld ids of the key people of the plan with whom it holds a relationship
 * @param resources the people and resources it deploys at the customer; may be empty
 */
public record CompetitorProfile(String competitor, String position, List<String> relationshipsHeld, String resources) {

    /**
     * Checks and copies the fields.
     *
     * @param competitor the company name, non-blank
     * @param position its position, possibly empty
     * @param relationshipsHeld ids of key people, each non-blank
     * @param resources its resources, possibly empty
     */
    public CompetitorProfile {
        Texts.requireText("competitor name", requireNonNull(competitor, "competitor"), true);
        Texts.requireNote("position of competitor " + competitor, requireNonNull(position, "position"), false);
        Texts.requireNote("resources of competitor " + competitor, requireNonNull(resources, "resources"), false);
        relationshipsHeld = List.copyOf(relationshipsHeld);
        relationshipsHeld.forEach(id -> Texts.requireId("relationshipsHeld of competitor " + competitor, id));
    }
}
