package io.crmkit.store;

/**
 * The database was migrated by a newer crmkit than this one: opening it could misread or damage
 * data, so the store refuses. Upgrade crmkit, or open another database.
 */
public final class SchemaTooNewException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String databaseVersion;
    private final String libraryVersion;

    SchemaTooNewException(String databaseVersion, String libraryVersion) {
        super("database schema version " + databaseVersion + " is newer than this crmkit store's schema version "
                + libraryVersion + ": upgrade crmkit to open it", null);
        this.databaseVersion = databaseVersion;
        this.libraryVersion = libraryVersion;
    }

    /** @return the schema version the database is at */
    public String databaseVersion() {
        return databaseVersion;
    }

    /** @return the newest schema version this library knows */
    public String libraryVersion() {
        return libraryVersion;
    }
}
