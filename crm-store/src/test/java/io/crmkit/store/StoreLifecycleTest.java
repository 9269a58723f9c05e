package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.store.TestDatabases.Db;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening and closing stores: many open/close cycles of one H2 file database, concurrent first
 * opens of an empty database (threads), two stores on one file in one JVM, and a second JVM. The
 * H2 URLs set no {@code DB_CLOSE_DELAY}, as the command line's default does not: before the store
 * kept a connection open, every operation opened and closed the database files, and two first
 * opens could both run migration V1 (Flyway's H2 lock locks the rows of an empty table: none),
 * which failed one of them with "Script V1__crm_store.sql failed" and left a failed migration
 * recorded for every later open.
 */
class StoreLifecycleTest {

    private static final int THREADS = 8;
    private static final int CYCLES = 60;

    @TempDir
    Path dir;

    private String fileUrl(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath();
    }

    @Test
    void manyOpenCloseCyclesOfOneH2FileKeepEveryWrite() {
        String url = fileUrl("cycles");
        for (int i = 0; i < CYCLES; i++) {
            try (CrmStore store = Fixtures.open(CrmStore.dataSource(url))) {
                assertEquals("2", store.schemaVersion());
                store.complaints().append(Fixtures.received("CP-" + i), 0, "k" + i);
                assertEquals(Fixtures.received("CP-" + i), store.complaints().load("CP-" + i).orElseThrow());
            }
        }
        try (CrmStore store = Fixtures.open(CrmStore.dataSource(url))) {
            assertEquals(CYCLES, store.complaints().ofCustomer(CustomerId.of("c-17")).size());
        }
    }

    static Stream<Arguments> emptyDatabases() {
        return Stream.of(Arguments.of("H2 file", 10), Arguments.of("H2 in memory", 10), Arguments.of("PostgreSQL", 3));
    }

    private Supplier<DataSource> emptyDatabase(String kind, int round) {
        return switch (kind) {
            case "H2 file" -> {
                String url = fileUrl("first-open-" + round);
                yield () -> CrmStore.dataSource(url);
            }
            case "H2 in memory" -> {
                // no DB_CLOSE_DELAY: the database lives while a store keeps it open
                String url = "jdbc:h2:mem:first-open-" + round + "-" + dir.getFileName();
                yield () -> CrmStore.dataSource(url);
            }
            default -> {
                DataSource ds = Db.POSTGRESQL.fresh();
                yield () -> ds;
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyDatabases")
    void eightConcurrentFirstOpensMigrateOnceAndAllWrite(String kind, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds; round++) {
                Supplier<DataSource> database = emptyDatabase(kind, round);
                CyclicBarrier barrier = new CyclicBarrier(THREADS);
                List<Future<CrmStore>> opened = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String id = "CP-" + t;
                    opened.add(pool.submit(() -> {
                        barrier.await(60, TimeUnit.SECONDS);
                        CrmStore store = Fixtures.open(database.get());
                        // every thread's complaint is of customer c-17: its data key is created once
                        store.complaints().append(Fixtures.received(id), 0, id);
                        return store;
                    }));
                }
                List<CrmStore> stores = new ArrayList<>();
                for (Future<CrmStore> f : opened) {
                    stores.add(f.get(120, TimeUnit.SECONDS));
                }
                CrmStore any = stores.get(0);
                for (int t = 0; t < THREADS; t++) {
                    assertEquals(Fixtures.received("CP-" + t), any.complaints().load("CP-" + t).orElseThrow(),
                            kind + " round " + round);
                }
                try (Connection c = database.get().getConnection(); Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN \"success\" THEN 1 ELSE 0 END) "
                                + "FROM \"crm_schema_history\" WHERE \"version\" IS NOT NULL")) {
                    r.next();
                    assertEquals(2, r.getInt(1), kind + " round " + round + ": V1 and V2 applied once each");
                    assertEquals(2, r.getInt(2), kind + " round " + round + ": no failed migration recorded");
                }
                stores.forEach(CrmStore::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void openWaitsForTheMigrationLockBeforeMigrating(Db db) throws Exception {
        DataSource ds = db == Db.H2 ? CrmStore.dataSource(fileUrl("locked")) : db.fresh();
        try (Connection holder = ds.getConnection(); Statement s = holder.createStatement()) {
            // another opener in the middle of its migration holds the lock
            if (db == Db.H2) {
                s.execute("CREATE SCHEMA " + CrmStore.H2_LOCK_SCHEMA);
                s.execute("CREATE TABLE " + CrmStore.H2_LOCK + " (id INTEGER PRIMARY KEY)");
                s.execute("INSERT INTO " + CrmStore.H2_LOCK + " VALUES (1)");
                holder.setAutoCommit(false);
                s.execute("SELECT id FROM " + CrmStore.H2_LOCK + " WHERE id = 1 FOR UPDATE");
            } else {
                s.execute("SELECT pg_advisory_lock(" + CrmStore.PG_MIGRATION_LOCK + ")");
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<CrmStore> opening = pool.submit(() -> Fixtures.open(ds));
                Thread.sleep(1500);
                assertTrue(!opening.isDone(), "the open waits for the lock");
                assertEquals(java.util.Optional.empty(), CrmStore.schemaVersion(ds), "and has not migrated");
                if (db == Db.H2) {
                    holder.commit();
                } else {
                    s.execute("SELECT pg_advisory_unlock(" + CrmStore.PG_MIGRATION_LOCK + ")");
                }
                try (CrmStore store = opening.get(120, TimeUnit.SECONDS)) {
                    assertEquals("2", store.schemaVersion());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void twoStoresOnOneFileInOneJvmSeeEachOthersWritesAndCloseIndependently() {
        String url = fileUrl("two");
        CrmStore first = Fixtures.open(CrmStore.dataSource(url));
        CrmStore second = Fixtures.open(CrmStore.dataSource(url));
        first.complaints().append(Fixtures.received("CP-1"), 0, "k1");
        assertEquals(Fixtures.received("CP-1"), second.complaints().load("CP-1").orElseThrow());
        first.close();
        second.complaints().append(Fixtures.received("CP-2"), 0, "k2");
        assertEquals(2, second.complaints().all().size());
        second.close();
        try (CrmStore again = Fixtures.open(CrmStore.dataSource(url))) {
            assertEquals(2, again.complaints().all().size());
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
        CrmStore store = Fixtures.open(CrmStore.dataSource(fileUrl("closed")));
        store.close();
        store.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.complaints().version("CP-1"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aSecondJvmIsToldTheFileIsHeldAndOpensItOnceTheStoreIsClosed() throws Exception {
        String url = fileUrl("held");
        try (CrmStore store = Fixtures.open(CrmStore.dataSource(url))) {
            store.complaints().append(Fixtures.received("CP-1"), 0, "k1");
            String refused = child(url, "CP-2");
            assertTrue(refused.startsWith("refused ") && refused.contains("open in another process")
                    && refused.contains("AUTO_SERVER=TRUE"), refused);
        }
        assertEquals("opened 1", child(url, "CP-2"));
        try (CrmStore store = Fixtures.open(CrmStore.dataSource(url))) {
            assertEquals(2, store.complaints().all().size());
        }
    }

    @Test
    void withAutoServerASecondJvmWritesThroughTheFirst() throws Exception {
        String url = fileUrl("served") + ";AUTO_SERVER=TRUE";
        try (CrmStore store = Fixtures.open(CrmStore.dataSource(url))) {
            assertEquals("opened 1", child(url, "CP-2"));
            Complaint written = store.complaints().load("CP-2").orElseThrow();
            assertEquals(Fixtures.received("CP-2"), written);
        }
    }

    /** Runs {@code StreamWriterMain open} in a child JVM and returns its one line of output. */
    private static String child(String url, String id) throws Exception {
        Process p = ConcurrencyTest.java("open", url, id);
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM ends");
        return String.valueOf(line);
    }
}
