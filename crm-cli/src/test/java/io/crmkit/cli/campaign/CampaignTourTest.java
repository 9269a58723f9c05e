package io.crmkit.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.Crm;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CampaignTourTest {

    @Test
    void theTourRunsTheBundledCampaignFromPlanToUplift() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Crm.run(new PrintWriter(out), new PrintWriter(err), "tour"));
        String tour = out.toString();
        assertTrue(tour.contains("Campaigns measured against a control group (crm-marketing)"), tour);
        assertTrue(tour.contains("Audience: (segment in [At risk, Can't lose them, About to sleep] or (pAlive < 0.5 and clv >= 300.0))"), tour);
        // Fleiss, Tytun & Ury (1980) eq. 3 with p1 = 0.10, p2 = 0.05, r = 0.25: m = 1155.41, r·m = 288.85, rounded up
        assertTrue(tour.contains("needs 1156 treated + 289 held out = 1445 eligible customers"), tour);
        assertTrue(tour.contains("  c-0001 excluded  no marketing consent on email at 2026-12-01T00:00:00Z"), tour);
        assertTrue(tour.contains("  c-0003 excluded  contact fatigue: 1 contact in the PT24H"), tour);
        assertTrue(tour.contains("  treatment 605 customers, 68 responded (11.24%); control 168, 7 responded (4.17%)"), tour);
        assertTrue(tour.contains("  response uplift +7.07 points, Newcombe 95% CI +2.31 to +10.57"), tour);
        assertEquals("", err.toString());
    }
}
