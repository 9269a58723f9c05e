package io.crmkit.cli.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.Crm;
import io.crmkit.cli.tour.ComplaintTour;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm complaint open|apply|show|history|list|due|import} and {@code crm db} on an H2 file database. */
class StoredComplaintCommandTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    Result crm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("db") || all.size() > 1) {
            all.add("--db");
            all.add("jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath());
            all.add("--key-file");
            all.add(dir.resolve("crm-data/store.key").toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crm.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(status, out.toString(), err.toString());
    }

    private static final String RECEIVE = "{\"command\":\"receive\",\"at\":\"2026-03-02T09:00:00+08:00\","
            + "\"actor\":\"li.na\",\"role\":\"agent\",\"id\":\"CP-7\",\"customer\":\"c-17\","
            + "\"category\":\"fault_in_use\",\"severity\":\"high\",\"description\":\"call me on 13812345678\"}";
    private static final String ASSIGN = "{\"command\":\"assign\",\"at\":\"2026-03-02T09:10:00+08:00\","
            + "\"actor\":\"li.na\",\"role\":\"owner\",\"assignee\":\"wang.wei\"}";

    @Test
    void openApplyShowHistoryAndListRunAComplaintThroughTheStore() throws Exception {
        Result info = crm("db", "info");
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("not created (run crm db migrate)"), info.out());
        Result migrate = crm("db", "migrate");
        assertEquals(0, migrate.status(), migrate.err());
        assertTrue(migrate.out().startsWith("schema version 2 at jdbc:h2:file:"), migrate.out());

        Result open = crm("complaint", "open", "--command", RECEIVE);
        assertEquals(0, open.status(), open.err());
        assertEquals("RECEIVED", new ObjectMapper().readTree(open.out()).get("state").asText());
        assertEquals(0, crm("complaint", "open", "--command", RECEIVE).status(), "the same line again is a no-op");

        Result apply = crm("complaint", "apply", "--id", "CP-7", "--command", ASSIGN);
        assertEquals(0, apply.status(), apply.err());
        JsonNode assigned = new ObjectMapper().readTree(apply.out());
        assertEquals("ASSIGNED", assigned.get("state").asText());
        assertEquals("wang.wei", assigned.get("owner").asText());
        assertEquals(0, crm("complaint", "apply", "--id", "CP-7", "--command", ASSIGN).status());

        Result show = crm("complaint", "show", "--id", "CP-7", "--as-of", "2026-03-02T09:05:00+08:00");
        assertEquals(0, show.status(), show.err());
        assertEquals("RECEIVED", new ObjectMapper().readTree(show.out()).get("state").asText());
        assertFalse(show.out().contains("13812345678"));

        Result history = crm("complaint", "history", "--id", "CP-7");
        assertEquals(0, history.status(), history.err());
        List<String> lines = history.out().lines().toList();
        assertEquals(3, lines.size(), history.out());
        assertEquals("seq,at,command,from,to,actor,role,hash", lines.get(0));
        assertTrue(lines.get(2).startsWith("2,2026-03-02T01:10:00Z,assign,RECEIVED,ASSIGNED,li.na,owner,"), lines.get(2));

        Result list = crm("complaint", "list", "--owner", "wang.wei");
        assertEquals(0, list.status(), list.err());
        assertEquals(List.of("id,customer,category,severity,state,owner,version,received_at",
                "CP-7,c-17,fault_in_use,high,assigned,wang.wei,2,2026-03-02T01:00:00Z"), list.out().lines().toList());
        assertEquals(1, crm("complaint", "list", "--state", "closed").out().lines().count(), "header only");

        Result due = crm("complaint", "due", "--within", "P30D", "--as-of", "2026-03-02T10:00:00+08:00");
        assertEquals(0, due.status(), due.err());
        assertEquals(2, due.out().lines().count(), due.out());
    }

    @Test
    void importStoresTheBundledScriptOnceAndRefusesABadLineWithOneLine() throws Exception {
        Path script = dir.resolve("script.jsonl");
        Files.write(script, ComplaintTour.scriptLines(), StandardCharsets.UTF_8);
        Result imported = crm("complaint", "import", "--input", script.toString());
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().startsWith("imported "), imported.out());
        assertTrue(imported.out().contains(": 10 events, state closed, head "), imported.out());
        Result again = crm("complaint", "import", "--input", script.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().startsWith("already imported "), again.out());

        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, List.of(RECEIVE, "{\"command\":\"close\",\"at\":\"2026-03-02T09:10:00+08:00\",\"actor\":"
                + "\"li.na\",\"role\":\"owner\"}"), StandardCharsets.UTF_8);
        Result refused = crm("complaint", "import", "--input", bad.toString());
        assertEquals(1, refused.status());
        assertEquals("", refused.out());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().startsWith("crm complaint import: bad.jsonl:2: "), refused.err());
        assertEquals(1, crm("complaint", "show", "--id", "CP-7").status(), "nothing was stored");
    }

    /**
     * Every command opens the store on the H2 file and closes it, in one JVM here: forty
     * imports and shows one after the other each find the file as the previous one left it (a
     * second import into the same file once printed nothing under load).
     */
    @Test
    void manyCommandsInOneJvmOpenAndCloseTheSameFileEachTime() throws Exception {
        Path script = dir.resolve("script.jsonl");
        Files.write(script, ComplaintTour.scriptLines(), StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            Result imported = crm("complaint", "import", "--input", script.toString());
            assertEquals(0, imported.status(), "import " + i + ": " + imported.err());
            assertTrue(imported.out().startsWith(i == 0 ? "imported " : "already imported "), imported.out());
            Result history = crm("complaint", "history", "--id", firstId(script));
            assertEquals(0, history.status(), "history " + i + ": " + history.err());
            assertEquals(11, history.out().lines().count(), history.out());
        }
    }

    private static String firstId(Path script) throws Exception {
        return new ObjectMapper().readTree(Files.readAllLines(script).get(0)).get("id").asText();
    }

    @Test
    void aWrongKeyFileNamesTheCustomerMasked() throws Exception {
        String receive = RECEIVE.replace("\"customer\":\"c-17\"", "\"customer\":\"13812345678\"")
                .replace("CP-7", "CP-9");
        Result open = crm("complaint", "open", "--command", receive);
        assertEquals(0, open.status(), open.err());
        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        Files.setPosixFilePermissions(wrong, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crm.run(new PrintWriter(out), new PrintWriter(err), "complaint", "show", "--id", "CP-9", "--db",
                "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath(), "--key-file", wrong.toString());
        assertEquals(1, status);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("of customer 138****5678 does not decrypt"), err.toString());
        assertFalse(err.toString().contains("13812345678"), err.toString());
    }

    @Test
    void aDatabaseUrlIsPrintedWithEverySecretMaskedWhateverItsCase() {
        for (String[] url : new String[][] {
                {"jdbc:mysql://h/db?user=u&PASSWORD=hunter2", "jdbc:mysql://h/db?user=u&PASSWORD=***"},
                {"jdbc:mysql://u:hunter2@h/db", "jdbc:mysql://u:***@h/db"},
                {"jdbc:sqlserver://h;user=u;Pwd=hunter2", "jdbc:sqlserver://h;user=u;Pwd=***"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Crm.run(new PrintWriter(out), new PrintWriter(err), "db", "info", "--db", url[0]);
            assertEquals(1, status);
            assertEquals("crm db info: JDBC URL " + url[1] + " is not supported: use jdbc:h2:... or jdbc:postgresql:...",
                    err.toString().strip());
        }
    }

    @Test
    void aDriverMessageNeverReachesStderr() throws Exception {
        Path secret = Files.writeString(dir.resolve("passwd"), "root:x:0:0:secret-line:/root:/bin/bash\n");
        Path program = io.crmkit.cli.CliRun.bundled(dir, "loyalty-program.json");
        Path events = io.crmkit.cli.CliRun.bundled(dir, "loyalty-events.csv");
        String url = "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '" + secret.toAbsolutePath() + "';PASSWORD=hunter2";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crm.run(new PrintWriter(out), new PrintWriter(err), "loyalty", "import", "--program",
                program.toString(), "--events", events.toString(), "--db", url,
                "--key-file", dir.resolve("store.key").toString());
        assertEquals(1, status);
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertFalse(e.contains("secret-line"), e);
        assertFalse(e.contains("hunter2"), e);
        assertTrue(e.startsWith("crm loyalty import: database jdbc:h2:mem:x;INIT=RUNSCRIPT FROM '"), e);
        assertTrue(e.contains(";PASSWORD=***: the database refused a statement: syntax error or access rule violation "
                + "(SQLState 42"), e);
    }

    @Test
    void aStaleOrUnknownComplaintAndABadUrlAreOneLineErrors() {
        Result unknown = crm("complaint", "show", "--id", "CP-404");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().startsWith("crm complaint show: --id CP-404: no such complaint in jdbc:h2:file:"),
                unknown.err());
        Result badCommand = crm("complaint", "open", "--command", "{\"command\":\"receive\"}");
        assertEquals(1, badCommand.status());
        assertTrue(badCommand.err().startsWith("crm complaint open: --command: "), badCommand.err());
        assertEquals(1, badCommand.err().lines().count());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crm.run(new PrintWriter(out), new PrintWriter(err), "db", "info", "--db",
                "jdbc:mysql://h/db?password=secret");
        assertEquals(1, status);
        assertEquals("crm db info: JDBC URL jdbc:mysql://h/db?password=*** is not supported: use jdbc:h2:... or "
                + "jdbc:postgresql:...", err.toString().strip());
    }
}
