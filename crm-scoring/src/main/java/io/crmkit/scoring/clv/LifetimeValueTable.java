package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;

import java.util.Arrays;

/**
 * Each customer's lifetime value with the figures it is made of, as {@link LifetimeValue#table}
 * computes it for a table of customers: the expected purchases over the horizon, P(alive) today,
 * the expected spend per purchase (Gamma-Gamma; the population mean for a customer without repeat
 * purchases) and the discounted lifetime value, plus the totals an analyst reads first (the sum
 * and the share of the top decile).
 *
 * <p>Immutable and thread-safe: the column getters return copies.
 */
public final class LifetimeValueTable {

    private final double[] expectedPurchases;
    private final double[] probabilityAlive;
    private final double[] expectedSpend;
    private final double[] value;
    private final double total;
    private final double topDecileShare;

    LifetimeValueTable(double[] expectedPurchases, double[] probabilityAlive, double[] expectedSpend, double[] value) {
        require(value.length > 0, "a lifetime value table needs at least one customer, got %s", value.length);
        this.expectedPurchases = expectedPurchases;
        this.probabilityAlive = probabilityAlive;
        this.expectedSpend = expectedSpend;
        this.value = value;
        double sum = 0;
        for (double v : value) {
            sum += v;
        }
        require(Double.isFinite(sum), "total lifetime value of %s customers is beyond the range of a double",
                value.length);
        this.total = sum;
        double[] sorted = value.clone();
        Arrays.sort(sorted);
        int top = (value.length + 9) / 10;
        double topSum = 0;
        for (int i = sorted.length - top; i < sorted.length; i++) {
            topSum += sorted[i];
        }
        this.topDecileShare = sum > 0 ? Math.min(1, topSum / sum) : 0;
    }

    /** @return the number of customers */
    public int size() {
        return value.length;
    }

    /**
     * @param row a row of the summaries the table was computed for
     * @return E[Y(h) | x, t<sub>x</sub>, T], the expected purchases over the horizon h (months
     *     times the time units per month)
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double expectedPurchases(int row) {
        return expectedPurchases[row];
    }

    /**
     * @param row a row
     * @return P(alive | x, t<sub>x</sub>, T) at the end of observation, in [0, 1]
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double probabilityAlive(int row) {
        return probabilityAlive[row];
    }

    /**
     * @param row a row
     * @return the Gamma-Gamma expected spend per purchase, in the money unit of the data
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double expectedSpend(int row) {
        return expectedSpend[row];
    }

    /**
     * @param row a row
     * @return the discounted lifetime value over the horizon, &ge; 0, in the money unit of the data
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public double value(int row) {
        return value[row];
    }

    /** @return a copy of the lifetime value column */
    public double[] values() {
        return value.clone();
    }

    /** @return the sum of the lifetime values */
    public double total() {
        return total;
    }

    /**
     * The share of the total held by the most valuable tenth of the customers (⌈n/10⌉ customers).
     *
     * @return the share in [0, 1]; 0 when the total is 0
     */
    public double topDecileShare() {
        return topDecileShare;
    }

    /** @return the size and the totals */
    @Override
    public String toString() {
        return "LifetimeValueTable[customers=" + value.length + ", total=" + total + ", topDecileShare="
                + topDecileShare + "]";
    }
}
