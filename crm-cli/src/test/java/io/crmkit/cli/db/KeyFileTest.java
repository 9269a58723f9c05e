package io.crmkit.cli.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.Crm;
import io.crmkit.store.KeyEncryptionKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's key file is created owner-only, and a key others can read is refused (review s24, finding 2). */
class KeyFileTest {

    @TempDir
    Path dir;

    private String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private int crm(StringWriter err, String... args) {
        return Crm.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void theDefaultAndAGivenKeyFileAreCreatedOwnerOnlyWhateverTheUmask() throws Exception {
        Path given = dir.resolve("keys/new.key");
        StringWriter err = new StringWriter();
        assertEquals(0, crm(err, "db", "migrate", "--db", "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath(),
                "--key-file", given.toString()), err.toString());
        // the review found 644 (rw-r--r--) under umask 022
        assertEquals("rw-------", mode(given));
        assertEquals(KeyEncryptionKey.LENGTH, Base64.getDecoder().decode(Files.readString(given).strip()).length);
        try (Stream<Path> left = Files.list(given.getParent())) {
            assertEquals(List.of(given), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aCreatedKeyIsReadBackUnchanged() throws Exception {
        Path file = dir.resolve("store.key");
        KeyEncryptionKey created = KeyFile.readOrCreate(file, new SecureRandom());
        assertEquals("rw-------", mode(file));
        assertEquals(created, KeyFile.readOrCreate(file, new SecureRandom()));
    }

    @Test
    void processesRacingToCreateTheKeyAllUseOneKey() throws Exception {
        Path file = dir.resolve("raced.key");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<KeyEncryptionKey>> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<KeyEncryptionKey> task = () -> {
                    start.await();
                    return KeyFile.readOrCreate(file, new SecureRandom());
                };
                keys.add(pool.submit(task));
            }
            start.countDown();
            KeyEncryptionKey stored = KeyFile.readOrCreate(file, new SecureRandom());
            for (Future<KeyEncryptionKey> k : keys) {
                assertEquals(stored, k.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("rw-------", mode(file));
    }

    @Test
    void anExistingKeyTheGroupOrOthersCanAccessIsRefusedWithTheRepair() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-rw----", "rw----r--", "rw------x")) {
            Path file = dir.resolve("open-" + mode.replace('-', '_') + ".key");
            Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]) + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KeyFile.readOrCreate(file, new SecureRandom()));
            assertEquals(file + ": key file has mode " + mode + ": the group or others may access it, so anyone who "
                    + "can read it can decrypt customers' personal data; allow only its owner (chmod 600 " + file + ")",
                    e.getMessage());
            assertEquals(mode, mode(file), "the file is left as it was");
        }
        Path readOnly = dir.resolve("read-only.key");
        Files.writeString(readOnly, Base64.getEncoder().encodeToString(new byte[32]) + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--------"));
        assertEquals(KeyEncryptionKey.of(new byte[32]), KeyFile.readOrCreate(readOnly, new SecureRandom()));
    }

    @Test
    void onTheCommandLineAWorldReadableKeyIsOneLineExitOne() throws Exception {
        Path file = dir.resolve("store.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]) + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        StringWriter err = new StringWriter();
        int status = crm(err, "db", "migrate", "--db", "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath(),
                "--key-file", file.toString());
        assertEquals(1, status, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("crm db migrate: " + file + ": key file has mode rw-r--r--: "),
                err.toString());
        assertFalse(Files.exists(dir.resolve("crm-data/crm.mv.db")), "the store was not opened");
    }
}
