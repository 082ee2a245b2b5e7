package org.wardheat.service;

import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.GridFile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The grids of whole boundary sets kept on disk in the data directory ({@code cache/grids}), in
 * {@link GridFile}'s binary form, so a grid is clipped to a set's wards once, not once per process. A file
 * is named by a SHA-256 of everything its grid depends on: the set's wards (codes and WGS84 geometries, in
 * order), the CRS, the shape and the cell size asked for. A set whose wards change gets new names, so a
 * stale grid is never read; the least recently written files beyond {@link #MAX_FILES} are deleted. A
 * file that cannot be read is built again; a cache that cannot be written is skipped (the grid is still
 * returned).
 */
final class GridFiles {
    static final int MAX_FILES = 64;
    private final Path dir;

    /** @param dataDir the data directory, or null for no cache on disk */
    GridFiles(Path dataDir) {
        this.dir = dataDir == null ? null : dataDir.resolve("cache").resolve("grids");
    }

    /**
     * The grid of {@code wards} for the cell spec, read from disk, or built with {@code build} and written.
     *
     * @param cellMetres the cell size asked for, or null for the default rule
     */
    Grid get(List<Ward> wards, String crs, Grid.Shape shape, Double cellMetres, Supplier<Grid> build) {
        if (dir == null) {
            return build.get();
        }
        Path file = dir.resolve(key(wards, crs, shape, cellMetres) + ".grid");
        if (Files.isRegularFile(file)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return GridFile.read(in, GeoJsonGeometry.FACTORY);
            } catch (IOException | RuntimeException e) {
                // unreadable (truncated, another format): built again below and written over it
            }
        }
        Grid grid = build.get();
        write(grid, file);
        return grid;
    }

    private void write(Grid grid, Path file) {
        try {
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, "grid", ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                    GridFile.write(grid, out);
                }
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: the grid is used without being kept
        }
    }

    private void prune() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".grid")).sorted(Comparator.comparing(GridFiles::modified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(MAX_FILES, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The hex SHA-256 of the grid's inputs and the file form. */
    static String key(List<Ward> wards, String crs, Grid.Shape shape, Double cellMetres) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("grid v" + GridFile.FORMAT + "|" + crs + "|" + shape + "|" + (cellMetres == null ? "default" : Double.toString(cellMetres)))
                    .getBytes(StandardCharsets.UTF_8));
            WKBWriter wkb = new WKBWriter(2);
            for (Ward w : wards) {
                sha.update(("|" + w.code() + "|").getBytes(StandardCharsets.UTF_8));
                sha.update(wkb.write(w.geometry()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
