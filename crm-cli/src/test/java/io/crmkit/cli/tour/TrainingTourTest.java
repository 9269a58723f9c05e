package io.crmkit.cli.tour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TrainingTourTest {

    @Test
    void theChapterShowsTheWaitingListTheReportTheEffectAndTheRenewalTasks() {
        StringWriter out = new StringWriter();
        new TrainingTour().narrate(new PrintWriter(out));
        String tour = out.toString();
        assertTrue(tour.contains("waiting list [x09] -> []"), tour);
        // the report's row as crm training report writes it: exact numbers (25/6 for the reaction)
        assertTrue(tour.contains("  DRV-1,8,7,0.875,5,0.625,4.166666666666667,21,"), tour);
        assertTrue(tour.contains("training made a difference of -1.24"), tour);
        assertTrue(tour.contains("li.na: invite the customer to renew the training certificate"), tour);
    }
}
