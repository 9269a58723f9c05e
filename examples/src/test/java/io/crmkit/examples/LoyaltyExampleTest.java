package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyExampleTest {

    @Test
    void theExamplePrintsTheRefusalTheStatementTheOutlookAndTheLiability() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LoyaltyExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "refused: redemption e11 of 1,000 points refused: the balance is 840 points",
                // by hand: opening 1,280 + 2,350 + 3,750 + 600 - 2,000 = 5,980; earned 645 + 2,998; bonus 200 + 500;
                // expired 1,630 + 3,750; reversed 750 + 125; closing 5,980 + 3,643 + 700 - 5,380 - 875 = 4,068
                "c-001 in 2026: opening 5980, earned 3643, bonus 700, redeemed 0, expired 5380, reversed 875, closing 4068",
                "tier Gold: needs 2,107 more qualifying points by 2026-12-31 to keep Gold",
                "expiring in 30 days: 600",
                "liability at 0.01 CNY a point: " + "CNY 51.58"), lines);
    }
}
