package io.crmkit.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LoyaltyTourTest {

    @Test
    void theChapterShowsTheStatementALedgerTheTiersOutlookAndTheLiability() {
        StringWriter out = new StringWriter();
        new LoyaltyTour().narrate(new PrintWriter(out, true));
        String tour = out.toString();
        assertTrue(tour.contains("  c-001,4068,2893,Gold,600,12323,2000,5380,875\n"), tour);
        assertTrue(tour.contains("Refused, changing nothing: redemption e11 of 1,000 points refused: the balance is 840 points\n"), tour);
        assertTrue(tour.contains("  2025-12-20  REDEEM   -1280  e05  lot e01\n"), tour);
        assertTrue(tour.contains("  2026-11-11  BONUS      500  e08  lot e08/double11  campaign double11\n"), tour);
        // 5,000 - (645 + 2,998 - 750) = 2,107
        assertTrue(tour.contains("  needs 2,107 more qualifying points by 2026-12-31 to keep Gold\n"), tour);
        // outstanding 4,068 + 1,040 + 50 (c-004's -600 is a claim, not a liability) = 5,158; breakage 5,830 / (3,600 + 5,830)
        assertTrue(tour.contains("Liability at 0.01 CNY a point: 51.58 for 5,158 outstanding points; observed breakage 61.8%.\n"), tour);
        assertEquals(-1, tour.indexOf(" \n"), "no trailing spaces");
    }
}
