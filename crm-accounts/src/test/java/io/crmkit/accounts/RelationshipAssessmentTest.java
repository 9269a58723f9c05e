package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relationship index (weighted mean of the six scores) and its trend; values computed by hand. */
class RelationshipAssessmentTest {

    static Map<RelationshipDimension, Integer> scores(int... s) {
        Map<RelationshipDimension, Integer> m = new EnumMap<>(RelationshipDimension.class);
        for (RelationshipDimension d : RelationshipDimension.values()) {
            m.put(d, s[d.ordinal()]);
        }
        return m;
    }

    static Map<RelationshipDimension, Double> weights(double... w) {
        Map<RelationshipDimension, Double> m = new EnumMap<>(RelationshipDimension.class);
        for (RelationshipDimension d : RelationshipDimension.values()) {
            m.put(d, w[d.ordinal()]);
        }
        return m;
    }

    static final LocalDate D = LocalDate.parse("2026-06-30");

    @Test
    void equalWeightsGiveTheMeanScore() {
        // (5+4+3+2+1+3)/6 = 18/6 = 3
        assertEquals(3.0, RelationshipAssessment.of(D, scores(5, 4, 3, 2, 1, 3)).index(), 1e-12);
        assertEquals(1.0, RelationshipAssessment.of(D, scores(1, 1, 1, 1, 1, 1)).index(), 0);
        assertEquals(5.0, RelationshipAssessment.of(D, scores(5, 5, 5, 5, 5, 5)).index(), 0);
    }

    @Test
    void weightsScaleEachDimension() {
        // (2*5 + 4 + 3 + 2 + 1 + 0*3) / (2+1+1+1+1+0) = 20/6
        assertEquals(20.0 / 6, RelationshipAssessment.of(D, scores(5, 4, 3, 2, 1, 3), weights(2, 1, 1, 1, 1, 0)).index(),
                1e-12);
        // only ratios matter
        assertEquals(20.0 / 6, RelationshipAssessment.of(D, scores(5, 4, 3, 2, 1, 3),
                weights(2e5, 1e5, 1e5, 1e5, 1e5, 0)).index(), 1e-12);
    }

    @Test
    void badScoresAndWeightsAreRefusedNamingTheDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelationshipAssessment.of(D, scores(5, 4, 6, 2, 1, 3)));
        assertEquals("score INFORMATION of the assessment of 2026-06-30 is 6: a score is from 1 to 5", e.getMessage());
        Map<RelationshipDimension, Integer> five = scores(3, 3, 3, 3, 3, 3);
        five.remove(RelationshipDimension.GUIDANCE);
        assertThrows(IllegalArgumentException.class, () -> RelationshipAssessment.of(D, five));
        assertThrows(IllegalArgumentException.class,
                () -> RelationshipAssessment.of(D, scores(3, 3, 3, 3, 3, 3), weights(0, 0, 0, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> RelationshipAssessment.of(D, scores(3, 3, 3, 3, 3, 3), weights(1, 1, Double.NaN, 1, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> RelationshipAssessment.of(D, scores(3, 3, 3, 3, 3, 3), weights(1, -1, 1, 1, 1, 1)));
    }

    @Test
    void theTrendComparesTheLastTwoAssessmentsByDate() {
        RelationshipAssessment jan = RelationshipAssessment.of(LocalDate.parse("2026-01-31"), scores(2, 2, 2, 2, 2, 2));
        RelationshipAssessment mar = RelationshipAssessment.of(LocalDate.parse("2026-03-31"), scores(4, 4, 3, 3, 4, 3));
        RelationshipAssessment jun = RelationshipAssessment.of(D, scores(3, 3, 3, 3, 3, 3));
        RelationshipTrend t = RelationshipTrend.of(List.of(jun, jan, mar));
        assertEquals(List.of(jan, mar, jun), t.assessments());
        assertEquals(-0.5, t.change().getAsDouble(), 1e-12);
        assertEquals(RelationshipTrend.Direction.DECLINING, t.direction());
        assertEquals(RelationshipTrend.Direction.RISING, RelationshipTrend.of(List.of(jan, mar)).direction());
        assertEquals(RelationshipTrend.Direction.UNKNOWN, RelationshipTrend.of(List.of(jan)).direction());
        assertTrue(RelationshipTrend.of(List.of()).latest().isEmpty());
    }

    @Test
    void theSameScoresUnderWeightsWrittenDifferentlyAreFlat() {
        RelationshipAssessment a = RelationshipAssessment.of(LocalDate.parse("2026-01-31"), scores(1, 2, 3, 4, 5, 5),
                weights(0.1, 0.2, 0.3, 0.1, 0.2, 0.1));
        RelationshipAssessment b = RelationshipAssessment.of(D, scores(1, 2, 3, 4, 5, 5),
                weights(1, 2, 3, 1, 2, 1));
        assertEquals(RelationshipTrend.Direction.FLAT, RelationshipTrend.of(List.of(a, b)).direction());
    }

    @Test
    void twoAssessmentsOnOneDayAreRefused() {
        RelationshipAssessment a = RelationshipAssessment.of(D, scores(3, 3, 3, 3, 3, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelationshipTrend.of(List.of(a, RelationshipAssessment.of(D, scores(4, 4, 4, 4, 4, 4)))));
        assertEquals("assessments have the date 2026-06-30 twice: at most one assessment per day", e.getMessage());
    }
}
