package io.crmkit.cli.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.Crm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm account review} and {@code crm account map}: stdout, stderr and exit codes. */
class AccountCommandTest {

    /** The minimal form the issue asks to accept, verbatim (names filled in). */
    static final String MINIMAL = "{\"account\":\"Acme\",\"contactIntervalDays\":60,\"reviewEveryDays\":90,"
            + "\"lastReview\":\"2026-09-01\","
            + "\"people\":[{\"id\":\"p1\",\"name\":\"Zhang Wei\",\"title\":\"CIO\",\"rank\":2,\"reportsTo\":null,"
            + "\"role\":\"DECISION_MAKER\",\"influence\":\"HIGH\",\"attitude\":\"NOT_ACCEPTING\",\"coach\":false,"
            + "\"owner\":\"li.na\",\"lastContact\":\"2026-10-01\"}],"
            + "\"sponsors\":[{\"executive\":\"Wang Jun\",\"executiveRank\":2,\"person\":\"p1\",\"sameBusinessArea\":true,"
            + "\"pastHistory\":true,\"ableAndWilling\":true}],"
            + "\"actions\":[{\"id\":\"a1\",\"person\":\"p1\",\"owner\":\"li.na\",\"due\":\"2026-11-30\",\"status\":\"OPEN\"}],"
            + "\"assessments\":[{\"date\":\"2026-06-30\",\"scores\":{\"ACCEPTANCE\":3,\"PARTICIPATION\":3,\"INFORMATION\":3,"
            + "\"GUIDANCE\":3,\"PROJECT_SUPPORT\":3,\"COMPETITOR_ATTITUDE\":3}}],"
            + "\"deals\":[{\"id\":\"d1\",\"stage\":\"PROJECT_RUN\",\"since\":\"2026-05-01\",\"maxDaysInStage\":90}]}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path bundled;

    @BeforeEach
    void copyTheBundledPlan() throws IOException {
        bundled = dir.resolve("key-account-plan.json");
        Files.write(bundled, getClass().getResourceAsStream("/io/crmkit/data/key-account-plan.json").readAllBytes());
    }

    private int crm(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Crm.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path plan(String json) throws IOException {
        Path p = dir.resolve("plan.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void theBundledPlanIsReviewedMostSevereFirstAndExitsZero() {
        assertEquals(0, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-11-29"));
        // day counts by hand: 08-20..11-29 = 101, 06-01..11-29 = 181, 11-20..11-29 = 9, 07-15..11-29 = 137;
        // index (4+3+4+3+4+3)/6 = 3.50 and (3+3+3+3+4+2)/6 = 3.00
        assertEquals(List.of(
                "Northwind Steel, review as of 2026-11-29: 7 findings",
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
                        + "more than the 90-day cadence"), outLines());
        assertEquals("", err.toString());
        for (String name : List.of("赵敏", "钱浩", "王军", "li.na", "chen.bo")) {
            assertFalse(out.toString().contains(name), name);
        }
    }

    @Test
    void jsonOutputCarriesCodeSubjectAndReason() throws IOException {
        assertEquals(0, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-11-29", "--format", "json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("Northwind Steel", root.get("account").asText());
        assertEquals(7, root.get("findings").size());
        JsonNode first = root.get("findings").get(0);
        assertEquals("DECISION_MAKER_UNCOVERED", first.get("code").asText());
        assertEquals("p1", first.get("subject").asText());
        assertTrue(first.get("reason").asText().startsWith("decision maker 赵** (p1)"));
        assertEquals(1, outLines().size());
    }

    @Test
    void theIssuesMinimalFormIsAcceptedAndItsBoundariesHold() throws IOException {
        Path p = plan(MINIMAL);
        // 2026-05-01..11-29 = 212 days > 90; no coach; contact 59 days ago, review 89 days ago, action due tomorrow
        assertEquals(0, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-11-29"));
        assertEquals(List.of("Acme, review as of 2026-11-29: 2 findings",
                "STAGE_STALLED d1: deal d1 has been in PROJECT_RUN since 2026-05-01, 212 days, more than the 90 days the plan allows",
                "NO_COACH Acme: none of the 1 key people of Acme acts as our coach"), outLines());
        // on 11-30 the contact is exactly 60 days old, the review exactly 90, the action due today: nothing new
        assertEquals(0, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-11-30"));
        assertEquals(3, outLines().size(), out.toString());
        // one day later all three tip over
        assertEquals(0, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-12-01", "--format", "json"));
        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
        StringBuilder codes = new StringBuilder();
        findings.forEach(f -> codes.append(f.get("code").asText()).append(' ').append(f.get("subject").asText()).append(';'));
        assertEquals("DECISION_MAKER_UNCOVERED p1;STAGE_STALLED d1;OVERDUE_ACTION a1;NO_COACH Acme;REVIEW_OVERDUE Acme;",
                codes.toString());
    }

    @Test
    void omittedFieldsTakeTheirDefaults() throws IOException {
        Path p = plan("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"Zhang Wei\",\"coach\":true}]}");
        assertEquals(0, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-11-29"));
        // never reviewed: overdue at the default cadence of 90 days; the default role is INFLUENCER, not a decision maker
        assertEquals(List.of("Acme, review as of 2026-11-29: 1 finding",
                "REVIEW_OVERDUE Acme: the plan was never reviewed (the cadence is every 90 days)"), outLines());
    }

    private void assertRefused(String json, String expectedError) throws IOException {
        Path p = plan(json);
        assertEquals(1, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-11-29"), err.toString());
        assertEquals(List.of(expectedError), err.toString().lines().toList());
        assertEquals("", out.toString());
    }

    @Test
    void unknownFieldsDuplicateKeysAndTrailingTokensAreRefusedWithFileLinePathAndReason() throws IOException {
        assertRefused("{\"account\":\"Acme\",\n\"people\":[{\"id\":\"p1\",\"name\":\"x\",\n\"rnak\":2}]}",
                "crm account review: plan.json:3: $.people[0].rnak: unknown field \"rnak\" (known: attitude, coach, id, "
                        + "influence, lastContact, name, needs, owner, rank, reportsTo, role, title)");
        assertRefused("{\"account\":\"Acme\",\n\"account\":\"Other\"}",
                "crm account review: plan.json:2: $.account: field 'account' appears twice in one object");
        assertRefused("{\"account\":\"Acme\"}\n{}",
                "crm account review: plan.json:2: $: more follows the plan (an object): a file holds exactly one plan object");
        assertRefused("{\"account\":\"Acme\"} 7",
                "crm account review: plan.json:1: $: more follows the plan (a number): a file holds exactly one plan object");
    }

    @Test
    void thePlanFollowsTheOneInputDialect() throws IOException {
        Path utf16 = Files.write(dir.resolve("utf16.json"), "{\"account\":\"Acme\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertEquals(1, crm("account", "review", "--plan", utf16.toString(), "--as-of", "2026-11-29"), err.toString());
        assertEquals(List.of("crm account review: utf16.json:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without"
                + " a byte-order mark"), err.toString().lines().toList());
        assertEquals("", out.toString());
    }

    @Test
    void commentsHexNumbersAndLooseDatesAreRefused() throws IOException {
        assertRefused("// a plan\n{\"account\":\"Acme\"}", "crm account review: plan.json:1: $: comments are not JSON");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"x\",\"rank\":0x1p3}]}",
                "crm account review: plan.json:1: $.people[0]: a syntax error (check quotes, commas and brackets)");
        assertRefused("{\"account\":\"Acme\",\"actions\":[{\"id\":\"a1\",\"due\":\"2020-01-02Tgarbage\"}]}",
                "crm account review: plan.json:1: $.actions[0].due: '2020-01-02Tgarbage': not a date yyyy-MM-dd (optionally"
                        + " followed by T and a time HH:mm[:ss])");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path p = plan("\uFEFF{\"account\":\"Acme\"}");
        assertEquals(0, crm("account", "review", "--plan", p.toString(), "--as-of", "2026-11-29"), err.toString());
    }

    @Test
    void wrongTypesBadValuesAndBrokenRulesNameThePath() throws IOException {
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"x\",\"rank\":\"2\"}]}",
                "crm account review: plan.json:1: $.people[0].rank: must be a whole number, found '2'");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"x\",\"rank\":2.5}]}",
                "crm account review: plan.json:1: $.people[0].rank: must be a whole number, found '2.5'");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"x\",\"role\":\"BOSS\"}]}",
                "crm account review: plan.json:1: $.people[0].role: 'BOSS' is not one of "
                        + "DECISION_MAKER|TECHNICAL_EVALUATOR|USER|INFLUENCER|GATEKEEPER");
        assertRefused("{\"account\":\"Acme\",\n\"actions\":[\n{\"id\":\"a1\",\n\"due\":\"2026-11-31\"}]}",
                "crm account review: plan.json:4: $.actions[0].due: '2026-11-31': not a day of the calendar");
        assertRefused("{\"account\":\"Acme\",\"people\":[\n{\"id\":\"p1\",\"name\":\"Zhang Wei\",\"rank\":0}]}",
                "crm account review: plan.json:2: $.people[0]: rank of key person p1 is 0: a rank is 1 (the top) or more");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\"}]}",
                "crm account review: plan.json:1: $.people[0].name: missing: name is required");
        assertRefused("{\"account\":\"Acme\",\"assessments\":[{\"date\":\"2026-01-01\",\"scores\":{\"ACCEPTANCE\":3}}]}",
                "crm account review: plan.json:1: $.assessments[0].scores: score PARTICIPATION of the assessment of "
                        + "2026-01-01 is missing: all six dimensions are scored");
        assertRefused("{\"account\":\"Acme\",\"people\":[\n{\"id\":\"p1\",\"name\":\"Zhang Wei\",\n\"reportsTo\":\"p9\"}]}",
                "crm account review: plan.json:3: $.people[0].reportsTo: \"p9\" is not the id of a key person in the plan: "
                        + "references name a person of the plan");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"A\"},\n{\"id\":\"p1\",\"name\":\"B\"}]}",
                "crm account review: plan.json:2: $.people[1].id: the id p1 is used twice: ids are unique in a plan");
        assertRefused("{\"account\":\"Acme\",\"actions\":[{\"id\":\"a1\",\"due\":\"2026-11-30\"}],\n"
                        + "\"cards\":[{\"person\":\"p1\"}]}",
                "crm account review: plan.json:2: $.cards[0].person: \"p1\" is not the id of a key person in the plan: "
                        + "references name a person of the plan");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"A\",\"reportsTo\":\"p2\"},"
                        + "{\"id\":\"p2\",\"name\":\"B\",\"reportsTo\":\"p1\"}]}",
                "crm account review: plan.json:1: $: reportsTo of account Acme forms a cycle through p1: a reporting line "
                        + "ends at someone who reports to nobody in the plan");
        assertRefused("[]", "crm account review: plan.json:1: $: must be an object, found an array");
        assertRefused("{\"account\":\"Acme\",\"people\":[{\"id\":\"p1\",\"name\":\"Zhang Wei\",\"rank\":0}]}",
                "crm account review: plan.json:1: $.people[0]: rank of key person p1 is 0: a rank is 1 (the top) or more");
        assertFalse(err.toString().contains("Zhang"));
    }

    @Test
    void aReviewDayBeforeTheFactsThePlanKeepsOnlyTheLatestOfIsRefusedAtTheFirstSuchDate() {
        // as of 2026-10-01, p2's last contact of 2026-11-10 counted as current: a contact the review could not have known
        assertEquals(1, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-10-01"));
        assertEquals("", out.toString());
        assertEquals("crm account review: key-account-plan.json:23: $.people[1].lastContact '2026-11-10': after the as-of "
                + "date 2026-10-01: a review is as of a day on or after every last contact, last review and stage change "
                + "the plan records\n", err.toString());
        // 1900-01-01 is before the plan's own last review, the first dated fact of the file
        assertEquals(1, crm("account", "review", "--plan", bundled.toString(), "--as-of", "1900-01-01"));
        assertEquals("", out.toString());
        assertEquals("crm account review: key-account-plan.json:6: $.lastReview '2026-09-01': after the as-of date "
                + "1900-01-01: a review is as of a day on or after every last contact, last review and stage change the "
                + "plan records\n", err.toString());
        // the latest fact is p4's contact of 2026-11-20: that day is the earliest review the plan allows
        assertEquals(1, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-11-19"));
        assertTrue(err.toString().startsWith("crm account review: key-account-plan.json:29: $.people[3].lastContact "
                + "'2026-11-20'"), err.toString());
        assertEquals(0, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-11-20"), err.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, crm("account", "review", "--plan", bundled.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertEquals(2, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-02-30"));
        assertEquals(2, crm("account", "review", "--plan", bundled.toString(), "--as-of", "2026-11-29", "--format", "xml"));
        assertEquals(2, crm("account", "map", "--plan", bundled.toString(), "--format", "svg"));
        assertTrue(err.toString().contains("[MERMAID, DOT]"), err.toString());
    }

    @Test
    void aMissingFileIsBadDataOnOneLine() {
        assertEquals(1, crm("account", "review", "--plan", dir.resolve("none.json").toString(), "--as-of", "2026-11-29"));
        assertEquals(1, err.toString().lines().count());
        assertTrue(err.toString().startsWith("crm account review: ") && err.toString().contains("none.json"), err.toString());
    }

    @Test
    void theMapDrawsTheChainInMermaidOrDotWithNamesMaskedUnlessAsked() {
        assertEquals(0, crm("account", "map", "--plan", bundled.toString(), "--format", "mermaid"));
        String mermaid = out.toString();
        assertTrue(mermaid.startsWith("flowchart TD\n"), mermaid);
        assertTrue(mermaid.contains("    p0[\"p1 · 赵**<br/>CEO · rank 1<br/>DECISION_MAKER · HIGH<br/>NEUTRAL\"]\n"), mermaid);
        assertTrue(mermaid.contains("    p0 --> p1\n"), mermaid);
        assertTrue(mermaid.contains("    s0 -.->|\"sponsor, fails past history\"| p0\n"), mermaid);
        assertTrue(mermaid.contains("    class p3 coach\n"), mermaid);
        assertFalse(mermaid.contains("赵敏"));

        assertEquals(0, crm("account", "map", "--plan", bundled.toString(), "--format", "dot"));
        assertTrue(out.toString().startsWith("digraph \"Northwind Steel\" {\n"), out.toString());
        assertTrue(out.toString().contains("fillcolor=\"#f4cccc\""), out.toString());

        assertEquals(0, crm("account", "map", "--plan", bundled.toString(), "--format", "dot", "--full-names"));
        assertTrue(out.toString().contains("p1 · 赵敏\\n"), out.toString());
    }

    @Test
    void theTourHasTheAccountsChapter() {
        assertEquals(0, crm("tour"));
        String tour = out.toString();
        assertTrue(tour.contains("crm-accounts: a key-account plan checked against its facts"), tour);
        assertTrue(tour.contains("  SponsorCheck[王** with p1, fails past history]"), tour);
        assertTrue(tour.contains("  core-network-2027 {OPPORTUNITY=91, PROJECT_RUN=181}"), tour);
        assertTrue(tour.contains("  trend: DECLINING"), tour);
        assertFalse(tour.contains("赵敏") || tour.contains("王军"), tour);
    }
}
