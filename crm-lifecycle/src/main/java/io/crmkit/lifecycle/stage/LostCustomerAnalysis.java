package io.crmkit.lifecycle.stage;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lost customers analysed by cause, class and time (docs/domain.md §4: "why did they leave, which
 * class leaves, when"), so the cause is fixed rather than the single customer chased.
 *
 * <pre>{@code
 * LostCustomerAnalysis a = LostCustomerAnalysis.of(departures, ZoneId.of("Asia/Shanghai"));
 * Optional<String> fixFirst = a.topCause();
 * }</pre>
 */
public final class LostCustomerAnalysis {

    private final List<Departure> departures;
    private final Map<String, Long> byCause;
    private final Map<String, Long> byClass;
    private final Map<YearMonth, Long> byMonth;
    private final Map<String, Map<String, Long>> byClassAndCause;

    private LostCustomerAnalysis(List<Departure> departures, ZoneId zone) {
        this.departures = departures;
        this.byCause = countDescending(departures, Departure::cause);
        this.byClass = countDescending(departures, Departure::customerClass);
        this.byMonth = Collections.unmodifiableMap(departures.stream().collect(Collectors.groupingBy(
                d -> YearMonth.from(d.lostAt().atZone(zone)), TreeMap::new, Collectors.counting())));
        Map<String, Map<String, Long>> cross = new LinkedHashMap<>();
        for (String customerClass : byClass.keySet()) {
            cross.put(customerClass, countDescending(
                    departures.stream().filter(d -> d.customerClass().equals(customerClass)).toList(),
                    Departure::cause));
        }
        this.byClassAndCause = Collections.unmodifiableMap(cross);
    }

    /**
     * Analyses departures.
     *
     * @param departures the lost customers
     * @param zone the time zone that names the months
     * @return the analysis
     */
    public static LostCustomerAnalysis of(Collection<Departure> departures, ZoneId zone) {
        return new LostCustomerAnalysis(ImmutableList.copyOf(requireNonNull(departures, "departures")),
                requireNonNull(zone, "zone"));
    }

    private static Map<String, Long> countDescending(List<Departure> departures, Function<Departure, String> key) {
        Map<String, Long> counts = departures.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    /** @return the number of lost customers */
    public int total() {
        return departures.size();
    }

    /** @return lost customers per cause, most frequent first (ties by name) */
    public Map<String, Long> byCause() {
        return byCause;
    }

    /** @return lost customers per customer class, most frequent first (ties by name) */
    public Map<String, Long> byClass() {
        return byClass;
    }

    /** @return lost customers per month of loss, in calendar order */
    public Map<YearMonth, Long> byMonth() {
        return byMonth;
    }

    /** @return for each class, lost customers per cause, most frequent first */
    public Map<String, Map<String, Long>> byClassAndCause() {
        return byClassAndCause;
    }

    /** @return the most frequent cause, the one to fix first; empty without departures */
    public Optional<String> topCause() {
        return byCause.keySet().stream().findFirst();
    }

    /**
     * Returns a cause's share of all departures.
     *
     * @param cause the cause code
     * @return the share in [0, 1]; 0 without departures
     */
    public double shareOf(String cause) {
        return departures.isEmpty() ? 0.0 : (double) byCause.getOrDefault(cause, 0L) / departures.size();
    }

    @Override
    public String toString() {
        return "LostCustomerAnalysis[" + total() + " lost, by cause " + byCause + "]";
    }
}
