package io.crmkit.marketing;

/** Where a selection puts a customer. */
public enum Group {
    /** Eligible and contacted. */
    TREATMENT,
    /** Eligible, held out at random, and not contacted: the baseline for the uplift. */
    CONTROL,
    /** Outside the audience or suppressed; neither contacted nor measured. */
    EXCLUDED;

    /** @return the lower-case name used in CSV files, e.g. {@code treatment} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
