package io.crmkit.core.relationship;

/**
 * Kotler's five levels of relationship a seller can keep with a customer (docs/domain.md §2;
 * P. Kotler, <i>Marketing Management</i>). BASIC and PARTNERSHIP are the extremes; the levels
 * are ordered, each doing more for the customer than the one before. What each level promises
 * in contacts is set by a {@link ContactPolicy} ({@link ContactPolicy#defaults()} documents the
 * defaults).
 *
 * <pre>{@code
 * RelationshipLevel level = RelationshipLevels.recommend(CustomerCount.FEW, Margin.HIGH).levels().get(0);
 * level.meaning();   // "works continuously with the customer ..."
 * }</pre>
 */
public enum RelationshipLevel {
    /** Sells the product and has no further contact. */
    BASIC("sells the product and has no further contact"),
    /** Sells, and encourages the customer to call or write in when there is a problem. */
    REACTIVE("sells, and encourages the customer to call or write in when there is a problem"),
    /** Calls the customer shortly after the sale to check the product meets expectations. */
    ACCOUNTABLE("calls the customer shortly after the sale to check the product meets expectations, "
            + "and asks for improvement ideas and defects"),
    /** Contacts the customer regularly with suggestions for better use and news of new products. */
    PROACTIVE("contacts the customer regularly with suggestions for better use and news of new products"),
    /** Works continuously with the customer to save money or use the product better; designs products with them. */
    PARTNERSHIP("works continuously with the customer to find ways to save money or use the product better, "
            + "and designs products with them");

    private final String meaning;

    RelationshipLevel(String meaning) {
        this.meaning = meaning;
    }

    /** @return what the seller does at this level, in Kotler's words */
    public String meaning() {
        return meaning;
    }

    /**
     * Tells whether this level does more for the customer than another.
     *
     * @param other the other level
     * @return whether this level is above {@code other} in Kotler's order
     */
    public boolean isAbove(RelationshipLevel other) {
        return compareTo(other) > 0;
    }
}
