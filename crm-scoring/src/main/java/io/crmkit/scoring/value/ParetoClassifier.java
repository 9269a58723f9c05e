package io.crmkit.scoring.value;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import io.crmkit.core.customer.CustomerId;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * Grading customers by the value they bring (docs/domain.md §3): the 80/20 share, ABC classes by
 * cumulative share of value, the 20/60/20 keep / maintain / let-go rule over a profit ranking,
 * and purchase deciles. Every method is O(n log n) (one sort of a primitive copy finds the
 * cut values, then one linear pass classifies), and has a bulk {@code double[]} form for millions of customers.
 *
 * <p><b>ABC boundary rule.</b> Customers are ranked by value, highest first; a customer's
 * <i>share before</i> is the share of total value brought by customers with a strictly higher
 * value. A customer is A if the share before is below the A share (0.80), B if it is below
 * A + B (0.95), C otherwise. So the customer whose value crosses a line belongs to the class
 * being filled (with 50, 30, 20: 50 and 30 are A — 30 crosses 80% — and 20 is B); customers with
 * equal values share a class; a customer who brings 0 is always C. Shares are compared with a
 * tolerance of 1e-12 so that floating-point rounding does not move a customer across a line.
 *
 * <p><b>20/60/20 rule.</b> Ranked by profit, highest first, a customer's position is the number of
 * customers with a strictly higher profit: KEEP if the position is below 20% of the customers,
 * LET_GO if it is at or above 80%, MAINTAIN otherwise. Ties share the better action.
 *
 * <pre>{@code
 * AbcClass[] classes = ParetoClassifier.standard().abc(revenue);
 * double top = ParetoClassifier.topShare(revenue, 0.20);   // share of value from the top 20%
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoClassifier {

    /** Absorbs rounding in cumulative shares, so that a share of exactly 0.95 is not read as 0.9499999. */
    private static final double EPSILON = 1e-12;

    private final double aShare;
    private final double bShare;
    private final double keepShare;
    private final double letGoShare;

    private ParetoClassifier(double aShare, double bShare, double keepShare, double letGoShare) {
        this.aShare = aShare;
        this.bShare = bShare;
        this.keepShare = keepShare;
        this.letGoShare = letGoShare;
    }

    /** @return ABC at 80/15/5 and the 20/60/20 rule */
    public static ParetoClassifier standard() {
        return new ParetoClassifier(0.80, 0.15, 0.20, 0.20);
    }

    /**
     * Returns this classifier with other ABC shares; C takes the rest.
     *
     * @param a the share of value of class A, in (0, 1)
     * @param b the share of value of class B, above 0, with {@code a + b <= 1} (equal to 1: no class C but the zero-value customers)
     * @return the classifier
     * @throws IllegalArgumentException if a share is out of range or they exceed 1 together
     */
    public ParetoClassifier withAbcShares(double a, double b) {
        checkArgument(a > 0 && a < 1, "A share %s is out of range: it must be in (0, 1)", a);
        checkArgument(b > 0 && a + b <= 1, "B share %s is out of range: it must be above 0 and at most 1 - A share %s", b, a);
        return new ParetoClassifier(a, b, keepShare, letGoShare);
    }

    /**
     * Returns this classifier with other keep and let-go shares (by count); maintain takes the rest.
     *
     * @param keep the share of customers kept, in (0, 1)
     * @param letGo the share of customers let go, in [0, 1), with {@code keep + letGo <= 1}
     * @return the classifier
     * @throws IllegalArgumentException if a share is out of range or they exceed 1 together
     */
    public ParetoClassifier withKeepAndLetGoShares(double keep, double letGo) {
        checkArgument(keep > 0 && keep < 1, "keep share %s is out of range: it must be in (0, 1)", keep);
        checkArgument(letGo >= 0 && keep + letGo <= 1, "let-go share %s is out of range: it must be at least 0 and at most 1 - keep share %s",
                letGo, keep);
        return new ParetoClassifier(aShare, bShare, keep, letGo);
    }

    /**
     * Classifies customers A / B / C by cumulative share of value (boundary rule above).
     *
     * @param values each customer's value (revenue, profit contribution), finite and 0 or more
     * @return the class of each customer, by position
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public AbcClass[] abc(double[] values) {
        checkValues("values", values, true);
        int n = values.length;
        AbcClass[] out = new AbcClass[n];
        double[] sorted = sortedCopy(values);
        // shares are scale-free: sum in units of the largest value, so totals near 1e308 do not overflow
        double unit = n == 0 || sorted[n - 1] == 0 ? 1 : sorted[n - 1];
        double total = 0;
        for (double v : sorted) {
            total += v / unit;
        }
        // share before is non-increasing in the value: find the smallest value still in A and in B
        double lowestA = Double.POSITIVE_INFINITY;
        double lowestB = Double.POSITIVE_INFINITY;
        double above = 0;
        int i = n - 1;
        while (i >= 0 && total > 0) {
            double v = sorted[i];
            double before = above / total;
            if (before < aShare - EPSILON) {
                lowestA = v;
            } else if (before < aShare + bShare - EPSILON) {
                lowestB = v;
            } else {
                break;
            }
            while (i >= 0 && sorted[i] == v) {
                above += sorted[i--] / unit;
            }
        }
        lowestB = Math.min(lowestB, lowestA);
        for (int k = 0; k < n; k++) {
            double v = values[k];
            out[k] = v == 0 ? AbcClass.C : v >= lowestA ? AbcClass.A : v >= lowestB ? AbcClass.B : AbcClass.C;
        }
        return out;
    }

    /**
     * Classifies customers A / B / C by cumulative share of value.
     *
     * @param values each customer's value, finite and 0 or more
     * @return the class of each customer, ordered by customer id
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public SortedMap<CustomerId, AbcClass> abc(Map<CustomerId, Double> values) {
        CustomerId[] ids = ids(values);
        return byId(ids, abc(column(values, ids)));
    }

    /**
     * Applies the 20/60/20 rule (shares configurable) to a profit ranking.
     *
     * @param profits each customer's profit, finite, may be negative
     * @return the action for each customer, by position
     * @throws IllegalArgumentException if a profit is not finite
     */
    public ProfitAction[] keepMaintainLetGo(double[] profits) {
        checkValues("profits", profits, false);
        int n = profits.length;
        double[] sorted = sortedCopy(profits);
        double keepFrom = lowestWithFewerAbove(sorted, keepShare * n);
        double maintainFrom = lowestWithFewerAbove(sorted, (1 - letGoShare) * n);
        ProfitAction[] out = new ProfitAction[n];
        for (int i = 0; i < n; i++) {
            double v = profits[i] + 0.0;
            out[i] = v >= keepFrom ? ProfitAction.KEEP : v >= maintainFrom ? ProfitAction.MAINTAIN : ProfitAction.LET_GO;
        }
        return out;
    }

    /**
     * The smallest value {@code v} such that fewer than {@code limit} values exceed it: the number
     * above {@code v} is below {@code limit} exactly when {@code v} is at least the (K+1)-th largest
     * value, K being the largest whole number below {@code limit}.
     */
    private static double lowestWithFewerAbove(double[] sorted, double limit) {
        int n = sorted.length;
        long k = (long) Math.ceil(limit - 1e-9) - 1;
        if (k < 0) {
            return Double.POSITIVE_INFINITY;
        }
        return k >= n ? Double.NEGATIVE_INFINITY : sorted[(int) (n - 1 - k)];
    }

    /**
     * Applies the 20/60/20 rule to a profit ranking.
     *
     * @param profits each customer's profit, finite
     * @return the action for each customer, ordered by customer id
     * @throws IllegalArgumentException if a profit is not finite
     */
    public SortedMap<CustomerId, ProfitAction> keepMaintainLetGo(Map<CustomerId, Double> profits) {
        CustomerId[] ids = ids(profits);
        return byId(ids, keepMaintainLetGo(column(profits, ids)));
    }

    /**
     * The 80/20 figure: the share of total value brought by the top {@code fraction} of customers
     * by count ({@code ceil(fraction · n)} customers). 0 when the total is 0.
     *
     * @param values each customer's value, finite and 0 or more
     * @param fraction the top fraction of customers, in (0, 1]
     * @return the share of value, in [0, 1]
     * @throws IllegalArgumentException if the fraction is out of range or a value is negative or not finite
     */
    public static double topShare(double[] values, double fraction) {
        checkArgument(fraction > 0 && fraction <= 1, "fraction %s is out of range: it must be in (0, 1]", fraction);
        checkValues("values", values, true);
        double[] sorted = sortedCopy(values);
        int n = sorted.length;
        int top = (int) Math.ceil(fraction * n - 1e-9);
        // the share is scale-free: sum in units of the largest value, so totals near 1e308 do not overflow
        double unit = n == 0 || sorted[n - 1] == 0 ? 1 : sorted[n - 1];
        double total = 0;
        double topSum = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i] / unit;
            if (i >= n - top) {
                topSum += sorted[i] / unit;
            }
        }
        return total == 0 ? 0.0 : Math.min(1.0, topSum / total);
    }

    /**
     * Purchase deciles: decile 1 holds the top 10% of customers by value ("superstars"), decile
     * 10 the bottom. A customer's decile is {@code 1 + floor(10 · above / n)}, {@code above}
     * being the number of customers with a strictly higher value; equal values share the better
     * decile.
     *
     * @param values each customer's purchases in the period, finite
     * @return the decile of each customer, 1..10, by position
     * @throws IllegalArgumentException if a value is not finite
     */
    public static int[] deciles(double[] values) {
        checkValues("values", values, false);
        int n = values.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        double[] sorted = sortedCopy(values);
        // decile >= s exactly when at least c_s = ceil((s-1) n / 10) values lie above: v < sorted[n - c_s]
        double[] cuts = new double[9];
        for (int s = 2; s <= 10; s++) {
            long c = ((long) (s - 1) * n + 9) / 10;
            cuts[s - 2] = sorted[(int) (n - c)];
        }
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0;
            int decile = 1;
            for (double cut : cuts) {
                if (v < cut) {
                    decile++;
                }
            }
            out[i] = decile;
        }
        return out;
    }

    /**
     * Names the move between two periods' deciles.
     *
     * @param previous the decile in the earlier period, 1..10
     * @param current the decile now, 1..10
     * @return superstar (top decile now), rising star (moved up), fading star (moved down) or steady
     * @throws IllegalArgumentException if a decile is out of 1..10
     */
    public static DecileTrend decileTrend(int previous, int current) {
        checkArgument(previous >= 1 && previous <= 10, "previous decile %s is out of range: 1 to 10", previous);
        checkArgument(current >= 1 && current <= 10, "current decile %s is out of range: 1 to 10", current);
        if (current == 1) {
            return DecileTrend.SUPERSTAR;
        }
        return current < previous ? DecileTrend.RISING_STAR : current > previous ? DecileTrend.FADING_STAR : DecileTrend.STEADY;
    }

    private static void checkValues(String field, double[] values, boolean nonNegative) {
        requireNonNull(values, field);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || nonNegative && v < 0) {
                throw new IllegalArgumentException(String.format(
                        "%s[%s] %s is out of range: it must be a finite number%s", field, i, v, nonNegative ? " and 0 or more" : ""));
            }
        }
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sorted[i] = values[i] + 0.0; // -0.0 ties with 0.0
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** The results of the positional method keyed back by customer: {@code results[i]} belongs to {@code ids[i]}. */
    private static <T> SortedMap<CustomerId, T> byId(CustomerId[] ids, T[] results) {
        ImmutableSortedMap.Builder<CustomerId, T> out = ImmutableSortedMap.naturalOrder();
        for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], results[i]);
        }
        return out.build();
    }

    private static CustomerId[] ids(Map<CustomerId, Double> values) {
        requireNonNull(values, "values");
        CustomerId[] ids = values.keySet().toArray(new CustomerId[0]);
        Arrays.sort(ids);
        return ids;
    }

    private static double[] column(Map<CustomerId, Double> values, CustomerId[] ids) {
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Double v = values.get(ids[i]);
            checkArgument(v != null, "value of customer %s is missing", ids[i].masked());
            checkArgument(Double.isFinite(v), "value %s of customer %s is not a finite number", v, ids[i].masked());
            out[i] = v;
        }
        return out;
    }

    /** @return the shares */
    @Override
    public String toString() {
        return "ParetoClassifier[ABC " + aShare + "/" + bShare + ", keep " + keepShare + ", let go " + letGoShare + "]";
    }
}
