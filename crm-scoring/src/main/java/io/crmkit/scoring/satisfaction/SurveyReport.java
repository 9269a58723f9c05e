package io.crmkit.scoring.satisfaction;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedMap;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The internal survey reports of docs/domain.md §6: daily results, weekly and monthly reports, per
 * salesperson and per question. Each group gets the count, mean, lowest and highest score.
 *
 * <pre>{@code
 * SortedMap<String, SurveyReport.Summary> weekly = SurveyReport.aggregate(responses, SurveyReport.Grouping.WEEK);
 * double mean = weekly.get("2026-W10").mean();
 * }</pre>
 */
public final class SurveyReport {

    /** How answers are grouped, and the key each group gets. */
    public enum Grouping {
        /** By day, key {@code 2026-03-02}. */
        DAY,
        /** By ISO week, key {@code 2026-W10} (weeks start on Monday; the year is the week-based year). */
        WEEK,
        /** By calendar month, key {@code 2026-03}. */
        MONTH,
        /** By salesperson, key the staff identifier. */
        SALESPERSON,
        /** By question, key the question identifier. */
        QUESTION
    }

    /**
     * The scores of one group.
     *
     * @param count the number of answers, at least 1
     * @param mean the mean score
     * @param min the lowest score
     * @param max the highest score
     */
    public record Summary(long count, double mean, double min, double max) {
    }

    /**
     * Scores are summed in units of 2^64 (scaling by a power of two is exact), so that a sum of
     * scores near the top of the double range cannot overflow while ordinary means stay bit-identical.
     */
    private static final double SUM_UNIT = 0x1p-64;

    private SurveyReport() {
    }

    /**
     * Groups the answers and summarises each group.
     *
     * @param responses the answers
     * @param grouping how to group them
     * @return the summary per group key, keys in ascending order (chronological for dates)
     */
    public static SortedMap<String, Summary> aggregate(List<SurveyResponse> responses, Grouping grouping) {
        requireNonNull(responses, "responses");
        requireNonNull(grouping, "grouping");
        SortedMap<String, double[]> acc = new TreeMap<>();
        for (SurveyResponse r : responses) {
            double[] a = acc.computeIfAbsent(key(r, grouping), k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            a[0]++;
            a[1] += r.score() * SUM_UNIT;
            a[2] = Math.min(a[2], r.score());
            a[3] = Math.max(a[3], r.score());
        }
        ImmutableSortedMap.Builder<String, Summary> out = ImmutableSortedMap.naturalOrder();
        acc.forEach((k, a) -> out.put(k, new Summary((long) a[0], a[1] / a[0] / SUM_UNIT, a[2], a[3])));
        return out.build();
    }

    private static String key(SurveyResponse r, Grouping grouping) {
        switch (grouping) {
            case DAY:
                return r.date().toString();
            case WEEK:
                return String.format("%d-W%02d", r.date().get(IsoFields.WEEK_BASED_YEAR), r.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return String.format("%d-%02d", r.date().getYear(), r.date().getMonthValue());
            case SALESPERSON:
                return r.salesperson();
            default:
                return r.question();
        }
    }
}
