package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.store.TestDatabases.Db;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A journal writer JVM killed with SIGKILL at a random point loses no append that returned,
 * leaves no half-written batch, and the journal continues where it stopped.
 */
class LoyaltyCrashTest {

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aWriterKilledAtARandomPointLosesNoAcknowledgedEvent(Db db, @TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        int killAfter = 30 + new Random(seed).nextInt(300);
        String url;
        DataSource ds;
        if (db == Db.H2) {
            url = "jdbc:h2:file:" + dir.resolve("crash").toAbsolutePath();
            ds = CrmStore.dataSource(url);
        } else {
            TestDatabases.Shared shared = db.shared(dir);
            url = shared.url();
            ds = shared.dataSource();
        }
        // migrate before the writer starts, so that it only appends; closed, since an open store keeps
        // an H2 file database to this JVM
        Fixtures.open(ds).close();

        Process writer = java(url, "1000000");
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; acknowledged.size() < killAfter && (line = out.readLine()) != null;) {
                if (line.startsWith("ok ")) {
                    acknowledged.add(line.substring(3));
                }
            }
            writer.toHandle().destroyForcibly(); // a SIGKILL that, unlike Process.destroyForcibly, leaves the pipe open to read
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(killAfter, acknowledged.size(), "the writer was still writing when killed (seed " + seed + ")");
            // the writer runs on while this JVM reads: the acknowledgements it printed before the kill are
            // still in the pipe (a last line may be cut short by the kill)
            for (String line; (line = out.readLine()) != null;) {
                if (line.equals("ok " + JournalWriterMain.event(acknowledged.size()).id())) {
                    acknowledged.add(line.substring(3));
                }
            }
        }

        LoyaltyStore reopened = openAfterCrash(ds).loyalty();
        for (int i = 0; i < acknowledged.size(); i++) {
            assertEquals(Optional.of(JournalWriterMain.event(i)), reopened.find(acknowledged.get(i)), "seed " + seed);
        }
        long stored = reopened.size();
        // beyond the events read: the rest of a batch whose first lines were read, and an append in flight (a batch at most)
        int printed = acknowledged.size();
        assertTrue(stored >= printed && stored <= printed + 2 + 3, "seed " + seed + ": acknowledged " + printed + ", stored "
                + stored);
        long seen = 0;
        for (int m = 0; m < 3; m++) {
            CustomerId member = CustomerId.of("m" + m);
            List<LoyaltyEvent> events = reopened.events(member); // sequence and hash chain intact
            LoyaltyConcurrencyTest.assertGapFree(ds, member, events.size());
            for (int k = 0; k < events.size(); k++) {
                assertEquals(JournalWriterMain.event(m + 3 * k), events.get(k), "stored in the order written");
            }
            seen += events.size();
        }
        assertEquals(stored, seen);
        int next = (int) stored;
        assertEquals(Optional.empty(), reopened.appendIfAbsent(JournalWriterMain.event(next)), "the journal continues");
        assertEquals(stored + 1, reopened.size());
    }

    static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                JournalWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** H2 refuses to open a file whose lock a killed process touched moments ago; it frees it within seconds. */
    private static CrmStore openAfterCrash(DataSource ds) throws InterruptedException {
        for (int attempt = 0;; attempt++) {
            try {
                return Fixtures.open(ds);
            } catch (StoreException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
