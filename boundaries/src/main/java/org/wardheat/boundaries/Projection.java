package org.wardheat.boundaries;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.operation.DefaultCoordinateOperationFactory;
import org.geotools.referencing.wkt.Parser;
import org.locationtech.jts.geom.Geometry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coordinate transforms between WGS84 longitude/latitude (EPSG:4326, longitude first) and a projected
 * metric CRS such as British National Grid (EPSG:27700), through GeoTools.
 *
 * <p>EPSG:4326 and EPSG:27700 are built from their WKT ({@link #WGS84_WKT}; {@link #BNG_WKT}: Airy 1830, the OSGB36 to WGS84
 * Helmert shift EPSG:1314 as TOWGS84, Transverse Mercator) without starting GeoTools' EPSG database, which
 * takes more than half a second in every process that touches it; their transforms equal the database's to
 * the last bit (ProjectionTest). Other codes are decoded from the database.
 *
 * <p>Transforms are built once per CRS pair and cached; {@link MathTransform} instances are thread-safe.
 */
public final class Projection {
    /** British National Grid: eastings and northings in metres. */
    public static final String BNG = "EPSG:27700";
    /** WGS84 with longitude first, as in GeoJSON. */
    public static final String WGS84 = "EPSG:4326";

    /** EPSG:27700 as OGC WKT, as GeoTools' EPSG database gives it, longitude/easting first. */
    static final String BNG_WKT = "PROJCS[\"OSGB36 / British National Grid\", GEOGCS[\"OSGB36\","
            + " DATUM[\"Ordnance Survey of Great Britain 1936\", SPHEROID[\"Airy 1830\", 6377563.396, 299.3249646, AUTHORITY[\"EPSG\",\"7001\"]],"
            + " TOWGS84[446.448, -125.157, 542.06, 0.15, 0.247, 0.842, -20.489], AUTHORITY[\"EPSG\",\"6277\"]],"
            + " PRIMEM[\"Greenwich\", 0.0, AUTHORITY[\"EPSG\",\"8901\"]], UNIT[\"degree\", 0.017453292519943295],"
            + " AXIS[\"Geodetic longitude\", EAST], AXIS[\"Geodetic latitude\", NORTH], AUTHORITY[\"EPSG\",\"4277\"]],"
            + " PROJECTION[\"Transverse_Mercator\", AUTHORITY[\"EPSG\",\"9807\"]], PARAMETER[\"central_meridian\", -2.0],"
            + " PARAMETER[\"latitude_of_origin\", 49.0], PARAMETER[\"scale_factor\", 0.9996012717], PARAMETER[\"false_easting\", 400000.0],"
            + " PARAMETER[\"false_northing\", -100000.0], UNIT[\"m\", 1.0], AXIS[\"Easting\", EAST], AXIS[\"Northing\", NORTH],"
            + " AUTHORITY[\"EPSG\",\"27700\"]]";

    /** EPSG:4326 as OGC WKT, as GeoTools' EPSG database names it, longitude first. */
    static final String WGS84_WKT = "GEOGCS[\"WGS 84\", DATUM[\"World Geodetic System 1984\", SPHEROID[\"WGS 84\", 6378137.0, 298.257223563,"
            + " AUTHORITY[\"EPSG\",\"7030\"]], AUTHORITY[\"EPSG\",\"6326\"]], PRIMEM[\"Greenwich\", 0.0, AUTHORITY[\"EPSG\",\"8901\"]],"
            + " UNIT[\"degree\", 0.017453292519943295], AXIS[\"Geodetic longitude\", EAST], AXIS[\"Geodetic latitude\", NORTH],"
            + " AUTHORITY[\"EPSG\",\"4326\"]]";

    private static final Map<String, MathTransform> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, CoordinateReferenceSystem> CRSS = new ConcurrentHashMap<>();

    private Projection() {
    }

    /**
     * The CRS of an authority code, with x = east / longitude: EPSG:4326 and EPSG:27700 built in, others from
     * GeoTools' EPSG database.
     *
     * @throws FactoryException when the code is unknown
     */
    public static CoordinateReferenceSystem crs(String code) throws FactoryException {
        CoordinateReferenceSystem known = CRSS.get(code);
        if (known != null) {
            return known;
        }
        CoordinateReferenceSystem crs = builtIn(code);
        if (crs == null) {
            crs = CRS.decode(code, true);
        }
        CRSS.put(code, crs);
        return crs;
    }

    private static boolean isBuiltIn(String code) {
        return code.equals(WGS84) || code.equals(BNG);
    }

    private static CoordinateReferenceSystem builtIn(String code) throws FactoryException {
        String wkt = switch (code) {
            case WGS84 -> WGS84_WKT;
            case BNG -> BNG_WKT;
            default -> null;
        };
        try {
            return wkt == null ? null : new Parser().parseCoordinateReferenceSystem(wkt);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the built-in WKT of " + code + " does not parse", e);
        }
    }

    /** The transform from {@code sourceCode} to {@code targetCode}, both with x = east / longitude. */
    public static MathTransform transform(String sourceCode, String targetCode) {
        return CACHE.computeIfAbsent(sourceCode + ">" + targetCode, key -> {
            try {
                CoordinateReferenceSystem source = crs(sourceCode);
                CoordinateReferenceSystem target = crs(targetCode);
                if (isBuiltIn(sourceCode) && isBuiltIn(targetCode)) {
                    // the plain operation factory: the authority-backed one of CRS.findMathTransform opens the database
                    return new DefaultCoordinateOperationFactory().createOperation(source, target).getMathTransform();
                }
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
