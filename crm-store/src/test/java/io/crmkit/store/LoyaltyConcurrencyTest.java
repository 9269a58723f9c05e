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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eight threads, and two JVMs, appending the same and different events to the journal: exactly
 * one winner per id, every loser gets the winner's event back, and each member's sequence is
 * gap-free without duplicates.
 */
class LoyaltyConcurrencyTest {

    private static final int THREADS = 8;
    private static final int SHARED = 40;
    private static final int OWN = 15;
    private static final int MEMBERS = 3;

    /** Thread t's version of shared event k: same id, fields that name the thread, so the winner is visible. */
    private static LoyaltyEvent shared(int k, int thread) {
        return new LoyaltyEvent.Awarded("s-" + k, member(k), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(k),
                thread + 1, "thread " + thread);
    }

    private static LoyaltyEvent own(int thread, int k) {
        return new LoyaltyEvent.Redeemed("t" + thread + "-" + k, member(k + thread), Instant.parse("2026-02-01T00:00:00Z")
                .plusSeconds(k), 1 + k);
    }

    private static CustomerId member(int k) {
        return CustomerId.of("m" + (k % MEMBERS));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void eightThreadsHaveExactlyOneWinnerPerIdAndGapFreeMembers(Db db) throws Exception {
        DataSource ds = db.fresh();
        LoyaltyStore journal = Fixtures.open(ds).loyalty();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        /* each thread's result per id: true if it appended, else the event it was given back */
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Map<String, Object> mine = new HashMap<>();
                    barrier.await(30, TimeUnit.SECONDS);
                    for (int k = 0; k < SHARED; k++) {
                        // odd threads append in batches of a shared and an own event, even threads one by one
                        List<LoyaltyEvent> batch = k < OWN ? List.of(shared(k, thread), own(thread, k)) : List.of(shared(k, thread));
                        List<Optional<LoyaltyEvent>> got = thread % 2 == 1 ? journal.appendAllIfAbsent(batch)
                                : batch.stream().map(journal::appendIfAbsent).toList();
                        for (int i = 0; i < batch.size(); i++) {
                            mine.put(batch.get(i).id(), got.get(i).isEmpty() ? Boolean.TRUE : got.get(i).get());
                        }
                    }
                    return mine;
                }));
            }
            List<Map<String, Object>> all = new ArrayList<>();
            for (Future<Map<String, Object>> f : results) {
                all.add(f.get(120, TimeUnit.SECONDS));
            }
            for (int k = 0; k < SHARED; k++) {
                String id = "s-" + k;
                List<Integer> winners = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    if (all.get(t).get(id) == Boolean.TRUE) {
                        winners.add(t);
                    }
                }
                assertEquals(1, winners.size(), id + ": exactly one winner, got " + winners);
                LoyaltyEvent won = shared(k, winners.get(0));
                assertEquals(Optional.of(won), journal.find(id));
                for (int t = 0; t < THREADS; t++) {
                    if (t != winners.get(0)) {
                        assertEquals(won, all.get(t).get(id), id + ": thread " + t + " is given the winner's event");
                    }
                }
            }
            for (int t = 0; t < THREADS; t++) {
                for (int k = 0; k < OWN; k++) {
                    assertEquals(Boolean.TRUE, all.get(t).get("t" + t + "-" + k), "an own event is appended by its thread");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int total = SHARED + THREADS * OWN;
        assertEquals(total, journal.size());
        Set<String> ids = new HashSet<>();
        for (int m = 0; m < MEMBERS; m++) {
            CustomerId member = CustomerId.of("m" + m);
            List<LoyaltyEvent> events = journal.events(member); // checks the sequence and the hash chain
            events.forEach(e -> assertTrue(ids.add(e.id()), e.id() + " appears once"));
            assertGapFree(ds, member, events.size());
        }
        assertEquals(total, ids.size());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void twoJvmsAppendingTheSameEventsStoreEachOnce(Db db, @TempDir Path dir) throws Exception {
        TestDatabases.Shared shared = db.shared(dir);
        // H2's automatic mixed mode: the JVM holding the file open serves the others over TCP
        try (Connection serving = shared.dataSource().getConnection()) {
            LoyaltyStore journal = Fixtures.open(shared.dataSource()).loyalty();
            int count = 60;
            List<Process> jvms = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                jvms.add(LoyaltyCrashTest.java("race", shared.url(), Integer.toString(count)));
            }
            Map<String, Integer> won = new HashMap<>();
            int lines = 0;
            for (Process p : jvms) {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null;) {
                        lines++;
                        if (line.startsWith("won ")) {
                            won.merge(line.substring(4), 1, Integer::sum);
                        }
                    }
                }
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer finished");
                assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(2 * count, lines, "every append answered");
            assertEquals(count, won.size(), "every event was won");
            won.forEach((id, times) -> assertEquals(1, times, id + " was won once"));
            assertEquals(count, journal.size());
            for (int m = 0; m < 3; m++) {
                CustomerId member = CustomerId.of("m" + m);
                assertGapFree(shared.dataSource(), member, journal.events(member).size());
            }
        }
    }

    static void assertGapFree(DataSource ds, CustomerId member, long count) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM crm_loyalty_event WHERE customer_id = ?")) {
            s.setString(1, member.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(count, r.getLong(1));
                assertEquals(count, r.getLong(2), "no sequence number twice");
                if (count > 0) {
                    assertEquals(1, r.getLong(3));
                    assertEquals(count, r.getLong(4));
                }
            }
        }
    }
}
