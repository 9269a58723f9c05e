package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.store.TestDatabases.Db;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A writer JVM killed with SIGKILL in the middle of a long stream loses no append that returned,
 * leaves nothing half-written, and the stream replays.
 */
class CrashTest {

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aWriterKilledAtARandomPointLosesNoAcknowledgedAppend(Db db, @TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        int killAfter = 20 + new Random(seed).nextInt(180);
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
        Complaint start = ComplaintStoreTest.investigating("CP-1");
        // closed before the writer starts: an open store keeps an H2 file database to this JVM
        try (CrmStore store = Fixtures.open(ds)) {
            store.complaints().append(start, 0, "start");
        }

        Process writer = ConcurrencyTest.java("crash", url, "CP-1", "100000");
        long acknowledged = start.eventCount();
        int acks = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; acks < killAfter && (line = out.readLine()) != null;) {
                if (line.startsWith("ok ")) {
                    acknowledged = Long.parseLong(line.substring(3));
                    acks++;
                }
            }
            writer.toHandle().destroyForcibly(); // a SIGKILL that, unlike Process.destroyForcibly, leaves the pipe open to read
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(killAfter, acks, "the writer was still writing when killed (seed " + seed + ")");
            // the writer runs on while this JVM reads: the acknowledgements it printed before the kill
            // are still in the pipe, and each of them is an append that returned
            for (String line; (line = out.readLine()) != null;) {
                if (line.matches("ok \\d+")) {
                    acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(3)));
                }
            }
        }

        CrmStore reopened = openAfterCrash(ds);
        long version = reopened.complaints().version("CP-1");
        assertTrue(version >= acknowledged, "seed " + seed + ": acknowledged " + acknowledged + ", stored " + version);
        assertTrue(version <= acknowledged + 1, "seed " + seed + ": at most the append in flight when the writer"
                + " died was committed: acknowledged " + acknowledged + ", stored " + version);
        ConcurrencyTest.assertGapFree(ds, "CP-1", version);
        Complaint loaded = reopened.complaints().load("CP-1").orElseThrow();
        assertEquals(version, loaded.eventCount());
        Complaint continued = loaded.apply(StreamWriterMain.next(loaded, "after the crash"));
        assertEquals(version + 1, reopened.complaints().append(continued, version, "after-crash").version());
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
