package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.examples.readme.TrainingSnippet;
import io.crmkit.lifecycle.training.CourseReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingExampleTest {

    @Test
    void theExampleReportsTheSafeDrivingCourseOfTheBundledSample() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            TrainingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "enrolled 8, waiting [x9]",
                "after x2 cancels: waiting []",
                // 7 of 8 attended, 5 of 8 completed; present 7, 6, 4, 3 at sessions a to d: no-shows 1 + 2 + 4 + 5
                "DRV-1: enrolled 8, attended 7 (0.875), completed 5 (0.625), no-shows 12",
                // reactions 25/6; gains (40+20+15+0+30)/5; normalised (40/60 + 20/45 + 15/30 + 30/70) / 4
                "reaction 4.17 of 5; learning gain 21.0 points, normalised 0.510 (1 at the ceiling); "
                        + "behaviour {uses_checklist=0.6666666666666666}",
                "complaints per customer in 90 days: trained -1.40, untrained -0.16, effect -1.24 [-1.72, -0.80]",
                // four customers completed at session c on 2026-04-25: expiry 2028-04-25 00:00 in Shanghai
                // (16:00 UTC the day before), invitation 30 days earlier
                "5 certificates; first renewal task: 2028-03-25T16:00:00Z invite the customer to renew the training "
                        + "certificate"), lines);
    }

    @Test
    void theReadmeSnippetGivesTheNumbersItsCommentStates() {
        CourseReport r = TrainingSnippet.training();
        assertEquals(1.0, r.completionRate().getAsDouble(), 0.0);
        assertEquals(0.5, r.meanNormalisedGain().getAsDouble(), 0.0, "(70 − 40) / (100 − 40)");
        assertEquals(-1.0, r.results().orElseThrow().effect(), 0.0, "(−2 − 1) / 2 − (0 − 1) / 2");
    }
}
