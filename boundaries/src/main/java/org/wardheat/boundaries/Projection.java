package org.wardheat.boundaries;

import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinate transforms between WGS84 longitude/latitude (EPSG:4326, longitude first) and a projected
 * metric CRS such as British National Grid (EPSG:27700), through GeoTools' EPSG database.
 *
 * <p>Transforms are built once per CRS pair and cached; {@link MathTransform} instances are thread-safe.
 */
public final class Projection {
    /** British National Grid: eastings and northings in metres. */
    public static final String BNG = "EPSG:27700";
    /** WGS84 with longitude first, as in GeoJSON. */
    public static final String WGS84 = "EPSG:4326";

    private static final Map<String, MathTransform> CACHE = new ConcurrentHashMap<>();

    private Projection() {
    }

    /** The transform from {@code sourceCode} to {@code targetCode}, both with x = east / longitude. */
    public static MathTransform transform(String sourceCode, String targetCode) {
        return CACHE.computeIfAbsent(sourceCode + ">" + targetCode, key -> {
            try {
                CoordinateReferenceSystem source = CRS.decode(sourceCode, true);
                CoordinateReferenceSystem target = CRS.decode(targetCode, true);
                return CRS.findMathTransform(source, target, true);
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot transform " + sourceCode + " to " + targetCode + ": " + e.getMessage(), e);
            }
        });
    }

    /** Returns a copy of {@code geometry} transformed from {@code sourceCode} to {@code targetCode}. */
    public static Geometry transform(Geometry geometry, String sourceCode, String targetCode) {
        try {
            return JTS.transform(geometry, transform(sourceCode, targetCode));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot transform geometry to " + targetCode + ": " + e.getMessage(), e);
        }
    }

    /**
     * Transforms interleaved coordinate pairs in place ({@code xy = x0, y0, x1, y1, ...}).
     *
     * @param xy         coordinates in {@code sourceCode}, replaced by the same points in {@code targetCode}
     * @param sourceCode e.g. {@link #BNG}
     * @param targetCode e.g. {@link #WGS84}
     */
    public static void transformInPlace(double[] xy, String sourceCode, String targetCode) {
        try {
            transform(sourceCode, targetCode).transform(xy, 0, xy, 0, xy.length / 2);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot transform points to " + targetCode + ": " + e.getMessage(), e);
        }
    }
}
