package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.money.Money;
import java.time.LocalDate;

/**
 * Market information kept with the campaign it informed: a competitor's price for a product, seen
 * on a date, with where it was seen. The source names a channel (a web page, a store visit, a
 * trade show), never a person.
 *
 * @param competitor the competitor's name, non-blank
 * @param product the competitor's product, non-blank
 * @param price the price observed, not negative
 * @param observedOn the date of the observation
 * @param source where the observation was made, non-blank
 */
public record CompetitorObservation(String competitor, String product, Money price, LocalDate observedOn, String source) {

    /**
     * Validates the observation.
     *
     * @param competitor the competitor, non-blank
     * @param product the product, non-blank
     * @param price the price, not negative
     * @param observedOn the date
     * @param source the source, non-blank
     * @throws IllegalArgumentException if a name is blank or the price negative
     */
    public CompetitorObservation {
        requireNonNull(competitor, "competitor");
        requireNonNull(product, "product");
        requireNonNull(price, "price");
        requireNonNull(observedOn, "observedOn");
        requireNonNull(source, "source");
        checkArgument(!competitor.isBlank(), "competitor '%s' is blank", competitor);
        checkArgument(!product.isBlank(), "product '%s' is blank", product);
        checkArgument(!source.isBlank(), "source '%s' is blank: say where the price was seen", source);
        checkArgument(!price.isNegative(), "price %s of %s is negative", price, product);
    }

    /**
     * Returns the observation.
     *
     * @param competitor the competitor
     * @param product the product
     * @param price the price
     * @param observedOn the date
     * @param source where it was seen
     * @return the observation
     */
    public static CompetitorObservation of(String competitor, String product, Money price, LocalDate observedOn, String source) {
        return new CompetitorObservation(competitor, product, price, observedOn, source);
    }
}
