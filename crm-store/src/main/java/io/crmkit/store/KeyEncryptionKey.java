package io.crmkit.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's key-encryption key: a 256-bit AES key that wraps every customer's data key
 * (envelope encryption). The store never writes it anywhere; keep it in a key management system
 * or a secret store and hand it in when opening the store. Losing it makes every customer's
 * personal data unreadable, exactly as erasing every customer would.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class KeyEncryptionKey {

    /** The key length in bytes: 32 (AES-256). */
    public static final int LENGTH = 32;

    private final byte[] key;

    private KeyEncryptionKey(byte[] key) {
        this.key = key;
    }

    /**
     * Wraps 32 bytes of key material.
     *
     * @param key the key, exactly {@value #LENGTH} bytes; copied
     * @return the key
     * @throws IllegalArgumentException if the key is not 32 bytes long
     */
    public static KeyEncryptionKey of(byte[] key) {
        requireNonNull(key, "key");
        checkArgument(key.length == LENGTH, "key-encryption key has %s bytes: AES-256 needs exactly %s", key.length,
                LENGTH);
        return new KeyEncryptionKey(key.clone());
    }

    /**
     * Draws a new random key (for tests and first installations; store it before use).
     *
     * @param random the source of randomness, e.g. {@code new SecureRandom()}
     * @return a new key
     */
    public static KeyEncryptionKey generate(SecureRandom random) {
        byte[] k = new byte[LENGTH];
        requireNonNull(random, "random").nextBytes(k);
        return new KeyEncryptionKey(k);
    }

    /** @return the key as a JCE secret key for AES */
    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** Two keys are equal when their bytes are; compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KeyEncryptionKey k && java.security.MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** @return {@code KeyEncryptionKey[AES-256, hidden]}: never the key */
    @Override
    public String toString() {
        return "KeyEncryptionKey[AES-256, hidden]";
    }
}
