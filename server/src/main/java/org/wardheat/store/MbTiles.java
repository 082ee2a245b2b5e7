package org.wardheat.store;

import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raster basemap in an MBTiles file (the SQLite tile container, spec 1.3): its {@code metadata} table and its
 * {@code tiles} table, read-only. Tiles are stored in TMS order (row 0 at the south); {@link #tile} takes the XYZ
 * row the web map asks for and flips it. Raster tiles only (PNG, JPEG, WebP): a vector ({@code pbf}) file is
 * refused when opened.
 */
public final class MbTiles implements TileSource {
    private final Path file;
    private final Connection connection;
    private final Map<String, String> metadata;

    private MbTiles(Path file, Connection connection, Map<String, String> metadata) {
        this.file = file;
        this.connection = connection;
        this.metadata = metadata;
    }

    /**
     * Opens {@code file} read-only and reads its metadata.
     *
     * @throws IllegalArgumentException naming the file when it is not an MBTiles file or holds vector tiles
     */
    public static MbTiles open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("basemap " + file + ": no such file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Map<String, String> meta = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, value FROM metadata")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1")) {
                rs.next();
            }
            String format = meta.getOrDefault("format", "png").toLowerCase(java.util.Locale.ROOT);
            if (!format.equals("png") && !format.equals("jpg") && !format.equals("jpeg") && !format.equals("webp")) {
                throw new IllegalArgumentException("basemap " + file + ": tiles in format '" + format
                        + "'; only raster MBTiles (png, jpg, webp) can be served");
            }
            return new MbTiles(file, c, meta);
        } catch (SQLException e) {
            close(c);
            throw new IllegalArgumentException("basemap " + file + ": not an MBTiles file (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to keep
            }
        }
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String describe() {
        return "MBTiles " + file.getFileName();
    }

    @Override
    public synchronized byte[] tile(int z, int x, int y) {
        int tmsRow = (1 << z) - 1 - y;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            ps.setInt(1, z);
            ps.setInt(2, x);
            ps.setInt(3, tmsRow);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("basemap " + file + ": cannot read tile " + z + "/" + x + "/" + y + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        close(connection);
    }
}
