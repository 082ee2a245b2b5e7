package org.wardheat.http;

import org.wardheat.store.TileSource;
import spark.Request;
import spark.Response;

import java.util.Base64;

/**
 * {@code GET /tiles/{z}/{x}/{y}} (an extension such as {@code .png} on y is allowed): the raster tiles of the
 * {@code --basemap} file, by web-map (XYZ) coordinates, so the map has a base map without reaching any tile server.
 * A tile the file does not hold is a transparent 1×1 PNG (200), so an edge of the file's coverage shows no failed
 * request; coordinates out of range are a 400.
 */
final class BasemapRoutes {
    /** A transparent 1×1 PNG. */
    static final byte[] EMPTY = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private final TileSource tiles;

    BasemapRoutes(TileSource tiles) {
        this.tiles = tiles;
    }

    /** The URL template the page uses, on this server. */
    static final String TEMPLATE = "/tiles/{z}/{x}/{y}";

    Object tile(Request req, Response res) {
        int z = coordinate(req.params("z"), "z", 30);
        int x = coordinate(req.params("x"), "x", (1 << z) - 1);
        int y = coordinate(req.params("y").replaceFirst("\\.(png|jpg|jpeg|webp)$", ""), "y", (1 << z) - 1);
        byte[] data = tiles.tile(z, x, y);
        if (data == null) {
            data = EMPTY;
        }
        res.type(TileSource.mediaType(data));
        res.header("Cache-Control", "max-age=3600");
        res.raw().setContentLength(data.length);
        try {
            res.raw().getOutputStream().write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "";
    }

    private static int coordinate(String text, String name, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("tile " + name + " must be a whole number from 0 to " + max + ", not '" + text + "'");
    }
}
