package io.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void arithmeticIsExactAndKeepsTheCurrency() {
        Money price = Money.of("199.00", "CNY");
        assertEquals(Money.of("607.00", "CNY"), price.times(3).plus(Money.of("10", "CNY")));
        assertEquals("CNY 607.00", price.times(3).plus(Money.of("10", "CNY")).toString());
        assertEquals(Money.of("-1.00", "CNY"), Money.of("9", "CNY").minus(Money.of("10", "CNY")));
    }

    @Test
    void amountsAreWidenedToTheCurrencysFractionDigits() {
        assertEquals(new BigDecimal("5.00"), Money.of("5", "EUR").amount());
        assertEquals(new BigDecimal("5"), Money.of("5", "JPY").amount());
        assertEquals(Money.of("0.33", "EUR"), Money.of("1", "EUR").times(new BigDecimal("0.333")).rounded(RoundingMode.HALF_EVEN));
    }

    @Test
    void mixingCurrenciesIsAnErrorThatNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
        assertTrue(e.getMessage().contains("CNY") && e.getMessage().contains("USD"), e.getMessage());
    }

    @Test
    void unknownCurrencyAndBadAmountsNameTheValue() {
        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZQ"));
        assertTrue(currency.getMessage().contains("'XYZQ'"), currency.getMessage());
        IllegalArgumentException amount = assertThrows(IllegalArgumentException.class, () -> Money.of("1,5", "EUR"));
        assertTrue(amount.getMessage().contains("'1,5'"), amount.getMessage());
    }

    @Property
    void additionThenSubtractionIsTheIdentity(@ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long a,
            @ForAll @LongRange(min = -1_000_000_000, max = 1_000_000_000) long b) {
        Money x = Money.of(BigDecimal.valueOf(a, 2), Money.currency("EUR"));
        Money y = Money.of(BigDecimal.valueOf(b, 2), Money.currency("EUR"));
        assertEquals(x, x.plus(y).minus(y));
        assertEquals(x.plus(y).hashCode(), y.plus(x).hashCode());
    }
}
