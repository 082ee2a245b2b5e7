package org.wardheat.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.user.UserRow;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.wardheat.output.CsvWriter;
import org.wardheat.output.Numbers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The one writer of tables and layers: a {@link FeatureTable} as CSV, RFC 7946 GeoJSON or an OGC
 * GeoPackage, for the command line, the HTTP layers and the downloads alike.
 *
 * <ul>
 *   <li>CSV (RFC 4180, CRLF): the table's columns only; text cells starting with {@code = + - @} get a
 *       leading apostrophe so spreadsheets show them rather than run them; {@code null} is an empty cell.</li>
 *   <li>GeoJSON: a FeatureCollection with the columns as properties and the geometry written by JTS
 *       {@link GeoJsonWriter} (lon/lat to 6 decimals, about 0.1 m; exterior rings counter-clockwise; no
 *       {@code crs} member).</li>
 *   <li>GeoPackage: written with the NGA GeoPackage library: a feature table in EPSG:4326 with a
 *       {@code geom} column, or an attributes table for a table without geometry; columns typed as declared.</li>
 * </ul>
 * Numbers have the same digits in CSV and GeoJSON ({@link org.wardheat.output.Numbers#text(Number)}).
 */
public final class Exporter {
    /** The JSON settings of every JSON answer (dates as ISO text). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** Decimal places of lon/lat in GeoJSON geometry: 6 places of a degree is about 0.1 m (RFC 7946 §11.2). */
    public static final int COORDINATE_DECIMALS = 6;
    /** GeoPackage coordinates are WGS84 lon/lat. */
    public static final int SRS_ID = 4326;
    /** The GeoPackage version written in {@code PRAGMA user_version}: 1.3.0. */
    static final int GPKG_VERSION = 10300;

    public enum Format {
        GEOJSON("geojson", "application/geo+json"), CSV("csv", "text/csv; charset=utf-8"), GPKG("gpkg", "application/geopackage+sqlite3");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    private Exporter() {
    }

    public static byte[] bytes(FeatureTable t, Format f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(t, f, Map.of(), out);
        return out.toByteArray();
    }

    /**
     * Writes {@code t} in format {@code f} to {@code out} (not closed).
     *
     * @param members foreign members written beside the features in GeoJSON (a layer's parameters), as
     *                RFC 7946 §6.1 allows; ignored by the other formats
     */
    public static void write(FeatureTable t, Format f, Map<String, ?> members, OutputStream out) throws IOException {
        switch (f) {
            case GEOJSON -> geojson(t, members, out);
            case CSV -> csv(t, out);
            case GPKG -> {
                Path dir = Files.createTempDirectory("wardheat-export");
                Path file = dir.resolve("export.gpkg");
                try {
                    geopackage(t, file);
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir.resolve("export.gpkg-journal"));
                    Files.deleteIfExists(dir);
                }
            }
        }
    }

    public static void csv(FeatureTable t, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(w);
        csv.row(t.columnNames());
        for (List<Object> row : t.rows()) {
            csv.row(row, Exporter::cell);
        }
        w.flush();
    }

    public static void geojson(FeatureTable t, Map<String, ?> members, OutputStream out) throws IOException {
        geojson(t, members, COORDINATE_DECIMALS, out);
    }

    /**
     * As {@link #geojson(FeatureTable, Map, OutputStream)}, with the geometry's coordinates written to
     * {@code decimals} places (e.g. 2 for metres when the OGC API serves a projected CRS).
     */
    public static void geojson(FeatureTable t, Map<String, ?> members, int decimals, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", t.name());
            for (var m : t.parameters().entrySet()) {
                if (!members.containsKey(m.getKey())) {
                    g.writeFieldName(m.getKey());
                    JSON.writeValue(g, m.getValue());
                }
            }
            for (var m : members.entrySet()) {
                g.writeFieldName(m.getKey());
                JSON.writeValue(g, m.getValue());
            }
            g.writeArrayFieldStart("features");
            for (int r = 0; r < t.rows().size(); r++) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                List<Object> row = t.rows().get(r);
                if (t.idIndex() >= 0) {
                    g.writeFieldName("id");
                    value(g, row.get(t.idIndex()));
                }
                g.writeObjectFieldStart("properties");
                for (int c = 0; c < t.columns().size(); c++) {
                    g.writeFieldName(t.columns().get(c).name());
                    value(g, row.get(c));
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                Geometry geometry = t.geometries().get(r);
                if (geometry == null) {
                    g.writeNull();
                } else {
                    g.writeRawValue(geometry(geometry, decimals));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Number n) {
            g.writeNumber(Numbers.text(n));
        } else if (v instanceof Column.JsonValue j) {
            JSON.writeValue(g, j.value());
        } else if (v instanceof List<?> series) {
            g.writeStartArray();
            for (Object x : series) {
                value(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Writes a WGS84 geometry as an RFC 7946 geometry object (or JSON null) with JTS {@link GeoJsonWriter}:
     * 6 decimals, exterior rings counter-clockwise and holes clockwise, no {@code crs} member. Every
     * GeoJSON answer of wardheat writes its geometry here.
     */
    public static void writeGeometry(JsonGenerator g, Geometry geometry) throws IOException {
        if (geometry == null) {
            g.writeNull();
        } else {
            g.writeRawValue(geometry(geometry));
        }
    }

    /** The RFC 7946 text of a WGS84 geometry (see {@link #writeGeometry}). */
    public static String geometry(Geometry geometry) {
        return geometry(geometry, COORDINATE_DECIMALS);
    }

    /** The RFC 7946 text of a geometry with {@code decimals} decimal places (e.g. 1 for metres). */
    public static String geometry(Geometry geometry, int decimals) {
        GeoJsonWriter w = new GeoJsonWriter(decimals);
        w.setEncodeCRS(false);
        w.setForceCCW(true);
        return w.write(geometry);
    }

    /**
     * Writes a new GeoPackage file (which must not exist; its name must end in {@code .gpkg}) holding the
     * table under its name: features in EPSG:4326, or an attributes table when no row has a geometry.
     */
    public static void geopackage(FeatureTable t, Path file) throws IOException {
        try {
            GeoPackageManager.create(file.toFile());
            try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
                // The tables written use nothing newer than GeoPackage 1.3; saying so lets GDAL before 3.8
                // (Debian 12 has 3.6), and the QGIS builds on it, open the file without a "partially supported" warning.
                gp.execSQL("PRAGMA user_version = " + GPKG_VERSION);
                gp.createGeometryColumnsTable(); // GDAL lists an attributes-only package's tables only when it exists
                if (t.hasGeometry()) {
                    features(gp, t);
                } else {
                    attributes(gp, t);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void features(GeoPackage gp, FeatureTable t) throws IOException {
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(t.name(), "geom"));
        gc.setGeometryType(GeometryType.fromName(geometryType(t)));
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(SRS_ID); // every GeoPackage has the EPSG:4326 row
        List<FeatureColumn> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(FeatureColumn.createColumn(c.name(), dataType(c)));
        }
        Envelope e = new Envelope();
        t.geometries().stream().filter(Objects::nonNull).forEach(g -> e.expandToInclude(g.getEnvelopeInternal()));
        gp.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns,
                new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())));
        FeatureDao dao = gp.getFeatureDao(t.name());
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        insert(gp, t, r -> {
            FeatureRow row = dao.newRow();
            Geometry g = t.geometries().get(r);
            if (g != null) {
                try {
                    row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(SRS_ID, wkb.write(g)));
                } catch (IOException bad) {
                    throw new java.io.UncheckedIOException(bad);
                }
            }
            return row;
        }, dao::insert);
    }

    /** Adds every row of {@code t} in one transaction: a new row, its values, then {@code insert}. */
    private static <R extends UserRow<?, ?>> void insert(GeoPackage gp, FeatureTable t, IntFunction<R> newRow, Consumer<R> insert) {
        gp.beginTransaction();
        boolean done = false;
        try {
            for (int r = 0; r < t.rows().size(); r++) {
                R row = newRow.apply(r);
                List<Object> values = t.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = cell(values.get(c));
                    // a text column may hold numbers beside marks such as "<5" (a table after Disclosure)
                    row.setValue(t.columns().get(c).name(), t.columns().get(c).type() == Column.Type.TEXT && v instanceof Number n ? Numbers.text(n) : v);
                }
                insert.accept(row);
            }
            done = true;
        } finally {
            gp.endTransaction(done);
        }
    }

    /** A series as {@code 1;2;3}, a JSON value as its JSON text (CSV and GeoPackage); other values as they are. */
    static Object cell(Object v) {
        if (v instanceof Column.JsonValue j) {
            try {
                return JSON.writeValueAsString(j.value());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + j.value() + " as JSON", e);
            }
        }
        if (v instanceof List<?> series) {
            StringBuilder s = new StringBuilder();
            for (Object x : series) {
                s.append(s.length() == 0 ? "" : ";").append(Numbers.text((Number) x));
            }
            return s.toString();
        }
        return v;
    }

    private static void attributes(GeoPackage gp, FeatureTable t) {
        List<AttributesColumn> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(AttributesColumn.createColumn(c.name(), dataType(c)));
        }
        gp.createAttributesTable(AttributesTableMetadata.create(t.name(), "fid", columns));
        AttributesDao dao = gp.getAttributesDao(t.name());
        insert(gp, t, r -> dao.newRow(), dao::insert);
    }

    private static GeoPackageDataType dataType(Column c) {
        return switch (c.type()) {
            case TEXT, SERIES, JSON -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.DOUBLE;
        };
    }

    /** The one geometry type of all rows (POINT, POLYGON, MULTIPOLYGON...), or GEOMETRY when they differ. */
    static String geometryType(FeatureTable t) {
        Set<String> types = new TreeSet<>();
        t.geometries().stream().filter(Objects::nonNull).forEach(g -> types.add(g.getGeometryType().toUpperCase(Locale.ROOT)));
        return types.size() == 1 ? types.iterator().next() : "GEOMETRY";
    }
}
