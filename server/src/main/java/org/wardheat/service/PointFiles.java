package org.wardheat.service;

import org.wardheat.model.IncidentTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A boundary set's incidents projected into a CRS (metres), kept on disk month by month in the data directory
 * ({@code cache/points}), for commands that run once and stop: the next command over the same months reads the
 * coordinates instead of placing every incident in a ward and projecting it, which needs the set's ward index
 * and GeoTools' referencing (about 0.6 s of a short command before any incident is read).
 *
 * <p>A month's file holds, for each of that month's incidents in storage order, its x and y in the CRS as
 * doubles (the doubles the projection gave), NaN for an incident without location or outside the set's wards.
 * It is named by a SHA-256 of the set's wards, the CRS and what the month's rows were read from
 * ({@link IncidentTable#source}: the files whose rows include the month), so an import or a deletion that
 * changes a month's rows gives it a new name, and a changed set too. A file whose count differs from the
 * month's rows, or that cannot be read, is written again (the others are left as they are); when the files pass {@link #MAX_BYTES} the least
 * recently written are deleted. A cache that cannot be written is skipped.
 */
final class PointFiles {
    /** Changes whenever the form changes, so older files are not read. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x57485054; // "WHPT"
    private static final int HEADER = 12;
    /** The cache's budget on disk: 1 GiB, 16 bytes per incident (a year of 6.5 M incidents is 104 MB). */
    static final long MAX_BYTES = 1L << 30;

    private final Path dir;

    /** @param dataDir the data directory, or null for no cache on disk */
    PointFiles(Path dataDir) {
        this.dir = dataDir == null ? null : dataDir.resolve("cache").resolve("points");
    }

    /**
     * Each row of {@code t}: {x[], y[]} in {@code crs} (metres), NaN without location or outside the set's wards;
     * read from the month files when each month of the table has one, else made with {@code compute} and written.
     *
     * @param setDigest the set's wards' digest ({@link LoadedSet#digest()})
     * @param compute   the coordinates of every row of {@code t}, as this returns them
     */
    double[][] get(IncidentTable t, String setDigest, String crs, Supplier<double[][]> compute) {
        Map<Integer, int[]> rows = rowsByMonth(t);
        Map<Integer, Path> files = new HashMap<>();
        for (int month : rows.keySet()) {
            String source = t.source(month);
            if (dir == null || source == null) {
                return compute.get(); // not read from a store: nothing names the rows
            }
            files.put(month, dir.resolve(key(setDigest, crs, month, source) + ".xy"));
        }
        double[][] xy = {new double[t.size()], new double[t.size()]};
        List<Integer> missing = new ArrayList<>();
        for (Map.Entry<Integer, int[]> m : rows.entrySet()) {
            if (!read(files.get(m.getKey()), m.getValue(), xy)) {
                missing.add(m.getKey());
            }
        }
        if (missing.isEmpty()) {
            return xy;
        }
        xy = compute.get();
        for (int month : missing) { // the months read are kept as they are
            write(files.get(month), rows.get(month), xy);
        }
        CacheFiles.prune(dir, ".xy", Integer.MAX_VALUE, MAX_BYTES);
        return xy;
    }

    /** The table's rows of each month, in table order. */
    private static Map<Integer, int[]> rowsByMonth(IncidentTable t) {
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            first = Math.min(first, monthNumber(t.month(i)));
            last = Math.max(last, monthNumber(t.month(i)));
        }
        Map<Integer, int[]> rows = new HashMap<>();
        if (t.size() == 0) {
            return rows;
        }
        int[] count = new int[last - first + 1];
        for (int i = 0; i < t.size(); i++) {
            count[monthNumber(t.month(i)) - first]++;
        }
        int[][] byMonth = new int[count.length][];
        for (int m = 0; m < count.length; m++) {
            byMonth[m] = new int[count[m]];
            count[m] = 0;
        }
        for (int i = 0; i < t.size(); i++) {
            int m = monthNumber(t.month(i)) - first;
            byMonth[m][count[m]++] = i;
        }
        for (int m = 0; m < byMonth.length; m++) {
            if (byMonth[m].length > 0) {
                int n = first + m;
                rows.put(n / 12 * 100 + n % 12 + 1, byMonth[m]);
            }
        }
        return rows;
    }

    /** Months since the year 0 of a yyyymm month. */
    private static int monthNumber(int yyyymm) {
        return yyyymm / 100 * 12 + yyyymm % 100 - 1;
    }

    /** Reads one month's file into rows {@code rows} of {@code xy}; false when it is missing, unreadable or of other rows. */
    private static boolean read(Path file, int[] rows, double[][] xy) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return false;
        }
        if (bytes.length != HEADER + 16L * rows.length) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC || b.getInt() != FORMAT || b.getInt() != rows.length) {
            return false;
        }
        DoubleBuffer d = b.asDoubleBuffer();
        for (int row : rows) {
            xy[0][row] = d.get();
            xy[1][row] = d.get();
        }
        return true;
    }

    private void write(Path file, int[] rows, double[][] xy) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + 16 * rows.length);
        b.putInt(MAGIC).putInt(FORMAT).putInt(rows.length);
        for (int row : rows) {
            b.putDouble(xy[0][row]).putDouble(xy[1][row]);
        }
        CacheFiles.write(dir, file, out -> out.write(b.array()));
    }

    /** The name of one month's file. */
    static String key(String setDigest, String crs, int month, String source) {
        return CacheFiles.name("points v" + FORMAT + "|" + setDigest + "|" + crs + "|" + month + "|" + source);
    }
}
