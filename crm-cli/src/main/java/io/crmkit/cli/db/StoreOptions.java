package io.crmkit.cli.db;

import io.crmkit.store.CrmStore;
import io.crmkit.store.JdbcUrl;
import io.crmkit.store.KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
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
                    + "created with a random key if missing. Keep it safe: without it personal data cannot be read "
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
        try {
            if (!Files.exists(keyFile)) {
                byte[] k = new byte[KeyEncryptionKey.LENGTH];
                new SecureRandom().nextBytes(k);
                if (keyFile.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(keyFile.toAbsolutePath().getParent());
                }
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
                return KeyEncryptionKey.of(k);
            }
            String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            byte[] k;
            try {
                k = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(keyFile + ":1: key is not Base64: expected 32 bytes in Base64");
            }
            if (k.length != KeyEncryptionKey.LENGTH) {
                throw new IllegalArgumentException(keyFile + ":1: key has " + k.length
                        + " bytes: expected 32 bytes in Base64");
            }
            return KeyEncryptionKey.of(k);
        } catch (IOException e) {
            throw new UncheckedIOException(keyFile + ": cannot read or create the key file: " + e.getMessage(), e);
        }
    }
}
