package org.wardheat.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.wardheat.boundaries.GeoJsonGeometry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.export.Column.decimal;
import static org.wardheat.export.Column.integer;
import static org.wardheat.export.Column.significant;
import static org.wardheat.export.Column.text;

class ExporterTest {
    @TempDir
    Path dir;

    static FeatureTable wards() {
        return FeatureTable.builder("wards_test_2022-01_2022-12", text("ward_code"), text("ward_name"), integer("count"),
                        decimal("change_pct", 1))
                .add(GeoJsonGeometry.FACTORY.toGeometry(new Envelope(0.5, 0.51, 51.2, 51.21)), "E05000001", "=HYPERLINK(\"x\")", 4L, 12.54)
                .add(GeoJsonGeometry.FACTORY.toGeometry(new Envelope(0.51, 0.52, 51.2, 51.21)), "E05000002", "Middle", 0L, null)
                .build();
    }

    static FeatureTable points() {
        return FeatureTable.builder("repeat-locations_all_2022-01_2022-12", integer("rank"), text("place"), decimal("count", 3))
                .add(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(0.5123456789, 51.2)), 1, "Station Road", 12.0)
                .add(null, 2, "(no location)", 3.5)
                .add(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(0.52, 51.21)), 3, "High Street", 1.0)
                .build();
    }

    static FeatureTable table() {
        return FeatureTable.builder("strategic-assessment_demo_2024-01_2024-12", text("category"), integer("this_period"),
                        decimal("change_pct", 1))
                .add(null, "Burglary", 10, -33.333333)
                .add(null, "All", 10, null)
                .build();
    }

    @Test
    void eachColumnRoundsOnceAndEveryFormatWritesTheSameDigits() throws Exception {
        FeatureTable t = FeatureTable.builder("t", decimal("rate", 3), significant("kde", 6), integer("n"), text("s"))
                .add(null, 1.23456, 123456.789, 2.0, 5)
                .add(null, 0.0001, 0.000123456789, 7L, null)
                .add(null, Double.NaN, Double.POSITIVE_INFINITY, null, "x")
                .add(null, 2.0005, -1.0, 3, "-1")
                .build();
        assertEquals(List.of(1.235, 123457.0, 2L, "5"), t.rows().get(0));
        String csv = new String(Exporter.bytes(t, Exporter.Format.CSV), StandardCharsets.UTF_8);
        assertEquals("rate,kde,n,s\r\n1.235,123457,2,5\r\n0,0.000123457,7,\r\n,,,x\r\n2.001,-1,3,'-1\r\n", csv);
        JsonNode json = new ObjectMapper().readTree(Exporter.bytes(t, Exporter.Format.GEOJSON));
        JsonNode p = json.get("features").get(1).get("properties");
        assertEquals("0", p.get("rate").asText(), "0.0001 to 3 places");
        assertTrue(new String(Exporter.bytes(t, Exporter.Format.GEOJSON), StandardCharsets.UTF_8)
                .contains("{\"rate\":0,\"kde\":0.000123457,\"n\":7,\"s\":null}"), "plain decimals, as in the CSV");
        assertTrue(json.get("features").get(2).get("properties").get("rate").isNull(), "NaN is null");
        assertEquals("-1", json.get("features").get(3).get("properties").get("s").asText(), "text kept as it is in JSON");
    }

    @Test
    void seriesAndJsonColumnsAreArraysAndObjectsInGeoJsonAndTextInCsv() throws Exception {
        FeatureTable t = FeatureTable.builder("t", text("code"), Column.series("series"), Column.json("by_period")).id("code")
                .add(null, "E1", new long[]{3, 0, 2}, new java.util.LinkedHashMap<>(Map.of("2024-01:2024-06", 2.0)))
                .build();
        assertEquals("code,series,by_period\r\nE1,3;0;2,\"{\"\"2024-01:2024-06\"\":2.0}\"\r\n",
                new String(Exporter.bytes(t, Exporter.Format.CSV), StandardCharsets.UTF_8));
        assertEquals("{\"type\":\"FeatureCollection\",\"name\":\"t\",\"features\":[{\"type\":\"Feature\",\"id\":\"E1\",\"properties\":"
                        + "{\"code\":\"E1\",\"series\":[3,0,2],\"by_period\":{\"2024-01:2024-06\":2.0}},\"geometry\":null}]}",
                new String(Exporter.bytes(t, Exporter.Format.GEOJSON), StandardCharsets.UTF_8));
    }

    @Test
    void csvIsTheColumnsOnlyWithFormulasNeutralised() throws Exception {
        String csv = new String(Exporter.bytes(wards(), Exporter.Format.CSV), StandardCharsets.UTF_8);
        assertEquals("ward_code,ward_name,count,change_pct\r\nE05000001,\"'=HYPERLINK(\"\"x\"\")\",4,12.5\r\nE05000002,Middle,0,\r\n", csv);
    }

    @Test
    void geojsonIsRfc7946ThroughJts() throws Exception {
        String json = new String(Exporter.bytes(wards(), Exporter.Format.GEOJSON), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"type\":\"FeatureCollection\",\"name\":\"wards_test_2022-01_2022-12\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"ward_code\":\"E05000001\",\"ward_name\":\"=HYPERLINK(\\\"x\\\")\",\"count\":4,\"change_pct\":12.5}"), json);
        assertFalse(json.contains("\"crs\""), "RFC 7946: no crs member");
        JsonNode tree = new ObjectMapper().readTree(json);
        Polygon ring = (Polygon) new GeoJsonReader().read(tree.get("features").get(0).get("geometry").toString());
        assertTrue(Orientation.isCCW(ring.getExteriorRing().getCoordinates()), "RFC 7946 §3.1.6: exterior ring counter-clockwise");
        assertEquals(0.5, ring.getEnvelopeInternal().getMinX(), 1e-12, "longitude first");

        JsonNode pts = new ObjectMapper().readTree(Exporter.bytes(points(), Exporter.Format.GEOJSON));
        assertEquals("[0.512346,51.2]", pts.get("features").get(0).get("geometry").get("coordinates").toString(), "6 decimals");
        assertTrue(pts.get("features").get(1).get("geometry").isNull());
        assertEquals("{\"type\":\"FeatureCollection\",\"name\":\"t\",\"parameters\":{\"a\":1},\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"x\"},\"geometry\":null}]}",
                new String(bytes(FeatureTable.builder("t", text("a")).add(null, "x").build(), Map.of("parameters", Map.of("a", 1))), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(FeatureTable t, Map<String, ?> members) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        Exporter.write(t, Exporter.Format.GEOJSON, members, out);
        return out.toByteArray();
    }

    @Test
    void geopackageHoldsTypedColumnsInEpsg4326() throws Exception {
        Path file = dir.resolve("w.gpkg");
        Exporter.geopackage(wards(), file);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(1196444487, db.createStatement().executeQuery("PRAGMA application_id").getInt(1), "'GPKG'");
            assertEquals(10300, db.createStatement().executeQuery("PRAGMA user_version").getInt(1));
            ResultSet c = db.createStatement().executeQuery("SELECT table_name, data_type, srs_id, min_x, max_y FROM gpkg_contents");
            assertEquals("wards_test_2022-01_2022-12", c.getString(1));
            assertEquals("features", c.getString(2));
            assertEquals(4326, c.getInt(3));
            assertEquals(0.5, c.getDouble(4));
            assertEquals(51.21, c.getDouble(5));
            ResultSet g = db.createStatement().executeQuery("SELECT geometry_type_name, srs_id FROM gpkg_geometry_columns");
            assertEquals("POLYGON", g.getString(1));
            ResultSet rows = db.createStatement().executeQuery(
                    "SELECT ward_name, count, change_pct, typeof(count), typeof(change_pct) FROM \"wards_test_2022-01_2022-12\" ORDER BY fid");
            assertTrue(rows.next());
            assertEquals("=HYPERLINK(\"x\")", rows.getString(1), "a GeoPackage keeps text as it is");
            assertEquals(4, rows.getLong(2));
            assertEquals(12.5, rows.getDouble(3));
            assertEquals("integer", rows.getString(4));
            assertEquals("real", rows.getString(5));
            assertTrue(rows.next());
            assertNull(rows.getObject(3));
        }
    }

    /** GDAL's reading of a GeoPackage: layer name, geometry type, feature count and CRS, with no warning. */
    record OgrLayer(String name, String geometry, int features, boolean epsg4326, String output) {
    }

    static OgrLayer ogrinfo(Path file, String layer) throws Exception {
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", file.toString(), layer).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Warning") || out.contains("ERROR"), out);
        String name = null, geometry = null;
        int count = -1;
        for (String line : out.split("\n")) {
            if (line.startsWith("Layer name: ")) {
                name = line.substring(12).trim();
            } else if (line.startsWith("Geometry: ")) {
                geometry = line.substring(10).trim();
            } else if (line.startsWith("Feature Count: ")) {
                count = Integer.parseInt(line.substring(15).trim());
            }
        }
        boolean wgs84 = out.contains("ID[\"EPSG\",4326]") || out.contains("AUTHORITY[\"EPSG\",\"4326\"]]");
        return new OgrLayer(name, geometry, count, wgs84, out);
    }

    static boolean hasOgrinfo() {
        try {
            return new ProcessBuilder("ogrinfo", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void gdalOpensEveryKindOfGeoPackage() throws Exception {
        Assumptions.assumeTrue(hasOgrinfo(), "ogrinfo (Debian gdal-bin) is not installed; .ci/run installs it");
        List<String> checked = new ArrayList<>();
        for (FeatureTable t : List.of(wards(), points(), table())) {
            Path file = dir.resolve(t.name() + ".gpkg");
            Files.write(file, Exporter.bytes(t, Exporter.Format.GPKG));
            OgrLayer layer = ogrinfo(file, t.name());
            assertEquals(t.name(), layer.name(), layer.output());
            assertEquals(t.rows().size(), layer.features(), layer.output());
            if (t.hasGeometry()) {
                assertEquals(t.name().startsWith("wards") ? "Polygon" : "Point", layer.geometry(), layer.output());
                assertTrue(layer.epsg4326(), layer.output());
            } else {
                assertEquals("None", layer.geometry(), layer.output());
            }
            checked.add(layer.name());
        }
        assertEquals(3, checked.size());
    }
}
