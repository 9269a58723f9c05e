package io.crmkit.store;

import io.crmkit.core.customer.CustomerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of personal data (AES-256-GCM from the JDK): each customer has a random
 * data key, stored only wrapped by the application's {@link KeyEncryptionKey} in
 * {@code crm_customer_key}; personal values are sealed with the data key. Every sealed value is
 * a 12-byte random nonce followed by the ciphertext and its 16-byte tag, authenticated together
 * with the customer's id and the purpose of the value (so a value cannot be moved to another
 * customer or column unnoticed). Erasure overwrites the wrapped key with NULL: nothing sealed for
 * that customer can be opened again.
 */
final class PersonalDataVault {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** A cipher per thread: looking one up in the providers costs more than decrypting a short text. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides AES/GCM/NoPadding", e);
        }
    });

    private final KeyEncryptionKey kek;
    private final SecureRandom random;
    private final Clock clock;

    PersonalDataVault(KeyEncryptionKey kek, SecureRandom random, Clock clock) {
        this.kek = kek;
        this.random = random;
        this.clock = clock;
    }

    /** The customer's data key, created on first use; empty if the customer was erased. */
    Optional<SecretKey> dataKeyForWriting(Connection c, CustomerId customer) throws SQLException {
        Optional<Optional<SecretKey>> existing = dataKey(c, customer);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        byte[] wrapped = seal(kek.secretKey(), raw, customer, "data-key");
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO crm_customer_key (customer_id, wrapped_key, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, customer.value());
            s.setBytes(2, wrapped);
            s.setLong(3, clock.instant().getEpochSecond());
            s.executeUpdate();
        }
        return Optional.of(new SecretKeySpec(raw, "AES"));
    }

    /**
     * The customer's data key: empty when none was ever created, empty-inside when the customer
     * was erased.
     */
    Optional<Optional<SecretKey>> dataKey(Connection c, CustomerId customer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT wrapped_key FROM crm_customer_key WHERE customer_id = ?")) {
            s.setString(1, customer.value());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                byte[] wrapped = r.getBytes(1);
                if (wrapped == null) {
                    return Optional.of(Optional.empty());
                }
                return Optional.of(Optional.of(new SecretKeySpec(open(kek.secretKey(), wrapped, customer, "data-key"),
                        "AES")));
            }
        }
    }

    /**
     * The data keys of several customers in one query per {@value #KEY_CHUNK}: a customer without
     * a key is absent from the map, an erased one maps to empty. Each key is unwrapped once.
     */
    Map<CustomerId, Optional<SecretKey>> dataKeys(Connection c, List<CustomerId> customers) throws SQLException {
        Map<CustomerId, Optional<SecretKey>> keys = new HashMap<>();
        for (int from = 0; from < customers.size(); from += KEY_CHUNK) {
            List<CustomerId> chunk = customers.subList(from, Math.min(customers.size(), from + KEY_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT customer_id, wrapped_key FROM crm_customer_key "
                    + "WHERE customer_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i).value());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        CustomerId customer = CustomerId.of(r.getString(1));
                        byte[] wrapped = r.getBytes(2);
                        keys.put(customer, wrapped == null ? Optional.empty() : Optional.of(new SecretKeySpec(
                                open(kek.secretKey(), wrapped, customer, "data-key"), "AES")));
                    }
                }
            }
        }
        return keys;
    }

    private static final int KEY_CHUNK = 500;

    /** Destroys the customer's data key; returns whether the customer had one that was not yet erased. */
    boolean erase(Connection c, CustomerId customer) throws SQLException {
        long now = clock.instant().getEpochSecond();
        try (PreparedStatement s = c.prepareStatement("UPDATE crm_customer_key SET wrapped_key = NULL, erased_at = ? "
                + "WHERE customer_id = ? AND wrapped_key IS NOT NULL")) {
            s.setLong(1, now);
            s.setString(2, customer.value());
            if (s.executeUpdate() == 1) {
                return true;
            }
        }
        // never stored anything: record the erasure so that nothing is stored for it later
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_customer_key (customer_id, wrapped_key, "
                + "created_at, erased_at) SELECT ?, NULL, ?, ? WHERE NOT EXISTS (SELECT 1 FROM crm_customer_key "
                + "WHERE customer_id = ?)")) {
            s.setString(1, customer.value());
            s.setLong(2, now);
            s.setLong(3, now);
            s.setString(4, customer.value());
            s.executeUpdate();
        }
        return false;
    }

    byte[] seal(SecretKey key, byte[] plain, CustomerId customer, String purpose) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(customer, purpose));
            byte[] ct = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for customer " + customer.masked() + " (" + purpose + ")", e);
        }
    }

    byte[] open(SecretKey key, byte[] sealed, CustomerId customer, String purpose) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad(customer, purpose));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new StoreCorruptedException("sealed " + purpose + " of customer " + customer.masked()
                    + " does not decrypt: wrong key-encryption key, or the stored bytes were changed", e);
        }
    }

    private static byte[] aad(CustomerId customer, String purpose) {
        return (customer.value() + '\u0000' + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
