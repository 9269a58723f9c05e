package io.crmkit.store;

/**
 * A failure of the store: the database refused or could not be reached (the cause is the
 * {@link java.sql.SQLException}), or stored data failed a check. Subclasses name the specific
 * cases a caller may handle: {@link VersionConflictException}, {@link SchemaTooNewException},
 * {@link CustomerErasedException}, {@link StoreCorruptedException}.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying failure, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
