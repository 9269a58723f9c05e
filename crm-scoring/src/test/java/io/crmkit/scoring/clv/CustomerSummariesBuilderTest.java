package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerSummaries.Builder} against the array factories it stands in for: the same rows give
 * the same summaries, bit for bit, and the same bad row the same refusal.
 */
class CustomerSummariesBuilderTest {

    /** Random valid rows: x whole, 0 <= t_x <= T, t_x = 0 when x = 0, spend 0 when x = 0. */
    private static double[][] rows(Random random, int n) {
        double[][] c = new double[6][n];
        for (int i = 0; i < n; i++) {
            double x = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            double t = 1 + random.nextInt(100) + random.nextDouble();
            c[0][i] = x;
            c[1][i] = x == 0 ? 0 : t * random.nextDouble();
            c[2][i] = t;
            c[3][i] = x == 0 ? 0 : random.nextDouble() * 200;
            c[4][i] = 1 + random.nextInt(5);
            c[5][i] = x == 0 ? 0 : random.nextGaussian() * 3;
        }
        return c;
    }

    private static void assertSameBits(CustomerSummaries expected, CustomerSummaries actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.frequencies(), actual.frequencies());
        assertArrayEquals(expected.recencies(), actual.recencies());
        assertArrayEquals(expected.ages(), actual.ages());
        assertArrayEquals(expected.weights(), actual.weights());
        assertEquals(Double.doubleToRawLongBits(expected.totalWeight()), Double.doubleToRawLongBits(actual.totalWeight()));
        assertEquals(expected.hasMonetaryValue(), actual.hasMonetaryValue());
        if (expected.hasMonetaryValue()) {
            assertArrayEquals(expected.monetaryValues(), actual.monetaryValues());
        }
        assertEquals(expected.hasLogInterPurchaseTimes(), actual.hasLogInterPurchaseTimes());
        if (expected.hasLogInterPurchaseTimes()) {
            assertArrayEquals(expected.logInterPurchaseTimes(), actual.logInterPurchaseTimes());
        }
        assertEquals(expected.timeUnit(), actual.timeUnit());
    }

    @Property(tries = 200)
    void theBuilderGivesTheFactoriesSummaries(@ForAll long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(300);
        double[][] c = rows(random, n);
        boolean spend = random.nextBoolean();
        boolean weights = random.nextBoolean();
        boolean litt = random.nextBoolean();
        // expected fewer, as many, or more rows than come: the columns grow or are cut to the rows
        CustomerSummaries.Builder builder = CustomerSummaries.builder(random.nextInt(2 * n + 1));
        if (spend) {
            builder.withMonetaryValue();
        }
        if (weights) {
            builder.withWeights();
        }
        if (litt) {
            builder.withLogInterPurchaseTimes();
        }
        for (int i = 0; i < n; i++) {
            builder.add(c[0][i], c[1][i], c[2][i], spend ? c[3][i] : 0, weights ? c[4][i] : 1, litt ? c[5][i] : 0);
        }
        assertEquals(n, builder.size());
        CustomerSummaries expected;
        if (spend) {
            expected = weights ? CustomerSummaries.withMonetaryValue(c[0], c[1], c[2], c[3], c[4])
                    : CustomerSummaries.withMonetaryValue(c[0], c[1], c[2], c[3]);
        } else {
            expected = weights ? CustomerSummaries.of(c[0], c[1], c[2], c[4]) : CustomerSummaries.of(c[0], c[1], c[2]);
        }
        if (litt) {
            expected = expected.withLogInterPurchaseTimes(c[5]);
        }
        assertSameBits(expected, builder.build());
    }

    @Test
    void aBadRowIsRefusedAsTheFactoriesRefuseIt() {
        double[] x = {1, 2, 0};
        double[] tx = {1, 5, 0};
        double[] t = {3, 4, 2};
        String factory = assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.of(x, tx, t)).getMessage();
        CustomerSummaries.Builder builder = CustomerSummaries.builder(3).add(x[0], tx[0], t[0]);
        String built = assertThrows(IllegalArgumentException.class, () -> builder.add(x[1], tx[1], t[1])).getMessage();
        assertEquals(factory, built);
        assertEquals("recency 5.0 exceeds age T 4.0 at row 1: the last purchase cannot follow the end of observation",
                built);
        assertEquals(1, builder.size(), "the refused row is not kept");

        String spend = assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.builder(1)
                .withMonetaryValue().add(1, 1, 2, -3, 1, 0)).getMessage();
        assertEquals("monetary_value -3.0 at row 0 is invalid: it must be finite and not negative", spend);
        String weight = assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.builder(1)
                .withWeights().add(1, 1, 2, 0, 0, 0)).getMessage();
        assertEquals("weight 0.0 at row 0 is invalid: it must be finite and > 0", weight);
        String litt = assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.builder(1)
                .withLogInterPurchaseTimes().add(0, 0, 2, 0, 1, 0.5)).getMessage();
        assertTrue(litt.startsWith("log_inter_purchase_times 0.5 at row 0 is invalid with frequency 0"), litt);
    }

    @Test
    void aValueOfAColumnTheBuilderDoesNotCarryIsRefusedNotDropped() {
        CustomerSummaries.Builder builder = CustomerSummaries.builder(2);
        assertEquals("monetary_value 12.5 at row 0 is invalid: these summaries carry no spend (see withMonetaryValue)",
                assertThrows(IllegalArgumentException.class, () -> builder.add(1, 1, 2, 12.5, 1, 0)).getMessage());
        assertEquals("weight 3.0 at row 0 is invalid: these summaries carry no weights (see withWeights)",
                assertThrows(IllegalArgumentException.class, () -> builder.add(1, 1, 2, 0, 3, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.add(1, 1, 2, 0, 1, 0.7));
        CustomerSummaries built = builder.add(1, 1, 2, 0, 1, 0).build();
        assertEquals(1, built.size());
        assertFalse(built.hasMonetaryValue());
        assertArrayEquals(new double[] {1.0}, built.weights());
    }

    @Test
    void columnsComeBeforeTheFirstRowAndABuilderBuildsOnce() {
        CustomerSummaries.Builder builder = CustomerSummaries.builder(0).add(0, 0, 5);
        assertThrows(IllegalStateException.class, builder::withMonetaryValue);
        assertThrows(IllegalStateException.class, builder::withWeights);
        assertThrows(IllegalStateException.class, builder::withLogInterPurchaseTimes);
        CustomerSummaries built = builder.build();
        assertEquals(1, built.size());
        assertThrows(IllegalStateException.class, builder::build);
        assertThrows(IllegalStateException.class, () -> builder.add(0, 0, 5));
        assertEquals(5.0, built.age(0), "the summaries keep their rows after the builder is spent");
        assertEquals("expectedRows -1 is invalid: it must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.builder(-1)).getMessage());
        assertEquals(0, CustomerSummaries.builder(4).build().size(), "no rows: empty summaries, as of() gives them");
    }
}
