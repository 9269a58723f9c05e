package io.crmkit.core.purchase;

import static com.google.common.base.Preconditions.checkArgument;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One purchase in the customer file: the customer it is booked to, when it happened, what it
 * cost and, optionally, which product it was. Buyer and user may differ (a parent buys a car
 * that a child drives): {@link #purchaser()} and {@link #user()} default to the customer.
 *
 * <pre>{@code
 * Purchase p = Purchase.of(CustomerId.of("c-17"), Instant.parse("2026-03-01T10:15:00Z"), Money.of("199.00", "CNY"));
 * Purchase gift = Purchase.builder().customer(p.customer()).time(p.time()).amount(p.amount())
 *         .user(CustomerId.of("c-18")).product("sedan").build();
 * }</pre>
 */
@Value.Immutable
public abstract class Purchase {

    Purchase() {
    }

    /** @return the customer the purchase is booked to */
    public abstract CustomerId customer();

    /** @return when the purchase happened */
    public abstract Instant time();

    /** @return what was paid; never negative (a refund is a separate, negative adjustment elsewhere) */
    public abstract Money amount();

    /** @return the product or product line bought, if known */
    public abstract Optional<String> product();

    /** @return who paid; the customer unless set */
    @Value.Default
    public CustomerId purchaser() {
        return customer();
    }

    /** @return who uses the product; the customer unless set */
    @Value.Default
    public CustomerId user() {
        return customer();
    }

    /** @return whether buyer and user differ */
    public final boolean boughtForSomeoneElse() {
        return !purchaser().equals(user());
    }

    /**
     * Returns a purchase where the customer is both purchaser and user.
     *
     * @param customer the customer
     * @param time when it happened
     * @param amount what was paid, not negative
     * @return the purchase
     * @throws IllegalArgumentException if the amount is negative
     */
    public static Purchase of(CustomerId customer, Instant time, Money amount) {
        return builder().customer(customer).time(time).amount(amount).build();
    }

    /** @return a builder for purchases with product, purchaser or user */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a purchase's fields; {@code build()} checks them as {@link #of} does. Customer,
     * time and amount are required, each field may be set once. Not thread-safe: use it on one
     * thread.
     */
    public static final class Builder extends ImmutablePurchase.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        checkArgument(!amount().isNegative(),
                "amount %s of purchase by customer %s is negative: a purchase amount must be zero or more",
                amount(), customer().masked());
        product().ifPresent(p -> checkArgument(!p.isBlank(),
                "product of purchase by customer %s is blank: leave it empty or name the product", customer().masked()));
    }
}
