package io.crmkit.core.money;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency: a {@link BigDecimal} with a {@link Currency}, never a
 * {@code double}. Amounts keep the scale they were given (at least the currency's default
 * fraction digits); arithmetic is exact. Mixing currencies is an error, never a silent
 * conversion.
 *
 * <p><b>Range.</b> An amount has at most {@value #MAX_DIGITS} digits before the decimal point
 * (its absolute value is below 10<sup>{@value #MAX_DIGITS}</sup>) and a scale from
 * −{@value #MAX_DIGITS} to {@value #MAX_DIGITS} (at most that many digits after the point), far
 * beyond any real amount; this keeps every operation's cost bounded (an amount such as
 * {@code 1e999999999} would need a billion digits once given the currency's scale). Factories and
 * operations whose result would leave the range throw an {@link IllegalArgumentException}.
 *
 * <p>A {@code Money} may be negative (a refund, a difference); types that need a non-negative
 * amount, such as a {@link io.crmkit.core.purchase.Purchase}, check it themselves.
 *
 * <pre>{@code
 * Money price = Money.of("199.00", "CNY");
 * Money total = price.times(3).plus(Money.of("10", "CNY"));   // CNY 607.00
 * }</pre>
 */
public final class Money implements Comparable<Money>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The most digits an amount may have before, and after, the decimal point. */
    public static final int MAX_DIGITS = 1000;

    /** The amount, at least at the currency's default scale. */
    private final BigDecimal amount;
    /** The currency of the amount. */
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        requireInRange("amount", amount);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        this.amount = amount.scale() < digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : amount;
        this.currency = currency;
    }

    private static void requireInRange(String field, BigDecimal value) {
        checkArgument(value.scale() >= -MAX_DIGITS && value.scale() <= MAX_DIGITS
                        && (value.signum() == 0 || value.precision() - value.scale() <= MAX_DIGITS),
                "%s %s is out of range: at most %s digits before and after the decimal point",
                field, abbreviated(value), MAX_DIGITS);
    }

    /** The value in scientific notation, cut short if long: a range message must stay readable. */
    private static String abbreviated(BigDecimal value) {
        String s = value.toString();
        return s.length() <= 40 ? s : value.round(new java.math.MathContext(6)).toString() + " (" + value.precision()
                + " digits)";
    }

    /**
     * Returns the amount in the currency.
     *
     * @param amount the amount; its scale is kept, widened to the currency's fraction digits; at
     *     most {@value #MAX_DIGITS} digits before and after the decimal point
     * @param currency the currency
     * @return the money
     * @throws IllegalArgumentException if the amount is out of range
     */
    public static Money of(BigDecimal amount, Currency currency) {
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        return new Money(amount, currency);
    }

    /**
     * Parses the amount and looks up the currency by its ISO 4217 code.
     *
     * @param amount a decimal number such as {@code "199.00"}
     * @param currencyCode an ISO 4217 code such as {@code "CNY"}
     * @return the money
     * @throws IllegalArgumentException if the amount is not a decimal number or out of range, or
     *     the code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        requireNonNull(amount, "amount");
        return of(parseAmount(amount), currency(currencyCode));
    }

    /**
     * Returns zero in the currency.
     *
     * @param currency the currency
     * @return zero, at the currency's default scale
     */
    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /**
     * Looks up a currency by its ISO 4217 code.
     *
     * @param currencyCode an ISO 4217 code such as {@code "EUR"}
     * @return the currency
     * @throws IllegalArgumentException if the code is not a known ISO 4217 code
     */
    public static Currency currency(String currencyCode) {
        requireNonNull(currencyCode, "currency");
        try {
            return Currency.getInstance(currencyCode.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "currency '" + currencyCode + "' is unknown: expected an ISO 4217 code such as CNY, EUR or USD", e);
        }
    }

    private static BigDecimal parseAmount(String amount) {
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "amount '" + amount + "' is not a decimal number such as 199.00", e);
        }
    }

    /** @return the amount, at least at the currency's default scale */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the currency */
    public Currency currency() {
        return currency;
    }

    /**
     * Adds money of the same currency.
     *
     * @param other money in the same currency
     * @return the sum
     * @throws IllegalArgumentException if the currencies differ or the sum is out of range
     */
    public Money plus(Money other) {
        checkSameCurrency(other, "plus");
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Subtracts money of the same currency.
     *
     * @param other money in the same currency
     * @return the difference, possibly negative
     * @throws IllegalArgumentException if the currencies differ or the difference is out of range
     */
    public Money minus(Money other) {
        checkSameCurrency(other, "minus");
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by a whole factor, e.g. a quantity.
     *
     * @param factor the factor
     * @return the product
     * @throws IllegalArgumentException if the factor or the product is out of range
     */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Multiplies by a decimal factor, e.g. a rate, keeping the exact product.
     *
     * @param factor the factor
     * @return the product
     * @throws IllegalArgumentException if the factor or the product is out of range
     */
    public Money times(BigDecimal factor) {
        requireNonNull(factor, "factor");
        requireInRange("factor", factor);
        return new Money(amount.multiply(factor), currency);
    }

    /**
     * Rounds to the currency's default fraction digits.
     *
     * @param mode the rounding mode
     * @return the rounded money
     */
    public Money rounded(RoundingMode mode) {
        requireNonNull(mode, "mode");
        return new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), mode), currency);
    }

    /** @return the negated amount */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** @return whether the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Compares amounts of the same currency numerically (scale ignored).
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        checkSameCurrency(other, "compareTo");
        return amount.compareTo(other.amount);
    }

    private void checkSameCurrency(Money other, String operation) {
        requireNonNull(other, "other");
        checkArgument(currency.equals(other.currency),
                "currency mismatch in %s: %s and %s cannot be mixed without an explicit conversion",
                operation, currency.getCurrencyCode(), other.currency.getCurrencyCode());
    }

    /** Two amounts are equal when currency and numeric value are equal ({@code 1.0 == 1.00}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    /** @return for example {@code CNY 199.00} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(amount, currency.getCurrencyCode());
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Money is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(BigDecimal amount, String currency) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return Money.of(amount, Money.currency(currency));
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("Money: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
