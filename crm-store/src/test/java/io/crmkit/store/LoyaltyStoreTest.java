package io.crmkit.store;

import static io.crmkit.store.LoyaltyFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LedgerStore;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Outcome;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.RejectedEventException;
import io.crmkit.store.TestDatabases.Db;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The loyalty journal in the database: every event type round trips, ids are stored once, rows are never changed. */
class LoyaltyStoreTest {

    private static final CustomerId ANN = CustomerId.of("c-1");
    private static final CustomerId BOB = CustomerId.of("c-2");

    /** One event of every type, with the fields a careless store would lose: scale, nanoseconds, texts, buyer and user. */
    static List<LoyaltyEvent> everyType() {
        Purchase gift = Purchase.builder().customer(ANN).time(Instant.parse("2026-03-01T02:15:30.123456789Z"))
                .amount(Money.of(new BigDecimal("1280.5000"), LoyaltyFixtures.CNY)).product("耳机 headphones")
                .purchaser(ANN).user(BOB).build();
        return List.of(
                LoyaltyEvent.purchase("p-1", gift, "electronics"),
                LoyaltyEvent.purchase("p-2", Purchase.of(ANN, Instant.parse("1969-12-31T23:59:59.5Z"),
                        Money.of("0", "CNY")), null),
                new LoyaltyEvent.Refunded("r-1", ANN, at("2026-03-05T10:00"), "p-1", Money.of("0.01", "CNY")),
                new LoyaltyEvent.Redeemed("x-1", ANN, at("2026-03-06T10:00"), Long.MAX_VALUE),
                new LoyaltyEvent.Awarded("b-1", ANN, at("2026-03-07T10:00"), 200, "生日 birthday, 'quoted' | piped"),
                new LoyaltyEvent.Adjusted("a-1", ANN, at("2026-03-08T10:00"), -(Long.MAX_VALUE), "staff-12", "lost receipt"),
                new LoyaltyEvent.Adjusted("a-2", ANN, at("2026-01-01T00:00"), 1, "s", "x".repeat(LoyaltyStore.MAX_TEXT)));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void everyEventTypeRoundTripsInAppendOrder(Db db) {
        DataSource ds = db.fresh();
        LoyaltyStore journal = Fixtures.open(ds).loyalty();
        List<LoyaltyEvent> events = everyType();
        for (LoyaltyEvent e : events) {
            assertEquals(Optional.empty(), journal.appendIfAbsent(e), e.id());
        }
        LoyaltyEvent other = new LoyaltyEvent.Redeemed("x-2", BOB, at("2025-01-01T00:00"), 5);
        journal.appendIfAbsent(other);

        LoyaltyStore reopened = Fixtures.open(ds).loyalty();
        // append order, not the events' instants (a-2 happened before most of Ann's events, and was appended last)
        assertEquals(events, reopened.events(ANN));
        assertEquals(List.of(other), reopened.events(BOB));
        assertEquals(List.of(), reopened.events(CustomerId.of("nobody")));
        for (LoyaltyEvent e : events) {
            assertEquals(Optional.of(e), reopened.find(e.id()));
        }
        LoyaltyEvent.Purchased gift = (LoyaltyEvent.Purchased) reopened.find("p-1").orElseThrow();
        assertEquals("1280.5000", gift.purchase().amount().amount().toPlainString(), "the scale is kept");
        assertEquals(123_456_789, gift.at().getNano());
        assertEquals(BOB, gift.purchase().user());
        assertEquals(Optional.empty(), reopened.find("p-3"));
        assertEquals(Set.of(ANN, BOB), reopened.customers());
        assertEquals(events.size() + 1, reopened.size());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aReappendedIdStoresNothingAndReturnsTheStoredEventEvenWithOtherFields(Db db) {
        LoyaltyStore journal = Fixtures.open(db.fresh()).loyalty();
        LoyaltyEvent first = new LoyaltyEvent.Redeemed("x-1", ANN, at("2026-03-06T10:00"), 500);
        LoyaltyEvent sameId = new LoyaltyEvent.Awarded("x-1", BOB, at("2026-04-06T10:00"), 900, "other");
        assertEquals(Optional.empty(), journal.appendIfAbsent(first));
        assertEquals(Optional.of(first), journal.appendIfAbsent(first), "a retry is a no-op");
        assertEquals(Optional.of(first), journal.appendIfAbsent(sameId), "the stored event wins and is returned");
        assertEquals(List.of(first), journal.events(ANN));
        assertEquals(List.of(), journal.events(BOB));
        assertEquals(Set.of(ANN), journal.customers());
        assertEquals(1, journal.size());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aBatchAppendsInOrderAndReportsStoredAndRepeatedIds(Db db) {
        LoyaltyStore journal = Fixtures.open(db.fresh()).loyalty();
        LoyaltyEvent stored = LoyaltyFixtures.buy("p-0", "c-1", "2026-01-02T10:00", "10.00");
        journal.appendIfAbsent(stored);
        LoyaltyEvent a = LoyaltyFixtures.buy("p-1", "c-1", "2026-01-01T10:00", "20.00");
        LoyaltyEvent b = LoyaltyFixtures.buy("p-2", "c-2", "2026-01-01T10:00", "30.00");
        LoyaltyEvent aAgain = LoyaltyFixtures.buy("p-1", "c-2", "2026-05-01T10:00", "99.00");
        LoyaltyEvent stale = LoyaltyFixtures.buy("p-0", "c-1", "2026-01-02T10:00", "11.00");
        List<Optional<LoyaltyEvent>> results = journal.appendAllIfAbsent(List.of(a, stale, b, aAgain));
        assertEquals(List.of(Optional.empty(), Optional.of(stored), Optional.empty(), Optional.of(a)), results);
        assertEquals(List.of(stored, a), journal.events(ANN));
        assertEquals(List.of(b), journal.events(BOB));
        assertEquals(List.of(), journal.appendAllIfAbsent(List.of()));
        // the seam's default (one by one) gives the same answers as the one-transaction batch
        LedgerStore memory = LedgerStore.inMemory();
        memory.appendIfAbsent(stored);
        assertEquals(results, memory.appendAllIfAbsent(List.of(a, stale, b, aAgain)));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void textsTheDatabaseCannotKeepAreRefusedAndNothingOfTheBatchIsStored(Db db) {
        LoyaltyStore journal = Fixtures.open(db.fresh()).loyalty();
        LoyaltyEvent fine = new LoyaltyEvent.Awarded("b-1", ANN, at("2026-03-07T10:00"), 200, "birthday");
        LoyaltyEvent tooLong = new LoyaltyEvent.Awarded("b-2", ANN, at("2026-03-07T10:00"), 200, "x".repeat(1001));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> journal.appendAllIfAbsent(List.of(fine, tooLong)));
        assertEquals("loyalty event 'b-2' reason has 1001 characters: the store keeps at most 1000", e.getMessage());
        LoyaltyEvent nul = new LoyaltyEvent.Adjusted("a-1", ANN, at("2026-03-07T10:00"), 5, "staff\u00001", "fix");
        e = assertThrows(IllegalArgumentException.class, () -> journal.appendIfAbsent(nul));
        assertEquals("loyalty event 'a-1' actor holds a NUL or an unpaired surrogate at index 5: the store keeps only "
                + "well-formed text without NUL", e.getMessage());
        LoyaltyEvent surrogate = LoyaltyEvent.purchase("p-1", Purchase.of(ANN, at("2026-03-07T10:00"), Money.of("1", "CNY")),
                "books\uD800");
        e = assertThrows(IllegalArgumentException.class, () -> journal.appendIfAbsent(surrogate));
        assertTrue(e.getMessage().startsWith("loyalty event 'p-1' category holds a NUL or an unpaired surrogate at index 5"),
                e.getMessage());
        assertEquals(0, journal.size());
        // a pair is well-formed text and is kept
        LoyaltyEvent emoji = new LoyaltyEvent.Awarded("b-3", ANN, at("2026-03-07T10:00"), 1, "🎂");
        journal.appendIfAbsent(emoji);
        assertEquals(List.of(emoji), journal.events(ANN));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void anEditedOrDeletedRowIsReportedNotReplayed(Db db) throws Exception {
        DataSource ds = db.fresh();
        LoyaltyStore journal = Fixtures.open(ds).loyalty();
        everyType().forEach(journal::appendIfAbsent);
        sql(ds, "UPDATE crm_loyalty_event SET points = 300 WHERE event_id = 'b-1'");
        StoreCorruptedException e = assertThrows(StoreCorruptedException.class, () -> journal.events(ANN));
        assertEquals("loyalty journal of customer c-1: event b-1 (number 5) does not match its hash chain: the row or "
                + "an earlier one was changed", e.getMessage());

        LoyaltyStore other = Fixtures.open(ds = db.fresh()).loyalty();
        everyType().forEach(other::appendIfAbsent);
        sql(ds, "DELETE FROM crm_loyalty_event WHERE event_id = 'r-1'");
        e = assertThrows(StoreCorruptedException.class, () -> other.events(ANN));
        assertEquals("loyalty journal of customer c-1 misses event 3 (found 4, event x-1)", e.getMessage());

        LoyaltyStore third = Fixtures.open(ds = db.fresh()).loyalty();
        everyType().forEach(third::appendIfAbsent);
        sql(ds, "UPDATE crm_loyalty_event SET kind = 'gift' WHERE event_id = 'b-1'");
        e = assertThrows(StoreCorruptedException.class, () -> third.find("b-1"));
        assertEquals("stored loyalty event b-1 is not one crmkit writes: kind gift is not a loyalty event kind", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aLedgerOnTheStoreSurvivesReopeningAndRefusesAReusedIdWithOtherFields(Db db) {
        DataSource ds = db.fresh();
        Program program = LoyaltyFixtures.program(0, 0, 0, false);
        Ledger ledger = Ledger.on(program, Fixtures.open(ds).loyalty());
        LoyaltyEvent buy = LoyaltyFixtures.buy("p-1", "c-1", "2026-03-01T10:00", "1280.00");
        assertEquals(Outcome.Status.APPLIED, ledger.apply(buy).status());
        assertEquals(Outcome.Status.DUPLICATE, ledger.apply(buy).status());
        Ledger reopened = Ledger.on(program, Fixtures.open(ds).loyalty());
        Instant asOf = at("2026-03-02T00:00");
        assertEquals(1280, reopened.account(ANN, asOf).balance(), "1 point per CNY, floor(1280 × 1)");
        assertEquals(Outcome.Status.DUPLICATE, reopened.apply(buy).status());
        RejectedEventException e = assertThrows(RejectedEventException.class,
                () -> reopened.apply(LoyaltyFixtures.buy("p-1", "c-1", "2026-03-01T10:00", "9.00")));
        assertEquals("p-1", e.eventId());
        assertEquals(1280, reopened.account(ANN, asOf).balance());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void erasingAMemberKeepsItsPointsHistory(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        everyType().forEach(store.loyalty()::appendIfAbsent);
        store.erase(ANN);
        assertTrue(store.isErased(ANN));
        assertEquals(everyType(), store.loyalty().events(ANN));
    }

    /**
     * A statement run over many members reads the journal a chunk of members a query (and a batch
     * looks its ids and members up and appends in a fixed number of queries), not one query a
     * member or an event; the accounts equal those of the same events in memory.
     */
    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aLedgerOnTheStoreReadsAndWritesManyMembersInAFixedNumberOfQueries(Db db) {
        CountingDataSource counting = new CountingDataSource(db.fresh());
        CrmStore store = Fixtures.open(counting.dataSource);
        Program program = LoyaltyFixtures.program(0, 0, 0, false);
        List<LoyaltyEvent> events = new java.util.ArrayList<>();
        for (int m = 0; m < 60; m++) {
            events.add(LoyaltyFixtures.buy("p-" + m, "m-" + m, "2026-03-01T10:00", (100 + m) + ".00"));
            events.add(LoyaltyFixtures.buy("q-" + m, "m-" + m, "2026-04-01T10:00", "50.00"));
            events.add(new LoyaltyEvent.Redeemed("x-" + m, CustomerId.of("m-" + m), at("2026-04-02T10:00"), 30 + m));
        }
        Ledger stored = Ledger.on(program, store.loyalty());
        Ledger memory = Ledger.on(program, LedgerStore.inMemory());
        counting.reset();
        List<Outcome> outcomes = stored.applyAll(events);
        // ids looked up, members' histories read, the batch's ids and tails, the insert
        assertTrue(counting.queries.get() <= 6, "applyAll: " + counting.queries.get() + " queries for 180 events");
        assertEquals(memory.applyAll(events), outcomes);
        assertEquals(180, store.loyalty().size());

        Instant asOf = at("2026-05-01T00:00");
        counting.reset();
        List<io.crmkit.loyalty.Account> accounts = stored.accounts(asOf);
        assertEquals(2, counting.queries.get(), "accounts: the members, then their events in one query");
        assertEquals(memory.accounts(asOf), accounts);
        assertEquals(60, accounts.size());
        assertEquals(100 + 50 - 30, accounts.get(0).balance(), "m-0: 100 + 50 points earned at 1 a CNY, 30 redeemed");

        assertEquals(java.util.Map.of(ANN, List.of(), CustomerId.of("m-1"), events.subList(3, 6)),
                store.loyalty().events(List.of(ANN, CustomerId.of("m-1"))));
        assertEquals(java.util.Map.of("p-1", events.get(3)), store.loyalty().findAll(List.of("p-1", "nope")));
    }

    private static void sql(DataSource ds, String update) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(update));
        }
    }
}
