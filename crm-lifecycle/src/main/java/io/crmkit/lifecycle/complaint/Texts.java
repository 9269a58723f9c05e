package io.crmkit.lifecycle.complaint;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for refusals and pending actions. */
final class Texts {

    private Texts() {
    }

    /** Formats a duration as "3d", "2h", "45m", "2h 05m" or "under a minute". */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "under a minute";
        }
        if (d.toHours() >= 48 && minutes % (60 * 24) == 0) {
            return (minutes / (60 * 24)) + " days";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + "m";
        }
        return m == 0 ? h + "h" : String.format(Locale.ROOT, "%dh %02dm", h, m);
    }
}
