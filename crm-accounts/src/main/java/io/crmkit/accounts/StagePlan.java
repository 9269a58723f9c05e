package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import java.util.List;
import java.util.Optional;

/**
 * What the mind map asks to plan for each stage of a deal (docs/domain.md §8): the business goal of the stage, the
 * customer's departments to communicate with to reach it, the methods, and our owner.
 *
 * @param goal the business goal of the stage; may be empty
 * @param departments the customer's departments to involve
 * @param methods the methods of relationship work in the stage
 * @param owner the handle of our colleague responsible for the stage, if named
 */
public record StagePlan(String goal, List<String> departments, List<String> methods, Optional<String> owner) {

    /**
     * Checks and copies the fields.
     *
     * @param goal the goal, possibly empty
     * @param departments the departments
     * @param methods the methods
     * @param owner the owner, if any
     */
    public StagePlan {
        Texts.requireNote("goal of a stage plan", requireNonNull(goal, "goal"), false);
        departments = List.copyOf(departments);
        methods = List.copyOf(methods);
        departments.forEach(d -> Texts.requireText("department of a stage plan", d, true));
        methods.forEach(m -> Texts.requireNote("method of a stage plan", m, true));
        owner.ifPresent(o -> Texts.requireText("owner of a stage plan", o, true));
    }

    /** @return for example {@code StagePlan[goal "win the bid", departments [IT], methods [visit], owner l***]} */
    @Override
    public String toString() {
        return "StagePlan[goal \"" + goal + "\", departments " + departments + ", methods " + methods
                + owner.map(o -> ", owner " + PersonalData.maskHandle(o)).orElse("") + "]";
    }
}
