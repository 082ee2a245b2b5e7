package org.wardheat.boundaries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.wardheat.text.InputLimits;


/**
 * Reads and writes the GeoJSON geometry types wardheat uses (Point, Polygon, MultiPolygon) with JTS.
 * Coordinates are copied as they are: no CRS is assumed here.
 */
public final class GeoJsonGeometry {
    public static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    /**
     * A JSON reader for GeoJSON input, strict and bounded: nesting at most {@link InputLimits#MAX_JSON_DEPTH},
     * strings at most {@link InputLimits#MAX_JSON_STRING_CHARS} characters, numbers at most
     * {@link InputLimits#MAX_JSON_NUMBER_CHARS},
     * no duplicate member names, no NaN or Infinity.
     */
    static final ObjectMapper STRICT_JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_JSON_DEPTH)
                    .maxStringLength(InputLimits.MAX_JSON_STRING_CHARS).maxNumberLength(InputLimits.MAX_JSON_NUMBER_CHARS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** How many more positions (vertices) may be read; shared by the geometries of one file or area. */
    public static final class VertexBudget {
        private final int max;
        private int left;
        private final String limitName;

        /**
         * @param max       the most positions
         * @param limitName the constant that states it, for the message
         */
        public VertexBudget(int max, String limitName) {
            this.max = max;
            this.left = max;
            this.limitName = limitName;
        }

        void take(int n) {
            left -= n;
            if (left < 0) {
                throw new IllegalArgumentException("more than " + max + " positions (vertices) in all (limit " + limitName
                        + "); simplify the polygons first");
            }
        }
    }

    /**
     * Parses a GeoJSON geometry object with at most {@link InputLimits#MAX_GEOJSON_VERTICES} positions.
     *
     * @return the geometry, or {@code null} for a JSON null
     * @throws IllegalArgumentException naming what is wrong, for unknown types or malformed coordinates
     */
    public static Geometry read(JsonNode node) {
        return read(node, new VertexBudget(InputLimits.MAX_GEOJSON_VERTICES, "InputLimits.MAX_GEOJSON_VERTICES"));
    }

    /**
     * Parses a GeoJSON geometry object, taking its positions from {@code budget}.
     *
     * @return the geometry, or {@code null} for a JSON null
     * @throws IllegalArgumentException naming what is wrong: unknown types, malformed or non-finite
     *                                  coordinates, more positions than the budget
     */
    public static Geometry read(JsonNode node, VertexBudget budget) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a geometry must be a JSON object, found " + kind(node));
        }
        String type = node.path("type").asText("");
        JsonNode coords = node.get("coordinates");
        switch (type) {
            case "Point":
                budget.take(1);
                return FACTORY.createPoint(coordinate(coords));
            case "Polygon":
                return polygon(coords, budget);
            case "MultiPolygon": {
                requireArray(coords, "MultiPolygon coordinates");
                Polygon[] polygons = new Polygon[coords.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coords.get(i), budget);
                }
                return FACTORY.createMultiPolygon(polygons);
            }
            case "GeometryCollection": {
                JsonNode members = node.path("geometries");
                requireArray(members, "GeometryCollection geometries");
                Geometry[] parts = new Geometry[members.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = read(members.get(i), budget);
                    if (parts[i] == null) {
                        throw new IllegalArgumentException("a GeometryCollection member is null");
                    }
                }
                return FACTORY.createGeometryCollection(parts);
            }
            default:
                throw new IllegalArgumentException("unsupported geometry type '" + org.wardheat.text.Text.shorten(type) + "'");
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Polygon polygon(JsonNode rings, VertexBudget budget) {
        requireArray(rings, "Polygon coordinates");
        if (rings.isEmpty()) {
            return FACTORY.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), budget);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), budget);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, VertexBudget budget) {
        requireArray(positions, "ring");
        int n = positions.size();
        budget.take(n);
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            cs[i] = coordinate(positions.get(i));
        }
        boolean closed = n > 0 && cs[0].equals2D(cs[n - 1]);
        if (!closed && n > 0) {
            cs = java.util.Arrays.copyOf(cs, n + 1);
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
            throw new IllegalArgumentException("a position must be [x, y] numbers, found "
                    + (position == null ? "nothing" : org.wardheat.text.Text.shorten(position.toString())));
        }
        double x = position.get(0).asDouble(), y = position.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a position must be finite numbers, found "
                    + org.wardheat.text.Text.shorten(position.toString()));
        }
        return new Coordinate(x, y);
    }

    private static void requireArray(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array");
        }
    }
}
