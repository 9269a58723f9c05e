package io.crmkit.scoring.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SurveyReportTest {

    private static SurveyResponse answer(String date, String salesperson, String question, double score) {
        return new SurveyResponse(LocalDate.parse(date), salesperson, question, score);
    }

    private final List<SurveyResponse> answers = List.of(
            answer("2026-03-01", "s-01", "delivery", 4),   // a Sunday: ISO week 9
            answer("2026-03-02", "s-01", "delivery", 5),   // Monday: week 10
            answer("2026-03-02", "s-02", "explained", 3),
            answer("2026-03-31", "s-02", "delivery", 2),
            answer("2026-04-01", "s-01", "explained", 5));

    @Test
    void dailyWeeklyAndMonthlyReports() {
        SortedMap<String, SurveyReport.Summary> daily = SurveyReport.aggregate(answers, SurveyReport.Grouping.DAY);
        assertEquals(new SurveyReport.Summary(2, 4.0, 3, 5), daily.get("2026-03-02"));
        SortedMap<String, SurveyReport.Summary> weekly = SurveyReport.aggregate(answers, SurveyReport.Grouping.WEEK);
        assertEquals(List.of("2026-W09", "2026-W10", "2026-W14"), List.copyOf(weekly.keySet()));
        assertEquals(new SurveyReport.Summary(2, 3.5, 2, 5), weekly.get("2026-W14"));
        SortedMap<String, SurveyReport.Summary> monthly = SurveyReport.aggregate(answers, SurveyReport.Grouping.MONTH);
        assertEquals(new SurveyReport.Summary(4, 3.5, 2, 5), monthly.get("2026-03"));
        assertEquals(new SurveyReport.Summary(1, 5.0, 5, 5), monthly.get("2026-04"));
    }

    @Test
    void bySalespersonAndByQuestion() {
        assertEquals(new SurveyReport.Summary(3, 14.0 / 3, 4, 5),
                SurveyReport.aggregate(answers, SurveyReport.Grouping.SALESPERSON).get("s-01"));
        assertEquals(new SurveyReport.Summary(2, 4.0, 3, 5),
                SurveyReport.aggregate(answers, SurveyReport.Grouping.QUESTION).get("explained"));
    }

    @Test
    void rejectsBlankIdsAndNonFiniteScores() {
        assertThrows(IllegalArgumentException.class, () -> answer("2026-03-01", " ", "q", 1));
        assertThrows(IllegalArgumentException.class, () -> answer("2026-03-01", "s", "q", Double.POSITIVE_INFINITY));
    }

    @Test
    void theMeanOfScoresNearTheTopOfTheDoubleRangeIsFinite() {
        // two answers of 1e308 average to 1e308; their sum would overflow to Infinity
        SortedMap<String, SurveyReport.Summary> byQuestion = SurveyReport.aggregate(List.of(
                answer("2026-03-01", "s-01", "q", 1e308), answer("2026-03-02", "s-01", "q", 1e308)),
                SurveyReport.Grouping.QUESTION);
        assertEquals(new SurveyReport.Summary(2, 1e308, 1e308, 1e308), byQuestion.get("q"));
    }
}
