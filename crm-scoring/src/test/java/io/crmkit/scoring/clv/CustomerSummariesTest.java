package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomerSummariesTest {

    @Test
    void compressionMergesIdenticalRowsIntoWeights() {
        CustomerSummaries data = CustomerSummaries.of(new double[] {0, 2, 0, 2}, new double[] {0, 5, 0, 5},
                new double[] {10, 10, 10, 12});
        CustomerSummaries compressed = data.compressed();
        assertEquals(3, compressed.size());
        assertEquals(2.0, compressed.weight(0));
        assertEquals(4.0, compressed.totalWeight());
    }

    @Test
    void mergeAppendsPartitions() {
        CustomerSummaries a = CustomerSummaries.of(new double[] {1}, new double[] {2}, new double[] {3});
        CustomerSummaries b = CustomerSummaries.of(new double[] {0}, new double[] {0}, new double[] {4}, new double[] {7});
        CustomerSummaries merged = a.merge(b);
        assertEquals(2, merged.size());
        assertEquals(8.0, merged.totalWeight());
        assertEquals(4.0, merged.age(1));
    }

    @Test
    void badRowsAreRejectedNamingRowValueAndRule() {
        assertMessage("recency 12.0 exceeds age T 10.0 at row 0",
                () -> CustomerSummaries.of(new double[] {1}, new double[] {12}, new double[] {10}));
        assertMessage("frequency 1.5 at row 0 is invalid",
                () -> CustomerSummaries.of(new double[] {1.5}, new double[] {1}, new double[] {10}));
        assertMessage("frequency -1.0 at row 0 is invalid",
                () -> CustomerSummaries.of(new double[] {-1}, new double[] {1}, new double[] {10}));
        assertMessage("with frequency 0",
                () -> CustomerSummaries.of(new double[] {0}, new double[] {1}, new double[] {10}));
        assertMessage("T 0.0 at row 0 is invalid",
                () -> CustomerSummaries.of(new double[] {0}, new double[] {0}, new double[] {0}));
        assertMessage("T NaN at row 1 is invalid",
                () -> CustomerSummaries.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {1, Double.NaN}));
        assertMessage("weight 0.0 at row 0",
                () -> CustomerSummaries.of(new double[] {0}, new double[] {0}, new double[] {1}, new double[] {0}));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void summariesCarryTheirTimeUnitAndConvertBetweenUnits() {
        CustomerSummaries days = CustomerSummaries.of(new double[] {2, 0}, new double[] {14, 0}, new double[] {28, 7});
        assertEquals(java.time.Duration.ofDays(1), days.timeUnit());
        CustomerSummaries weeks = days.convertedTo(java.time.Duration.ofDays(7));
        assertEquals(java.time.Duration.ofDays(7), weeks.timeUnit());
        assertEquals(2.0, weeks.recency(0), 1e-15);
        assertEquals(4.0, weeks.age(0), 1e-15);
        assertEquals(1.0, weeks.age(1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> days.merge(weeks));
        assertEquals(4, days.merge(weeks.convertedTo(java.time.Duration.ofDays(1))).size());
    }
}
