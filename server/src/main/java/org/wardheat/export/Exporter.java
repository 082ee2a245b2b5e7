package org.wardheat.export;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.output.CsvWriter;
import org.wardheat.output.WardOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link FeatureTable} as RFC 7946 GeoJSON, CSV (geometry as {@code lon,lat} of a point or of
 * an interior point unless the table has its own {@code lon,lat}; text neutralised against spreadsheet formulas) or an OGC GeoPackage 1.3 (a SQLite
 * file: {@code gpkg_spatial_ref_sys}, {@code gpkg_contents}, {@code gpkg_geometry_columns} and a
 * feature table in EPSG:4326, or an attributes table for a table without geometry).
 */
public final class Exporter {
    public enum Format {
        GEOJSON("geojson", "application/geo+json"), CSV("csv", "text/csv; charset=utf-8"), GPKG("gpkg", "application/geopackage+sqlite3");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public static Format parse(String s) {
            return switch (s == null ? "geojson" : s.toLowerCase(Locale.ROOT)) {
                case "geojson", "json" -> GEOJSON;
                case "csv" -> CSV;
                case "gpkg", "geopackage" -> GPKG;
                default -> throw new IllegalArgumentException("export format must be geojson, csv or gpkg, not '" + s + "'");
            };
        }
    }

    private Exporter() {
    }

    public static byte[] bytes(FeatureTable t, Format f) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (f) {
            case GEOJSON -> geojson(t, out);
            case CSV -> csv(t, out);
            case GPKG -> {
                Path file = Files.createTempFile("wardheat-export", ".gpkg");
                try {
                    Files.delete(file);
                    geopackage(t, file);
                    return Files.readAllBytes(file);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
        return out.toByteArray();
    }

    public static void geojson(FeatureTable t, OutputStream out) throws IOException {
        geojson(t, java.util.Map.of(), out);
    }

    /**
     * @param members foreign members written beside the features (a layer's parameters), as RFC 7946 allows
     */
    public static void geojson(FeatureTable t, java.util.Map<String, Object> members, OutputStream out) throws IOException {
        try (JsonGenerator g = WardOutput.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", t.name());
            for (var m : members.entrySet()) {
                g.writeFieldName(m.getKey());
                WardOutput.JSON.writeValue(g, m.getValue());
            }
            g.writeArrayFieldStart("features");
            for (int r = 0; r < t.rows().size(); r++) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (int c = 0; c < t.columns().size(); c++) {
                    g.writeFieldName(t.columns().get(c));
                    WardOutput.JSON.writeValue(g, t.rows().get(r).get(c));
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                Geometry geom = t.geometries().get(r);
                if (geom == null) {
                    g.writeNull();
                } else {
                    GeoJsonGeometry.write(geom, g, 6);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static void csv(FeatureTable t, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        // point columns for the geometry, unless the table carries its own lon/lat
        boolean geo = t.hasGeometry() && !(t.columns().contains("lon") && t.columns().contains("lat"));
        List<Object> header = new ArrayList<>(t.columns());
        if (geo) {
            header.add("lon");
            header.add("lat");
        }
        csv.row(header);
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> row = new ArrayList<>(t.rows().get(r));
            if (geo) {
                Geometry g = t.geometries().get(r);
                var p = g == null ? null : g.getDimension() == 0 ? g.getCentroid() : g.getInteriorPoint();
                row.add(p == null ? null : CsvWriter.round(p.getX(), 6));
                row.add(p == null ? null : CsvWriter.round(p.getY(), 6));
            }
            csv.row(row);
        }
        w.flush();
    }

    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /** Writes a new GeoPackage file (which must not exist). */
    public static void geopackage(FeatureTable t, Path file) throws IOException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
                s.execute("PRAGMA user_version = 10300");
                s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
                        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
                s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),"
                        + " ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),"
                        + " ('WGS 84 geodetic', 4326, 'EPSG', 4326, '" + WGS84_WKT + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
                s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                        + " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                        + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                        + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
                s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                        + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))");
                String[] types = columnTypes(t);
                StringBuilder create = new StringBuilder("CREATE TABLE \"" + t.name() + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT");
                boolean geo = t.hasGeometry();
                if (geo) {
                    create.append(", geom ").append(geometryType(t));
                }
                for (int c = 0; c < t.columns().size(); c++) {
                    create.append(", \"").append(t.columns().get(c).replace("\"", "")).append("\" ").append(types[c]);
                }
                s.execute(create.append(")").toString());
                Envelope extent = new Envelope();
                t.geometries().forEach(g -> {
                    if (g != null) {
                        extent.expandToInclude(g.getEnvelopeInternal());
                    }
                });
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, description,"
                        + " last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, t.name());
                    ps.setString(2, geo ? "features" : "attributes");
                    ps.setString(3, t.name());
                    ps.setString(4, "exported by wardheat");
                    ps.setString(5, Instant.now().toString());
                    if (geo) {
                        ps.setDouble(6, extent.getMinX());
                        ps.setDouble(7, extent.getMinY());
                        ps.setDouble(8, extent.getMaxX());
                        ps.setDouble(9, extent.getMaxY());
                        ps.setInt(10, 4326);
                    } else {
                        for (int k = 6; k <= 10; k++) {
                            ps.setNull(k, java.sql.Types.NULL);
                        }
                    }
                    ps.executeUpdate();
                }
                if (geo) {
                    s.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + t.name().replace("'", "''") + "', 'geom', '" + geometryType(t) + "', 4326, 0, 0)");
                }
                StringBuilder insert = new StringBuilder("INSERT INTO \"" + t.name() + "\" (" + (geo ? "geom" : ""));
                for (int c = 0; c < t.columns().size(); c++) {
                    insert.append(geo || c > 0 ? ", " : "").append('"').append(t.columns().get(c).replace("\"", "")).append('"');
                }
                insert.append(") VALUES (").append("?,".repeat(t.columns().size() + (geo ? 1 : 0) - 1)).append("?)");
                try (PreparedStatement ps = db.prepareStatement(insert.toString())) {
                    for (int r = 0; r < t.rows().size(); r++) {
                        int k = 1;
                        if (geo) {
                            Geometry g = t.geometries().get(r);
                            ps.setBytes(k++, g == null ? null : geometryBlob(g));
                        }
                        for (Object v : t.rows().get(r)) {
                            ps.setObject(k++, v instanceof Number || v == null ? v : v.toString());
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            db.commit();
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    /** GeoPackage binary: "GP", version 0, flags (little endian, xy envelope), srs_id 4326, envelope, ISO WKB. */
    static byte[] geometryBlob(Geometry g) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        Envelope e = g.getEnvelopeInternal();
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011);
        b.putInt(4326);
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(wkb);
        return b.array();
    }

    /** The one geometry type of all rows (POINT, POLYGON, MULTIPOLYGON...), or GEOMETRY when they differ. */
    static String geometryType(FeatureTable t) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        t.geometries().forEach(g -> {
            if (g != null) {
                types.add(g.getGeometryType().toUpperCase(Locale.ROOT));
            }
        });
        return types.size() == 1 ? types.iterator().next() : "GEOMETRY";
    }

    private static String[] columnTypes(FeatureTable t) {
        String[] types = new String[t.columns().size()];
        for (int c = 0; c < types.length; c++) {
            String type = null;
            for (List<Object> row : t.rows()) {
                Object v = row.get(c);
                String ty = v == null ? null : v instanceof Integer || v instanceof Long ? "INTEGER" : v instanceof Number ? "REAL" : "TEXT";
                if (ty != null) {
                    type = type == null || type.equals(ty) ? ty : (type.equals("INTEGER") && ty.equals("REAL")) || (type.equals("REAL") && ty.equals("INTEGER")) ? "REAL" : "TEXT";
                }
            }
            types[c] = type == null ? "TEXT" : type;
        }
        return types;
    }
}
