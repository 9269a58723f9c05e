package io.crmkit.core.relationship;

import static io.crmkit.core.relationship.RelationshipLevel.ACCOUNTABLE;
import static io.crmkit.core.relationship.RelationshipLevel.BASIC;
import static io.crmkit.core.relationship.RelationshipLevel.PARTNERSHIP;
import static io.crmkit.core.relationship.RelationshipLevel.PROACTIVE;
import static io.crmkit.core.relationship.RelationshipLevel.REACTIVE;
import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kotler's guide to the right relationship level for a customer group, from how many customers
 * it has and the profit margin per unit (docs/domain.md §2; P. Kotler, <i>Marketing Management</i>):
 * <table>
 *   <caption>Kotler's relationship-level matrix</caption>
 *   <tr><th>customers \ margin</th><th>high</th><th>medium</th><th>low</th></tr>
 *   <tr><td>many</td><td>ACCOUNTABLE</td><td>REACTIVE</td><td>BASIC or REACTIVE</td></tr>
 *   <tr><td>medium</td><td>PROACTIVE</td><td>ACCOUNTABLE</td><td>REACTIVE</td></tr>
 *   <tr><td>few</td><td>PARTNERSHIP</td><td>PROACTIVE</td><td>ACCOUNTABLE</td></tr>
 * </table>
 *
 * <pre>{@code
 * RelationshipLevels.Recommendation r = RelationshipLevels.recommend(CustomerCount.MANY, Margin.LOW);
 * r.levels();   // [BASIC, REACTIVE]
 * }</pre>
 */
public final class RelationshipLevels {

    /** How many customers the group has: the row of Kotler's table. */
    public enum CustomerCount {
        /** Many customers (a mass market). */
        MANY,
        /** A medium number of customers. */
        MEDIUM,
        /** Few customers (key accounts). */
        FEW
    }

    /** The profit margin per unit sold: the column of Kotler's table. */
    public enum Margin {
        /** A high margin per unit. */
        HIGH,
        /** A medium margin per unit. */
        MEDIUM,
        /** A low margin per unit. */
        LOW
    }

    /**
     * The level or levels Kotler's table recommends, and the cell that says so.
     *
     * @param levels the recommended levels, lowest first: one, or two for many customers at a low margin
     * @param customers the row of the table
     * @param margin the column of the table
     */
    public record Recommendation(List<RelationshipLevel> levels, CustomerCount customers, Margin margin) {

        /**
         * Validates the recommendation.
         *
         * @param levels the recommended levels, not empty
         * @param customers the row
         * @param margin the column
         * @throws IllegalArgumentException if no level is given
         */
        public Recommendation {
            requireNonNull(customers, "customers");
            requireNonNull(margin, "margin");
            levels = ImmutableList.copyOf(levels);
            checkArgument(!levels.isEmpty(), "levels of the recommendation for %s customers, %s margin are empty",
                    customers, margin);
        }

        /** @return why: for example {@code many customers, low margin: Kotler's table gives BASIC or REACTIVE} */
        public String reason() {
            return lower(customers) + " customers, " + lower(margin) + " margin: Kotler's table gives "
                    + levels.stream().map(RelationshipLevel::name).collect(Collectors.joining(" or "));
        }

        private static String lower(Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private RelationshipLevels() {
    }

    /**
     * Looks up Kotler's table.
     *
     * @param customers how many customers the group has (the row)
     * @param margin the profit margin per unit (the column)
     * @return the recommended level or levels with the reason
     */
    public static Recommendation recommend(CustomerCount customers, Margin margin) {
        requireNonNull(customers, "customers");
        requireNonNull(margin, "margin");
        List<RelationshipLevel> levels = switch (customers) {
            case MANY -> switch (margin) {
                case HIGH -> List.of(ACCOUNTABLE);
                case MEDIUM -> List.of(REACTIVE);
                case LOW -> List.of(BASIC, REACTIVE);
            };
            case MEDIUM -> switch (margin) {
                case HIGH -> List.of(PROACTIVE);
                case MEDIUM -> List.of(ACCOUNTABLE);
                case LOW -> List.of(REACTIVE);
            };
            case FEW -> switch (margin) {
                case HIGH -> List.of(PARTNERSHIP);
                case MEDIUM -> List.of(PROACTIVE);
                case LOW -> List.of(ACCOUNTABLE);
            };
        };
        return new Recommendation(levels, customers, margin);
    }
}
