package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time per stage of the project life cycle. Days by hand on the 2026 calendar: 2026-01-10 to
 * 2026-03-01 is 31 (to 02-10) + 19 = 50; 2026-03-01 to 2026-06-15 is 31 + 30 + 31 + 14 = 106;
 * 2026-06-15 to 2026-07-01 is 16; in all 2026-01-10 to 2026-07-01 is 172.
 */
class DealTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static final Deal DEAL = Deal.builder().id("d1")
            .addChanges(new StageChange(ProjectStage.OPPORTUNITY, d("2026-01-10")),
                    new StageChange(ProjectStage.PROJECT_RUN, d("2026-03-01")),
                    new StageChange(ProjectStage.CONTRACT_EXECUTION, d("2026-06-15")))
            .maxDaysInStage(30).build();

    @Test
    void timeInEachStageRunsFromOneChangeToTheNextAndTheLastToTheReview() {
        assertEquals(Map.of(ProjectStage.OPPORTUNITY, 50L, ProjectStage.PROJECT_RUN, 106L,
                ProjectStage.CONTRACT_EXECUTION, 16L), DEAL.daysInStages(d("2026-07-01")));
        assertEquals(ProjectStage.CONTRACT_EXECUTION, DEAL.stage());
        assertEquals(d("2026-06-15"), DEAL.since());
        assertEquals(16, DEAL.daysInCurrentStage(d("2026-07-01")));
        assertEquals(0, DEAL.daysInCurrentStage(d("2026-06-15")));
    }

    @Test
    void aStageEnteredTwiceSumsBothSpells() {
        Deal back = Deal.builder().from(DEAL).addChanges(new StageChange(ProjectStage.PROJECT_RUN, d("2026-06-20"))).build();
        // PROJECT_RUN: 106 days, then 2026-06-20 to 2026-07-01 = 11 days; CONTRACT_EXECUTION 06-15 to 06-20 = 5
        assertEquals(Map.of(ProjectStage.OPPORTUNITY, 50L, ProjectStage.PROJECT_RUN, 117L,
                ProjectStage.CONTRACT_EXECUTION, 5L), back.daysInStages(d("2026-07-01")));
    }

    @Test
    void stalledMeansMoreDaysThanTheLimit() {
        // 2026-06-15 + 30 days = 2026-07-15
        assertEquals(false, DEAL.isStalled(d("2026-07-15")));
        assertEquals(true, DEAL.isStalled(d("2026-07-16")));
        assertEquals(false, Deal.of("d2", ProjectStage.OPPORTUNITY, d("2020-01-01")).isStalled(d("2026-07-16")));
    }

    @Test
    void changesGoingBackInTimeAndReviewsBeforeTheStageAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Deal.builder().id("d1")
                .addChanges(new StageChange(ProjectStage.OPPORTUNITY, d("2026-03-01")),
                        new StageChange(ProjectStage.PROJECT_RUN, d("2026-01-01"))).build());
        assertEquals("changes of deal d1 go back from 2026-03-01 to 2026-01-01: stage changes are listed in date order",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DEAL.daysInStages(d("2026-06-14")));
        assertThrows(IllegalArgumentException.class, () -> Deal.builder().id("d1").build());
        assertThrows(IllegalArgumentException.class, () -> Deal.builder().from(DEAL).maxDaysInStage(0).build());
    }
}
