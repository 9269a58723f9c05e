package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The mean repeat spend of amounts near the largest double (1.7976931348623157e308): their sum
 * is beyond the double range although the mean is not, and the mean must come out right; only a
 * mean beyond the range is refused. Expected means are exact decimal arithmetic over the amounts
 * (BigDecimal), rounded once to a double.
 */
class CustomerSummarizerSpendRangeTest {

    private static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);
    private static final int FIRST = (int) LocalDate.of(2020, 1, 1).toEpochDay();

    @Test
    void twoRepeatPurchasesOf1point7e308HaveTheMean1point7e308() {
        // the review's example: 1 on the first day, then 1.7e308 twice; 1.7e308 + 1.7e308 = 3.4e308
        // overflows a double, the mean (3.4e308 / 2) is 1.7e308 exactly
        CustomerSummaries s = CustomerSummarizer.asOf(AS_OF).summarizeEpochDays(new int[] {0, 0, 0},
                new int[] {FIRST, FIRST + 31, FIRST + 60}, new double[] {1, 1.7e308, 1.7e308}).summaries();
        assertEquals(2.0, s.frequency(0));
        assertEquals(1.7e308, s.monetaryValue(0));
    }

    @Test
    void theLargestDoubleThreeTimesHasTheLargestDoubleAsMean() {
        double max = Double.MAX_VALUE;
        CustomerSummaries s = CustomerSummarizer.asOf(AS_OF).summarizeEpochDays(new int[] {0, 0, 0, 0},
                new int[] {FIRST, FIRST + 1, FIRST + 2, FIRST + 3}, new double[] {5, max, max, max}).summaries();
        assertEquals(max, s.monetaryValue(0));
    }

    @Test
    void ordinaryAmountsAfterAnOverflowStillCount() {
        // (1.2e308 + 1.2e308 + 3e307 + 6) / 4 = 6.75e307 + 1.5, which rounds to 6.75e307
        CustomerSummaries s = CustomerSummarizer.asOf(AS_OF).summarizeEpochDays(new int[] {0, 0, 0, 0, 0},
                new int[] {FIRST, FIRST + 1, FIRST + 2, FIRST + 3, FIRST + 4}, new double[] {1, 1.2e308, 1.2e308, 3e307,
                        6}).summaries();
        assertEquals(exactMean(1.2e308, 1.2e308, 3e307, 6), s.monetaryValue(0), Math.ulp(6.75e307));
        assertEquals(6.75e307, s.monetaryValue(0), Math.ulp(6.75e307));
    }

    @Test
    void aMeanBeyondTheLargestDoubleIsRefusedNamingTheCustomer() {
        // two purchases of 1.7e308 on one repeat day are one repeat period worth 3.4e308: no double holds it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummarizer.asOf(AS_OF)
                .summarizeEpochDays(new int[] {0, 0, 0}, new int[] {FIRST, FIRST + 9, FIRST + 9},
                        new double[] {1, 1.7e308, 1.7e308}));
        assertTrue(e.getMessage().equals("mean repeat spend of customer index 0 is out of range: 3.40000E+308 is beyond the "
                + "largest double 1.7976931348623157E308"),
                e.getMessage());
    }

    @Test
    void aHoldoutMeanOfHugeAmountsIsRight() {
        // holdout days 2020-02-03 (1.2e308 twice: one period worth 2.4e308) and 2020-02-10 (2e307):
        // two periods, mean (2.4e308 + 2e307) / 2 = 1.3e308
        CustomerId id = CustomerId.of("c-1");
        List<Purchase> purchases = List.of(purchase(id, "2020-01-01", "1"), purchase(id, "2020-01-10", "2"),
                purchase(id, "2020-02-03", "1.2e308"), purchase(id, "2020-02-03", "1.2e308"),
                purchase(id, "2020-02-10", "2e307"));
        ImmutableList<CustomerSummarizer.CalibrationHoldout> split = CustomerSummarizer.asOf(LocalDate.of(2020, 2, 29))
                .splitAt(purchases, LocalDate.of(2020, 1, 31));
        assertEquals(2, split.get(0).holdoutFrequency());
        assertEquals(exactSum(1.2e308, 1.2e308, 2e307).divide(BigDecimal.valueOf(2)).doubleValue(),
                split.get(0).holdoutMonetaryValue(), Math.ulp(1.3e308));
        assertEquals(1.3e308, split.get(0).holdoutMonetaryValue(), Math.ulp(1.3e308));
    }

    @Test
    void aHoldoutMeanBeyondTheLargestDoubleIsRefused() {
        CustomerId id = CustomerId.of("13812345678");
        List<Purchase> purchases = List.of(purchase(id, "2020-01-01", "1"), purchase(id, "2020-02-03", "1.7e308"),
                purchase(id, "2020-02-03", "1.7e308"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerSummarizer
                .asOf(LocalDate.of(2020, 2, 29)).splitAt(purchases, LocalDate.of(2020, 1, 31)));
        assertTrue(e.getMessage().startsWith("mean holdout spend of customer"), e.getMessage());
        assertTrue(e.getMessage().contains("138****5678") && !e.getMessage().contains("13812345678"),
                "the id is masked: " + e.getMessage());
    }

    /**
     * Any amounts up to the largest double, one repeat purchase a day: the mean is the exact mean
     * within the rounding of n additions and a division (relative error at most (n + 1) · 2^−53,
     * all terms being positive), and never refused.
     */
    @Property(tries = 300)
    void theMeanOfAnyAmountsWithinRangeIsRightAndFinite(
            @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = Double.MAX_VALUE) Double> amounts) {
        int n = amounts.size();
        int[] customer = new int[n + 1];
        int[] day = new int[n + 1];
        double[] amount = new double[n + 1];
        day[0] = FIRST;
        amount[0] = 1;
        for (int i = 0; i < n; i++) {
            day[i + 1] = FIRST + 1 + i;
            amount[i + 1] = amounts.get(i);
        }
        double mean = CustomerSummarizer.asOf(AS_OF).summarizeEpochDays(customer, day, amount).summaries()
                .monetaryValue(0);
        double exact = exactMean(amounts.stream().mapToDouble(Double::doubleValue).toArray());
        assertTrue(Double.isFinite(mean));
        assertEquals(exact, mean, (n + 1) * Math.ulp(exact) + Double.MIN_VALUE, amounts::toString);
    }

    /** The mean of the amounts in exact decimal arithmetic, rounded to the nearest double. */
    private static double exactMean(double... amounts) {
        return exactSum(amounts).divide(BigDecimal.valueOf(amounts.length), MathContext.DECIMAL128).doubleValue();
    }

    /** The sum of the amounts in exact decimal arithmetic. */
    private static BigDecimal exactSum(double... amounts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double a : amounts) {
            sum = sum.add(new BigDecimal(a));
        }
        return sum;
    }

    private static Purchase purchase(CustomerId id, String date, String amount) {
        return Purchase.of(id, LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC), Money.of(amount, "USD"));
    }
}
