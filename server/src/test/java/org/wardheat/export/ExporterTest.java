package org.wardheat.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.wardheat.boundaries.GeoJsonGeometry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExporterTest {
    @TempDir
    Path dir;

    static FeatureTable sample() {
        return FeatureTable.builder("wards_test_2022-01_2022-12", "ward_code", "ward_name", "count", "change_pct")
                .add(GeoJsonGeometry.FACTORY.toGeometry(new Envelope(0.5, 0.51, 51.2, 51.21)), "E05000001", "=HYPERLINK(\"x\")", 4L, 12.5)
                .add(GeoJsonGeometry.FACTORY.toGeometry(new Envelope(0.51, 0.52, 51.2, 51.21)), "E05000002", "Middle", 0L, null)
                .build();
    }

    @Test
    void geopackageFollowsTheSpec() throws Exception {
        Path file = dir.resolve("w.gpkg");
        Exporter.geopackage(sample(), file);
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
            ResultSet rows = db.createStatement().executeQuery("SELECT geom, ward_code, ward_name, count, change_pct FROM \"wards_test_2022-01_2022-12\" ORDER BY fid");
            assertTrue(rows.next());
            byte[] blob = rows.getBytes(1);
            ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("GP", new String(Arrays.copyOf(blob, 2), StandardCharsets.US_ASCII));
            assertEquals(0, blob[2], "version 1");
            assertEquals(3, blob[3], "little endian, xy envelope");
            assertEquals(4326, b.getInt(4));
            assertEquals(0.5, b.getDouble(8));
            assertEquals(0.51, b.getDouble(16));
            assertEquals(1, blob[40], "WKB little endian");
            assertEquals(3, ByteBuffer.wrap(blob, 41, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "WKB polygon");
            assertEquals("=HYPERLINK(\"x\")", rows.getString(3), "a GeoPackage keeps text as it is");
            assertEquals(4, rows.getLong(4));
            assertEquals(12.5, rows.getDouble(5));
            assertTrue(rows.next());
            rows.getDouble(5);
            assertTrue(rows.wasNull());
        }
    }

    @Test
    void csvNeutralisesFormulasAndGeojsonIsRfc7946() throws Exception {
        String csv = new String(Exporter.bytes(sample(), Exporter.Format.CSV), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("ward_code,ward_name,count,change_pct,lon,lat\r\nE05000001,\"'=HYPERLINK(\"\"x\"\")\",4,12.5,0.505,51.205\r\n"), csv);
        String json = new String(Exporter.bytes(sample(), Exporter.Format.GEOJSON), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"type\":\"FeatureCollection\",\"name\":\"wards_test_2022-01_2022-12\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"ward_code\":\"E05000001\""), json);
        assertTrue(!json.contains("\"crs\""));
        FeatureTable table = FeatureTable.builder("t", "a").add(null, "x").build();
        assertEquals("{\"type\":\"FeatureCollection\",\"name\":\"t\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"x\"},\"geometry\":null}]}",
                new String(Exporter.bytes(table, Exporter.Format.GEOJSON), StandardCharsets.UTF_8));
        assertEquals("POINT", Exporter.geometryType(FeatureTable.builder("p", "a")
                .add(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(0.5, 51.2)), 1).build()));
    }
}
