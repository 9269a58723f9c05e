package io.crmkit.cli.complaint;

import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun;
import io.crmkit.cli.CliRun.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review s24, findings 1 and 6: an instant no SLA can be measured at is refused before anything is
 * stored, in one line naming the file and line (or --command), the field and the value as written.
 */
class ComplaintInstantRangeCommandTest {

    @TempDir
    Path dir;

    static final String YEARS = "an instant must lie in the years 1 to 9999 (UTC)";
    static final String RESOLUTION_LATE = "the resolution SLA target of 2 days for a high-severity complaint would "
            + "fall due after the year 9999 (UTC)";
    static final String RECEIVE = "{\"command\":\"receive\",\"at\":\"2026-03-02T09:00:00+08:00\",\"actor\":\"li.na\","
            + "\"role\":\"agent\",\"id\":\"CP-2026-0042\",\"customer\":\"c-17\",\"channel\":\"phone\","
            + "\"category\":\"accessory_quality\",\"severity\":\"high\",\"description\":\"rattles\"}";

    static String assign(String at) {
        return "{\"command\":\"assign\",\"at\":\"" + at + "\",\"actor\":\"li.na\",\"role\":\"owner\","
                + "\"assignee\":\"wang.wei\"}";
    }

    Result stored(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath(), "--key-file",
                dir.resolve("crm-data/store.key").toString()));
        return CliRun.crm(all.toArray(String[]::new));
    }

    static void assertOneLine(Result r, int exit, String err) {
        assertEquals(exit, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(err, r.err().strip());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void replayNamesTheFileTheLineTheFieldAndTheValueAsWritten() {
        Path cs3 = file(dir, "cs3.jsonl", RECEIVE.replace("2026-03-02T09:00:00+08:00", "+10000-03-02T09:00:00+08:00")
                + "\n");
        assertOneLine(CliRun.crm("complaint", "replay", "--input", cs3.toString()), 1, "crm complaint replay: "
                + "cs3.jsonl:1: field 'at' value '+10000-03-02T09:00:00+08:00': " + YEARS);
        Path year0 = file(dir, "y0.jsonl", RECEIVE.replace("2026-03-02T09:00:00+08:00", "0001-01-01T00:30:00+08:00")
                + "\n");
        assertOneLine(CliRun.crm("complaint", "replay", "--input", year0.toString()), 1, "crm complaint replay: "
                + "y0.jsonl:1: field 'at' value '0001-01-01T00:30:00+08:00': " + YEARS);
        Path later = file(dir, "later.jsonl", RECEIVE + "\n" + assign("+10000-03-02T09:20:00+08:00") + "\n");
        assertOneLine(CliRun.crm("complaint", "replay", "--input", later.toString()), 1, "crm complaint replay: "
                + "later.jsonl:2: field 'at' value '+10000-03-02T09:20:00+08:00': " + YEARS);
        Path late = file(dir, "late.jsonl", RECEIVE.replace("2026-03-02T09:00:00+08:00", "9999-12-30T23:00:00Z")
                + "\n");
        assertOneLine(CliRun.crm("complaint", "replay", "--input", late.toString()), 1, "crm complaint replay: "
                + "late.jsonl:1: field 'at' value '9999-12-30T23:00:00Z': " + RESOLUTION_LATE);
        Result asOf = CliRun.crm("complaint", "replay", "--input", file(dir, "ok.jsonl", RECEIVE + "\n").toString(),
                "--as-of", "+10000-01-01T00:00:00Z");
        assertEquals(2, asOf.exit(), asOf.err());
        assertTrue(asOf.err().strip().startsWith("crm complaint replay: --as-of '"), asOf.err());
        assertTrue(asOf.err().strip().endsWith("': " + YEARS), asOf.err());
    }

    @Test
    void applyRefusesAYear10000CommandWithoutStoringItAndTheComplaintStaysUsable() {
        assertEquals(0, stored("complaint", "open", "--command", RECEIVE).exit());
        // the review's reproduction: this stored the event, then failed, then every show failed
        assertOneLine(stored("complaint", "apply", "--id", "CP-2026-0042", "--command",
                assign("+10000-03-02T09:20:00+08:00")), 1, "crm complaint apply: --command: field 'at' value "
                + "'+10000-03-02T09:20:00+08:00': " + YEARS);
        Result history = stored("complaint", "history", "--id", "CP-2026-0042");
        assertEquals(0, history.exit(), history.err());
        assertEquals(2, history.out().lines().count(), "header and the receive only: " + history.out());
        Result show = stored("complaint", "show", "--id", "CP-2026-0042");
        assertEquals(0, show.exit(), show.err());
        Result next = stored("complaint", "apply", "--id", "CP-2026-0042", "--command",
                assign("2026-03-02T09:20:00+08:00"));
        assertEquals(0, next.exit(), next.err());
        Result showAsOf = stored("complaint", "show", "--id", "CP-2026-0042", "--as-of", "+10000-01-01T00:00:00Z");
        assertEquals(2, showAsOf.exit(), showAsOf.err());
        assertTrue(showAsOf.err().strip().endsWith("': " + YEARS), showAsOf.err());
    }

    @Test
    void openAndImportRefuseAReceiveWhoseSlaRunsPastTheYear9999AndStoreNothing() {
        String late = RECEIVE.replace("2026-03-02T09:00:00+08:00", "9999-12-30T23:00:00Z");
        assertOneLine(stored("complaint", "open", "--command", late), 1,
                "crm complaint open: --command: field 'at' value '9999-12-30T23:00:00Z': " + RESOLUTION_LATE);
        assertOneLine(stored("complaint", "open", "--command",
                RECEIVE.replace("2026-03-02T09:00:00+08:00", "+10000-03-02T09:00:00+08:00")), 1,
                "crm complaint open: --command: field 'at' value '+10000-03-02T09:00:00+08:00': " + YEARS);
        Path script = file(dir, "late.jsonl", late + "\n");
        // the review saw exit 0 and the line stored
        assertOneLine(stored("complaint", "import", "--input", script.toString()), 1,
                "crm complaint import: late.jsonl:1: field 'at' value '9999-12-30T23:00:00Z': " + RESOLUTION_LATE);
        Result list = stored("complaint", "list", "--customer", "c-17");
        assertEquals(0, list.exit(), list.err());
        assertEquals(1, list.out().lines().count(), "only the header: " + list.out());
    }
}
