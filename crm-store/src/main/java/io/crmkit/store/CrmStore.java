package io.crmkit.store;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable storage for crmkit over JDBC: complaint event streams ({@link #complaints()}),
 * versioned customer files ({@link #customers()}), fitted models ({@link #models()}) and the
 * loyalty journal ({@link #loyalty()}, a {@link io.crmkit.loyalty.LedgerStore}), in any
 * database reached through a {@link DataSource} the application supplies (H2 2.x and PostgreSQL
 * are tested). Opening a store creates or upgrades its tables with Flyway (history table
 * {@code crm_schema_history}) and refuses a database that a newer crmkit has migrated.
 *
 * <p>Personal data (national IDs, phones, e-mails, addresses, names, free texts of complaints) is
 * encrypted with a data key per customer, which is stored only wrapped by the application's
 * {@link KeyEncryptionKey}; {@link #erase} destroys a customer's data key (GDPR art. 17, PIPL art.
 * 47). A store is thread-safe; several stores (in several JVMs) may share one database.
 *
 * <p><b>Opening and closing.</b> Concurrent first opens of one empty database migrate it once:
 * {@link #open} holds a database-wide lock around Flyway (on PostgreSQL a session advisory lock,
 * on H2 a row lock in table {@code CRM_STORE_LOCK.MIGRATION}, because Flyway's own lock on H2 locks the rows
 * of its history table and an empty table has none). On H2 the store keeps one connection open
 * from {@link #open} to {@link #close}: an embedded H2 database is closed when its last connection
 * closes (unless the URL sets {@code DB_CLOSE_DELAY}), so without it every operation would open and
 * close the database files again; and it sets H2's {@code WRITE_DELAY} to 0, so that a commit is in
 * the database file when it returns (H2 writes it within half a second by default, which a
 * killed process would lose now that the database stays open). Closing the store releases that
 * connection. An H2 file database
 * is then held by this JVM while the store is open; another JVM gets a {@link StoreException}
 * that says so, unless the URL sets {@code AUTO_SERVER=TRUE} (the first JVM then serves the others
 * over a local TCP port). Several JVMs writing at once are better served by PostgreSQL.
 *
 * <pre>{@code
 * try (CrmStore store = CrmStore.open(dataSource, kek, Clock.systemUTC())) {
 *     store.complaints().append("CMP-1", 0, received.history(), "request-17");
 *     Complaint again = store.complaints().load("CMP-1").orElseThrow();
 * }
 * }</pre>
 */
public final class CrmStore implements AutoCloseable {

    /** The newest schema version this library creates and reads. */
    public static final String SCHEMA_VERSION = "2";

    private static final Logger LOG = LoggerFactory.getLogger(CrmStore.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final PersonalDataVault vault;
    private final String schemaVersion;
    private final CustomerStore customers;
    private final ComplaintStore complaints;
    private final ModelStore models;
    private final LoyaltyStore loyalty;
    /** Keeps an embedded H2 database open for the store's lifetime; null for other databases. */
    private final Connection keeper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CrmStore(DataSource dataSource, KeyEncryptionKey kek, Clock clock, String schemaVersion,
            Connection keeper) {
        this.dataSource = dataSource;
        this.keeper = keeper;
        this.clock = clock;
        this.vault = new PersonalDataVault(kek, new SecureRandom(), clock);
        this.schemaVersion = schemaVersion;
        this.customers = new CustomerStore(this);
        this.complaints = new ComplaintStore(this);
        this.models = new ModelStore(this);
        this.loyalty = new LoyaltyStore(this);
    }

    /**
     * Opens a store: migrates the database to {@link #SCHEMA_VERSION} if it is older (an empty
     * database gets every table), then checks it. Of concurrent opens of one database (threads or
     * JVMs) one migrates while the others wait for it and then find the schema current. Close the
     * store when done with it ({@link #close}).
     *
     * @param dataSource where the tables live; the store borrows a connection per operation (and
     *        on H2 keeps one more open until {@link #close})
     * @param kek the key that wraps every customer's data key
     * @param clock the time stamped on erasures and on customer files restored from the store
     * @return the store
     * @throws SchemaTooNewException if a newer crmkit migrated the database
     * @throws StoreException if the database cannot be reached or migrated, or an H2 file database
     *         is held by another JVM
     */
    public static CrmStore open(DataSource dataSource, KeyEncryptionKey kek, Clock clock) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(kek, "kek");
        requireNonNull(clock, "clock");
        Connection lock = connect(dataSource);
        boolean h2 = false;
        try {
            Database kind = Database.of(lock);
            h2 = kind == Database.H2;
            if (h2) {
                durableCommits(lock);
            }
            String version = migrateLocked(dataSource, lock, kind);
            LOG.debug("crmkit store opened at schema version {}", version);
            // on H2 the lock's connection stays open as the keeper of the database
            return new CrmStore(dataSource, kek, clock, version, h2 ? lock : null);
        } catch (RuntimeException e) {
            closeQuietly(lock, e);
            throw e;
        } finally {
            if (!h2) {
                closeQuietly(lock, null);
            }
        }
    }

    /** The databases whose migration lock the store knows. */
    private enum Database {
        H2, POSTGRESQL, OTHER;

        static Database of(Connection c) {
            try {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
                return product.contains("postgres") ? POSTGRESQL : product.equals("h2") ? H2 : OTHER;
            } catch (SQLException e) {
                throw StoreException.failed("reading the database's product name", e);
            }
        }
    }

    /**
     * Makes every H2 commit write its changes to the database file before it returns
     * ({@code WRITE_DELAY 0}; H2's default writes them within 500 ms, in the background). An H2
     * database that stays open between operations would otherwise lose the last half second of
     * acknowledged appends when the process is killed. The setting is the database's and persists;
     * a user without the right to change it gets a warning in the log.
     */
    private static void durableCommits(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("crmkit store could not set WRITE_DELAY 0 on its H2 database (SQL state {}): commits of the last "
                    + "half second may be lost if the process is killed; set it as an administrator", e.getSQLState());
        }
    }

    /** Key of the session advisory lock that serialises migrations on PostgreSQL ("crmkit m" in ASCII). */
    static final long PG_MIGRATION_LOCK = 0x63726d6b6974206dL;
    /** Longest wait for another opener's migration, in milliseconds. */
    private static final int MIGRATION_WAIT_MS = 300_000;

    /** In-JVM guard for databases without a known database-wide lock (H2 and PostgreSQL have one). */
    private static final Object JVM_MIGRATION = new Object();

    private static String migrateLocked(DataSource dataSource, Connection lock, Database kind) {
        Flyway flyway = flyway(dataSource, kind == Database.POSTGRESQL);
        try {
            switch (kind) {
                case POSTGRESQL -> {
                    try (Statement s = lock.createStatement()) {
                        s.execute("SELECT pg_advisory_lock(" + PG_MIGRATION_LOCK + ")");
                    }
                    try {
                        return migrate(flyway);
                    } finally {
                        try (Statement s = lock.createStatement()) {
                            s.execute("SELECT pg_advisory_unlock(" + PG_MIGRATION_LOCK + ")");
                        }
                    }
                }
                case H2 -> {
                    lockH2(lock);
                    try {
                        return migrate(flyway);
                    } finally {
                        lock.commit();
                        lock.setAutoCommit(true);
                    }
                }
                default -> {
                    synchronized (JVM_MIGRATION) {
                        return migrate(flyway);
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreException.failed("locking the schema for migration", e);
        }
    }

    /**
     * Schema of the H2 migration lock: its own, since Flyway refuses to migrate a non-empty schema
     * that has no history table yet.
     */
    static final String H2_LOCK_SCHEMA = "CRM_STORE_LOCK";
    static final String H2_LOCK = H2_LOCK_SCHEMA + ".MIGRATION";

    /**
     * Takes the H2 migration lock: a row lock on the one row of {@code CRM_STORE_LOCK.MIGRATION},
     * held by the open transaction of {@code lock} until the migration is over. Creating the schema,
     * the table and its row is idempotent, and a concurrent creator's duplicate row is harmless.
     */
    private static void lockH2(Connection lock) throws SQLException {
        try (Statement s = lock.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + MIGRATION_WAIT_MS);
            for (int attempt = 1;; attempt++) {
                try {
                    s.execute("CREATE SCHEMA IF NOT EXISTS " + H2_LOCK_SCHEMA);
                    s.execute("CREATE TABLE IF NOT EXISTS " + H2_LOCK + " (id INTEGER PRIMARY KEY)");
                    s.execute("MERGE INTO " + H2_LOCK + " KEY (id) VALUES (1)");
                    break;
                } catch (SQLException e) {
                    // another opener created the schema, the table or the row in the meantime (H2 reports a
                    // concurrent CREATE ... IF NOT EXISTS as a general error): the next attempt finds them
                    if (attempt == 20) {
                        throw e;
                    }
                }
            }
            lock.setAutoCommit(false);
            s.execute("SELECT id FROM " + H2_LOCK + " WHERE id = 1 FOR UPDATE");
        }
    }

    private static String migrate(Flyway flyway) {
        checkNotNewer(flyway);
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw StoreException.failed("migrating the schema", e);
        }
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    private static Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_IN_USE) {
                throw new StoreException("the crmkit store's H2 file database is open in another process (H2 keeps "
                        + "a file database to one JVM): close that process, add ;AUTO_SERVER=TRUE to the JDBC URL "
                        + "of every process so that the first serves the others, or use PostgreSQL (H2 error code "
                        + H2_DATABASE_IN_USE + ")", e);
            }
            throw StoreException.failed("connecting", e);
        }
    }

    /** H2's error code for a file database locked by another process (90020, DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_IN_USE = 90020;

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.debug("closing a crmkit store connection failed", e);
            }
        }
    }

    /**
     * Closes the store: releases the connection that kept an embedded H2 database open (H2 then
     * closes the database if no other connection uses it). Operations on a closed store throw
     * {@link IllegalStateException}. Closing twice is harmless; the application's data source is
     * not closed.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && keeper != null) {
            closeQuietly(keeper, null);
        }
    }

    /**
     * Returns a simple (unpooled) data source for a JDBC URL of H2 ({@code jdbc:h2:}) or
     * PostgreSQL ({@code jdbc:postgresql:}, user and password as URL parameters). Applications
     * with a connection pool pass their own data source to {@link #open} instead.
     *
     * @param jdbcUrl the URL
     * @return a data source that opens a new connection each time
     * @throws IllegalArgumentException if the URL is neither H2's nor PostgreSQL's
     */
    public static DataSource dataSource(String jdbcUrl) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(jdbcUrl);
            return ds;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            return ds;
        }
        throw new IllegalArgumentException("JDBC URL " + JdbcUrl.masked(jdbcUrl)
                + " is not supported: use jdbc:h2:... or jdbc:postgresql:...");
    }

    /**
     * Reports the schema version of a database without migrating it.
     *
     * @param dataSource the database
     * @return the applied schema version, or empty if the store's tables were never created
     * @throws StoreException if the database cannot be reached
     */
    public static Optional<String> schemaVersion(DataSource dataSource) {
        try {
            MigrationInfo current = flyway(requireNonNull(dataSource, "dataSource"), isPostgres(dataSource)).info()
                    .current();
            return Optional.ofNullable(current).map(m -> m.getVersion().getVersion());
        } catch (RuntimeException e) {
            throw StoreException.failed("reading the schema version", e);
        }
    }

    private static void checkNotNewer(Flyway flyway) {
        MigrationInfo[] applied;
        try {
            applied = flyway.info().applied();
        } catch (RuntimeException e) {
            throw StoreException.failed("reading the schema history", e);
        }
        MigrationVersion newest = Arrays.stream(applied).map(MigrationInfo::getVersion).filter(v -> v != null)
                .filter(v -> v.isNewerThan(SCHEMA_VERSION)).max(MigrationVersion::compareTo).orElse(null);
        if (newest != null) {
            throw new SchemaTooNewException(newest.getVersion(), SCHEMA_VERSION);
        }
    }

    private static Flyway flyway(DataSource dataSource, boolean postgres) {
        return Flyway.configure(CrmStore.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:io/crmkit/store/migration").table("crm_schema_history")
                .placeholders(Map.of("binary", postgres ? "BYTEA" : "VARBINARY"))
                .loggers("slf4j").load();
    }

    private static boolean isPostgres(DataSource dataSource) {
        Connection c = connect(dataSource);
        try {
            return Database.of(c) == Database.POSTGRESQL;
        } finally {
            closeQuietly(c, null);
        }
    }

    /** @return the schema version the database was at once opened */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** @return the complaint event streams */
    public ComplaintStore complaints() {
        return complaints;
    }

    /** @return the versioned customer files */
    public CustomerStore customers() {
        return customers;
    }

    /** @return the fitted models, by name */
    public ModelStore models() {
        return models;
    }

    /**
     * The loyalty journal: pass it to {@link io.crmkit.loyalty.Ledger#on} for a points ledger
     * that survives restarts. It holds no personal data, so {@link #erase} leaves it intact.
     *
     * @return the loyalty journal
     */
    public LoyaltyStore loyalty() {
        return loyalty;
    }

    /**
     * Erases a customer (GDPR art. 17, PIPL art. 47): destroys its data key, so that its personal
     * data in every stored version of its file and in every complaint event can never be read
     * again, and refuses to store personal data for it from now on. Complaint histories,
     * statistics and the non-personal fields of change records stay; complaints replay with their
     * free texts replaced by {@link ComplaintStore#ERASED}. Erasing twice is harmless.
     *
     * <p>The databases may keep the destroyed key's old bytes in free pages until they are reused
     * (PostgreSQL until {@code VACUUM}, H2 until its file is compacted); run those for a complete
     * physical erasure.
     *
     * @param customer the customer
     * @return true if a data key was destroyed now, false if there was none or it was already erased
     * @throws StoreException if the database fails
     */
    public boolean erase(CustomerId customer) {
        requireNonNull(customer, "customer");
        boolean erased = inTransaction("erasing a customer", c -> vault.erase(c, customer));
        LOG.info("crmkit store erased the personal data of customer {} (key destroyed now: {})", customer.masked(), erased);
        return erased;
    }

    /**
     * Says whether a customer was erased.
     *
     * @param customer the customer
     * @return true once {@link #erase} was called for it
     * @throws StoreException if the database fails
     */
    public boolean isErased(CustomerId customer) {
        requireNonNull(customer, "customer");
        return inTransaction("reading whether a customer is erased",
                c -> vault.dataKey(c, customer).map(Optional::isEmpty).orElse(false));
    }

    Clock clock() {
        return clock;
    }

    PersonalDataVault vault() {
        return vault;
    }

    /** Work done on one connection inside one transaction. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in one transaction, committed if it returns and rolled back if it throws.
     *
     * @param operation what the work does, for the message of a database failure ({@code appending
     *        loyalty events}); no personal data
     * @throws StoreException if the database fails, in crmkit's words (see {@link StoreException})
     */
    <T> T inTransaction(String operation, SqlWork<T> work) {
        if (closed.get()) {
            throw new IllegalStateException("crmkit store is closed: open it again to use it");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw StoreException.failed(operation, e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }
}
