package io.crmkit.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tier track as first written (a copy of TierTrack before it cached window boundaries and
 * rendered reasons lazily), the reference for {@code FastReplayPropertiesTest}. One member's tier over time, fed chronologically with qualifying-point changes. Levels count up
 * from the base tier (0). A tier reached at instant r (the window's qualifying points reach its
 * threshold) is held until {@link #holdEnd(Instant)}: the end of r's window plus the grace windows.
 * When the tier held lapses, the member drops to the highest tier still held, or one tier at a time
 * (each step held one window) under a one-tier rule. A rolling window is re-evaluated at the lapse
 * instant over the 12 months ending there. Not thread-safe; confined to one replay.
 */
final class ReferenceTierTrack {

    private final ZoneId zone;
    private final QualificationWindow window;
    private final int grace;
    private final boolean oneTier;
    private final long[] thresholds;
    private final String[] names;
    private final Instant[] heldUntil;
    private final LocalDate[] reachedWindow;
    private final String[] reachedBecause;
    private int level;
    private String cause;
    private LocalDate anniversary;
    private final List<Instant> times = new ArrayList<>();
    private final List<Long> sums = new ArrayList<>();

    ReferenceTierTrack(Program program) {
        this.zone = program.zone();
        this.window = program.qualification();
        this.grace = program.downgrade().gracePeriods();
        this.oneTier = program.downgrade().oneTierPerPeriod();
        int n = program.tiers().size();
        thresholds = new long[n];
        names = new String[n];
        for (int i = 0; i < n; i++) {
            LoyaltyTier t = program.tiers().get(n - 1 - i);
            thresholds[i] = t.qualifyingPoints();
            names[i] = t.name();
        }
        heldUntil = new Instant[n];
        reachedWindow = new LocalDate[n];
        reachedBecause = new String[n];
        cause = names[0] + " is the base tier";
    }

    /** @return the level held, 0 for the base tier */
    int level() {
        return level;
    }

    /** Fixes the anniversary from the member's first event; later calls do nothing. */
    void start(Instant first) {
        if (anniversary == null) {
            anniversary = first.atZone(zone).toLocalDate();
        }
    }

    /** Processes every lapse at or before t. */
    void advance(Instant t) {
        while (level > 0 && !heldUntil[level].isAfter(t)) {
            Instant lapse = heldUntil[level];
            int from = level;
            if (window == QualificationWindow.ROLLING_12_MONTHS) {
                reach(lapse, sumBetween(lapse.atZone(zone).minusMonths(12).toInstant(), lapse));
                if (heldUntil[from].isAfter(lapse)) {
                    continue;
                }
            }
            int held = 0;
            for (int l = from - 1; l > 0; l--) {
                if (heldUntil[l] != null && heldUntil[l].isAfter(lapse)) {
                    held = l;
                    break;
                }
            }
            if (oneTier && from - 1 > held) {
                level = from - 1;
                Instant end = stepEnd(lapse);
                heldUntil[level] = heldUntil[level] == null || end.isAfter(heldUntil[level]) ? end : heldUntil[level];
                cause = names[level] + ": stepped down one tier from " + names[from] + " on " + day(lapse) + ", when "
                        + names[from] + "'s hold ended";
            } else {
                level = held;
                cause = held == 0 ? names[0] + " is the base tier; " + names[from] + "'s hold ended on " + day(lapse)
                        : names[held] + ": " + reachedBecause[held] + "; " + names[from] + "'s hold ended on " + day(lapse);
            }
        }
    }

    /** Records a change of qualifying points at t (call {@link #advance(Instant)} first). */
    void record(Instant t, long delta) {
        if (delta == 0) {
            return;
        }
        start(t);
        long previous = sums.isEmpty() ? 0 : sums.get(sums.size() - 1);
        times.add(t);
        sums.add(Math.addExact(previous, delta));
        if (delta > 0) {
            reach(t, windowPoints(t));
        }
    }

    private void reach(Instant r, long points) {
        int q = place(points);
        if (q == 0) {
            return;
        }
        Instant end = holdEnd(r);
        LocalDate ws = windowStart(r);
        for (int l = 1; l <= q; l++) {
            if (heldUntil[l] == null || end.isAfter(heldUntil[l])) {
                heldUntil[l] = end;
            }
            if (!ws.equals(reachedWindow[l])) {
                reachedWindow[l] = ws;
                reachedBecause[l] = "reached on " + day(r) + " with " + fmt(points) + " qualifying points in the window from "
                        + ws + " (" + names[l] + " needs " + fmt(thresholds[l]) + ")";
            }
        }
        if (q >= level) {
            level = q;
            cause = names[q] + ": " + reachedBecause[q];
        }
    }

    private int place(long points) {
        int q = 0;
        for (int l = 1; l < thresholds.length; l++) {
            if (points >= thresholds[l]) {
                q = l;
            }
        }
        return q;
    }

    /** Qualifying points in the window containing t, up to t. */
    long windowPoints(Instant t) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return sumBetween(t.atZone(zone).minusMonths(12).toInstant(), t);
        }
        return sumBetween(windowStart(t).atStartOfDay(zone).toInstant().minusNanos(1), t);
    }

    /** The sum of changes at instants in (after, upTo]. */
    private long sumBetween(Instant after, Instant upTo) {
        return Math.subtractExact(sumUpTo(upTo), sumUpTo(after));
    }

    private long sumUpTo(Instant t) {
        int lo = 0;
        int hi = times.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == 0 ? 0 : sums.get(lo - 1);
    }

    private LocalDate windowStart(Instant t) {
        LocalDate d = t.atZone(zone).toLocalDate();
        switch (window) {
            case CALENDAR_YEAR:
                return LocalDate.of(d.getYear(), 1, 1);
            case ANNIVERSARY_YEAR:
                LocalDate a = anniversary == null ? d : anniversary;
                int k = d.getYear() - a.getYear();
                if (a.plusYears(k).isAfter(d)) {
                    k--;
                }
                return a.plusYears(Math.max(k, 0));
            default:
                return t.atZone(zone).minusMonths(12).toLocalDate();
        }
    }

    /** The first instant after the window containing t (calendar or anniversary). */
    private Instant windowEnd(Instant t, int extra) {
        LocalDate start = windowStart(t);
        if (window == QualificationWindow.CALENDAR_YEAR) {
            return start.plusYears(1 + extra).atStartOfDay(zone).toInstant();
        }
        int k = start.getYear() - anniversary.getYear();
        return anniversary.plusYears(k + 1 + extra).atStartOfDay(zone).toInstant();
    }

    private Instant holdEnd(Instant r) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return r.atZone(zone).plusMonths(12L * grace).toInstant();
        }
        return windowEnd(r, grace);
    }

    private Instant stepEnd(Instant lapse) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return lapse.atZone(zone).plusMonths(12).toInstant();
        }
        return windowEnd(lapse, 0);
    }

    /** The status at t; call {@link #advance(Instant)} with t first. */
    TierStatus status(Instant t) {
        if (anniversary == null) {
            anniversary = t.atZone(zone).toLocalDate();
        }
        long points = windowPoints(t);
        LocalDate ws = windowStart(t);
        boolean rolling = window == QualificationWindow.ROLLING_12_MONTHS;
        LocalDate we = rolling ? t.atZone(zone).toLocalDate() : day(windowEnd(t, 0)).minusDays(1);
        Optional<LocalDate> held = level == 0 ? Optional.empty() : Optional.of(day(heldUntil[level]).minusDays(1));
        int top = thresholds.length - 1;
        String outlook;
        if (rolling) {
            String reach = level < top ? "needs " + fmt(thresholds[level + 1] - points)
                    + " more qualifying points within 12 months to reach " + names[level + 1] : "";
            if (level > 0) {
                Instant lapse = heldUntil[level];
                long kept = sumBetween(lapse.atZone(zone).minusMonths(12).toInstant(), t);
                long need = thresholds[level] - kept;
                outlook = need > 0 ? "needs " + fmt(need) + " more qualifying points by " + held.get() + " to keep " + names[level]
                        : names[level] + " held until " + held.get();
                outlook = reach.isEmpty() ? outlook : outlook + "; " + reach;
            } else {
                outlook = reach.isEmpty() ? names[0] + " is the only tier" : reach;
            }
        } else {
            Instant end = windowEnd(t, 0);
            if (level > 0 && !heldUntil[level].isAfter(end) && points < thresholds[level]) {
                outlook = "needs " + fmt(thresholds[level] - points) + " more qualifying points by " + we + " to keep " + names[level];
            } else {
                String heldText = level > 0 ? names[level] + " held until " + held.get() : "";
                String reach = level < top ? "needs " + fmt(thresholds[level + 1] - points) + " more qualifying points by " + we
                        + " to reach " + names[level + 1] : "";
                outlook = heldText.isEmpty() ? (reach.isEmpty() ? names[0] + " is the only tier" : reach)
                        : reach.isEmpty() ? heldText : heldText + "; " + reach;
            }
        }
        return new TierStatus(names[level], points, ws, we, held, cause, outlook);
    }

    private LocalDate day(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /** n with commas between thousands ({@code 1,200}), as {@code String.format(Locale.ROOT, "%,d", n)} without its cost. */
    static String fmt(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder b = new StringBuilder(digits.length() + 8).append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
