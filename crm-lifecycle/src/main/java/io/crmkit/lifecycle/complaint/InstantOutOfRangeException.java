package io.crmkit.lifecycle.complaint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A complaint command's instant that no SLA could be measured at: before year 1 or after year
 * 9999 (UTC), the years a {@link io.crmkit.lifecycle.sla.BusinessCalendar} covers, or so close to
 * the end of year 9999 that an SLA clock the command starts, resumes or restarts would fall due
 * after it. Thrown when the command is made or applied, before any event exists, so no complaint
 * (and no stored stream) ever holds an event its SLA clocks cannot be evaluated at.
 *
 * <p>The message reads {@code at +10000-03-02T01:20:00Z: an instant must lie in the years 1 to
 * 9999 (UTC)}; {@link #field()}, {@link #instant()} and {@link #rule()} give its parts, so a
 * caller can quote the value as the user wrote it.
 */
public final class InstantOutOfRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The rule for an instant outside the years 1 to 9999. */
    static final String YEARS = "an instant must lie in the years 1 to 9999 (UTC)";

    /** The command's field that holds the instant. */
    private final String field;
    /** The refused instant. */
    private final transient Instant instant;
    /** Why it is refused. */
    private final String rule;

    InstantOutOfRangeException(String field, Instant instant, String rule) {
        super(field + " " + instant + ": " + rule);
        this.field = requireNonNull(field, "field");
        this.instant = requireNonNull(instant, "instant");
        this.rule = requireNonNull(rule, "rule");
    }

    /** @return the command's field that holds the instant: {@code at} */
    public String field() {
        return field;
    }

    /** @return the refused instant */
    public Instant instant() {
        return instant;
    }

    /** @return why the instant is refused, e.g. {@code an instant must lie in the years 1 to 9999 (UTC)} */
    public String rule() {
        return rule;
    }
}
