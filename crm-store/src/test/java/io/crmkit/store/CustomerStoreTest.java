package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.store.TestDatabases.Db;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Customer files keep every version with its dated change record, across a reload. */
class CustomerStoreTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Fixtures.T0);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        MovingClock advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
            return this;
        }
    }

    /**
     * Every saved version holds the whole file, whose contact history grows by one period a version
     * here, so the stored states add up quadratically (PostgreSQL sent every one of them, hex-encoded,
     * when a load selected them all: 419 ms for 1,000 versions against 4.7 ms on H2). A load reads the
     * change records of all versions but the state of the requested one only, in three queries
     * whatever the number of versions: the stored version, the data key, the history.
     */
    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aFileOfManyVersionsLoadsInThreeQueriesReadingOneState(Db db) throws Exception {
        CountingDataSource counting = new CountingDataSource(db.fresh());
        MovingClock clock = new MovingClock();
        CrmStore store = CrmStore.open(counting.dataSource, Fixtures.KEK, clock);
        Customer c = Fixtures.zhang(clock);
        store.customers().save(c);
        List<Customer> versions = new java.util.ArrayList<>(List.of(c));
        for (int v = 2; v <= 150; v++) {
            clock.advance(Duration.ofMinutes(1));
            c = c.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "139" + String.format("%08d", v)), "agent");
            store.customers().save(c);
            versions.add(c);
        }
        long sealedChanges;
        long[] states = new long[151];
        try (java.sql.Connection conn = counting.dataSource.getConnection();
                java.sql.Statement s = conn.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT version, sealed, state FROM crm_customer_version")) {
            long sum = 0;
            while (r.next()) {
                sum += r.getBytes(2).length;
                states[r.getInt(1)] = r.getBytes(3).length;
            }
            sealedChanges = sum;
        }
        for (int v : new int[] {150, 75, 1}) {
            counting.reset();
            Customer loaded = v == 150 ? store.customers().load(CustomerId.of("c-17")).orElseThrow()
                    : store.customers().load(CustomerId.of("c-17"), v);
            assertEquals(versions.get(v - 1), loaded);
            assertEquals(3, counting.queries.get(), "version " + v + ": queries");
            long changes = sealedChanges * v / 150;
            // the wrapped data key (12 + 32 + 16 bytes), the change records up to v (about the same size
            // each), and one state
            long bound = 60 + changes + changes / 10 + 200 + states[v];
            assertTrue(counting.bytesRead.get() <= bound, "version " + v + ": read " + counting.bytesRead.get()
                    + " bytes, at most " + bound + " expected (all states: " + java.util.Arrays.stream(states).sum() + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void everySavedVersionLoadsBackWithItsHistoryAndTheFileContinues(Db db) {
        MovingClock clock = new MovingClock();
        CrmStore store = CrmStore.open(db.fresh(), Fixtures.KEK, clock);
        CustomerStore files = store.customers();
        Customer v1 = Fixtures.zhang(clock);
        assertEquals(1, files.save(v1));
        clock.advance(Duration.ofDays(3));
        Customer v2 = v1.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, Fixtures.NEW_PHONE), "agent-8");
        assertEquals(2, files.save(v2));
        clock.advance(Duration.ofDays(1).plusNanos(123_456_789));
        Customer v3 = v2.withOccupation("engineer", "agent-9");
        assertEquals(3, files.save(v3));
        assertEquals(3, files.save(v3), "saving a stored version again is a no-op");

        assertEquals(v3, files.load(CustomerId.of("c-17")).orElseThrow());
        assertEquals(v1, files.load(CustomerId.of("c-17"), 1));
        assertEquals(v2, files.load(CustomerId.of("c-17"), 2));
        assertEquals(v3.history(), files.history(CustomerId.of("c-17")));
        assertEquals(Optional.empty(), files.load(CustomerId.of("c-99")));

        Customer loaded = files.load(CustomerId.of("c-17")).orElseThrow();
        Customer v4 = loaded.withName("张伟明", "agent-9");
        assertEquals(4, v4.version(), "a loaded file continues at the next version, not at 1");
        assertEquals(4, files.save(v4));
        assertEquals(v4, files.load(CustomerId.of("c-17")).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> files.load(CustomerId.of("c-17"), 5));
        assertEquals("version 5 of customer c-17 is not stored: stored versions are 1 to 4", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aWriterThatMissedAnotherWritersVersionGetsAConflictAndWritesNothing(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        MovingClock clock = new MovingClock();
        Customer v1 = Fixtures.zhang(clock);
        store.customers().save(v1);
        clock.advance(Duration.ofHours(1));
        Customer mine = v1.withOccupation("engineer", "agent-1");
        Customer theirs = v1.withOccupation("teacher", "agent-2");
        store.customers().save(theirs);
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> store.customers().save(mine));
        assertEquals(2, e.currentVersion());
        assertEquals(theirs, store.customers().load(CustomerId.of("c-17")).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void versionsSavedTogetherKeepTheirChangeRecordsButOnlyTheNewestHasFields(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        MovingClock clock = new MovingClock();
        Customer v1 = Fixtures.zhang(clock);
        clock.advance(Duration.ofHours(1));
        Customer v3 = v1.withOccupation("engineer", "agent-1").withName("张伟明", "agent-1");
        store.customers().save(v3);
        assertEquals(v3.history(), store.customers().history(CustomerId.of("c-17")));
        assertEquals(v3, store.customers().load(CustomerId.of("c-17"), 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.customers().load(CustomerId.of("c-17"), 2));
        assertTrue(e.getMessage().startsWith("version 2 of customer c-17 was not saved with its fields"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void anErasedFileCannotBeLoadedOrSavedButItsChangeRecordsStayDated(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        MovingClock clock = new MovingClock();
        Customer v1 = Fixtures.zhang(clock);
        clock.advance(Duration.ofHours(1));
        Customer v2 = v1.withOccupation("engineer", "agent-1");
        store.customers().save(v2);
        assertFalse(store.isErased(v1.id()));
        assertTrue(store.erase(v1.id()));
        assertFalse(store.erase(v1.id()), "erasing twice is harmless");
        assertTrue(store.isErased(v1.id()));
        CustomerErasedException e = assertThrows(CustomerErasedException.class,
                () -> store.customers().load(v1.id()));
        assertEquals("customer c-17 was erased: its file can no longer be read", e.getMessage());
        assertThrows(CustomerErasedException.class, () -> store.customers().load(v1.id(), 1));
        clock.advance(Duration.ofHours(1));
        assertThrows(CustomerErasedException.class,
                () -> store.customers().save(v2.withOccupation("teacher", "agent-1")));
        List<CustomerChange> h = store.customers().history(v1.id());
        assertEquals(2, h.size());
        assertEquals(new CustomerChange(v1.id(), 2, Fixtures.T0.plus(Duration.ofHours(1)), "agent-1", "occupation",
                CustomerStore.ERASED, CustomerStore.ERASED), h.get(1));
    }
}
