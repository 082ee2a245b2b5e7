package org.wardheat.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an area of interest (a drawn polygon, a focus area) from GeoJSON text in WGS84 lon/lat: a
 * geometry, a Feature or a FeatureCollection, whose polygons are unioned and repaired if invalid.
 */
public final class AreaReader {
    private AreaReader() {
    }

    /**
     * Reads an area from a GeoJSON file of at most {@link InputLimits#MAX_AREA_CHARS} characters.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static Geometry read(Path file) throws IOException {
        if (Files.size(file) > InputLimits.MAX_AREA_CHARS * 4L) {
            throw new IllegalArgumentException(file + ": the area file is larger than " + InputLimits.MAX_AREA_CHARS
                    + " characters (limit InputLimits.MAX_AREA_CHARS)");
        }
        try {
            return read(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an area within the {@link InputLimits}: at most {@link InputLimits#MAX_AREA_CHARS} characters,
     * {@link InputLimits#MAX_AREA_VERTICES} positions and {@link InputLimits#MAX_JSON_DEPTH} levels of nesting.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Geometry read(String geojson) {
        if (geojson.length() > InputLimits.MAX_AREA_CHARS) {
            throw new IllegalArgumentException("the area's GeoJSON is longer than " + InputLimits.MAX_AREA_CHARS
                    + " characters (limit InputLimits.MAX_AREA_CHARS)");
        }
        JsonNode root;
        try {
            root = GeoJsonGeometry.STRICT_JSON.readTree(geojson);
        } catch (IOException e) {
            throw new IllegalArgumentException("the area is not valid JSON: " + Text.shorten(e.getMessage()));
        }
        List<Geometry> parts = new ArrayList<>();
        collect(root, parts, new GeoJsonGeometry.VertexBudget(InputLimits.MAX_AREA_VERTICES, "InputLimits.MAX_AREA_VERTICES"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the area holds no Polygon or MultiPolygon");
        }
        parts.replaceAll(p -> p.isValid() ? p : GeometryFixer.fix(p)); // a self-crossing ring cannot be unioned as it is
        Geometry area;
        try {
            area = UnaryUnionOp.union(parts, GeoJsonGeometry.FACTORY);
        } catch (TopologyException e) {
            throw new IllegalArgumentException("the area's polygons cannot be combined: " + e.getMessage());
        }
        if (area == null || area.isEmpty()) {
            throw new IllegalArgumentException("the area's polygons are empty after repair");
        }
        if (!area.isValid()) {
            area = GeometryFixer.fix(area);
        }
        var e = area.getEnvelopeInternal();
        if (!UkExtent.isLonLat(e.getMinX(), e.getMinY()) || !UkExtent.isLonLat(e.getMaxX(), e.getMaxY())) {
            throw new IllegalArgumentException("the area must be in the UK, in longitude/latitude; its extent is " + e);
        }
        return area;
    }

    private static void collect(JsonNode node, List<Geometry> parts, GeoJsonGeometry.VertexBudget budget) {
        if (node == null || node.isNull()) {
            return;
        }
        switch (node.path("type").asText("")) {
            case "FeatureCollection" -> node.path("features").forEach(f -> collect(f, parts, budget));
            case "Feature" -> collect(node.get("geometry"), parts, budget);
            default -> {
                Geometry g = GeoJsonGeometry.read(node, budget);
                if (g instanceof Polygonal) {
                    parts.add(g);
                } else if (g != null && !g.isEmpty()) {
                    throw new IllegalArgumentException("the area must be polygons, not " + g.getGeometryType());
                }
            }
        }
    }
}
