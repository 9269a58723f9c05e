package io.crmkit.cli.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The per-customer sums of crm rfm equal the exact sums of crm-core's Money amounts, scale included. */
class RfmTotalsTest {

    @Test
    void sumsKeepTheLargestScaleAndAtLeastTheCurrencys() {
        RfmCommand.Totals t = new RfmCommand.Totals(2);
        t.add(0, 10, RfmCommand.Totals.units("100"), RfmCommand.Totals.scale("100"));
        t.add(0, 12, RfmCommand.Totals.units("0.125"), RfmCommand.Totals.scale("0.125"));
        t.add(1, 11, RfmCommand.Totals.units("5"), RfmCommand.Totals.scale("5"));
        t.add(1, 9, new BigDecimal("1e3"));
        assertEquals("100.125", t.sum(0).toPlainString()); // 100 + 0.125
        assertEquals("1005.00", t.sum(1).toPlainString()); // 5 + 1000, at the currency's two decimals
        assertEquals(12, t.last[0]);
        assertEquals(11, t.last[1]);
        assertEquals(2, t.count[1]);
    }

    @Test
    void aSumBeyondTheLongRangeStaysExact() {
        RfmCommand.Totals t = new RfmCommand.Totals(2);
        String big = "99999999999999.999"; // 17 digits, scale 3
        for (int i = 0; i < 1000; i++) {
            t.add(0, 1, RfmCommand.Totals.units(big), RfmCommand.Totals.scale(big));
        }
        assertEquals(new BigDecimal(big).multiply(BigDecimal.valueOf(1000)), t.sum(0));
    }

    @Test
    void textThatIsNotAPlainShortDecimalTakesTheExactPath() {
        for (String text : List.of("1e3", "123456789012345678", "1.2.3", "", "-", "5d")) {
            assertEquals(RfmCommand.Totals.NOT_PLAIN, RfmCommand.Totals.units(text), text);
        }
        assertEquals(-5, RfmCommand.Totals.units("-5"));
        assertEquals(1250, RfmCommand.Totals.units("12.50"));
    }

    @Property
    void theSumEqualsTheBigDecimalSum(@ForAll @Size(min = 1, max = 30) List<@BigRange(min = "0", max = "100000000")
            @Scale(4) BigDecimal> amounts) {
        RfmCommand.Totals t = new RfmCommand.Totals(2);
        BigDecimal expected = BigDecimal.ZERO.setScale(2);
        for (BigDecimal a : amounts) {
            String text = a.toPlainString();
            t.add(0, 1, RfmCommand.Totals.units(text), RfmCommand.Totals.scale(text));
            expected = expected.add(a);
        }
        assertEquals(expected, t.sum(0));
    }
}
