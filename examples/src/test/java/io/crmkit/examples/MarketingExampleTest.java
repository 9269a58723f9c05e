package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketingExampleTest {

    @Test
    void theExampleSelectsTheBundledAudienceAndReportsItsUplift() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            MarketingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "needed to detect +5 points on 5%: 1156 treated, 289 held out",
                "treatment 605, control 168, excluded 2227",
                "c-0001 excluded: no marketing consent on email at 2026-12-01T00:00:00Z",
                "c-0002 treatment: segment At risk in [At risk, Can't lose them, About to sleep]",
                "c-0003 excluded: contact fatigue: 1 contact in the PT24H before 2026-12-01T00:00:00Z, at most 1 contact per PT24H",
                "response uplift 0.0707 (95% CI 0.0231 to 0.1057)",
                "incremental revenue CNY 9405.51, cost CNY 484.00, ROI 18.43"), lines);
    }
}
