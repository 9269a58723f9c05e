package io.crmkit.spark;

import java.io.Serializable;

/**
 * The settings of {@link io.crmkit.scoring.clv.LifetimeValue} that a distributed scoring carries
 * to the executors: horizon in months, monthly discount rate, and how many of the data's time
 * units make a month.
 *
 * @param months the horizon, &ge; 1
 * @param monthlyDiscountRate the monthly discount rate, finite and &gt; −1 (0.01 by default)
 * @param timeUnitsPerMonth the data's time units in a month: 30 for days,
 *     {@value io.crmkit.scoring.clv.LifetimeValue#WEEKS_PER_MONTH} for weeks; finite and &gt; 0
 */
public record LifetimeValueSettings(int months, double monthlyDiscountRate, double timeUnitsPerMonth)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the settings.
     *
     * @param months the horizon in months
     * @param monthlyDiscountRate the monthly discount rate
     * @param timeUnitsPerMonth time units per month
     * @throws IllegalArgumentException if a value is out of range
     */
    public LifetimeValueSettings {
        if (months < 1) {
            throw new IllegalArgumentException("months " + months + " is invalid: the horizon must be >= 1 month");
        }
        if (!Double.isFinite(monthlyDiscountRate) || monthlyDiscountRate <= -1) {
            throw new IllegalArgumentException("monthlyDiscountRate " + monthlyDiscountRate
                    + " is invalid: it must be finite and > -1");
        }
        if (!Double.isFinite(timeUnitsPerMonth) || timeUnitsPerMonth <= 0) {
            throw new IllegalArgumentException("timeUnitsPerMonth " + timeUnitsPerMonth
                    + " is invalid: it must be finite and > 0");
        }
    }

    /**
     * Twelve months at 1% a month, for data in weeks: {@code lifetimes}' defaults with
     * {@code freq='W'}.
     *
     * @return the settings
     */
    public static LifetimeValueSettings yearInWeeks() {
        return new LifetimeValueSettings(12, 0.01, io.crmkit.scoring.clv.LifetimeValue.WEEKS_PER_MONTH);
    }
}
