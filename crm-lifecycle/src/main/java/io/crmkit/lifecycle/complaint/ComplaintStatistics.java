package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.lifecycle.sla.SlaClock;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The regular complaint statistics of the dealer's manual ("every complaint is analysed later:
 * counts by category, cause, time to resolve", docs/domain.md §7), over many complaints as of an
 * instant: counts by category, group and root cause, time to resolve (median and 90th
 * percentile), SLA breach rates, satisfaction at close and the reopen rate. Complaints received
 * after the instant are left out; the others are taken as they were then.
 *
 * <pre>{@code
 * ComplaintStatistics stats = ComplaintStatistics.of(complaints, Instant.parse("2026-04-01T00:00:00Z"));
 * Optional<Duration> p90 = stats.p90TimeToResolve();
 * }</pre>
 */
public final class ComplaintStatistics {

    private final int total;
    private final int open;
    private final Map<ComplaintCategory, Long> byCategory;
    private final Map<ComplaintCategory.Group, Long> byGroup;
    private final Map<String, Long> byRootCause;
    private final List<Duration> timesToResolve;
    private final Map<SlaClock, Long> breachesByClock;
    private final long breachedComplaints;
    private final Map<Integer, Long> satisfaction;
    private final long everClosed;
    private final long reopened;

    private ComplaintStatistics(List<Complaint> complaints, Instant asOf) {
        this.total = complaints.size();
        this.open = (int) complaints.stream().filter(Complaint::isOpen).count();
        this.byCategory = Collections.unmodifiableMap(count(complaints, Complaint::category,
                new EnumMap<>(ComplaintCategory.class)));
        this.byGroup = Collections.unmodifiableMap(count(complaints, c -> c.category().group(),
                new EnumMap<>(ComplaintCategory.Group.class)));
        List<Complaint> closed = complaints.stream().filter(c -> c.rootCause().isPresent()).toList();
        Map<String, Long> causes = count(closed, c -> c.rootCause().orElseThrow(), new TreeMap<>());
        Map<String, Long> sortedCauses = new LinkedHashMap<>();
        causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sortedCauses.put(e.getKey(), e.getValue()));
        this.byRootCause = Collections.unmodifiableMap(sortedCauses);
        this.satisfaction = Collections.unmodifiableMap(count(closed, c -> c.satisfaction().getAsInt(),
                new TreeMap<>()));
        List<Duration> times = new ArrayList<>();
        long closedOnce = 0;
        long reopenedCount = 0;
        for (Complaint c : complaints) {
            Optional<Instant> firstClose = c.history().stream().filter(e -> e.trigger() == ComplaintTrigger.CLOSE)
                    .map(ComplaintEvent::at).findFirst();
            if (firstClose.isPresent()) {
                closedOnce++;
                times.add(Duration.between(c.receivedAt(), firstClose.get()));
                if (c.reopenCount() > 0) {
                    reopenedCount++;
                }
            }
        }
        times.sort(null);
        this.timesToResolve = List.copyOf(times);
        this.everClosed = closedOnce;
        this.reopened = reopenedCount;
        Map<SlaClock, Long> breaches = new EnumMap<>(SlaClock.class);
        long anyBreach = 0;
        for (Complaint c : complaints) {
            boolean breached = false;
            for (SlaStatus s : c.sla(asOf)) {
                if (s.isBreached()) {
                    breaches.merge(s.clock(), 1L, Long::sum);
                    breached = true;
                }
            }
            anyBreach += breached ? 1 : 0;
        }
        this.breachesByClock = Collections.unmodifiableMap(breaches);
        this.breachedComplaints = anyBreach;
    }

    /**
     * Computes the statistics.
     *
     * @param complaints the complaints, in any state
     * @param asOf the instant; complaints are taken as they were then
     * @return the statistics
     * @throws IllegalArgumentException if a complaint is null (the message names its position, 1
     *         for the first), or as {@link Complaint#sla(Instant)} for a complaint received by
     *         {@code asOf}
     */
    public static ComplaintStatistics of(Collection<Complaint> complaints, Instant asOf) {
        requireNonNull(asOf, "asOf");
        List<Complaint> then = new ArrayList<>();
        int position = 0;
        for (Complaint c : requireNonNull(complaints, "complaints")) {
            position++;
            checkArgument(c != null, "complaint %s of %s is null: pass complaints only", position,
                    complaints.size());
            c.asOf(asOf).ifPresent(then::add);
        }
        return new ComplaintStatistics(then, asOf);
    }

    private static <K> Map<K, Long> count(List<Complaint> complaints, Function<Complaint, K> key, Map<K, Long> into) {
        for (Complaint c : complaints) {
            into.merge(key.apply(c), 1L, Long::sum);
        }
        return into;
    }

    /** @return the number of complaints received by the instant */
    public int total() {
        return total;
    }

    /** @return how many are still open */
    public int open() {
        return open;
    }

    /** @return complaints per category */
    public Map<ComplaintCategory, Long> byCategory() {
        return byCategory;
    }

    /** @return complaints per category group */
    public Map<ComplaintCategory.Group, Long> byGroup() {
        return byGroup;
    }

    /** @return closed complaints per root cause, most frequent first */
    public Map<String, Long> byRootCause() {
        return byRootCause;
    }

    /**
     * The median time from receipt to the first close (calendar time), the mean of the two
     * middle values for an even count.
     *
     * @return the median, or empty if none was closed
     */
    public Optional<Duration> medianTimeToResolve() {
        int n = timesToResolve.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(n % 2 == 1 ? timesToResolve.get(n / 2)
                : timesToResolve.get(n / 2 - 1).plus(timesToResolve.get(n / 2)).dividedBy(2));
    }

    /**
     * The 90th percentile of the time from receipt to the first close, by the nearest-rank
     * method (the smallest time at or below which at least 90 % of the closed complaints lie).
     *
     * @return the 90th percentile, or empty if none was closed
     */
    public Optional<Duration> p90TimeToResolve() {
        int n = timesToResolve.size();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(timesToResolve.get((int) Math.ceil(0.9 * n) - 1));
    }

    /** @return the share of complaints with at least one breached SLA clock, in [0, 1]; 0 without complaints */
    public double slaBreachRate() {
        return total == 0 ? 0.0 : (double) breachedComplaints / total;
    }

    /**
     * Returns one clock's breach rate.
     *
     * @param clock the clock
     * @return the share of complaints whose clock breached, in [0, 1]; 0 without complaints
     */
    public double slaBreachRate(SlaClock clock) {
        return total == 0 ? 0.0 : (double) breachesByClock.getOrDefault(requireNonNull(clock, "clock"), 0L) / total;
    }

    /** @return the mean satisfaction score at close of the closed complaints, if any */
    public OptionalDouble meanSatisfaction() {
        long n = satisfaction.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double sum = satisfaction.entrySet().stream().mapToDouble(e -> e.getKey() * (double) e.getValue()).sum();
        return OptionalDouble.of(sum / n);
    }

    /** @return closed complaints per satisfaction score 1–5 */
    public Map<Integer, Long> satisfactionCounts() {
        return satisfaction;
    }

    /** @return the share of complaints ever closed that were reopened, in [0, 1]; 0 if none was closed */
    public double reopenRate() {
        return everClosed == 0 ? 0.0 : (double) reopened / everClosed;
    }

    @Override
    public String toString() {
        return "ComplaintStatistics[" + total + " complaints, " + open + " open, breach rate " + slaBreachRate()
                + ", reopen rate " + reopenRate() + "]";
    }
}
