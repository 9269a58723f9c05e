package io.crmkit.store;

/**
 * Stored data failed a check when loaded: a sealed value did not decrypt (wrong key-encryption
 * key, or changed bytes), a complaint history does not end at its recorded head hash, or a stored
 * value is not one the library writes. The message names the record, never personal data.
 */
public class StoreCorruptedException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the record
     * @param cause the underlying failure
     */
    public StoreCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
