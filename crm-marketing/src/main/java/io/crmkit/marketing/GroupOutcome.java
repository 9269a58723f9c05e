package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What one group did within the attribution window.
 *
 * @param customers the group's size, at least 1
 * @param responders customers with at least one attributed response, 0..customers
 * @param purchases attributed responses that carried revenue, 0 or more
 * @param revenue the attributed revenue, not negative
 */
public record GroupOutcome(long customers, long responders, long purchases, Money revenue) {

    /**
     * Validates the outcome.
     *
     * @param customers at least 1
     * @param responders 0..customers
     * @param purchases 0 or more
     * @param revenue not negative
     */
    public GroupOutcome {
        requireNonNull(revenue, "revenue");
        checkArgument(customers >= 1, "group size %s is below 1", customers);
        checkArgument(responders >= 0 && responders <= customers, "responders %s outside 0..%s", responders, customers);
        checkArgument(purchases >= 0, "purchases %s is negative", purchases);
        checkArgument(!revenue.isNegative(), "revenue %s is negative", revenue);
    }

    /** @return responders / customers, in [0, 1] */
    public double responseRate() {
        return (double) responders / customers;
    }

    /** @return revenue / customers, exact to 34 significant digits */
    public BigDecimal revenuePerCustomer() {
        return revenue.amount().divide(BigDecimal.valueOf(customers), MathContext.DECIMAL128);
    }
}
