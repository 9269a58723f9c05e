package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LedgerStore;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Outcome;
import io.crmkit.loyalty.Program;
import io.crmkit.store.LoyaltyFixtures.Spec;
import io.crmkit.store.TestDatabases.Db;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A ledger over the database journal, built from any history, gives the same accounts and
 * statements as a ledger over the in-memory journal, before and after the store is reopened.
 */
class LoyaltyStorePropertiesTest {

    private static final Map<Db, DataSource> DATABASES = new EnumMap<>(Db.class);
    private static final AtomicInteger TRIES = new AtomicInteger();

    @Provide
    Arbitrary<List<Spec>> histories() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(3, 2), Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, LoyaltyFixtures.MINUTES),
                Arbitraries.integers().between(0, 300_000),
                Arbitraries.integers().between(1, 3_000),
                Arbitraries.integers().between(0, 1_000)).as(Spec::new);
        return spec.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Db> databases() {
        return Arbitraries.of(Db.values());
    }

    /** One database per kind for the whole run; each try uses its own members and ids. */
    private static synchronized DataSource database(Db db) {
        return DATABASES.computeIfAbsent(db, Db::fresh);
    }

    @Property(tries = 50)
    void aLedgerOverTheStoredJournalEqualsOneInMemory(@ForAll("databases") Db db, @ForAll("histories") List<Spec> specs,
            @ForAll @IntRange(min = 0, max = 3) int expiry, @ForAll @IntRange(min = 0, max = 1) int refund,
            @ForAll @IntRange(min = 0, max = 2) int window, @ForAll boolean oneByOne,
            @ForAll @IntRange(min = 0, max = LoyaltyFixtures.MINUTES) int asOfMinute) {
        DataSource ds = database(db);
        String prefix = "t" + TRIES.incrementAndGet() + "-";
        List<LoyaltyEvent> events = LoyaltyFixtures.events(prefix, specs);
        Program program = LoyaltyFixtures.program(expiry, refund, window, oneByOne);
        LedgerStore memory = LedgerStore.inMemory();
        Ledger inMemory = Ledger.on(program, memory);
        Ledger stored = Ledger.on(program, Fixtures.open(ds).loyalty());
        List<Outcome> expected = inMemory.applyAll(events);
        List<Outcome> actual = oneByOne ? events.stream().map(stored::apply).toList() : stored.applyAll(events);
        if (!oneByOne) {
            assertEquals(expected, actual, "the same outcomes, refusals included");
        }
        // applied again, every event is a duplicate
        stored.applyAll(events).forEach(o -> assertEquals(Outcome.Status.DUPLICATE, o.status()));

        Instant asOf = LoyaltyFixtures.START.plusSeconds(60L * asOfMinute);
        Ledger reopened = Ledger.on(program, Fixtures.open(ds).loyalty());
        LedgerStore journal = Fixtures.open(ds).loyalty();
        for (CustomerId member : new TreeSet<>(memory.customers())) {
            assertEquals(memory.events(member), journal.events(member), "the journal keeps " + member + "'s events in order");
            for (Ledger ledger : List.of(stored, reopened)) {
                assertEquals(inMemory.account(member, asOf), ledger.account(member, asOf));
                assertEquals(inMemory.account(member, LoyaltyFixtures.END), ledger.account(member, LoyaltyFixtures.END));
                assertEquals(inMemory.statement(member, LoyaltyFixtures.START, asOf),
                        ledger.statement(member, LoyaltyFixtures.START, asOf));
            }
        }
    }
}
