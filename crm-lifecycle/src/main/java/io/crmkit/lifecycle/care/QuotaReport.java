package io.crmkit.lifecycle.care;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Map;

/**
 * The daily follow-up quota checked for one day: how many distinct customers each salesperson
 * followed up, and who fell short by how many.
 *
 * @param day the day checked
 * @param minimum the quota: distinct customers followed up per salesperson per day
 * @param followUps distinct customers followed up, per salesperson (including those with zero),
 *        sorted by salesperson
 * @param shortfalls how many follow-ups each salesperson below the quota is missing, sorted by
 *        salesperson
 */
public record QuotaReport(LocalDate day, int minimum, Map<String, Integer> followUps, Map<String, Integer> shortfalls) {

    /**
     * Validates the report.
     *
     * @param day the day
     * @param minimum the quota
     * @param followUps follow-ups per salesperson
     * @param shortfalls shortfalls per salesperson
     */
    public QuotaReport {
        requireNonNull(day, "day");
        // sorted by salesperson: Map.copyOf's iteration order changes from one JVM run to the next
        followUps = ImmutableSortedMap.copyOf(followUps);
        shortfalls = ImmutableSortedMap.copyOf(shortfalls);
    }

    /** @return whether every salesperson met the quota */
    public boolean met() {
        return shortfalls.isEmpty();
    }
}
