package io.crmkit.cli.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How the command line writes an amount of money: at the currency's fraction digits
 * ({@link Currency#getDefaultFractionDigits()}: {@code 12.50} in USD, {@code 1250} in JPY,
 * {@code 1.250} in BHD), rounded half-even as crm-core's {@code Money.rounded} rounds, and as a
 * plain decimal below 10<sup>21</sup> ({@code 1234567.50}); from 10<sup>21</sup> on in scientific
 * form with every significant digit ({@code 1.0E308}, {@code 1.00000000000000000000025E21}), the
 * threshold of {@link Values#format(double)}, so that a huge amount is not hundreds of digits
 * long. Both forms read back as the same decimal in Java ({@code BigDecimal}, {@code double}),
 * Python and R.
 */
public final class MoneyText {

    /** From this many digits before the point on (10^21 and above) the scientific form is used. */
    private static final int PLAIN_DIGITS = 21;

    private MoneyText() {
    }

    /**
     * The amount as text.
     *
     * @param amount the amount, exact
     * @param currency its currency; a currency without fraction digits (pseudo-currencies such as
     *     XXX report −1) prints the amount at its own scale
     * @return the text, e.g. {@code 12.50}, {@code -3}, {@code 1.0E308}
     */
    public static String format(BigDecimal amount, Currency currency) {
        BigDecimal rounded = rounded(amount, currency);
        if (rounded.signum() == 0 || rounded.precision() - rounded.scale() <= PLAIN_DIGITS) {
            return rounded.toPlainString();
        }
        BigDecimal stripped = rounded.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = stripped.precision() - stripped.scale() - 1;
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            b.append('-');
        }
        b.append(digits.charAt(0)).append('.');
        b.append(digits.length() > 1 ? digits.substring(1) : "0");
        return b.append('E').append(exponent).toString();
    }

    /**
     * The amount as a JSON number writes it: {@link #format}'s decimal, as a {@code BigDecimal}
     * whose {@code toString} is that form ({@code 12.50}, {@code 1.0E+308}).
     *
     * @param amount the amount, exact
     * @param currency its currency
     * @return the number
     */
    public static BigDecimal number(BigDecimal amount, Currency currency) {
        return new BigDecimal(format(amount, currency));
    }

    private static BigDecimal rounded(BigDecimal amount, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? amount : amount.setScale(digits, RoundingMode.HALF_EVEN);
    }
}
