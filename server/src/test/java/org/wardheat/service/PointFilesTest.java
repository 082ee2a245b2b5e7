package org.wardheat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.model.IncidentTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A set's projected points on disk, month by month: made once and read back bit for bit (NaN included) into the
 * rows of a table whose months interleave; made again when a month's files, the set or the CRS change, or a file
 * is damaged; never kept for a table that names no source.
 */
class PointFilesTest {
    @TempDir
    Path dir;

    /**
     * 100 rows alternating between January and February 2024, one March row, then any further rows in February
     * (another file's), read from files 1, 2 (and 4) and 3.
     */
    private static IncidentTable table(String februarySource, int rows) {
        IncidentTable.Builder b = new IncidentTable.Builder();
        for (int i = 0; i < rows; i++) {
            int month = i >= 101 ? 202402 : i == 100 ? 202403 : i % 2 == 0 ? 202401 : 202402;
            b.add(month, "Burglary", "police", 0.5 + i / 1000.0, 51.2, 1);
        }
        b.source(202401, 202401, "1:aaa:2026-01-01");
        b.source(202402, 202402, februarySource);
        b.source(202403, 202403, "3:ccc:2026-01-03");
        return b.build();
    }

    /** Row i at (500000 + i, 100000 - i), every seventh row outside the set (NaN); counts its calls. */
    private static Supplier<double[][]> compute(int rows, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            double[][] xy = {new double[rows], new double[rows]};
            for (int i = 0; i < rows; i++) {
                xy[0][i] = i % 7 == 3 ? Double.NaN : 500_000 + i + 0.1;
                xy[1][i] = i % 7 == 3 ? Double.NaN : 100_000 - i - 0.3;
            }
            return xy;
        };
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("cache").resolve("points"))) {
            return s.filter(p -> p.toString().endsWith(".xy")).sorted().toList();
        }
    }

    @Test
    void pointsAreMadeOnceAndReadBackIntoInterleavedRows() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        IncidentTable t = table("2:bbb:2026-01-02", 101);
        double[][] made = new PointFiles(dir).get(t, "set-a", "EPSG:27700", compute(101, calls));
        assertEquals(3, files().size(), "one file per month");
        double[][] read = new PointFiles(dir).get(table("2:bbb:2026-01-02", 101), "set-a", "EPSG:27700", compute(101, calls));
        assertEquals(1, calls.get(), "the second command reads the files");
        assertArrayEquals(made[0], read[0]);
        assertArrayEquals(made[1], read[1]);
        assertTrue(Double.isNaN(read[0][3]) && read[0][4] == 500_004.1 && read[1][100] == 99_900 - 0.3);

        new PointFiles(dir).get(t, "set-b", "EPSG:27700", compute(101, calls));
        assertEquals(2, calls.get(), "another set: made again");
        new PointFiles(dir).get(t, "set-a", "EPSG:32631", compute(101, calls));
        assertEquals(3, calls.get(), "another CRS: made again");
    }

    @Test
    void aChangedMonthOrADamagedFileIsMadeAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        new PointFiles(dir).get(table("2:bbb:2026-01-02", 101), "set-a", "EPSG:27700", compute(101, calls));
        // February now also holds the rows of file 4: its name changes, and the table has more rows
        double[][] after = new PointFiles(dir).get(table("2:bbb:2026-01-02;4:ddd:2026-02-01", 121), "set-a", "EPSG:27700", compute(121, calls));
        assertEquals(2, calls.get(), "a month with other rows is made again");
        assertEquals(121, after[0].length);
        assertEquals(4, files().size(), "January and March as before, February under two names");

        Path damaged = dir.resolve("cache").resolve("points").resolve(PointFiles.key("set-a", "EPSG:27700", 202401, "1:aaa:2026-01-01;") + ".xy"); // January
        Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(damaged), 40)); // cut short
        java.nio.file.attribute.FileTime untouched = java.nio.file.attribute.FileTime.fromMillis(1_000_000);
        for (Path f : files()) {
            if (!f.equals(damaged)) {
                Files.setLastModifiedTime(f, untouched);
            }
        }
        double[][] again = new PointFiles(dir).get(table("2:bbb:2026-01-02", 101), "set-a", "EPSG:27700", compute(101, calls));
        assertEquals(3, calls.get(), "a damaged file: made again");
        for (Path f : files()) {
            assertEquals(!f.equals(damaged), Files.getLastModifiedTime(f).equals(untouched), f + ": only the damaged month is written again");
        }
        assertEquals(compute(101, new AtomicInteger()).get()[0][50], again[0][50]);
        double[][] fine = new PointFiles(dir).get(table("2:bbb:2026-01-02", 101), "set-a", "EPSG:27700", compute(101, calls));
        assertEquals(3, calls.get(), "and written again");
        assertArrayEquals(again[1], fine[1]);
    }

    @Test
    void aTableThatNamesNoSourceIsNeverKept() {
        AtomicInteger calls = new AtomicInteger();
        IncidentTable.Builder b = new IncidentTable.Builder();
        b.add(202401, "Burglary", "police", 0.5, 51.2, 1);
        IncidentTable t = b.build();
        new PointFiles(dir).get(t, "set-a", "EPSG:27700", compute(1, calls));
        new PointFiles(dir).get(t, "set-a", "EPSG:27700", compute(1, calls));
        assertEquals(2, calls.get());
        assertTrue(Files.notExists(dir.resolve("cache")), "nothing written");
    }
}
