package org.lorebot.bot.subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that signs confirmation and unsubscribe tokens. Kept in a file of its own
 * ({@code [digest] secret-file}): 32 random bytes written as hex, created readable by the owner
 * only on first use. Losing it only invalidates tokens already sent.
 */
public final class DigestKey {

    private static final int BYTES = 32;

    private final byte[] key;

    private DigestKey(byte[] key) {
        this.key = key.clone();
    }

    /** A key given directly (tests, or a key kept elsewhere). */
    public static DigestKey of(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a digest key needs at least 16 bytes, got " + key.length);
        }
        return new DigestKey(key);
    }

    /** Reads the key file, creating it with a fresh random key when it does not exist. */
    public static DigestKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                return of(HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("digest key file " + file
                        + " does not hold a hex key of at least 32 digits", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read digest key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[BYTES];
        new SecureRandom().nextBytes(fresh);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        }
        Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "DigestKey[hidden]";
    }
}
