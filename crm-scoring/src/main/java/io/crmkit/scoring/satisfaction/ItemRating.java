package io.crmkit.scoring.satisfaction;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One respondent's answer to one questionnaire item: what they expected and what they perceived,
 * on the questionnaire's scale (checked by {@link ServiceQuality#assess}).
 *
 * @param item the item's identifier, as declared in the {@link ServiceQuality}
 * @param expectation the expected level, finite
 * @param perception the perceived level, finite
 */
public record ItemRating(String item, double expectation, double perception) {

    /**
     * Validates the rating.
     *
     * @param item the item's identifier
     * @param expectation the expected level, finite
     * @param perception the perceived level, finite
     * @throws IllegalArgumentException if a level is not finite or the gap between them exceeds the
     *     range of a double
     */
    public ItemRating {
        requireNonNull(item, "item");
        checkArgument(Double.isFinite(expectation), "expectation %s of item '%s' is not a finite number", expectation, item);
        checkArgument(Double.isFinite(perception), "perception %s of item '%s' is not a finite number", perception, item);
        checkArgument(Double.isFinite(perception - expectation),
                "perception %s minus expectation %s of item '%s' exceeds the range of a double", perception,
                expectation, item);
    }

    /** @return the gap, perception minus expectation (negative: the service fell short) */
    public double gap() {
        return perception - expectation;
    }
}
