package org.wardheat.service;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.GridFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The grids of whole boundary sets kept on disk in the data directory ({@code cache/grids}), in
 * {@link GridFile}'s binary form, so a grid is clipped to a set's wards once, not once per process. A file
 * is named by a SHA-256 of everything its grid depends on: the set's wards (codes and WGS84 geometries, in
 * order), the CRS, the shape and the cell size asked for. A set whose wards change gets new names, so a
 * stale grid is never read; the least recently written files beyond {@link #MAX_FILES} are deleted. Beside
 * them, each set's projected extent ({@code .extent}, named the same way), which the cell size is checked
 * against before a grid is read or built. A file that cannot be read is made again; a cache that cannot be
 * written is skipped (the grid is still returned).
 */
final class GridFiles {
    static final int MAX_FILES = 64;
    private final Path dir;

    /** @param dataDir the data directory, or null for no cache on disk */
    GridFiles(Path dataDir) {
        this.dir = dataDir == null ? null : dataDir.resolve("cache").resolve("grids");
    }

    /**
     * The grid of a set's wards for the cell spec, read from disk, or built with {@code build} and written.
     *
     * @param setDigest  the wards' {@link #wardsDigest}
     * @param cellMetres the cell size asked for, or null for the default rule
     */
    Grid get(String setDigest, String crs, Grid.Shape shape, Double cellMetres, Supplier<Grid> build) {
        if (dir == null) {
            return build.get();
        }
        Path file = dir.resolve(key(setDigest, crs, shape, cellMetres) + ".grid");
        if (Files.isRegularFile(file)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return GridFile.read(in, GeoJsonGeometry.FACTORY);
            } catch (IOException | RuntimeException e) {
                // unreadable (truncated, another format): built again below and written over it
            }
        }
        Grid grid = build.get();
        write(file, out -> GridFile.write(grid, out));
        return grid;
    }

    /**
     * The projected extent of a set's wards (by their {@link #wardsDigest}) in {@code crs} (what a grid's default cell size and limits are checked
     * against before it is built), read from disk, or made with {@code make} and written.
     */
    Envelope extent(String setDigest, String crs, Supplier<Envelope> make) {
        if (dir == null) {
            return make.get();
        }
        Path file = dir.resolve(extentKey(setDigest, crs) + ".extent");
        if (Files.isRegularFile(file)) {
            try {
                ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
                if (b.remaining() == 4 * Double.BYTES) {
                    return new Envelope(b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble());
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: made again below
            }
        }
        Envelope e = make.get();
        ByteBuffer b = ByteBuffer.allocate(4 * Double.BYTES).putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        write(file, out -> out.write(b.array()));
        return e;
    }

    static String extentKey(String setDigest, String crs) {
        return CacheFiles.name("extent v1|" + crs + "|" + setDigest);
    }

    private void write(Path file, CacheFiles.Content content) {
        if (CacheFiles.write(dir, file, content)) {
            CacheFiles.prune(dir, ".grid", MAX_FILES, Long.MAX_VALUE);
            CacheFiles.prune(dir, ".extent", MAX_FILES, Long.MAX_VALUE);
        }
    }

    /** The name of a grid's file: the hex SHA-256 of the grid's inputs and the file form. */
    static String key(String setDigest, String crs, Grid.Shape shape, Double cellMetres) {
        return CacheFiles.name("grid v" + GridFile.FORMAT + "|" + crs + "|" + shape + "|"
                + (cellMetres == null ? "default" : Double.toString(cellMetres)) + "|" + setDigest);
    }

    /**
     * The hex SHA-256 of a set's wards (codes and WGS84 geometries as WKB, in order): what the caches of a set's
     * results depend on. {@link LoadedSet#digest()} keeps a loaded set's.
     */
    static String wardsDigest(List<Ward> wards) {
        MessageDigest sha = CacheFiles.sha256();
        WKBWriter wkb = new WKBWriter(2);
        for (Ward w : wards) {
            sha.update(("|" + w.code() + "|").getBytes(StandardCharsets.UTF_8));
            sha.update(wkb.write(w.geometry()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
