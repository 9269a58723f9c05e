package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.store.TestDatabases.Db;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Concurrent writers on one complaint: exactly one winner per version, and a gap-free stream that replays. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void eightThreadsAppendingAtTheSameVersionHaveExactlyOneWinnerEachRound(Db db) throws Exception {
        DataSource ds = db.fresh();
        CrmStore store = Fixtures.open(ds);
        Complaint start = ComplaintStoreTest.investigating("CP-1");
        store.complaints().append(start, 0, "start");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Complaint current = start;
            for (int round = 0; round < ROUNDS; round++) {
                Complaint base = current;
                CyclicBarrier barrier = new CyclicBarrier(THREADS);
                List<Future<Complaint>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    int r = round;
                    results.add(pool.submit(() -> {
                        Complaint mine = base.apply(StreamWriterMain.next(base, "thread " + thread));
                        barrier.await(30, TimeUnit.SECONDS);
                        try {
                            store.complaints().append(mine, base.eventCount(), "r" + r + "-t" + thread);
                            return mine;
                        } catch (VersionConflictException e) {
                            assertEquals(base.eventCount() + 1, e.currentVersion(), "the conflict names the version");
                            assertEquals(base.eventCount(), e.expectedVersion());
                            return null;
                        }
                    }));
                }
                List<Complaint> winners = new ArrayList<>();
                for (Future<Complaint> f : results) {
                    Complaint c = f.get(60, TimeUnit.SECONDS);
                    if (c != null) {
                        winners.add(c);
                    }
                }
                assertEquals(1, winners.size(), "round " + round + ": exactly one winner");
                current = winners.get(0);
                assertEquals(current, store.complaints().load("CP-1").orElseThrow());
            }
            assertEquals(start.eventCount() + ROUNDS, store.complaints().version("CP-1"));
            assertGapFree(ds, "CP-1", start.eventCount() + ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void twoJvmsAppendingToOneComplaintLoseNothing(Db db, @TempDir Path dir) throws Exception {
        TestDatabases.Shared shared = db.shared(dir);
        // H2's automatic mixed mode: the JVM holding the file open serves the others over TCP
        try (Connection serving = shared.dataSource().getConnection()) {
            twoJvms(shared);
        }
    }

    private static void twoJvms(TestDatabases.Shared shared) throws Exception {
        CrmStore store = Fixtures.open(shared.dataSource());
        Complaint start = ComplaintStoreTest.investigating("CP-1");
        store.complaints().append(start, 0, "start");
        int each = 25;
        List<Process> jvms = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            jvms.add(java("race", shared.url(), "CP-1", name, Integer.toString(each)));
        }
        int conflicts = 0;
        List<Integer> won = new ArrayList<>();
        for (Process p : jvms) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.startsWith("won ")) {
                        won.add(Integer.parseInt(line.substring(4)));
                    } else if (line.startsWith("conflict ")) {
                        conflicts++;
                    }
                }
            }
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "writer finished");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        int total = start.eventCount() + 2 * each;
        assertEquals(2 * each, won.size());
        assertEquals(2 * each, won.stream().distinct().count(), "every version was won exactly once");
        assertEquals(total, store.complaints().version("CP-1"));
        assertGapFree(shared.dataSource(), "CP-1", total);
        assertEquals(total, store.complaints().load("CP-1").orElseThrow().eventCount());
        System.out.println("two JVMs: " + conflicts + " conflicts resolved by reloading");
    }

    static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StreamWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    static void assertGapFree(DataSource ds, String id, long version) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*), MIN(seq), MAX(seq) FROM crm_complaint_event WHERE complaint_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(version, r.getLong(1));
                assertEquals(1, r.getLong(2));
                assertEquals(version, r.getLong(3));
            }
        }
    }
}
