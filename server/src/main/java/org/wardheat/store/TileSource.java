package org.wardheat.store;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A basemap file served by wardheat itself (so the map works without reaching a tile server): raster tiles by
 * web-map (XYZ, Google/OSM) coordinates, with the file's metadata.
 */
public interface TileSource extends AutoCloseable {
    /** The file's metadata: {@code name}, {@code attribution}, {@code minzoom}, {@code maxzoom}, {@code bounds} ... */
    Map<String, String> metadata();

    /** The tile's bytes (PNG, JPEG or WebP), or null when the file has none there. {@code y} counts from the north. */
    byte[] tile(int z, int x, int y);

    /** "MBTiles county.mbtiles", for log lines. */
    String describe();

    @Override
    void close();

    /** The attribution as plain text: tags removed, the common entities decoded (the page escapes it again). */
    default String attributionText() {
        String raw = metadata().getOrDefault("attribution", "");
        String text = Pattern.compile("<[^>]*>").matcher(raw).replaceAll("");
        text = text.replace("&copy;", "©").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return text.strip();
    }

    /** A whole-number metadata value within 0..30, or {@code fallback}. */
    default int zoom(String key, int fallback) {
        try {
            int z = Integer.parseInt(metadata().getOrDefault(key, "").trim());
            return z >= 0 && z <= 30 ? z : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code bounds} as [west, south, east, north] in degrees, or null when absent or malformed. */
    default double[] bounds() {
        String[] parts = metadata().getOrDefault("bounds", "").split(",");
        if (parts.length != 4) {
            return null;
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        boolean ok = b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] < b[2] && b[1] < b[3];
        return ok ? b : null;
    }

    /** The media type of tile bytes, from their first bytes. */
    static String mediaType(byte[] data) {
        if (data.length >= 4 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return "image/png";
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[8] == 'W' && data[9] == 'E') {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    /** Opens an MBTiles ({@code .mbtiles}) or PMTiles ({@code .pmtiles}) file by its name. */
    static TileSource open(java.nio.file.Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pmtiles")) {
            return PmTiles.open(file);
        }
        return MbTiles.open(file);
    }
}
