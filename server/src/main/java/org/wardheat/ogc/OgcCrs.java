package org.wardheat.ogc;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.query.InvalidParameterException;

import java.util.Arrays;
import java.util.List;

/**
 * The coordinate reference systems the OGC API offers (Part 2, CRS by Reference), named by their OGC URIs.
 * Every layer is held in WGS84 longitude/latitude (the storage CRS, {@link #CRS84}); the others are made
 * from it on the way out:
 * <ul>
 *   <li>{@link #CRS84}: longitude, latitude in degrees, 6 decimals (about 0.1 m); the default.</li>
 *   <li>{@link #EPSG_4326}: the same positions in EPSG:4326's own axis order, latitude first, as OGC API –
 *       Features Part 2 requires (GDAL swaps them back on reading).</li>
 *   <li>{@link #EPSG_27700}: British National Grid eastings, northings in metres, 2 decimals, transformed
 *       with GeoTools ({@link Projection}).</li>
 * </ul>
 */
enum OgcCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 6),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 6),
    EPSG_27700("http://www.opengis.net/def/crs/EPSG/0/27700", 2);

    /** The CRS's URI, as written in {@code crs}, {@code bbox-crs} and {@code Content-Crs}. */
    final String uri;
    /** Decimal places written: 6 for degrees (about 0.1 m), 2 for metres. */
    final int decimals;

    OgcCrs(String uri, int decimals) {
        this.uri = uri;
        this.decimals = decimals;
    }

    static List<String> uris() {
        return Arrays.stream(values()).map(c -> c.uri).toList();
    }

    /**
     * The CRS a parameter names (its URI; {@code https} is taken for {@code http}), or {@link #CRS84} when absent.
     *
     * @throws InvalidParameterException naming {@code parameter} for any other value
     */
    static OgcCrs parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return CRS84;
        }
        String t = text.trim().replaceFirst("^https://", "http://");
        for (OgcCrs c : values()) {
            if (c.uri.equals(t)) {
                return c;
            }
        }
        throw new InvalidParameterException(parameter, "unsupported CRS '" + text + "'; expected one of " + String.join(", ", uris()));
    }

    /** A WGS84 lon/lat geometry in this CRS (a copy; null stays null). */
    Geometry fromCrs84(Geometry lonLat) {
        if (lonLat == null || this == CRS84) {
            return lonLat;
        }
        if (this == EPSG_4326) {
            return swapped(lonLat);
        }
        return Projection.transform(lonLat, Projection.WGS84, Projection.BNG);
    }

    /** A geometry in this CRS as WGS84 lon/lat (a copy). */
    Geometry toCrs84(Geometry g) {
        if (this == CRS84) {
            return g;
        }
        if (this == EPSG_4326) {
            return swapped(g);
        }
        return Projection.transform(g, Projection.BNG, Projection.WGS84);
    }

    /** The Content-Crs header value: the URI in angle brackets. */
    String header() {
        return "<" + uri + ">";
    }

    private static Geometry swapped(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
