package io.crmkit.scoring.value;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The portfolio (Boston) matrix applied to customers (docs/domain.md §3): a customer's value share
 * against a split point and growth against a split point place it as star, cash cow, question
 * mark or dog. A value exactly at a split counts as high. The standard matrix uses the BCG
 * conventions: relative value share 1.0 (the customer's value over the mean customer's value: at
 * or above average is high) and growth of 10% per period.
 *
 * <pre>{@code
 * PortfolioMatrix matrix = PortfolioMatrix.standard();
 * PortfolioQuadrant q = matrix.place(2.4, 0.03);   // CASH_COW: well above average value, slow growth
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PortfolioMatrix {

    /** Values are summed in units of 2^64: exact, and no overflow near the top of the double range. */
    private static final double SUM_UNIT = 0x1p-64;

    private final double shareSplit;
    private final double growthSplit;

    private PortfolioMatrix(double shareSplit, double growthSplit) {
        this.shareSplit = shareSplit;
        this.growthSplit = growthSplit;
    }

    /** @return the matrix split at relative share 1.0 and growth 0.10 */
    public static PortfolioMatrix standard() {
        return new PortfolioMatrix(1.0, 0.10);
    }

    /**
     * Returns a matrix with the given split points.
     *
     * @param shareSplit the value share at and above which a customer's share counts as high, finite
     * @param growthSplit the growth rate at and above which growth counts as high, finite
     * @return the matrix
     * @throws IllegalArgumentException if a split is not finite
     */
    public static PortfolioMatrix of(double shareSplit, double growthSplit) {
        checkArgument(Double.isFinite(shareSplit), "shareSplit %s is not a finite number", shareSplit);
        checkArgument(Double.isFinite(growthSplit), "growthSplit %s is not a finite number", growthSplit);
        return new PortfolioMatrix(shareSplit, growthSplit);
    }

    /** @return the share split point */
    public double shareSplit() {
        return shareSplit;
    }

    /** @return the growth split point */
    public double growthSplit() {
        return growthSplit;
    }

    /**
     * Places one customer.
     *
     * @param share the customer's value share (in the unit of the split, e.g. relative to the mean), finite
     * @param growth the customer's value growth per period (0.1 = 10%), finite
     * @return the quadrant
     * @throws IllegalArgumentException if an input is not finite
     */
    public PortfolioQuadrant place(double share, double growth) {
        checkArgument(Double.isFinite(share), "share %s is not a finite number", share);
        checkArgument(Double.isFinite(growth), "growth %s is not a finite number", growth);
        boolean highShare = share >= shareSplit;
        boolean highGrowth = growth >= growthSplit;
        if (highShare) {
            return highGrowth ? PortfolioQuadrant.STAR : PortfolioQuadrant.CASH_COW;
        }
        return highGrowth ? PortfolioQuadrant.QUESTION_MARK : PortfolioQuadrant.DOG;
    }

    /**
     * Places customers from their value in two periods: share = current value over the mean
     * current value (so use the standard split 1.0), growth = current over previous value minus 1
     * (a customer with no previous value and some current value counts as high growth, one with
     * neither as 0 growth).
     *
     * @param previous each customer's value in the earlier period, finite and 0 or more
     * @param current each customer's value now, finite and 0 or more, same length
     * @return the quadrant of each customer, by position
     * @throws IllegalArgumentException if the lengths differ or a value is negative or not finite
     */
    public PortfolioQuadrant[] placeByRelativeValue(double[] previous, double[] current) {
        requireNonNull(previous, "previous");
        requireNonNull(current, "current");
        checkArgument(previous.length == current.length, "lengths differ: previous %s, current %s", previous.length, current.length);
        double total = 0;
        for (int i = 0; i < current.length; i++) {
            checkArgument(Double.isFinite(previous[i]) && previous[i] >= 0, "previous[%s] %s must be finite and 0 or more", (Integer) i, (Double) previous[i]);
            checkArgument(Double.isFinite(current[i]) && current[i] >= 0, "current[%s] %s must be finite and 0 or more", (Integer) i, (Double) current[i]);
            total += current[i] * SUM_UNIT;
        }
        // summed in units of 2^64 (exact scaling), so values near the top of the double range do not overflow
        double mean = current.length == 0 ? 0 : total / current.length / SUM_UNIT;
        PortfolioQuadrant[] out = new PortfolioQuadrant[current.length];
        for (int i = 0; i < current.length; i++) {
            double share = mean == 0 ? 0 : current[i] / mean;
            double growth = previous[i] > 0 ? Math.min(current[i] / previous[i] - 1, Double.MAX_VALUE)
                    : current[i] > 0 ? Math.max(growthSplit, 0) + 1 : 0;
            out[i] = place(share, growth);
        }
        return out;
    }

    /** @return the split points */
    @Override
    public String toString() {
        return "PortfolioMatrix[share split " + shareSplit + ", growth split " + growthSplit + "]";
    }
}
