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
        assertTrue(tour.contains("  DRV-1,8,7,0.8750,5,0.6250,4.1667,21.0000,-1.2400,-1.7200,-0.8000"), tour);
        assertTrue(tour.contains("training made a difference of -1.24"), tour);
        assertTrue(tour.contains("li.na: invite the customer to renew the training certificate"), tour);
    }
}
