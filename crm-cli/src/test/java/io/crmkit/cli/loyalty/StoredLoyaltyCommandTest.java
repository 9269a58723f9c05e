package io.crmkit.cli.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.crmkit.cli.Crm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm loyalty import} and {@code crm loyalty statement --db}: the journal in an H2 file database. */
class StoredLoyaltyCommandTest {

    private static final String HEADER = "event_id,customer_id,at,type,amount,points,category,ref\n";

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath();
    }

    /** The command with the test's database and key file. */
    private Result stored(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", url(), "--key-file", dir.resolve("crm-data/store.key").toString()));
        return crm(all.toArray(String[]::new));
    }

    private Path bundled(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void anImportWithARefundOfAPurchaseTheJournalNeverSawAppendsNothing() throws IOException {
        Path program = bundled("loyalty-program.json");
        String header = "event_id,customer_id,at,type,amount,points,category,ref\n";
        Path purchase = file("purchase.csv", header + "p1,c-1,2025-03-02T10:15,purchase,100.00,,,\n");
        assertEquals(0, stored("loyalty", "import", "--program", program.toString(), "--events", purchase.toString()).exit());
        // the journal is append-only: a refund row it cannot match would stay there for good
        Path bad = file("refunds.csv", header + "b1,c-2,2025-03-03T10:15,purchase,10.00,,,\n"
                + "f1,c-1,2025-03-04T10:15,refund,150.00,,,p1\n");
        Result r = stored("loyalty", "import", "--program", program.toString(), "--events", bad.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("crm loyalty import: refunds.csv:3: refund f1 of 150.00 with 0 already refunded exceeds purchase p1's "
                + "100.00: the refunds of a purchase total at most its amount\n", r.err());
        Result unseen = stored("loyalty", "import", "--program", program.toString(), "--events",
                file("unseen.csv", header + "f2,c-1,2025-03-04T10:15,refund,10.00,,,p7\n").toString());
        assertEquals(1, unseen.exit());
        assertEquals("crm loyalty import: unseen.csv:2: refund f2 of 10.00 refers to purchase p7, which is not a purchase of "
                + "this member at or before the refund: a refund reverses a purchase the ledger holds\n", unseen.err());
        Result again = stored("loyalty", "import", "--program", program.toString(), "--events",
                file("b1.csv", header + "b1,c-2,2025-03-03T10:15,purchase,10.00,,,\n").toString());
        assertEquals("events appended: 1, duplicates: 0, store: " + url(), again.out().strip(), "b1 was not appended before");
        Result fixed = stored("loyalty", "import", "--program", program.toString(), "--events",
                file("fixed.csv", header + "f1,c-1,2025-03-04T10:15,refund,100.00,,,p1\n").toString());
        assertEquals(0, fixed.exit(), fixed.err());
    }

    @Test
    void theStatementFromTheStoreEqualsTheStatementFromTheFile() throws IOException {
        Path program = bundled("loyalty-program.json");
        Path events = bundled("loyalty-events.csv");
        Result imported = stored("loyalty", "import", "--program", program.toString(), "--events", events.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("events appended: 19, duplicates: 0, store: " + url(), imported.out().strip());
        // e11 is refused at its instant whatever the as-of day: stored, and reported with its line
        assertEquals("crm loyalty import: loyalty-events.csv:12: redemption e11 of 1,000 points refused: the balance is 840 points",
                imported.err().strip());

        for (String asOf : List.of("2025-06-30", "2026-04-02", "2026-11-29", "2027-12-31")) {
            Result fromFile = crm("loyalty", "statement", "--program", program.toString(), "--events", events.toString(),
                    "--as-of", asOf);
            Result fromStore = stored("loyalty", "statement", "--program", program.toString(), "--as-of", asOf);
            assertEquals(0, fromStore.exit(), fromStore.err());
            assertEquals(fromFile.out(), fromStore.out(), asOf);
            assertEquals(fromFile.err().isEmpty(), fromStore.err().isEmpty(), asOf);
        }
        Result fromStore = stored("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29");
        // the hand-checked figures of LoyaltyCommandTest.theBundledSampleGivesTheHandCheckedFigures
        assertEquals(List.of("customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed",
                "c-001,4068,2893,Gold,600,12323,2000,5380,875",
                "c-002,1040,2040,Silver,0,2040,1000,0,0",
                "c-003,50,0,Member,0,450,0,450,0",
                "c-004,-600,0,Member,0,680,600,0,680"), fromStore.out().lines().toList());
        assertEquals("crm loyalty statement: " + url() + ": event e11: redemption e11 of 1,000 points refused: the balance is "
                + "840 points", fromStore.err().strip());
        Result one = stored("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29",
                "--customer", "c-002");
        assertEquals(List.of("customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed",
                "c-002,1040,2040,Silver,0,2040,1000,0,0"), one.out().lines().toList());
    }

    @Test
    void importingAgainAppendsOnlyNewEvents() throws IOException {
        Path program = bundled("loyalty-program.json");
        Path events = bundled("loyalty-events.csv");
        assertEquals(0, stored("loyalty", "import", "--program", program.toString(), "--events", events.toString()).exit());
        Result again = stored("loyalty", "import", "--program", program.toString(), "--events", events.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals("events appended: 0, duplicates: 19, store: " + url(), again.out().strip());
        assertEquals("", again.err(), "nothing new was refused");

        Path more = file("more.csv", HEADER + "e05,c-001,2025-12-20T14:00,redeem,,2000,,\n"
                + "e20,c-002,2026-11-20,purchase,100.00,,,\n"
                + "e20,c-002,2026-11-20,purchase,100.00,,,\n");
        Result next = stored("loyalty", "import", "--program", program.toString(), "--events", more.toString());
        assertEquals(0, next.exit(), next.err());
        assertEquals("events appended: 1, duplicates: 2, store: " + url(), next.out().strip());
        Result statement = stored("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29",
                "--customer", "c-002");
        // c-002, Silver since 2026-04-02 (2,040 qualifying points), earns floor(100 × 1 × 1.25) = 125 more
        assertEquals("c-002,1165,2165,Silver,0,2165,1000,0,0", statement.out().lines().toList().get(1));
    }

    @Test
    void aStoredIdWithOtherFieldsIsBadDataAndNothingIsAppended() throws IOException {
        Path program = bundled("loyalty-program.json");
        assertEquals(0, stored("loyalty", "import", "--program", program.toString(), "--events",
                bundled("loyalty-events.csv").toString()).exit());
        Path clash = file("clash.csv", HEADER + "e21,c-005,2026-11-20,purchase,100.00,,,\n"
                + "e05,c-001,2025-12-20T14:00,redeem,,1999,,\n");
        Result r = stored("loyalty", "import", "--program", program.toString(), "--events", clash.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("crm loyalty import: clash.csv:3: event id e05 is already used by a different event", r.err().strip());
        Result statement = stored("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29",
                "--customer", "c-005");
        // e21 was not appended, so c-005 has no event in the journal: a data error, not an all-zero statement
        assertEquals(1, statement.exit());
        assertEquals("", statement.out());
        assertEquals("crm loyalty statement: --customer 'c-005': no events for this customer in " + url(),
                statement.err().strip());
    }

    @Test
    void malformedInputAndMissingSourcesKeepTheErrorContract() throws IOException {
        Path program = bundled("loyalty-program.json");
        Path bad = file("bad.csv", HEADER + "e1,c-1,2026-01-01,purchase,12.x,,,\n");
        Result r = stored("loyalty", "import", "--program", program.toString(), "--events", bad.toString());
        assertEquals(1, r.exit());
        assertEquals("crm loyalty import: bad.csv:2: amount '12.x': not a decimal number (digits with an optional point "
                + "and exponent, e.g. 12.5 or 1.25e3)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("crm-data")), "the file is read before the store is opened");

        Result none = crm("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29");
        assertEquals(2, none.exit());
        assertEquals("crm loyalty statement: missing the events: give --events FILE, or --db JDBC_URL for the journal "
                + "crm loyalty import filled", none.err().strip());
        Result both = stored("loyalty", "statement", "--program", program.toString(), "--as-of", "2026-11-29", "--events",
                bundled("loyalty-events.csv").toString());
        assertEquals(2, both.exit());
        assertEquals("crm loyalty statement: give --events or --db, not both", both.err().strip());
        Result missing = crm("loyalty", "import", "--program", program.toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
