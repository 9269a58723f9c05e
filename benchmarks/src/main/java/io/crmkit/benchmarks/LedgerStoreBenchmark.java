package io.crmkit.benchmarks;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.store.CrmStore;
import io.crmkit.store.KeyEncryptionKey;
import io.crmkit.store.LoyaltyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loyalty journal in crm-store ({@code CrmStore.loyalty()}) on an embedded H2 file database:
 * a single writer appending one purchase event per transaction (id check, the member's tail,
 * hash, insert) against a raw JDBC loop inserting one row of the same columns per transaction
 * (the physical floor on the same disk); 100 events per transaction ({@code appendAllIfAbsent})
 * against 100 raw rows per transaction; a duplicate append (the id is stored: a lookup, nothing
 * written); and reading a member's 1,000 events with the sequence and hash-chain check. Events
 * go to 1,000 members in turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LedgerStoreBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final int MEMBERS = 1000;
    private static final String HASH = "0".repeat(64);

    private Path dir;
    private DataSource ds;
    private CrmStore store;
    private LoyaltyStore journal;
    private long next;
    private long rawNext;

    /** Creates the database, a member with 1,000 events, and the raw table. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("crm-ledger-bench");
        ds = CrmStore.dataSource("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        store = CrmStore.open(ds, KeyEncryptionKey.of(new byte[32]), Clock.fixed(T0, ZoneOffset.UTC));
        journal = store.loyalty();
        List<LoyaltyEvent> long1000 = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long1000.add(purchase("long-" + i, CustomerId.of("long"), i));
        }
        journal.appendAllIfAbsent(long1000);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_loyalty (event_id VARCHAR(128) PRIMARY KEY, customer_id VARCHAR(128) NOT NULL, "
                    + "seq BIGINT NOT NULL, kind VARCHAR(16) NOT NULL, at_s BIGINT NOT NULL, at_n INTEGER NOT NULL, "
                    + "amount VARCHAR(2010), currency VARCHAR(3), category VARCHAR(1000), hash VARCHAR(64) NOT NULL, "
                    + "UNIQUE (customer_id, seq))");
        }
    }

    /** Deletes the database files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        StoreBenchmark.delete(dir);
    }

    private static LoyaltyEvent purchase(String id, CustomerId member, long n) {
        return LoyaltyEvent.purchase(id, Purchase.of(member, T0.plusSeconds(n), Money.of("128.50", "CNY")), "books");
    }

    private LoyaltyEvent nextEvent() {
        long n = next++;
        return purchase("p-" + n, CustomerId.of("m-" + (n % MEMBERS)), n);
    }

    /** @return empty: one event appended in its own transaction */
    @Benchmark
    public Optional<LoyaltyEvent> appendOne() {
        return journal.appendIfAbsent(nextEvent());
    }

    /** @return the results: 100 events appended in one transaction */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Optional<LoyaltyEvent>> appendHundred() {
        List<LoyaltyEvent> batch = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            batch.add(nextEvent());
        }
        return journal.appendAllIfAbsent(batch);
    }

    /** @return the stored event: a re-append of a stored id writes nothing */
    @Benchmark
    public Optional<LoyaltyEvent> appendDuplicate() {
        return journal.appendIfAbsent(purchase("long-" + (next++ % 1000), CustomerId.of("long"), 0));
    }

    /** @return the member's 1,000 events, read and checked */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<LoyaltyEvent> readThousand() {
        return journal.events(CustomerId.of("long"));
    }

    /** @return rows inserted: one row of the same columns per transaction, by hand */
    @Benchmark
    public int rawJdbcInsert() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = raw(c)) {
            bindRaw(s, rawNext++);
            return s.executeUpdate();
        }
    }

    /** @return rows inserted: 100 rows in one transaction, by hand */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int rawJdbcInsertHundred() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = raw(c)) {
                for (int i = 0; i < 100; i++) {
                    bindRaw(s, rawNext++);
                    s.addBatch();
                }
                int rows = s.executeBatch().length;
                c.commit();
                return rows;
            }
        }
    }

    private static PreparedStatement raw(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO raw_loyalty (event_id, customer_id, seq, kind, at_s, at_n, amount, currency, "
                + "category, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    private static void bindRaw(PreparedStatement s, long n) throws SQLException {
        s.setString(1, "p-" + n);
        s.setString(2, "m-" + (n % MEMBERS));
        s.setLong(3, n / MEMBERS + 1);
        s.setString(4, "purchase");
        s.setLong(5, T0.getEpochSecond() + n);
        s.setInt(6, 0);
        s.setString(7, "128.50");
        s.setString(8, "CNY");
        s.setString(9, "books");
        s.setString(10, HASH);
    }
}
