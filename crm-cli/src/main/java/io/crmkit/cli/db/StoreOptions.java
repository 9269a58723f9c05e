package io.crmkit.cli.db;

import io.crmkit.store.CrmStore;
import io.crmkit.store.JdbcUrl;
import io.crmkit.store.KeyEncryptionKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/**
 * The options of every command that uses the store: {@code --db} and {@code --key-file}. Mixed
 * into the {@code crm db} and stored {@code crm complaint} commands.
 */
public final class StoreOptions {

    /** The default database: an embedded H2 file database in {@code ./crm-data}. */
    public static final String DEFAULT_DB = "jdbc:h2:file:./crm-data/crm";
    /** The default key file, next to the default database. */
    public static final String DEFAULT_KEY = "crm-data/store.key";

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = DEFAULT_DB,
            description = "the store's database: jdbc:h2:... or jdbc:postgresql://host/db?user=...&password=... "
                    + "(default: ${DEFAULT-VALUE}, created on first use)")
    String db;

    @Option(names = "--key-file", paramLabel = "FILE", defaultValue = DEFAULT_KEY,
            description = "the key-encryption key that protects customers' personal data: 32 bytes, Base64; "
                    + "created owner-only (mode 600) with a random key if missing; a key file the group or others can "
                    + "access is refused. Keep it safe: without it personal data cannot be read "
                    + "(default: ${DEFAULT-VALUE})")
    Path keyFile;

    /** @return the database URL with every password or other secret hidden, for messages */
    public String describe() {
        return JdbcUrl.masked(db);
    }

    /** @return a data source for {@code --db} */
    public DataSource dataSource() {
        return CrmStore.dataSource(db);
    }

    /**
     * Opens (and migrates) the store.
     *
     * @return the store
     */
    public CrmStore open() {
        return CrmStore.open(dataSource(), key(), Clock.systemUTC());
    }

    private KeyEncryptionKey key() {
        return KeyFile.readOrCreate(keyFile, new SecureRandom());
    }
}
