package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Money as the command line writes it: the currency's fraction digits (ISO 4217: JPY 0, USD 2,
 * BHD 3), half-even rounding, a plain decimal below 10^21 and the scientific form from there on.
 */
class MoneyTextTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void theCurrencysFractionDigitsHalfEven() {
        assertEquals("12.50", MoneyText.format(new BigDecimal("12.5"), USD));
        assertEquals("0.38", MoneyText.format(new BigDecimal("0.375"), USD));
        assertEquals("0.12", MoneyText.format(new BigDecimal("0.125"), USD));
        // JPY has no minor unit: 300.75 yen is written 301, 100.5 rounds to the even 100
        assertEquals("301", MoneyText.format(new BigDecimal("300.75"), JPY));
        assertEquals("100", MoneyText.format(new BigDecimal("100.5"), JPY));
        assertEquals("1.500", MoneyText.format(new BigDecimal("1.5"), BHD));
        assertEquals("-3.00", MoneyText.format(new BigDecimal("-3"), USD));
        assertEquals("0", MoneyText.format(new BigDecimal("-0.4"), JPY));
    }

    @Test
    void hugeAmountsAreScientificWithEveryDigit() {
        // the review's example: 1e308 used to print as 309 digits
        assertEquals("1.0E308", MoneyText.format(new BigDecimal("1e308"), USD));
        assertEquals("1.0E308", MoneyText.format(new BigDecimal("1e308"), JPY));
        assertEquals("999999999999999999999.99", MoneyText.format(new BigDecimal("999999999999999999999.99"), USD));
        assertEquals("1.0E21", MoneyText.format(new BigDecimal("1000000000000000000000"), USD));
        assertEquals("1.00000000000000000000025E21", MoneyText.format(new BigDecimal("1000000000000000000000.25"), USD));
        assertEquals("-2.5E30", MoneyText.format(new BigDecimal("-2.5e30"), USD));
        assertEquals("1.0E+308", MoneyText.number(new BigDecimal("1e308"), USD).toString());
        assertEquals("12.50", MoneyText.number(new BigDecimal("12.5"), USD).toString());
    }

    /** Whatever the magnitude, the text reads back as the amount rounded to the currency's digits. */
    @Property(tries = 300)
    void theTextReadsBackAsTheRoundedAmount(@ForAll @BigRange(min = "-1e12", max = "1e12") BigDecimal mantissa,
            @ForAll @IntRange(min = -5, max = 300) int exponent, @ForAll @IntRange(min = 0, max = 2) int which) {
        Currency currency = new Currency[] {USD, JPY, BHD}[which];
        BigDecimal amount = mantissa.scaleByPowerOfTen(exponent);
        BigDecimal expected = amount.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.HALF_EVEN);
        String text = MoneyText.format(amount, currency);
        assertEquals(0, new BigDecimal(text).compareTo(expected), text);
        if (expected.abs().compareTo(new BigDecimal("1e21")) < 0) {
            assertEquals(expected.toPlainString(), text);
        }
    }
}
