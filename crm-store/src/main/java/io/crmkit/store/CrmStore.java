package io.crmkit.store;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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
 * <pre>{@code
 * CrmStore store = CrmStore.open(dataSource, kek, Clock.systemUTC());
 * store.complaints().append("CMP-1", 0, received.history(), "request-17");
 * Complaint again = store.complaints().load("CMP-1").orElseThrow();
 * }</pre>
 */
public final class CrmStore {

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

    private CrmStore(DataSource dataSource, KeyEncryptionKey kek, Clock clock, String schemaVersion) {
        this.dataSource = dataSource;
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
     * database gets every table), then checks it.
     *
     * @param dataSource where the tables live; the store borrows a connection per operation
     * @param kek the key that wraps every customer's data key
     * @param clock the time stamped on erasures and on customer files restored from the store
     * @return the store
     * @throws SchemaTooNewException if a newer crmkit migrated the database
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static CrmStore open(DataSource dataSource, KeyEncryptionKey kek, Clock clock) {
        requireNonNull(dataSource, "dataSource");
        requireNonNull(kek, "kek");
        requireNonNull(clock, "clock");
        Flyway flyway = flyway(dataSource);
        checkNotNewer(flyway);
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new StoreException("migrating the crmkit store schema failed: " + e.getMessage(), e);
        }
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "0" : current.getVersion().getVersion();
        LOG.debug("crmkit store opened at schema version {}", version);
        return new CrmStore(dataSource, kek, clock, version);
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
            MigrationInfo current = flyway(requireNonNull(dataSource, "dataSource")).info().current();
            return Optional.ofNullable(current).map(m -> m.getVersion().getVersion());
        } catch (RuntimeException e) {
            throw new StoreException("reading the crmkit store schema version failed: " + e.getMessage(), e);
        }
    }

    private static void checkNotNewer(Flyway flyway) {
        MigrationInfo[] applied;
        try {
            applied = flyway.info().applied();
        } catch (RuntimeException e) {
            throw new StoreException("reading the crmkit store schema history failed: " + e.getMessage(), e);
        }
        MigrationVersion newest = Arrays.stream(applied).map(MigrationInfo::getVersion).filter(v -> v != null)
                .filter(v -> v.isNewerThan(SCHEMA_VERSION)).max(MigrationVersion::compareTo).orElse(null);
        if (newest != null) {
            throw new SchemaTooNewException(newest.getVersion(), SCHEMA_VERSION);
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(CrmStore.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:io/crmkit/store/migration").table("crm_schema_history")
                .placeholders(Map.of("binary", isPostgres(dataSource) ? "BYTEA" : "VARBINARY"))
                .loggers("slf4j").load();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new StoreException("connecting to the crmkit store failed: " + e.getMessage(), e);
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
        boolean erased = inTransaction(c -> vault.erase(c, customer));
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
        return inTransaction(c -> vault.dataKey(c, customer).map(Optional::isEmpty).orElse(false));
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

    <T> T inTransaction(SqlWork<T> work) {
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
            throw new StoreException("crmkit store: the database failed (SQL state " + e.getSQLState() + "): "
                    + e.getMessage(), e);
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
