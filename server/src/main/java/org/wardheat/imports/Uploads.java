package org.wardheat.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where uploaded files wait while they are imported: {@code uploads/} in the data directory, one
 * sub-directory per upload, deleted when the upload's import ends. A server that crashed mid-upload
 * leaves files there; {@link #clean} removes them when the server next starts.
 */
public final class Uploads {
    /** The directory's name in the data directory. */
    public static final String DIR_NAME = "uploads";

    private Uploads() {
    }

    /** A new, empty directory for one upload's files. */
    public static Path newDirectory(Path dataDir) throws IOException {
        Path root = Files.createDirectories(dataDir.resolve(DIR_NAME));
        return Files.createTempDirectory(root, "upload-");
    }

    /** Deletes a directory and everything in it; missing is fine. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Deletes whatever earlier runs left in the upload directory. Call it when the server starts, before
     * it accepts uploads.
     *
     * @return how many files and directories were removed
     */
    public static int clean(Path dataDir) throws IOException {
        Path root = dataDir.resolve(DIR_NAME);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int n;
        try (Stream<Path> walk = Files.walk(root)) {
            n = (int) walk.count() - 1;
        }
        delete(root);
        return n;
    }
}
