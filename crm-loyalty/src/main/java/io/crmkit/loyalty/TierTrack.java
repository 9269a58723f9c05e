package io.crmkit.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * One member's tier over time, fed chronologically with qualifying-point changes. Levels count up
 * from the base tier (0). A tier reached at instant r (the window's qualifying points reach its
 * threshold) is held until {@link #holdEnd(Instant)}: the end of r's window plus the grace windows.
 * When the tier held lapses, the member drops to the highest tier still held, or one tier at a time
 * (each step held one window) under a one-tier rule. A rolling window is re-evaluated at the lapse
 * instant over the 12 months ending there.
 *
 * <p>Cost: the boundaries of a calendar or anniversary window are computed once per window (an
 * instant falls in the cached window when its local epoch day does), month arithmetic goes through
 * {@link ZoneCalendar}, the running sums are primitive arrays, and the reason is kept as its parts
 * and written out only by {@link #status(Instant)}. Not thread-safe; confined to one replay.
 */
final class TierTrack {

    private final ZoneId zone;
    private final ZoneCalendar calendar;
    private final QualificationWindow window;
    private final int grace;
    private final boolean oneTier;
    private final long[] thresholds;
    private final String[] names;
    private final Instant[] heldUntil;
    private final LocalDate[] reachedWindow;
    private final Because[] reachedBecause;
    private int level;
    /** The reason for the level held, as its parts: see {@link #reason()}. */
    private Cause causeKind = Cause.BASE;
    private int causeFrom;
    private Instant causeLapse = Instant.EPOCH;
    private Because causeBecause;
    private LocalDate anniversary;
    private Instant[] times = new Instant[8];
    private long[] sums = new long[8];
    private int size;
    /** The cached calendar or anniversary window: local epoch days [cachedFrom, cachedTo). */
    private long cachedFrom = Long.MAX_VALUE;
    private long cachedTo = Long.MIN_VALUE;
    private LocalDate cachedStart;
    private Instant cachedStartInstant;
    private Instant cachedEnd;
    private Instant cachedHoldEnd;

    /** How the member came to hold the current level. */
    private enum Cause {
        BASE, REACHED, STEPPED, DROPPED_TO_BASE, DROPPED_TO_HELD
    }

    /** Why a tier was reached in a window: written out only when a status is asked for. */
    private record Because(Instant at, long points, LocalDate windowStart, int level) {
    }

    TierTrack(Program program) {
        this.zone = program.zone();
        this.calendar = program.calendar();
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
        reachedBecause = new Because[n];
    }

    /** @return the level held, 0 for the base tier */
    int level() {
        return level;
    }

    /** Fixes the anniversary from the member's first event; later calls do nothing. */
    void start(Instant first) {
        if (anniversary == null) {
            anniversary = calendar.date(first);
        }
    }

    /** Processes every lapse at or before t. */
    void advance(Instant t) {
        while (level > 0 && !heldUntil[level].isAfter(t)) {
            Instant lapse = heldUntil[level];
            int from = level;
            if (window == QualificationWindow.ROLLING_12_MONTHS) {
                reach(lapse, sumBetween(calendar.plusMonths(lapse, -12), lapse));
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
                cause(Cause.STEPPED, from, lapse, null);
            } else {
                level = held;
                if (held == 0) {
                    cause(Cause.DROPPED_TO_BASE, from, lapse, null);
                } else {
                    cause(Cause.DROPPED_TO_HELD, from, lapse, reachedBecause[held]);
                }
            }
        }
    }

    /** Records a change of qualifying points at t (call {@link #advance(Instant)} first). */
    void record(Instant t, long delta) {
        if (delta == 0) {
            return;
        }
        start(t);
        long previous = size == 0 ? 0 : sums[size - 1];
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            sums = Arrays.copyOf(sums, size * 2);
        }
        times[size] = t;
        sums[size] = Math.addExact(previous, delta);
        size++;
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
                reachedBecause[l] = new Because(r, points, ws, l);
            }
        }
        if (q >= level) {
            level = q;
            cause(Cause.REACHED, q, r, reachedBecause[q]);
        }
    }

    private void cause(Cause kind, int from, Instant lapse, Because because) {
        causeKind = kind;
        causeFrom = from;
        causeLapse = lapse;
        causeBecause = because;
    }

    private String because(Because b) {
        return "reached on " + day(b.at()) + " with " + fmt(b.points()) + " qualifying points in the window from "
                + b.windowStart() + " (" + names[b.level()] + " needs " + fmt(thresholds[b.level()]) + ")";
    }

    /** How the member came to hold the level, in words. */
    private String reason() {
        return switch (causeKind) {
            case BASE -> names[0] + " is the base tier";
            case REACHED -> names[level] + ": " + because(causeBecause);
            case STEPPED -> names[level] + ": stepped down one tier from " + names[causeFrom] + " on " + day(causeLapse)
                    + ", when " + names[causeFrom] + "'s hold ended";
            case DROPPED_TO_BASE -> names[0] + " is the base tier; " + names[causeFrom] + "'s hold ended on " + day(causeLapse);
            case DROPPED_TO_HELD -> names[level] + ": " + because(causeBecause) + "; " + names[causeFrom]
                    + "'s hold ended on " + day(causeLapse);
        };
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
            return sumBetween(calendar.plusMonths(t, -12), t);
        }
        return sumBetween(window(t).minusNanos(1), t);
    }

    /** The sum of changes at instants in (after, upTo]. */
    private long sumBetween(Instant after, Instant upTo) {
        return Math.subtractExact(sumUpTo(upTo), sumUpTo(after));
    }

    private long sumUpTo(Instant t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid].isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == 0 ? 0 : sums[lo - 1];
    }

    /**
     * Makes the calendar or anniversary window containing t the cached one, computing its
     * boundaries only when t's local day is outside the cached window.
     *
     * @return the window's first instant
     */
    private Instant window(Instant t) {
        long day = calendar.epochDay(t);
        if (day >= cachedFrom && day < cachedTo) {
            return cachedStartInstant;
        }
        LocalDate start = windowStart(LocalDate.ofEpochDay(day));
        LocalDate next = window == QualificationWindow.CALENDAR_YEAR ? start.plusYears(1)
                : anniversary.plusYears(start.getYear() - anniversary.getYear() + 1);
        cachedStart = start;
        cachedStartInstant = calendar.startOfDay(start);
        cachedEnd = calendar.startOfDay(next);
        cachedHoldEnd = grace == 0 ? cachedEnd : windowEnd(start, grace);
        // Every day in [start, next) has this window (the anniversary windows of days before the
        // first anniversary are the first window, so those days are not cached).
        boolean inside = day >= start.toEpochDay() && day < next.toEpochDay();
        cachedFrom = inside ? start.toEpochDay() : Long.MAX_VALUE;
        cachedTo = inside ? next.toEpochDay() : Long.MIN_VALUE;
        return cachedStartInstant;
    }

    private LocalDate windowStart(Instant t) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return calendar.date(calendar.plusMonths(t, -12));
        }
        window(t);
        return cachedStart;
    }

    private LocalDate windowStart(LocalDate d) {
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
                throw new AssertionError(window);
        }
    }

    /** The first instant after the window containing t (calendar or anniversary), plus extra windows. */
    private Instant windowEnd(Instant t, int extra) {
        window(t);
        if (extra == 0) {
            return cachedEnd;
        }
        return extra == grace ? cachedHoldEnd : windowEnd(cachedStart, extra);
    }

    /** The first instant after the window starting on a day, plus extra windows. */
    private Instant windowEnd(LocalDate start, int extra) {
        if (window == QualificationWindow.CALENDAR_YEAR) {
            return start.plusYears(1 + extra).atStartOfDay(zone).toInstant();
        }
        int k = start.getYear() - anniversary.getYear();
        return anniversary.plusYears(k + 1 + extra).atStartOfDay(zone).toInstant();
    }

    private Instant holdEnd(Instant r) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return calendar.plusMonths(r, 12L * grace);
        }
        return windowEnd(r, grace);
    }

    private Instant stepEnd(Instant lapse) {
        if (window == QualificationWindow.ROLLING_12_MONTHS) {
            return calendar.plusMonths(lapse, 12);
        }
        return windowEnd(lapse, 0);
    }

    /** The status at t; call {@link #advance(Instant)} with t first. */
    TierStatus status(Instant t) {
        if (anniversary == null) {
            anniversary = calendar.date(t);
        }
        long points = windowPoints(t);
        LocalDate ws = windowStart(t);
        boolean rolling = window == QualificationWindow.ROLLING_12_MONTHS;
        LocalDate we = rolling ? calendar.date(t) : day(windowEnd(t, 0)).minusDays(1);
        Optional<LocalDate> held = level == 0 ? Optional.empty() : Optional.of(day(heldUntil[level]).minusDays(1));
        int top = thresholds.length - 1;
        String outlook;
        if (rolling) {
            String reach = level < top ? "needs " + fmt(thresholds[level + 1] - points)
                    + " more qualifying points within 12 months to reach " + names[level + 1] : "";
            if (level > 0) {
                Instant lapse = heldUntil[level];
                long kept = sumBetween(calendar.plusMonths(lapse, -12), t);
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
        return new TierStatus(names[level], points, ws, we, held, reason(), outlook);
    }

    private LocalDate day(Instant t) {
        return calendar.date(t);
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
