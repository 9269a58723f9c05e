package io.crmkit.core.relationship;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A bond that ties the customer to the seller, after Berry and Parasuraman (L. L. Berry and
 * A. Parasuraman, <i>Marketing Services</i>, 1991; docs/domain.md §2): financial bonds are the
 * shallowest, structural the deepest. The description is free text and may name people, so
 * {@link #toString()} shows only its length.
 *
 * <pre>{@code
 * Bond points = Bond.of(Bond.Type.FINANCIAL, Instant.parse("2026-01-05T00:00:00Z"), "loyalty points, 2% rebate");
 * points.type().level();   // 1
 * }</pre>
 *
 * @param type financial, social or structural
 * @param since when the bond was formed
 * @param description what the bond is, not blank
 */
public record Bond(Type type, Instant since, String description) {

    /** Berry and Parasuraman's three kinds of bond, with their level. */
    public enum Type {
        /** Level 1: price incentives, points, rebates. */
        FINANCIAL(1),
        /** Level 2: personal contact and care beyond the transaction. */
        SOCIAL(2),
        /** Level 3: shared systems and processes, such as a retailer sharing daily sales data with suppliers. */
        STRUCTURAL(3);

        private final int level;

        Type(int level) {
            this.level = level;
        }

        /** @return the bond's level: 1 financial, 2 social, 3 structural */
        public int level() {
            return level;
        }
    }

    /**
     * Validates the bond.
     *
     * @param type financial, social or structural
     * @param since when the bond was formed
     * @param description what the bond is, not blank
     * @throws IllegalArgumentException if the description is blank
     */
    public Bond {
        requireNonNull(type, "type");
        requireNonNull(since, "since");
        requireNonNull(description, "description");
        checkArgument(!description.isBlank(), "description of %s bond since %s is blank: say what the bond is",
                type, since);
    }

    /**
     * Returns a bond.
     *
     * @param type financial, social or structural
     * @param since when the bond was formed
     * @param description what the bond is, not blank
     * @return the bond
     * @throws IllegalArgumentException if the description is blank
     */
    public static Bond of(Type type, Instant since, String description) {
        return new Bond(type, since, description);
    }

    /** @return the type, its level and the date, without the free-text description */
    @Override
    public String toString() {
        return "Bond[" + type + " (level " + type.level + ") since " + since + ", description "
                + description.length() + " chars]";
    }
}
