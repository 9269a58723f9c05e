package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.crmkit.examples.readme.AccountsReadme;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountsExampleTest {

    private static String capture(Runnable r) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * The example builds in Java the account of data/key-account-plan.json; its findings are the seven
     * lines crm-cli's AccountCommandTest pins for that file (day counts worked out by hand there).
     */
    @Test
    void theExampleFindsWhatTheCommandLineFindsInTheBundledPlan() {
        List<String> lines = capture(() -> AccountsExample.main(new String[0])).lines().toList();
        assertEquals(List.of(
                "AccountReview[Northwind Steel as of 2026-11-29, 7 findings]",
                "DECISION_MAKER_UNCOVERED p1: decision maker 赵** (p1) was last contacted on 2026-08-20, 101 days ago, "
                        + "more than the 60-day contact interval",
                "OPPOSED_WITHOUT_ACTION p2: high-influence TECHNICAL_EVALUATOR 钱** (p2) does not accept us and has no "
                        + "open action (tactics: KEEP_VISITING, SEEK_EVERY_EXCHANGE, MANAGE_EXPECTATIONS, KEEP_PROMISES)",
                "STAGE_STALLED core-network-2027: deal core-network-2027 has been in PROJECT_RUN since 2026-06-01, "
                        + "181 days, more than the 120 days the plan allows",
                "OVERDUE_ACTION a1: action a1 for 赵** (p1), owner l***, was due 2026-11-20, 9 days ago",
                "ASSESSMENT_DECLINING Northwind Steel: relationship index fell from 3.50 on 2026-05-31 to 3.00 on 2026-08-31",
                "SPONSOR_MISMATCH p1: sponsor 王** for 赵** (p1) fails past history",
                "REVIEW_OVERDUE p1: the expansion card of 赵** (p1) was last reviewed on 2026-07-15, 137 days ago, "
                        + "more than the 90-day cadence",
                "flowchart TD"), lines.subList(0, 9));
        assertFalse(String.join("\n", lines).contains("赵敏"));
    }

    @Test
    void theReadmeSnippetPrintsWhatItsCommentsSay() {
        List<String> result = AccountsReadme.run();
        assertEquals("OVERDUE_ACTION a1: action a1 for 钱** (p2), owner c***, was due 2026-11-20, 9 days ago", result.get(0));
        assertEquals("NO_COACH Northwind Steel: none of the 2 key people of Northwind Steel acts as our coach", result.get(1));
        assertEquals("    p0 --> p1", result.get(2).lines().filter(l -> l.contains("-->")).findFirst().orElseThrow());
    }
}
