package org.wardheat.ogc;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.Values;

/**
 * The {@code bbox} parameter: {@code minx,miny,maxx,maxy} (or six numbers with heights, which are ignored)
 * in {@code bbox-crs} (CRS84 lon/lat by default; EPSG:4326 is lat/lon; EPSG:27700 eastings/northings in
 * metres). A feature is selected when its geometry intersects the box; a feature without geometry is not.
 * A box in another CRS is densified (16 points a side) and transformed to lon/lat before the test.
 */
final class BoundingBox {
    static final String PARAMETER = "bbox";

    private final Geometry lonLat;

    private BoundingBox(Geometry lonLat) {
        this.lonLat = lonLat;
    }

    /** The box, or null when {@code text} is absent. */
    static BoundingBox parse(String text, OgcCrs crs) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidParameterException(PARAMETER, "expected 4 numbers (minx,miny,maxx,maxy) or 6 with heights, not " + parts.length);
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Values.number(PARAMETER, parts[i].trim(), "a decimal number");
        }
        int d = parts.length / 2;
        double x1 = v[0], y1 = v[1], x2 = v[d], y2 = v[d + 1];
        if (x1 > x2 || y1 > y2) {
            // CRS84 boxes may cross the antimeridian (x1 > x2); no wardheat data does, so it is refused as a mistake
            throw new InvalidParameterException(PARAMETER, "the lower corner must not exceed the upper corner");
        }
        if (crs != OgcCrs.EPSG_27700) {
            double lat1 = crs == OgcCrs.EPSG_4326 ? x1 : y1, lat2 = crs == OgcCrs.EPSG_4326 ? x2 : y2;
            double lon1 = crs == OgcCrs.EPSG_4326 ? y1 : x1, lon2 = crs == OgcCrs.EPSG_4326 ? y2 : x2;
            if (lat1 < -90 || lat2 > 90 || lon1 < -180 || lon2 > 180) {
                throw new InvalidParameterException(PARAMETER, "out of range; longitudes are -180 to 180 and latitudes -90 to 90 degrees");
            }
        }
        Geometry box = GeoJsonGeometry.FACTORY.toGeometry(new Envelope(x1, x2, y1, y2));
        if (crs == OgcCrs.EPSG_27700) {
            box = Densifier.densify(box, Math.max(1, Math.max(x2 - x1, y2 - y1) / 16));
        }
        return new BoundingBox(crs.toCrs84(box));
    }

    /** Whether a lon/lat geometry lies in (or touches) the box. */
    boolean selects(Geometry g) {
        return g != null && lonLat.intersects(g);
    }
}
