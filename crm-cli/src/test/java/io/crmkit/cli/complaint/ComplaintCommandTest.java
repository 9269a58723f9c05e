package io.crmkit.cli.complaint;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import io.crmkit.cli.tour.ComplaintTour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplaintCommandTest {

    @TempDir
    Path dir;

    Path script(List<String> lines) throws IOException {
        Path file = dir.resolve("script.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void replayingTheBundledScriptPrintsTheClosedComplaintWithSlaAndHistory() throws IOException {
        Path file = script(ComplaintTour.scriptLines());
        Result r = crm("complaint", "replay", "--input", file.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("CLOSED", json.get("state").asText());
        assertEquals("wang.wei", json.get("owner").asText());
        assertEquals(1, json.get("escalationLevel").asInt());
        assertEquals(4, json.get("satisfaction").asInt());
        assertEquals("accessory-supplier", json.get("rootCause").asText());
        assertEquals(10, json.get("history").size());
        assertEquals("registration", json.get("sla").get(0).get("clock").asText());
        assertEquals("MET", json.get("sla").get(0).get("state").asText());
        assertEquals("PT20M", json.get("sla").get(0).get("elapsed").asText());
        assertFalse(r.out().contains("roof rack"), "the description is personal data and is not printed");
        assertFalse(r.out().contains("video"), "notes are not printed");
    }

    @Test
    void asOfShowsTheComplaintAsItWasThenOnBusinessHours() throws IOException {
        Path file = script(ComplaintTour.scriptLines());
        Result r = crm("complaint", "replay", "--input", file.toString(), "--business-hours", "09:00-18:00",
                "--zone", "Asia/Shanghai", "--as-of", "2026-03-02T11:00:00+08:00");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("INVESTIGATING", json.get("state").asText());
        assertEquals(4, json.get("history").size(), "the history up to --as-of");
        JsonNode resolution = json.get("sla").get(3);
        assertEquals("PT2H", resolution.get("elapsed").asText());
        assertEquals("RUNNING", resolution.get("state").asText());
    }

    @Test
    void aRefusedCommandPrintsWhatWasAppliedThenNamesTheLineAndTheReason() throws IOException {
        List<String> lines = new ArrayList<>(ComplaintTour.scriptLines().subList(0, 4));
        lines.add("");
        lines.add("{\"command\":\"escalate\",\"at\":\"2026-03-02T11:00:00+08:00\",\"actor\":\"wang.wei\",\"role\":\"owner\"}");
        lines.add("{\"command\":\"escalate\",\"at\":\"2026-03-02T11:05:00+08:00\",\"actor\":\"wang.wei\",\"role\":\"owner\"}");
        lines.add("{\"command\":\"close\",\"at\":\"2026-03-02T11:10:00+08:00\",\"actor\":\"wang.wei\",\"role\":\"owner\"}");
        Result r = crm("complaint", "replay", "--input", script(lines).toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out(), "nothing on stdout unless the whole script is valid");
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("crm complaint replay: script.jsonl:7: complaint CP-2026-0042: escalate refused by guard "
                + "'escalation authority': only a supervisor or a manager may escalate to level 2", r.err().strip());
    }

    @Test
    void aRefusalMasksAnActorWhoseIdIsAPhoneNumber() throws IOException {
        List<String> lines = new ArrayList<>(ComplaintTour.scriptLines().subList(0, 4));
        lines.add("{\"command\":\"escalate\",\"at\":\"2026-03-02T11:00:00+08:00\",\"actor\":\"13812345678\","
                + "\"role\":\"agent\"}");
        Result r = crm("complaint", "replay", "--input", script(lines).toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("crm complaint replay: script.jsonl:5: complaint CP-2026-0042: escalate refused by "
                + "guard 'role': "), r.err());
        assertTrue(r.err().strip().endsWith("; 138****5678 acts as agent"), r.err());
        assertFalse(r.err().contains("13812345678"), r.err());
    }

    @Test
    void anIllegalTransitionNamesTheAllowedCommands() throws IOException {
        List<String> lines = new ArrayList<>(ComplaintTour.scriptLines().subList(0, 1));
        lines.add("{\"command\":\"close\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"li.na\",\"role\":\"owner\","
                + "\"satisfaction\":5,\"rootCause\":\"none\"}");
        Result r = crm("complaint", "replay", "--input", script(lines).toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().strip().endsWith("script.jsonl:2: complaint CP-2026-0042 in state RECEIVED cannot "
                + "close: allowed now [assign, escalate, withdraw]"), r.err());
    }

    @Test
    void malformedLinesAreRejectedWithTheLineNumber() throws IOException {
        List<String> first = ComplaintTour.scriptLines().subList(0, 1);
        List<String[]> cases = List.of(
                new String[] {"{\"command\":\"acknowledge\",", ":2: not valid JSON"},
                new String[] {"{\"command\":\"acknowledge\",\"actor\":\"li.na\",\"role\":\"owner\"}",
                    ":2: field 'at' is missing"},
                new String[] {"{\"command\":\"ack\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"a\",\"role\":\"owner\"}",
                    ":2: command 'ack' is unknown"},
                new String[] {"{\"command\":\"acknowledge\",\"at\":\"yesterday\",\"actor\":\"a\",\"role\":\"owner\"}",
                    ":2: field 'at' value 'yesterday' is not an ISO-8601 date-time"},
                new String[] {"{\"command\":\"assign\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"li.na\","
                    + "\"role\":\"owner\",\"asignee\":\"x\"}", ":2: field 'asignee' is not used by command assign"},
                new String[] {"{\"command\":\"assign\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"li.na\","
                    + "\"role\":\"boss\",\"assignee\":\"x\"}", ":2: role 'boss' is unknown"});
        for (String[] c : cases) {
            List<String> lines = new ArrayList<>(first);
            lines.add(c[0]);
            Result r = crm("complaint", "replay", "--input", script(lines).toString());
            assertEquals(1, r.exit(), c[0]);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("script.jsonl" + c[1]), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aLineHoldsExactlyOneCommandWithEachFieldOnce() throws IOException {
        List<String> first = ComplaintTour.scriptLines().subList(0, 1);
        String assign = "{\"command\":\"assign\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"li.na\","
                + "\"role\":\"owner\",\"assignee\":\"wang.wei\"}";
        List<String[]> cases = List.of(
                new String[] {assign + "{\"command\":\"withdraw\",\"at\":\"2026-03-02T09:11:00+08:00\","
                    + "\"actor\":\"c-17\",\"role\":\"customer\"}", ":2: not valid JSON"},
                new String[] {assign + " trailing words", ":2: not valid JSON"},
                new String[] {"{\"command\":\"assign\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":\"li.na\","
                    + "\"role\":\"owner\",\"assignee\":\"wang.wei\",\"assignee\":\"zhao.lei\"}",
                    ":2: not valid JSON: field 'assignee' appears twice in one object"});
        for (String[] c : cases) {
            List<String> lines = new ArrayList<>(first);
            lines.add(c[0]);
            Result r = crm("complaint", "replay", "--input", script(lines).toString());
            assertEquals(1, r.exit(), c[0] + " was accepted: " + r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("script.jsonl" + c[1]), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aScriptSavedWithAByteOrderMarkAndWindowsLineEndingsReplays() throws IOException {
        Path file = dir.resolve("notepad.jsonl");
        Files.writeString(file, "\uFEFF" + String.join("\r\n", ComplaintTour.scriptLines()) + "\r\n",
                StandardCharsets.UTF_8);
        Result r = crm("complaint", "replay", "--input", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("CLOSED", new ObjectMapper().readTree(r.out()).get("state").asText());
    }

    @Test
    void aScriptMustStartWithReceive() throws IOException {
        Result r = crm("complaint", "replay", "--input", script(List.of(ComplaintTour.scriptLines().get(1))).toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("script.jsonl:1: the first command must be receive, not assign"), r.err());
    }

    @Test
    void aMissingFileIsOneLineAndStatusOne() {
        Result r = crm("complaint", "replay", "--input", dir.resolve("nope.jsonl").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count());
        assertTrue(r.err().contains("nope.jsonl"));
    }

    @Test
    void theDiagramIsPrintedAsMermaidDotOrMarkdown() {
        Result mermaid = crm("complaint", "diagram");
        assertEquals(0, mermaid.exit());
        assertTrue(mermaid.out().startsWith("stateDiagram-v2"));
        Result dot = crm("complaint", "diagram", "--format", "dot");
        assertTrue(dot.out().startsWith("digraph complaint {"));
        Result md = crm("complaint", "diagram", "--format", "markdown");
        assertTrue(md.out().startsWith("| from | command | to | roles | guards |"));
        Result bad = crm("complaint", "diagram", "--format", "png");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count());
    }

    @Test
    void theHelpDocumentsTheScriptFormat() {
        Result r = crm("complaint", "replay", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("startInvestigation"));
        assertTrue(r.out().contains("satisfaction (1-5) and rootCause"));
    }

    @Test
    void theTourNarratesTheComplaintAndLifecycleChapters() {
        Result r = crm("tour");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Complaints: an immutable workflow with SLA clocks"));
        assertTrue(r.out().contains("rebuilds an equal complaint: true"));
        assertTrue(r.out().contains("Customer life cycle, churn and care"));
        assertTrue(r.out().contains("c-06  WON_BACK"));
        assertTrue(r.out().contains("short {li.na=2}"));
    }
}
