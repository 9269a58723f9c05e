package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How many customers a campaign needs to detect a given uplift in response rate: the treatment and
 * control group sizes for a two-sided test of two proportions at significance {@code alpha} with
 * the given power.
 *
 * <p>Formula: J. L. Fleiss, A. Tytun and H. K. Ury (1980), "A simple approximation for calculating
 * sample sizes for comparing independent proportions", <i>Biometrics</i> 36, 343–346, eq. (3),
 * without the continuity correction (as in Fleiss, Levin &amp; Paik 2003, <i>Statistical Methods
 * for Rates and Proportions</i>, ch. 4). With treatment rate {@code p1 = baseline + uplift}, control
 * rate {@code p2 = baseline}, {@code r = control/treatment = share/(1 − share)},
 * {@code p̄ = (p1 + r p2)/(1 + r)}, {@code q = 1 − p}:
 * <pre>
 *   m = [z(1 − α/2) √((r + 1) p̄ q̄) + z(power) √(r p1 q1 + p2 q2)]² / (r (p1 − p2)²)
 * </pre>
 * treatment {@code = ceil(m)}, control {@code = ceil(r m)}. With equal groups this is the familiar
 * {@code [z √(2 p̄ q̄) + z_β √(p1 q1 + p2 q2)]² / Δ²} per group.
 *
 * <pre>{@code
 * SampleSize n = SampleSize.forResponseUplift(0.08, 0.04, 0.05, 0.80, 0.5);   // 882 and 882
 * }</pre>
 *
 * @param treatment the treatment group size, at least 1
 * @param control the control group size, at least 1
 */
public record SampleSize(long treatment, long control) {

    /**
     * Validates the sizes.
     *
     * @param treatment at least 1
     * @param control at least 1
     */
    public SampleSize {
        checkArgument(treatment >= 1 && control >= 1, "sample sizes %s and %s must both be at least 1", treatment, control);
    }

    /** @return the whole eligible audience needed, treatment plus control */
    public long total() {
        return treatment + control;
    }

    /**
     * The group sizes needed to detect an uplift in response rate.
     *
     * @param baselineRate the control group's expected response rate, in (0, 1)
     * @param uplift the smallest uplift worth detecting, treatment minus control, non-zero, with
     *     {@code baselineRate + uplift} in (0, 1)
     * @param alpha the two-sided significance level, in (0, 1), e.g. 0.05
     * @param power the probability of detecting the uplift, in (0, 1), e.g. 0.8
     * @param controlShare the share of the audience held out, in (0, 1)
     * @return the group sizes
     * @throws IllegalArgumentException if an argument is out of range or the sizes exceed
     *     {@code Long.MAX_VALUE}
     */
    public static SampleSize forResponseUplift(double baselineRate, double uplift, double alpha, double power, double controlShare) {
        checkArgument(baselineRate > 0 && baselineRate < 1, "baselineRate %s is outside (0, 1)", baselineRate);
        double p1 = baselineRate + uplift;
        checkArgument(uplift != 0 && p1 > 0 && p1 < 1,
                "uplift %s is zero or takes the rate %s outside (0, 1)", uplift, p1);
        checkArgument(alpha > 0 && alpha < 1, "alpha %s is outside (0, 1)", alpha);
        checkArgument(power > 0 && power < 1, "power %s is outside (0, 1)", power);
        checkArgument(controlShare > 0 && controlShare < 1, "controlShare %s is outside (0, 1)", controlShare);
        double p2 = baselineRate;
        double r = controlShare / (1 - controlShare);
        double pBar = (p1 + r * p2) / (1 + r);
        double root = Normal.quantile(1 - alpha / 2) * Math.sqrt((r + 1) * pBar * (1 - pBar))
                + Normal.quantile(power) * Math.sqrt(r * p1 * (1 - p1) + p2 * (1 - p2));
        double m = root * root / (r * uplift * uplift);
        double treatment = Math.ceil(m);
        double control = Math.ceil(r * m);
        checkArgument(treatment < Long.MAX_VALUE && control < Long.MAX_VALUE,
                "uplift %s is too small to detect with any audience that can be counted", uplift);
        return new SampleSize((long) Math.max(1, treatment), (long) Math.max(1, control));
    }
}
