package org.wardheat.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an area of interest (a drawn polygon, a focus area) from GeoJSON text in WGS84 lon/lat: a
 * geometry, a Feature or a FeatureCollection, whose polygons are unioned and repaired if invalid.
 */
public final class AreaReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AreaReader() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static Geometry read(String geojson) {
        JsonNode root;
        try {
            root = JSON.readTree(geojson);
        } catch (IOException e) {
            throw new IllegalArgumentException("the area is not valid JSON: " + e.getMessage());
        }
        List<Geometry> parts = new ArrayList<>();
        collect(root, parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the area holds no Polygon or MultiPolygon");
        }
        Geometry area = UnaryUnionOp.union(parts, GeoJsonGeometry.FACTORY);
        if (!area.isValid()) {
            area = GeometryFixer.fix(area);
        }
        var e = area.getEnvelopeInternal();
        if (!UkExtent.isLonLat(e.getMinX(), e.getMinY()) || !UkExtent.isLonLat(e.getMaxX(), e.getMaxY())) {
            throw new IllegalArgumentException("the area must be in the UK, in longitude/latitude; its extent is " + e);
        }
        return area;
    }

    private static void collect(JsonNode node, List<Geometry> parts) {
        if (node == null || node.isNull()) {
            return;
        }
        switch (node.path("type").asText("")) {
            case "FeatureCollection" -> node.path("features").forEach(f -> collect(f, parts));
            case "Feature" -> collect(node.get("geometry"), parts);
            default -> {
                Geometry g = GeoJsonGeometry.read(node);
                if (g instanceof Polygonal) {
                    parts.add(g);
                } else if (g != null && !g.isEmpty()) {
                    throw new IllegalArgumentException("the area must be polygons, not " + g.getGeometryType());
                }
            }
        }
    }
}
