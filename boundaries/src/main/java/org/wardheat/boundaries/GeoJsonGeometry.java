package org.wardheat.boundaries;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;

/**
 * Reads and writes the GeoJSON geometry types wardheat uses (Point, Polygon, MultiPolygon) with JTS.
 * Coordinates are copied as they are: no CRS is assumed here.
 */
public final class GeoJsonGeometry {
    public static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    /**
     * Parses a GeoJSON geometry object.
     *
     * @return the geometry, or {@code null} for a JSON null
     * @throws IllegalArgumentException naming what is wrong, for unknown types or malformed coordinates
     */
    public static Geometry read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String type = node.path("type").asText("");
        JsonNode coords = node.get("coordinates");
        switch (type) {
            case "Point":
                return FACTORY.createPoint(coordinate(coords));
            case "Polygon":
                return polygon(coords);
            case "MultiPolygon": {
                requireArray(coords, "MultiPolygon coordinates");
                Polygon[] polygons = new Polygon[coords.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coords.get(i));
                }
                return FACTORY.createMultiPolygon(polygons);
            }
            case "GeometryCollection": {
                JsonNode members = node.path("geometries");
                Geometry[] parts = new Geometry[members.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = read(members.get(i));
                }
                return FACTORY.createGeometryCollection(parts);
            }
            default:
                throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
        }
    }

    private static Polygon polygon(JsonNode rings) {
        requireArray(rings, "Polygon coordinates");
        if (rings.isEmpty()) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        requireArray(positions, "ring");
        int n = positions.size();
        boolean closed = n > 0 && positions.get(0).equals(positions.get(n - 1));
        Coordinate[] cs = new Coordinate[closed ? n : n + 1];
        for (int i = 0; i < n; i++) {
            cs[i] = coordinate(positions.get(i));
        }
        if (!closed && n > 0) {
            cs[n] = cs[0].copy();
        }
        if (cs.length < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions, found " + n);
        }
        return FACTORY.createLinearRing(cs);
    }

    private static Coordinate coordinate(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2
                || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be [x, y] numbers, found " + position);
        }
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private static void requireArray(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array");
        }
    }

    /**
     * Writes {@code geometry} as a GeoJSON geometry object, rounding coordinates to {@code decimals}
     * places (6 places of a degree is about 0.1 m; RFC 7946 recommends no more).
     */
    public static void write(Geometry geometry, JsonGenerator out, int decimals) throws IOException {
        double scale = Math.pow(10, decimals);
        if (geometry instanceof Point p) {
            out.writeStartObject();
            out.writeStringField("type", "Point");
            out.writeFieldName("coordinates");
            position(p.getCoordinate(), out, scale);
            out.writeEndObject();
        } else if (geometry instanceof Polygon p) {
            out.writeStartObject();
            out.writeStringField("type", "Polygon");
            out.writeFieldName("coordinates");
            rings(p, out, scale);
            out.writeEndObject();
        } else if (geometry instanceof MultiPolygon mp) {
            out.writeStartObject();
            out.writeStringField("type", "MultiPolygon");
            out.writeFieldName("coordinates");
            out.writeStartArray();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                rings((Polygon) mp.getGeometryN(i), out, scale);
            }
            out.writeEndArray();
            out.writeEndObject();
        } else {
            throw new IllegalArgumentException("cannot write " + geometry.getGeometryType() + " as GeoJSON");
        }
    }

    /** Writes rings with the exterior counter-clockwise and holes clockwise, as RFC 7946 asks. */
    private static void rings(Polygon polygon, JsonGenerator out, double scale) throws IOException {
        Polygon oriented = (Polygon) polygon.copy();
        oriented.normalize(); // JTS normal form: shell clockwise, holes counter-clockwise
        out.writeStartArray();
        ring(oriented.getExteriorRing().getCoordinates(), true, out, scale);
        for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
            ring(oriented.getInteriorRingN(i).getCoordinates(), true, out, scale);
        }
        out.writeEndArray();
    }

    private static void ring(Coordinate[] cs, boolean reverse, JsonGenerator out, double scale) throws IOException {
        out.writeStartArray();
        for (int i = 0; i < cs.length; i++) {
            position(cs[reverse ? cs.length - 1 - i : i], out, scale);
        }
        out.writeEndArray();
    }

    private static void position(Coordinate c, JsonGenerator out, double scale) throws IOException {
        out.writeStartArray();
        out.writeNumber(Math.round(c.x * scale) / scale);
        out.writeNumber(Math.round(c.y * scale) / scale);
        out.writeEndArray();
    }
}
