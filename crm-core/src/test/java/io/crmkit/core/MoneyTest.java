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

    @Test
    void anAmountBeyondTheRangeIsRefusedNamingTheRule() {
        // issue 10 §3: this threw ArithmeticException from widening the scale to the currency's
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Money.of(new BigDecimal("1e999999999"), java.util.Currency.getInstance("USD")));
        assertEquals("amount 1E+999999999 is out of range: at most 1000 digits before and after the decimal point",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("1e-1001", "USD"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "USD").times(new BigDecimal("1e999999999")));
        assertEquals(new BigDecimal("1E+999").setScale(2), Money.of("1e999", "USD").amount());
        Money big = Money.of(new BigDecimal("9").scaleByPowerOfTen(999), java.util.Currency.getInstance("USD"));
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class, () -> big.plus(big));
        assertTrue(sum.getMessage().startsWith("amount 1.80000E+1000 (1003 digits) is out of range"), sum.getMessage());
    }

    @Property
    void everyOperationEitherGivesMoneyOrRefusesWithIllegalArgument(@ForAll("amounts") BigDecimal a,
            @ForAll("amounts") BigDecimal b) {
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        Money x;
        try {
            x = Money.of(a, usd);
        } catch (IllegalArgumentException refused) {
            return;
        }
        for (java.util.function.Supplier<Money> op : java.util.List.<java.util.function.Supplier<Money>>of(
                () -> x.plus(Money.of(b, usd)), () -> x.times(b), () -> x.minus(Money.of(b, usd)),
                () -> x.rounded(RoundingMode.HALF_UP), x::negate, () -> x.times(Long.MAX_VALUE))) {
            try {
                Money m = op.get();
                assertTrue(m.amount().scale() <= Money.MAX_DIGITS);
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().contains("is out of range"), refused.getMessage());
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<BigDecimal> amounts() {
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.longs(),
                net.jqwik.api.Arbitraries.integers().between(-1_100, 1_100)).as(BigDecimal::valueOf);
    }
}
