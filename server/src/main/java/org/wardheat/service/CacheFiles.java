package org.wardheat.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the caches in the data directory's {@code cache} folder share ({@link GridFiles}, {@link PointFiles}): a
 * file is written under a temporary name and moved into place in one step, so a reader never sees half of one;
 * the least recently written files beyond a budget are deleted; a disk that refuses (read-only, full) is ignored,
 * the result being used without being kept.
 */
final class CacheFiles {
    /** Writes a file's content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private CacheFiles() {
    }

    /** A new SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** A cache file's name for everything its content depends on: the hex SHA-256 of {@code inputs} (UTF-8). */
    static String name(String inputs) {
        return HexFormat.of().formatHex(sha256().digest(inputs.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code file} in {@code dir} (made when missing) atomically; false when the disk refused. */
    static boolean write(Path dir, Path file, Content content) {
        try {
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, "cache", ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                    content.writeTo(out);
                }
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Deletes the files of {@code dir} named {@code *ending} beyond the {@code maxFiles} most recently written, and
     * beyond {@code maxBytes} counted from the most recent.
     */
    static void prune(Path dir, String ending, int maxFiles, long maxBytes) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(ending))
                    .sorted(Comparator.comparingLong(CacheFiles::modified).reversed()).toList();
            long total = 0;
            for (int i = 0; i < files.size(); i++) {
                total += Files.size(files.get(i));
                if (i >= maxFiles || total > maxBytes) {
                    Files.deleteIfExists(files.get(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            // pruned next time
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
