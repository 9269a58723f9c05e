package io.crmkit.scoring.clv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The simple, retention-based customer lifetime value formulas: a constant margin {@code m} per
 * period, a constant retention rate {@code r} (the probability that a customer active in one
 * period is still active in the next) and a discount rate {@code d} per period. These are the
 * closed forms of Gupta and Lehmann, "Customers as assets", <i>Journal of Interactive
 * Marketing</i> 17(1), 2003, and Berger and Nasr, "Customer lifetime value: marketing models and
 * applications", <i>Journal of Interactive Marketing</i> 12(1), 1998; the textbook average-value
 * rule and the cohort (retention-curve) value complete the set.
 *
 * <pre>{@code
 * RetentionValue v = RetentionValue.of(100.0, 0.8, 0.1);
 * double clv = v.marginMultiple();   // 100 * 0.8 / (1 + 0.1 - 0.8) = 266.67
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Margins are in any currency unit (as {@code double},
 * since these are statistical estimates); results are in the same unit.
 */
public final class RetentionValue {

    private final double margin;
    private final double retention;
    private final double discount;

    private RetentionValue(double margin, double retention, double discount) {
        this.margin = margin;
        this.retention = retention;
        this.discount = discount;
    }

    /**
     * Returns the formulas for a margin, retention rate and discount rate per period.
     *
     * @param margin the margin {@code m} a retained customer brings per period, finite
     * @param retention the retention rate {@code r} per period, in [0, 1]
     * @param discount the discount rate {@code d} per period, finite and at least 0
     * @return the formulas
     * @throws IllegalArgumentException if a rate is out of range, a value is not finite, or
     *         {@code r = 1} with {@code d = 0} (an infinite lifetime value), or the lifetime value
     *         exceeds the range of a double
     */
    public static RetentionValue of(double margin, double retention, double discount) {
        checkArgument(Double.isFinite(margin), "margin %s is not a finite number", margin);
        checkArgument(retention >= 0.0 && retention <= 1.0,
                "retention %s is out of range: a retention rate must be in [0, 1]", retention);
        checkArgument(Double.isFinite(discount) && discount >= 0.0,
                "discount %s is out of range: a discount rate must be finite and at least 0", discount);
        checkArgument(1.0 + discount - retention > 0.0,
                "retention %s with discount %s gives an infinite lifetime value: 1 + d - r must be above 0",
                retention, discount);
        // the largest of the perpetuities (and every finite horizon, which stays below it) must be a number
        checkArgument(Double.isFinite(margin * (1.0 + discount) / (1.0 + discount - retention)),
                "margin %s with retention %s and discount %s gives a lifetime value beyond the range of a double",
                margin, retention, discount);
        return new RetentionValue(margin, retention, discount);
    }

    /** @return the margin {@code m} per period */
    public double margin() {
        return margin;
    }

    /** @return the retention rate {@code r} per period */
    public double retention() {
        return retention;
    }

    /** @return the discount rate {@code d} per period */
    public double discount() {
        return discount;
    }

    /**
     * The margin multiple of Gupta and Lehmann (2003, eq. 3): the value of a customer just
     * acquired, counting the margins of the following periods only, each received at the end of
     * its period: {@code sum_{t>=1} m r^t / (1+d)^t = m r / (1 + d - r)}.
     * For m = 100, r = 0.8, d = 0.1: 266.667.
     *
     * @return the lifetime value
     */
    public double marginMultiple() {
        return margin * retention / (1.0 + discount - retention);
    }

    /**
     * The lifetime value counting the margin of the current period, received now, and every
     * following period: {@code sum_{t>=0} m r^t / (1+d)^t = m (1 + d) / (1 + d - r)}
     * (Gupta and Lehmann 2003; Berger and Nasr 1998, case 1 with an immediate first margin).
     * For m = 100, r = 0.8, d = 0.1: 366.667.
     *
     * @return the lifetime value
     */
    public double withCurrentMargin() {
        return margin * (1.0 + discount) / (1.0 + discount - retention);
    }

    /**
     * The lifetime value when every margin, the first one included, arrives at the end of its
     * period: {@code sum_{t>=0} m r^t / (1+d)^(t+1) = m / (1 + d - r)} (Berger and Nasr 1998,
     * case 1). For m = 100, r = 0.8, d = 0.1: 333.333.
     *
     * @return the lifetime value
     */
    public double endOfPeriodMargins() {
        return margin / (1.0 + discount - retention);
    }

    /**
     * The lifetime value over a finite horizon, discounted from period 0 (the current margin,
     * received now, is undiscounted): {@code sum_{t=0}^{T} m r^t / (1+d)^t}. For m = 100,
     * r = 0.8, d = 0.1: T = 1 gives 172.727, T = 4 gives 292.063, T = 9 gives 351.488; as T grows
     * it tends to {@link #withCurrentMargin()}.
     *
     * @param periods the horizon {@code T}, the number of periods after the current one, at least 0
     * @return the lifetime value
     * @throws IllegalArgumentException if {@code periods} is negative
     */
    public double finiteHorizon(int periods) {
        checkArgument(periods >= 0, "periods %s is negative: the horizon T must be 0 or more", periods);
        // geometric series in closed form, Σ_{t=0..T} f^t = (1 − f^(T+1)) / (1 − f) with f = r/(1+d) < 1,
        // written with expm1 so that f near 1 loses no digits; constant time for any horizon
        double logFactor = Math.log(retention / (1.0 + discount));
        return margin * (Math.expm1((periods + 1.0) * logFactor) / Math.expm1(logFactor));
    }

    /**
     * The textbook average-value rule: lifetime value = average purchase value × purchases per
     * period × expected lifespan in periods, undiscounted and without margins. For 75 × 3 × 2.5:
     * 562.50.
     *
     * @param averageValue the average value of one purchase, finite and at least 0
     * @param purchasesPerPeriod the average number of purchases per period, finite and at least 0
     * @param lifespanPeriods the expected lifespan in periods, finite and at least 0
     * @return the lifetime value
     * @throws IllegalArgumentException if an argument is negative or not finite, or the product
     *         exceeds the range of a double
     */
    public static double averageValue(double averageValue, double purchasesPerPeriod, double lifespanPeriods) {
        checkNonNegative("averageValue", averageValue);
        checkNonNegative("purchasesPerPeriod", purchasesPerPeriod);
        checkNonNegative("lifespanPeriods", lifespanPeriods);
        double value = averageValue * purchasesPerPeriod * lifespanPeriods;
        checkArgument(Double.isFinite(value), "averageValue %s x purchasesPerPeriod %s x lifespanPeriods %s is beyond"
                + " the range of a double", averageValue, purchasesPerPeriod, lifespanPeriods);
        return value;
    }

    /**
     * The value per acquired customer of a cohort followed along its retention curve: the cohort
     * starts with {@code active[0]} customers, {@code active[t]} of them are still active in
     * period {@code t}, and every active customer brings {@code marginPerActive} in its period,
     * discounted from period 0: {@code sum_t marginPerActive · active[t] / (1+d)^t / active[0]}.
     * For the curve 1000, 627, 471, 385, 328 at 20 per period, undiscounted: 56.22.
     *
     * @param marginPerActive the margin an active customer brings per period, finite
     * @param active the number of active customers per period, starting with the acquired
     *        cohort; not empty, the first entry above 0, never increasing, none negative
     * @param discount the discount rate per period, finite and at least 0 (0 for undiscounted)
     * @return the value per acquired customer
     * @throws IllegalArgumentException if the curve is empty, starts at 0, rises or has a negative
     *         entry, a rate is out of range, or the value exceeds the range of a double
     */
    public static double cohortValue(double marginPerActive, long[] active, double discount) {
        requireNonNull(active, "active");
        checkArgument(Double.isFinite(marginPerActive), "marginPerActive %s is not a finite number", marginPerActive);
        checkNonNegative("discount", discount);
        checkArgument(active.length > 0, "active is empty: a retention curve needs the acquired cohort");
        checkArgument(active[0] > 0, "active[0] %s is not above 0: the cohort must have customers", active[0]);
        double sum = 0.0;
        double discountFactor = 1.0;
        for (int t = 0; t < active.length; t++) {
            checkArgument(active[t] >= 0, "active[%s] %s is negative", t, active[t]);
            if (t > 0) {
                checkArgument(active[t] <= active[t - 1],
                        "active[%s] %s exceeds active[%s] %s: a cohort never grows", t, active[t], t - 1, active[t - 1]);
            }
            // in shares of the acquired cohort, so that large margins times large counts do not overflow
            sum += marginPerActive * ((double) active[t] / active[0]) * discountFactor;
            discountFactor /= 1.0 + discount;
        }
        checkArgument(Double.isFinite(sum), "marginPerActive %s over a curve of %s periods gives a value beyond the"
                + " range of a double", (Object) marginPerActive, (Object) active.length);
        return sum;
    }

    private static void checkNonNegative(String field, double value) {
        checkArgument(Double.isFinite(value) && value >= 0.0,
                "%s %s is out of range: it must be finite and at least 0", field, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionValue
                && Double.compare(((RetentionValue) o).margin, margin) == 0
                && Double.compare(((RetentionValue) o).retention, retention) == 0
                && Double.compare(((RetentionValue) o).discount, discount) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(margin, retention, discount);
    }

    /** @return the inputs, e.g. {@code RetentionValue[m=100.0, r=0.8, d=0.1]} */
    @Override
    public String toString() {
        return "RetentionValue[m=" + margin + ", r=" + retention + ", d=" + discount + "]";
    }
}
