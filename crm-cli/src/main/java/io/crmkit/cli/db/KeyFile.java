package io.crmkit.cli.db;

import io.crmkit.store.KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file that holds the store's key-encryption key: 32 random bytes in Base64 on one line.
 *
 * <p>A missing file is created owner-only: the key is written to a temporary file in the same
 * directory that is created with mode 0600 (no moment exists where another user could read it),
 * then linked to its name in one step, which fails if the name exists; a process that loses that
 * race reads the winner's key instead of replacing it. An existing file that the group or others
 * may read, write or execute is refused, as {@code ssh} refuses such a private key: anyone who
 * can read the key can decrypt every customer's personal data. The message says how to repair
 * it ({@code chmod 600}).
 *
 * <p>On a file system without POSIX permissions (Windows NTFS, FAT, some network shares) the
 * file is created with the access rights its directory gives new files and no check is made:
 * keep {@code crm-data} (or the {@code --key-file} directory) where only you can read it.
 */
final class KeyFile {

    /** The only permissions a key file may have: read and write by its owner (0600). */
    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /**
     * Reads the key in {@code file}, creating the file with a new random key if it does not exist.
     *
     * @param file the key file
     * @param random the source of a new key
     * @return the key
     * @throws IllegalArgumentException if the file is not one Base64 key of 32 bytes, or the group
     *         or others have any access to it
     * @throws UncheckedIOException if the file cannot be read or created
     */
    static KeyEncryptionKey readOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[KeyEncryptionKey.LENGTH];
                random.nextBytes(k);
                if (create(file, Base64.getEncoder().encodeToString(k) + "\n")) {
                    return KeyEncryptionKey.of(k);
                }
                // another process created it first: use its key
            }
            checkOwnerOnly(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] k;
            try {
                k = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":1: key is not Base64: expected 32 bytes in Base64");
            }
            if (k.length != KeyEncryptionKey.LENGTH) {
                throw new IllegalArgumentException(file + ":1: key has " + k.length
                        + " bytes: expected 32 bytes in Base64");
            }
            return KeyEncryptionKey.of(k);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read or create the key file: " + e.getMessage(), e);
        }
    }

    /** @return whether this call created the file; false if it existed by the time it was linked */
    private static boolean create(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean posix = isPosix(dir == null ? file.toAbsolutePath() : dir);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, ".store-key-", ".tmp", attributes);
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException | FileSystemException noLink) {
                if (noLink instanceof FileAlreadyExistsException) {
                    return false;
                }
                // no hard links here (e.g. FAT): a move that does not replace an existing file
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    return false;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(granted)) {
            throw new IllegalArgumentException(file + ": key file has mode " + PosixFilePermissions.toString(granted)
                    + ": the group or others may access it, so anyone who can read it can decrypt customers' "
                    + "personal data; allow only its owner (chmod 600 " + file + ")");
        }
    }
}
