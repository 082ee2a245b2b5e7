package org.wardheat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caches' files: written whole or not at all, and the oldest beyond a count or a byte budget deleted. */
class CacheFilesTest {
    @TempDir
    Path dir;

    private String[] names(String ending) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ending)).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theOldestBeyondACountOrABudgetGo() throws Exception {
        for (int i = 0; i < 5; i++) {
            Path f = dir.resolve("f" + i + ".xy");
            assertTrue(CacheFiles.write(dir, f, out -> out.write(new byte[100])));
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000L * (i + 1))); // f4 the newest
        }
        Files.writeString(dir.resolve("other.grid"), "kept: another ending");
        CacheFiles.prune(dir, ".xy", 4, Long.MAX_VALUE);
        assertEquals(4, names(".xy").length);
        assertFalse(Files.exists(dir.resolve("f0.xy")), "the oldest went");
        CacheFiles.prune(dir, ".xy", Integer.MAX_VALUE, 250);
        assertEquals(2, names(".xy").length, "200 bytes kept of a 250-byte budget");
        assertTrue(Files.exists(dir.resolve("f4.xy")) && Files.exists(dir.resolve("f3.xy")));
        assertEquals(1, names(".grid").length);
        assertEquals(0, names(".part").length, "no temporary file left");
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        Path f = dir.resolve("g.xy");
        assertFalse(CacheFiles.write(dir, f, out -> {
            out.write(new byte[10]);
            throw new java.io.IOException("disk full");
        }));
        assertFalse(Files.exists(f));
        assertEquals(0, names(".part").length);
    }
}
