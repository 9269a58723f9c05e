package io.crmkit.lifecycle.sla;

/**
 * The warnings a clock raises as its business time is used up, as in ServiceNow's SLA
 * definitions: at half, at three quarters, and at breach.
 */
public enum SlaWarning {
    /** At least 50 % of the target used. */
    HALF_USED(0.5),
    /** At least 75 % of the target used. */
    THREE_QUARTERS_USED(0.75),
    /** More than 100 % of the target used. */
    BREACHED(1.0);

    private final double fraction;

    SlaWarning(double fraction) {
        this.fraction = fraction;
    }

    /** @return the used fraction of the target at which the warning is due, 0.5, 0.75 or 1.0 */
    public double fraction() {
        return fraction;
    }
}
