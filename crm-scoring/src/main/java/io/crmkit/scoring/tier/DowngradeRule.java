package io.crmkit.scoring.tier;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * How a customer loses a tier over time, as loyalty programmes do it. Upgrades always take effect
 * in the period the customer qualifies; downgrades follow this rule:
 * <ul>
 *   <li>{@code gracePeriods}: the customer keeps the tier for this many consecutive periods below
 *       it and drops in the next one (0 = immediately);</li>
 *   <li>{@code hysteresis}: to enter a tier above the current one, every threshold must be beaten
 *       by this fraction of its size (0.1: a {@code ≥ 1,000,000} criterion needs 1,100,000 to
 *       re-qualify, while 1,000,000 is enough to stay); lower-is-better criteria move down;</li>
 *   <li>{@code oneTierPerPeriod}: a downgrade goes down at most one tier per period; once the
 *       grace is used up, the customer keeps stepping down one tier a period for as long as they
 *       stay below their tier.</li>
 * </ul>
 *
 * <pre>{@code
 * DowngradeRule rule = DowngradeRule.gracePeriods(2).withHysteresis(0.1).withOneTierPerPeriod();
 * }</pre>
 *
 * @param gracePeriods periods a customer may stay below the tier before losing it, at least 0
 * @param hysteresis the extra fraction a threshold must be beaten by to move up, in [0, 1)
 * @param oneTierPerPeriod whether a downgrade is limited to one tier per period
 * @serial exclude
 */
public record DowngradeRule(int gracePeriods, double hysteresis, boolean oneTierPerPeriod) implements Serializable {

    /**
     * Validates the rule.
     *
     * @param gracePeriods periods a customer may stay below the tier before losing it, at least 0
     * @param hysteresis the extra fraction a threshold must be beaten by to move up, in [0, 1)
     * @param oneTierPerPeriod whether a downgrade is limited to one tier per period
     * @throws IllegalArgumentException if the grace is negative or the hysteresis out of range
     */
    public DowngradeRule {
        checkArgument(gracePeriods >= 0, "gracePeriods %s is negative: it must be 0 or more", gracePeriods);
        checkArgument(hysteresis >= 0.0 && hysteresis < 1.0,
                "hysteresis %s is out of range: it must be a fraction in [0, 1)", hysteresis);
    }

    /** @return the rule that drops a customer in the first period below the tier, as far as needed */
    public static DowngradeRule immediate() {
        return new DowngradeRule(0, 0.0, false);
    }

    /**
     * Returns the rule that keeps a tier for a number of periods below it.
     *
     * @param periods the grace, at least 0
     * @return the rule
     * @throws IllegalArgumentException if periods is negative
     */
    public static DowngradeRule gracePeriods(int periods) {
        return new DowngradeRule(periods, 0.0, false);
    }

    /**
     * Returns this rule with a hysteresis band for moving up.
     *
     * @param band the fraction in [0, 1) by which thresholds must be beaten to move up
     * @return the rule
     * @throws IllegalArgumentException if the band is out of range
     */
    public DowngradeRule withHysteresis(double band) {
        return new DowngradeRule(gracePeriods, band, oneTierPerPeriod);
    }

    /** @return this rule, dropping at most one tier per period */
    public DowngradeRule withOneTierPerPeriod() {
        return new DowngradeRule(gracePeriods, hysteresis, true);
    }
}
